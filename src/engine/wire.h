// Little-endian byte writer and bounds-checked reader for the engine protocol; a short or corrupt message
// makes the reader fail (ok() false), never read past the end. std only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace catgeo {

class WireWriter {
 public:
  WireWriter() = default;
  explicit WireWriter(std::vector<std::uint8_t> storage) : bytes_(std::move(storage)) { bytes_.clear(); }
  void u8(std::uint8_t v) { bytes_.push_back(v); }
  void u32(std::uint32_t v);
  void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
  void f64(double v);
  void boolean(bool v) { u8(v ? 1 : 0); }
  void text(const std::string& s);
  void raw(const void* data, std::size_t size);  // size bytes, no length prefix
  std::vector<std::uint8_t>& bytes() { return bytes_; }

 private:
  std::vector<std::uint8_t> bytes_;
};

class WireReader {
 public:
  WireReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::uint8_t u8();
  std::uint32_t u32();
  std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
  double f64();
  bool boolean() { return u8() != 0; }
  std::string text();
  bool raw(void* out, std::size_t size);
  // A count of items of `item_bytes` each that must still fit in the message (0 and fail() when not).
  std::size_t count(std::size_t item_bytes);
  bool fits(std::size_t bytes) const { return ok_ && bytes <= size_ - pos_; }  // that many bytes are left
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == size_; }
  void fail() { ok_ = false; }

 private:
  bool take(std::size_t n);
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace catgeo
