// MNIST asset codec: header validation, CRC-32, byte <-> float pixels, digit selection.
#include "core/data/mnist_asset.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>

#include "core/base/check.h"

namespace catgeo {
namespace {

constexpr char kMagic[8] = {'C', 'G', 'M', 'N', 'I', 'S', 'T', '\0'};

std::array<std::uint32_t, 256> make_crc_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}

std::uint32_t read_u32(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

void write_u32(std::uint8_t* p, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) p[k] = static_cast<std::uint8_t>(v >> (8 * k));
}

std::string hex32(std::uint32_t v) {
  const char* digits = "0123456789abcdef";
  std::string text = "0x";
  for (int shift = 28; shift >= 0; shift -= 4) text += digits[(v >> shift) & 0xFu];
  return text;
}

}  // namespace

std::uint32_t crc32(const std::uint8_t* bytes, std::size_t size) {
  static const std::array<std::uint32_t, 256> table = make_crc_table();
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < size; ++i) c = table[(c ^ bytes[i]) & 0xFFu] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

Result<Dataset> load_mnist_asset(const std::uint8_t* bytes, std::size_t size) {
  using R = Result<Dataset>;
  if (size == 0 || bytes == nullptr) return R::fail("MNIST asset is empty (0 bytes)");
  if (size < kMnistAssetHeaderBytes)
    return R::fail("MNIST asset is truncated: expected at least " + std::to_string(kMnistAssetHeaderBytes) +
                   " header bytes, got " + std::to_string(size));
  if (std::memcmp(bytes, kMagic, sizeof(kMagic)) != 0)
    return R::fail("not a CatGeo MNIST asset (bad magic, expected \"CGMNIST\"); load assets/mnist14.cgd or "
                   "assets/mnist7.cgd");
  const std::uint32_t version = read_u32(bytes + 8);
  const std::uint32_t count = read_u32(bytes + 12);
  const std::uint32_t rows = read_u32(bytes + 16);
  const std::uint32_t cols = read_u32(bytes + 20);
  const std::uint32_t num_classes = read_u32(bytes + 24);
  const std::uint32_t stored_crc = read_u32(bytes + 28);
  if (version != kMnistAssetVersion)
    return R::fail("MNIST asset format version " + std::to_string(version) +
                   " is not supported (this build reads version " + std::to_string(kMnistAssetVersion) + ")");
  if (!((rows == 14 && cols == 14) || (rows == 7 && cols == 7)))
    return R::fail("MNIST asset has " + std::to_string(rows) + "x" + std::to_string(cols) +
                   " images, expected 14x14 or 7x7");
  if (count == 0) return R::fail("MNIST asset holds no samples (count is 0)");
  if (num_classes < 1 || num_classes > 256)
    return R::fail("MNIST asset declares " + std::to_string(num_classes) + " classes, expected 1 to 256");
  // 64-bit arithmetic: count < 2^32 and pixels <= 196, so this cannot overflow; nothing is allocated yet.
  const std::uint64_t pixels = static_cast<std::uint64_t>(rows) * cols;
  const std::uint64_t expected = kMnistAssetHeaderBytes + static_cast<std::uint64_t>(count) * (1 + pixels);
  if (size < expected)
    return R::fail("MNIST asset is truncated: expected " + std::to_string(expected) + " bytes, got " +
                   std::to_string(size));
  if (size > expected)
    return R::fail("MNIST asset has " + std::to_string(size - expected) + " trailing bytes: expected " +
                   std::to_string(expected) + " bytes, got " + std::to_string(size));
  const std::uint8_t* payload = bytes + kMnistAssetHeaderBytes;
  const std::uint32_t computed_crc = crc32(payload, size - kMnistAssetHeaderBytes);
  if (computed_crc != stored_crc)
    return R::fail("MNIST asset checksum mismatch (stored " + hex32(stored_crc) + ", computed " +
                   hex32(computed_crc) + "): the file is damaged");
  for (std::uint32_t j = 0; j < count; ++j) {
    if (payload[j] >= num_classes)
      return R::fail("MNIST asset sample " + std::to_string(j) + " has label " + std::to_string(payload[j]) +
                     " but the header declares " + std::to_string(num_classes) + " classes");
  }

  Result<Dataset> out;
  Dataset& data = out.value;
  data.num_classes = static_cast<int>(num_classes);
  data.labels.assign(payload, payload + count);
  data.inputs.resize(static_cast<Eigen::Index>(pixels), static_cast<Eigen::Index>(count));  // (pixels, n)
  const std::uint8_t* images = payload + count;
  float* dst = data.inputs.data();  // column-major: column j is image j, row-major pixel order
  for (std::uint64_t i = 0; i < pixels * count; ++i) dst[i] = static_cast<float>(images[i]) / 255.0f;
  return out;
}

std::vector<std::uint8_t> encode_mnist_asset(const Dataset& data) {
  const int pixels = data.input_dim();
  CATGEO_CHECK(pixels == 196 || pixels == 49, "encode_mnist_asset needs 14x14 or 7x7 images");
  CATGEO_CHECK(data.num_classes >= 1 && data.num_classes <= 256, "encode_mnist_asset needs 1..256 classes");
  CATGEO_CHECK(data.size() >= 1 && data.inputs.cols() == data.size(), "encode_mnist_asset needs samples");
  const std::uint32_t side = pixels == 196 ? 14 : 7;
  const std::size_t count = static_cast<std::size_t>(data.size());
  std::vector<std::uint8_t> bytes(kMnistAssetHeaderBytes + count * (1 + static_cast<std::size_t>(pixels)));
  std::uint8_t* payload = bytes.data() + kMnistAssetHeaderBytes;
  for (std::size_t j = 0; j < count; ++j) {
    const int label = data.labels[j];
    CATGEO_CHECK(label >= 0 && label < data.num_classes, "encode_mnist_asset: label out of range");
    payload[j] = static_cast<std::uint8_t>(label);
  }
  std::uint8_t* images = payload + count;
  const float* src = data.inputs.data();  // (pixels, n), column-major
  for (std::size_t i = 0; i < count * static_cast<std::size_t>(pixels); ++i) {
    const float v = std::min(1.0f, std::max(0.0f, src[i]));
    images[i] = static_cast<std::uint8_t>(std::lround(v * 255.0f));
  }
  std::memcpy(bytes.data(), kMagic, sizeof(kMagic));
  write_u32(bytes.data() + 8, kMnistAssetVersion);
  write_u32(bytes.data() + 12, static_cast<std::uint32_t>(count));
  write_u32(bytes.data() + 16, side);
  write_u32(bytes.data() + 20, side);
  write_u32(bytes.data() + 24, static_cast<std::uint32_t>(data.num_classes));
  write_u32(bytes.data() + 28, crc32(payload, bytes.size() - kMnistAssetHeaderBytes));
  return bytes;
}

Dataset select_digits(const Dataset& data, const std::vector<int>& digits) {
  std::vector<int> new_label(static_cast<std::size_t>(data.num_classes), -1);
  for (std::size_t k = 0; k < digits.size(); ++k) {
    CATGEO_CHECK(digits[k] >= 0 && digits[k] < data.num_classes, "select_digits: digit out of range");
    CATGEO_CHECK(new_label[digits[k]] == -1, "select_digits: digit listed twice");
    new_label[digits[k]] = static_cast<int>(k);
  }
  std::vector<int> kept;
  for (int j = 0; j < data.size(); ++j)
    if (new_label[data.labels[j]] >= 0) kept.push_back(j);
  Dataset out = data.subset(kept);
  out.num_classes = static_cast<int>(digits.size());
  for (int& label : out.labels) label = new_label[label];
  return out;
}

}  // namespace catgeo
