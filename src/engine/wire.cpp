// Byte writer/reader of the engine protocol (see wire.h).
#include "engine/wire.h"

#include <cstring>

namespace catgeo {

void WireWriter::u32(std::uint32_t v) {
  for (int k = 0; k < 4; ++k) bytes_.push_back(static_cast<std::uint8_t>(v >> (8 * k)));
}

void WireWriter::f64(double v) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  for (int k = 0; k < 8; ++k) bytes_.push_back(static_cast<std::uint8_t>(bits >> (8 * k)));
}

void WireWriter::text(const std::string& s) {
  u32(static_cast<std::uint32_t>(s.size()));
  raw(s.data(), s.size());
}

void WireWriter::raw(const void* data, std::size_t size) {
  if (size == 0) return;  // data may be null (an empty vector)
  const auto* p = static_cast<const std::uint8_t*>(data);
  bytes_.insert(bytes_.end(), p, p + size);
}

bool WireReader::take(std::size_t n) {
  if (!ok_ || n > size_ - pos_) {
    ok_ = false;
    return false;
  }
  return true;
}

std::uint8_t WireReader::u8() {
  if (!take(1)) return 0;
  return data_[pos_++];
}

std::uint32_t WireReader::u32() {
  if (!take(4)) return 0;
  std::uint32_t v = 0;
  for (int k = 0; k < 4; ++k) v |= static_cast<std::uint32_t>(data_[pos_ + k]) << (8 * k);
  pos_ += 4;
  return v;
}

double WireReader::f64() {
  if (!take(8)) return 0.0;
  std::uint64_t bits = 0;
  for (int k = 0; k < 8; ++k) bits |= static_cast<std::uint64_t>(data_[pos_ + k]) << (8 * k);
  pos_ += 8;
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

std::string WireReader::text() {
  const std::size_t n = count(1);
  if (!take(n)) return {};
  std::string s(reinterpret_cast<const char*>(data_ + pos_), n);
  pos_ += n;
  return s;
}

bool WireReader::raw(void* out, std::size_t size) {
  if (!take(size)) return false;
  if (size == 0) return true;  // out may be null (an empty vector)
  std::memcpy(out, data_ + pos_, size);
  pos_ += size;
  return true;
}

std::size_t WireReader::count(std::size_t item_bytes) {
  const std::uint32_t n = u32();
  if (!ok_) return 0;
  if (item_bytes > 0 && n > (size_ - pos_) / item_bytes) {
    ok_ = false;
    return 0;
  }
  return n;
}

}  // namespace catgeo
