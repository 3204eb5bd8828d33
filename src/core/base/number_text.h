// Number text: JSON-grammar numbers in the shortest exact form, whole numbers; std only, locale-independent.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace catgeo {

// Shortest text in JSON number grammar that strtod reads back as exactly `value` (e.g. "0.003",
// "1e-5", "-2.5"), independent of the C locale; "null" when not finite.
std::string format_number(double value);
// Reads a complete JSON-grammar number (no spaces, no '+', no inf/nan), locale-independent; false on
// anything else or when the magnitude overflows a double.
bool parse_number(std::string_view text, double& out);
// Length of the longest JSON-grammar number at the start of `text` (0 if none).
std::size_t json_number_length(std::string_view text);

// -?digits; saturates at +-LLONG_MAX (a range check then reports it). False on anything else.
bool parse_int(std::string_view text, long long& out);
// digits only, 0 .. 2^64-1; false on anything else or overflow.
bool parse_uint64(std::string_view text, std::uint64_t& out);

}  // namespace catgeo
