// JSON parser (recursive descent, depth-limited), writer and locale-independent number text; std only.
#include "core/json.h"

#include <cerrno>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace catgeo {

JsonValue JsonValue::boolean(bool b) {
  JsonValue v;
  v.type_ = Type::boolean;
  v.bool_ = b;
  return v;
}

JsonValue JsonValue::number(double x) {
  JsonValue v;
  v.type_ = Type::number;
  v.number_ = x;
  return v;
}

JsonValue JsonValue::string(std::string text) {
  JsonValue v;
  v.type_ = Type::string;
  v.string_ = std::move(text);
  return v;
}

JsonValue JsonValue::array() {
  JsonValue v;
  v.type_ = Type::array;
  return v;
}

JsonValue JsonValue::object() {
  JsonValue v;
  v.type_ = Type::object;
  return v;
}

const std::string& JsonValue::as_string() const {
  static const std::string empty;
  return is_string() ? string_ : empty;
}

const JsonValue* JsonValue::at(std::size_t index) const {
  return is_array() && index < items_.size() ? &items_[index] : nullptr;
}

const JsonValue* JsonValue::find(std::string_view key) const {
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) return &items_[i];
  }
  return nullptr;
}

void JsonValue::push_back(JsonValue value) {
  if (is_array()) items_.push_back(std::move(value));
}

void JsonValue::set(std::string key, JsonValue value) {
  if (!is_object()) return;
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == key) {
      items_[i] = std::move(value);
      return;
    }
  }
  keys_.push_back(std::move(key));
  items_.push_back(std::move(value));
}

// ---- numbers -------------------------------------------------------------------------------

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the longest JSON-grammar number at the start of `text` (0 if none).
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

// ---- parser --------------------------------------------------------------------------------

namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<JsonValue> run() {
    Result<JsonValue> result;
    skip_space();
    if (!parse_value(result.value, 0)) return Result<JsonValue>::fail(error_);
    skip_space();
    if (pos_ < text_.size()) {
      fail("end of document after the top-level value");
      return Result<JsonValue>::fail(error_);
    }
    return result;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;

  bool fail(const std::string& expected) {
    if (!error_.empty()) return false;
    int line = 1, column = 1;
    for (std::size_t i = 0; i < pos_ && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string found = "end of text";
    if (pos_ < text_.size()) {
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c >= 0x20 && c < 0x7f) {
        found = std::string("'") + static_cast<char>(c) + "'";
      } else {
        char hex[16];
        std::snprintf(hex, sizeof hex, "byte 0x%02X", c);
        found = hex;
      }
    }
    error_ = "JSON line " + std::to_string(line) + ", column " + std::to_string(column) +
             ": expected " + expected + ", found " + found + "; fix the text there and load it again";
    return false;
  }

  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++pos_;
    }
  }

  bool consume_word(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return fail(std::string("'") + std::string(word) + "'");
    pos_ += word.size();
    return true;
  }

  bool parse_value(JsonValue& out, int depth) {
    if (pos_ >= text_.size()) return fail("a value");
    switch (text_[pos_]) {
      case '{': return parse_object(out, depth + 1);
      case '[': return parse_array(out, depth + 1);
      case '"': {
        std::string s;
        if (!parse_string(s)) return false;
        out = JsonValue::string(std::move(s));
        return true;
      }
      case 't': out = JsonValue::boolean(true); return consume_word("true");
      case 'f': out = JsonValue::boolean(false); return consume_word("false");
      case 'n': out = JsonValue(); return consume_word("null");
      default: return parse_number_value(out);
    }
  }

  bool parse_number_value(JsonValue& out) {
    const std::size_t length = json_number_length(text_.substr(pos_));
    if (length == 0) return fail("a value (object, array, string, number, true, false or null)");
    double x = 0.0;
    if (!parse_number(text_.substr(pos_, length), x)) return fail("a number within the range of a double");
    pos_ += length;
    out = JsonValue::number(x);
    return true;
  }

  bool enter(int depth) {
    if (depth > kJsonMaxDepth) {
      return fail("at most " + std::to_string(kJsonMaxDepth) + " levels of nesting");
    }
    ++pos_;  // the opening bracket
    skip_space();
    return true;
  }

  bool parse_array(JsonValue& out, int depth) {
    if (!enter(depth)) return false;
    out = JsonValue::array();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      JsonValue element;
      if (!parse_value(element, depth)) return false;
      out.push_back(std::move(element));
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        skip_space();
      } else if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return true;
      } else {
        return fail("',' or ']' after an array element");
      }
    }
  }

  bool parse_object(JsonValue& out, int depth) {
    if (!enter(depth)) return false;
    out = JsonValue::object();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      if (pos_ >= text_.size() || text_[pos_] != '"') return fail("a '\"'-quoted member name");
      const std::size_t key_pos = pos_;
      std::string key;
      if (!parse_string(key)) return false;
      if (out.find(key)) {
        pos_ = key_pos;
        return fail("a member name not used before in this object (duplicate '" + key + "')");
      }
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != ':') return fail("':' after the member name");
      ++pos_;
      skip_space();
      JsonValue member;
      if (!parse_value(member, depth)) return false;
      out.set(std::move(key), std::move(member));
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        skip_space();
      } else if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return true;
      } else {
        return fail("',' or '}' after an object member");
      }
    }
  }

  bool parse_hex4(std::uint32_t& code) {
    code = 0;
    for (int k = 0; k < 4; ++k) {
      if (pos_ >= text_.size()) return fail("four hex digits after \\u");
      const char c = text_[pos_];
      std::uint32_t digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        digit = static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return fail("four hex digits after \\u");
      }
      code = code * 16 + digit;
      ++pos_;
    }
    return true;
  }

  static void append_utf8(std::uint32_t code, std::string& out) {
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }

  bool parse_unicode_escape(std::string& out) {
    std::uint32_t code = 0;
    if (!parse_hex4(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) {
      pos_ -= 6;
      return fail("a high surrogate \\uD800-\\uDBFF before a low surrogate");
    }
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (text_.substr(pos_, 2) != "\\u") return fail("a low surrogate \\uDC00-\\uDFFF after a high one");
      pos_ += 2;
      std::uint32_t low = 0;
      if (!parse_hex4(low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) {
        pos_ -= 6;
        return fail("a low surrogate \\uDC00-\\uDFFF after a high one");
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(code, out);
    return true;
  }

  bool parse_string(std::string& out) {
    ++pos_;  // opening quote
    while (true) {
      if (pos_ >= text_.size()) return fail("a closing '\"'");
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return fail("a control character escaped (\\n, \\t, \\u00XX)");
      if (c != '\\') {
        out.push_back(c);
        ++pos_;
        continue;
      }
      ++pos_;
      if (pos_ >= text_.size()) return fail("an escape character after '\\'");
      const char e = text_[pos_++];
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u':
          if (!parse_unicode_escape(out)) return false;
          break;
        default:
          --pos_;
          return fail("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
      }
    }
  }
};

void write_string(const std::string& s, std::string& out) {
  out.push_back('"');
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buffer;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void write_value(const JsonValue& v, std::string& out) {
  switch (v.type()) {
    case JsonValue::Type::null: out += "null"; break;
    case JsonValue::Type::boolean: out += v.as_bool() ? "true" : "false"; break;
    case JsonValue::Type::number: out += format_number(v.as_number()); break;
    case JsonValue::Type::string: write_string(v.as_string(), out); break;
    case JsonValue::Type::array:
      out.push_back('[');
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out.push_back(',');
        write_value(v.items()[i], out);
      }
      out.push_back(']');
      break;
    case JsonValue::Type::object:
      out.push_back('{');
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out.push_back(',');
        write_string(v.keys()[i], out);
        out.push_back(':');
        write_value(v.items()[i], out);
      }
      out.push_back('}');
      break;
  }
}

}  // namespace

Result<JsonValue> parse_json(std::string_view text) { return Parser(text).run(); }

std::string to_json(const JsonValue& value) {
  std::string out;
  write_value(value, out);
  return out;
}

}  // namespace catgeo
