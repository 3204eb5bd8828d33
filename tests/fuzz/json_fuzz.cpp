// libFuzzer target: parse any bytes as JSON; a parsed document must write and re-parse to the same text.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/base/json.h"
#include "core/data/mixture_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const catgeo::Result<catgeo::JsonValue> first = catgeo::parse_json(text);
  const auto mixture = catgeo::mixture_from_json(first.value);  // must never crash either
  if (mixture.ok() && !catgeo::parse_mixture_json(catgeo::mixture_to_json(mixture.value)).ok()) {
    std::fprintf(stderr, "mixture did not re-read: %s\n", catgeo::mixture_to_json(mixture.value).c_str());
    std::abort();
  }
  if (!first.ok()) return 0;
  const std::string written = catgeo::to_json(first.value);
  const catgeo::Result<catgeo::JsonValue> second = catgeo::parse_json(written);
  if (!second.ok() || catgeo::to_json(second.value) != written) {
    std::fprintf(stderr, "JSON did not round-trip: %s\n", written.c_str());
    std::abort();
  }
  return 0;
}
