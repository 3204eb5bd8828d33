// Tests of the MNIST asset codec: round trip, every validation error, digit selection, the generated assets.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/data/mnist_asset.h"
#include "core/base/rng.h"
#include "test.h"
#include "test_assets.h"

namespace {

using catgeo::Dataset;
using Bytes = std::vector<std::uint8_t>;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// n samples of side x side pixels that are exact multiples of 1/255, labels cycling over num_classes.
Dataset make_dataset(int n, int side, int num_classes, std::uint64_t seed) {
  catgeo::Rng rng(seed);
  Dataset data;
  data.num_classes = num_classes;
  data.inputs.resize(side * side, n);  // (side*side, n), one column per sample
  for (int j = 0; j < n; ++j) {
    data.labels.push_back(j % num_classes);
    for (int p = 0; p < side * side; ++p) data.inputs(p, j) = static_cast<float>(rng.below(256)) / 255.0f;
  }
  return data;
}

std::string load_error(const Bytes& bytes) {
  const auto result = catgeo::load_mnist_asset(bytes.data(), bytes.size());
  return result.ok() ? std::string("(loaded without error)") : result.status.message;
}

void put_u32(Bytes& bytes, std::size_t offset, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) bytes[offset + k] = static_cast<std::uint8_t>(v >> (8 * k));
}

// Rewrites the stored checksum so that a deliberately edited payload passes the checksum test.
void reseal(Bytes& bytes) {
  put_u32(bytes, 28, catgeo::crc32(bytes.data() + 32, bytes.size() - 32));
}


}  // namespace

TEST_CASE("mnist_asset_crc32_check_value") {
  const std::string text = "123456789";
  CHECK(catgeo::crc32(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()) == 0xCBF43926u);
  CHECK(catgeo::crc32(nullptr, 0) == 0u);
}

TEST_CASE("mnist_asset_round_trip") {
  for (int side : {14, 7}) {
    const Dataset data = make_dataset(37, side, 10, 5);
    const Bytes bytes = catgeo::encode_mnist_asset(data);
    CHECK(bytes.size() == 32 + 37 * (1 + static_cast<std::size_t>(side * side)));
    const auto loaded = catgeo::load_mnist_asset(bytes.data(), bytes.size());
    CHECK_MESSAGE(loaded.ok(), loaded.status.message);
    if (!loaded.ok()) continue;
    CHECK(loaded.value.num_classes == 10);
    CHECK(loaded.value.labels == data.labels);
    CHECK((loaded.value.inputs.rows() == side * side && loaded.value.inputs.cols() == 37));
    CHECK_NEAR((loaded.value.inputs - data.inputs).cwiseAbs().maxCoeff(), 0.0, 0.0);
    CHECK(catgeo::encode_mnist_asset(loaded.value) == bytes);
  }
  // Values between grey levels are quantised to the nearest level, out-of-range values are clamped.
  Dataset data = make_dataset(3, 7, 2, 6);
  data.inputs(0, 0) = 0.1234f;
  data.inputs(1, 0) = -0.5f;
  data.inputs(2, 0) = 1.5f;
  const Bytes bytes = catgeo::encode_mnist_asset(data);
  const auto loaded = catgeo::load_mnist_asset(bytes.data(), bytes.size());
  CHECK_NEAR(loaded.value.inputs(0, 0), 0.1234, 0.5 / 255.0);
  CHECK_NEAR(loaded.value.inputs(1, 0), 0.0, 0.0);
  CHECK_NEAR(loaded.value.inputs(2, 0), 1.0, 0.0);
}

TEST_CASE("mnist_asset_rejects_empty_and_truncated") {
  const Bytes bytes = catgeo::encode_mnist_asset(make_dataset(20, 7, 10, 7));
  CHECK(contains(load_error(Bytes()), "MNIST asset is empty (0 bytes)"));
  CHECK_MESSAGE(!contains(load_error(Bytes()), "scripts/"), load_error(Bytes()));  // the page's reader has no scripts
  const std::size_t full = bytes.size();
  for (std::size_t length : {std::size_t{1}, std::size_t{31}}) {
    const std::string error = load_error(Bytes(bytes.begin(), bytes.begin() + length));
    CHECK_MESSAGE(contains(error, "truncated: expected at least 32 header bytes, got " + std::to_string(length)),
                  error);
  }
  for (std::size_t length : {std::size_t{32}, std::size_t{33}, std::size_t{32 + 20}, full / 2, full - 1}) {
    const std::string error = load_error(Bytes(bytes.begin(), bytes.begin() + length));
    CHECK_MESSAGE(contains(error, "MNIST asset is truncated: expected " + std::to_string(full) + " bytes, got " +
                                      std::to_string(length)),
                  error);
  }
  Bytes longer = bytes;
  longer.push_back(0);
  CHECK_MESSAGE(contains(load_error(longer), "1 trailing bytes"), load_error(longer));
}

TEST_CASE("mnist_asset_rejects_bad_header") {
  const Bytes good = catgeo::encode_mnist_asset(make_dataset(12, 14, 10, 8));
  Bytes bytes = good;
  bytes[0] = 'X';
  CHECK_MESSAGE(contains(load_error(bytes), "not a CatGeo MNIST asset (bad magic"), load_error(bytes));
  bytes = good;
  put_u32(bytes, 8, 2);
  CHECK_MESSAGE(contains(load_error(bytes), "format version 2 is not supported (this build reads version 1)"),
                load_error(bytes));
  bytes = good;
  put_u32(bytes, 16, 28);
  put_u32(bytes, 20, 7);
  CHECK_MESSAGE(contains(load_error(bytes), "has 28x7 images, expected 14x14 or 7x7"), load_error(bytes));
  bytes = good;
  put_u32(bytes, 12, 0);
  CHECK_MESSAGE(contains(load_error(bytes), "holds no samples"), load_error(bytes));
  for (std::uint32_t classes : {0u, 257u}) {
    bytes = good;
    put_u32(bytes, 24, classes);
    CHECK_MESSAGE(contains(load_error(bytes), "declares " + std::to_string(classes) + " classes, expected 1 to 256"),
                  load_error(bytes));
  }
}

TEST_CASE("mnist_asset_rejects_huge_declared_count") {
  // A header claiming 2^32 - 1 samples must be rejected from the byte length, before any allocation.
  Bytes bytes = catgeo::encode_mnist_asset(make_dataset(4, 14, 10, 9));
  put_u32(bytes, 12, 0xFFFFFFFFu);
  const std::string expected = std::to_string(32ull + 0xFFFFFFFFull * 197ull);
  CHECK_MESSAGE(contains(load_error(bytes), "truncated: expected " + expected + " bytes, got " +
                                                std::to_string(bytes.size())),
                load_error(bytes));
}

TEST_CASE("mnist_asset_rejects_corrupt_payload") {
  const Bytes good = catgeo::encode_mnist_asset(make_dataset(15, 7, 10, 10));
  for (std::size_t offset : {std::size_t{32}, std::size_t{32 + 15 + 100}, good.size() - 1}) {
    Bytes bytes = good;
    bytes[offset] ^= 0x10;
    CHECK_MESSAGE(contains(load_error(bytes), "checksum mismatch (stored 0x"), load_error(bytes));
    CHECK_MESSAGE(contains(load_error(bytes), "the file is damaged"), load_error(bytes));
  }
  Bytes bytes = good;
  bytes[32 + 4] = 10;  // label of sample 4, with a valid checksum
  reseal(bytes);
  CHECK_MESSAGE(contains(load_error(bytes), "sample 4 has label 10 but the header declares 10 classes"),
                load_error(bytes));
}

TEST_CASE("mnist_select_digits_relabels_in_given_order") {
  Dataset data = make_dataset(30, 7, 10, 11);  // labels 0..9, 0..9, 0..9
  const Dataset picked = catgeo::select_digits(data, {8, 3});
  CHECK((picked.num_classes == 2 && picked.size() == 6));
  const std::vector<int> expected_labels = {1, 0, 1, 0, 1, 0};  // 3, 8, 3, 8, ... in the original order
  CHECK(picked.labels == expected_labels);
  CHECK_NEAR((picked.inputs.col(0) - data.inputs.col(3)).cwiseAbs().maxCoeff(), 0.0, 0.0);
  CHECK_NEAR((picked.inputs.col(1) - data.inputs.col(8)).cwiseAbs().maxCoeff(), 0.0, 0.0);
  CHECK_NEAR((picked.inputs.col(5) - data.inputs.col(28)).cwiseAbs().maxCoeff(), 0.0, 0.0);
}

TEST_CASE("mnist_generated_assets_load_and_match_encoder") {
  // The files written by scripts/make_mnist_asset.mjs: the C++ encoder must reproduce them byte for byte.
  const std::vector<int> expected_counts = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
  for (const char* name : {"mnist14.cgd", "mnist7.cgd"}) {
    Bytes bytes;
    std::string tried;
    if (!catgeo::test::read_asset(name, bytes, tried)) {
      std::printf("    skipped: %s not found (tried %s); run node scripts/make_mnist_asset.mjs\n", name,
                  tried.c_str());
      continue;
    }
    const auto loaded = catgeo::load_mnist_asset(bytes.data(), bytes.size());
    CHECK_MESSAGE(loaded.ok(), name << ": " << loaded.status.message);
    if (!loaded.ok()) continue;
    const Dataset& data = loaded.value;
    CHECK((data.size() == 10000 && data.num_classes == 10));
    CHECK(data.input_dim() == (name[5] == '1' ? 196 : 49));
    CHECK(data.class_counts() == expected_counts);
    bool sorted = true;
    for (int j = 1; j < data.size(); ++j) sorted = sorted && data.labels[j - 1] <= data.labels[j];
    CHECK(sorted);
    CHECK((data.inputs.minCoeff() >= 0.0f && data.inputs.maxCoeff() <= 1.0f));
    const double mean = data.inputs.cast<double>().mean();  // MNIST's mean intensity is about 0.13
    CHECK_MESSAGE((mean > 0.10 && mean < 0.16), name << " mean intensity " << mean);
    CHECK(catgeo::encode_mnist_asset(data) == bytes);
  }
}
