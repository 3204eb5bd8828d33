// Strict JSON parser (recursive descent, depth-limited, RFC 8259); std only.
#include "core/base/json.h"

#include <cstdint>
#include <cstdio>

#include "core/base/number_text.h"

namespace catgeo {

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

}  // namespace

Result<JsonValue> parse_json(std::string_view text) { return Parser(text).run(); }

}  // namespace catgeo
