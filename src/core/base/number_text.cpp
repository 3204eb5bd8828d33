// Number text: JSON-grammar numbers (shortest exact form, locale-independent) and whole numbers; std only.
#include "core/base/number_text.h"

#include <cerrno>
#include <climits>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace catgeo {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

char locale_decimal_point() {
  const std::lconv* conv = std::localeconv();
  return conv && conv->decimal_point && conv->decimal_point[0] ? conv->decimal_point[0] : '.';
}

// Rewrites printf %g output into JSON grammar: '.' decimal point, exponent without '+' or leading 0s.
std::string normalise_printed_number(const char* printed, char decimal_point) {
  std::string out;
  const char* p = printed;
  for (; *p && *p != 'e'; ++p) out.push_back(*p == decimal_point ? '.' : *p);
  if (*p == 'e') {
    out.push_back('e');
    ++p;
    if (*p == '-') out.push_back(*p);
    if (*p == '-' || *p == '+') ++p;
    while (*p == '0' && p[1] != '\0') ++p;
    out += p;
  }
  return out;
}

// "5e1" -> "50", "-1.25e-2" -> "-0.0125": the same digits written without an exponent.
std::string without_exponent(const std::string& text) {
  const std::size_t e = text.find('e');
  if (e == std::string::npos) return text;
  const bool negative = text[0] == '-';
  const std::string mantissa = text.substr(negative ? 1 : 0, e - (negative ? 1 : 0));
  const std::size_t dot = mantissa.find('.');
  std::string digits = mantissa;
  if (dot != std::string::npos) digits.erase(dot, 1);
  const long point = static_cast<long>(dot == std::string::npos ? mantissa.size() : dot) +
                     std::strtol(text.c_str() + e + 1, nullptr, 10);
  std::string out = negative ? "-" : "";
  if (point <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    out += digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    out += digits.substr(0, static_cast<std::size_t>(point)) + "." + digits.substr(static_cast<std::size_t>(point));
  }
  return out;
}

}  // namespace

std::size_t json_number_length(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (i < n && text[i] == '-') ++i;
  if (i >= n || !is_digit(text[i])) return 0;
  if (text[i] == '0') {
    ++i;
  } else {
    while (i < n && is_digit(text[i])) ++i;
  }
  if (i < n && text[i] == '.') {
    if (i + 1 >= n || !is_digit(text[i + 1])) return 0;
    i += 1;
    while (i < n && is_digit(text[i])) ++i;
  }
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < n && (text[j] == '+' || text[j] == '-')) ++j;
    if (j >= n || !is_digit(text[j])) return 0;
    while (j < n && is_digit(text[j])) ++j;
    i = j;
  }
  return i;
}

bool parse_number(std::string_view text, double& out) {
  if (text.empty() || json_number_length(text) != text.size() || text.size() > 1000) return false;
  std::string buffer(text);
  const char decimal_point = locale_decimal_point();
  if (decimal_point != '.') {
    for (char& c : buffer) {
      if (c == '.') c = decimal_point;
    }
  }
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(buffer.c_str(), &end);
  if (end != buffer.c_str() + buffer.size()) return false;
  if (errno == ERANGE && std::isinf(value)) return false;
  out = value;
  return true;
}

std::string format_number(double value) {
  if (!std::isfinite(value)) return "null";
  const char decimal_point = locale_decimal_point();
  std::string text;
  for (int precision = 1; precision <= 17; ++precision) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    text = normalise_printed_number(buffer, decimal_point);
    double back = 0.0;
    if (parse_number(text, back) && back == value && std::signbit(back) == std::signbit(value)) break;
  }
  const std::string plain = without_exponent(text);  // same digits; preferred unless longer
  return plain.size() <= text.size() ? plain : text;
}

bool parse_int(std::string_view s, long long& out) {
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  if (s.empty()) return false;
  long long value = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    const int digit = c - '0';
    value = value > (LLONG_MAX - digit) / 10 ? LLONG_MAX : value * 10 + digit;
  }
  out = negative ? -value : value;
  return true;
}

bool parse_uint64(std::string_view s, std::uint64_t& out) {
  if (s.empty()) return false;
  std::uint64_t value = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return false;
    value = value * 10 + digit;
  }
  out = value;
  return true;
}

}  // namespace catgeo
