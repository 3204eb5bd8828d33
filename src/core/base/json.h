// Small JSON value (objects keep key order), strict non-throwing parser and writer; std only.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/number_text.h"  // format_number, parse_number (part of this API)
#include "core/base/status.h"

namespace catgeo {

class JsonValue {
 public:
  enum class Type { null, boolean, number, string, array, object };

  JsonValue() = default;  // null
  static JsonValue boolean(bool b);
  static JsonValue number(double x);
  static JsonValue string(std::string text);
  static JsonValue array();
  static JsonValue object();

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::null; }
  bool is_bool() const { return type_ == Type::boolean; }
  bool is_number() const { return type_ == Type::number; }
  bool is_string() const { return type_ == Type::string; }
  bool is_array() const { return type_ == Type::array; }
  bool is_object() const { return type_ == Type::object; }

  // Accessors never fail: the wrong type gives the fallback (or an empty string / list).
  bool as_bool(bool fallback = false) const { return is_bool() ? bool_ : fallback; }
  double as_number(double fallback = 0.0) const { return is_number() ? number_ : fallback; }
  const std::string& as_string() const;  // "" unless a string

  // Arrays: the elements; objects: the member values (in key order). Empty otherwise.
  const std::vector<JsonValue>& items() const { return items_; }
  // Objects: the keys, parallel to items(). Empty otherwise.
  const std::vector<std::string>& keys() const { return keys_; }
  std::size_t size() const { return items_.size(); }
  const JsonValue* at(std::size_t index) const;      // nullptr when out of range or not an array
  const JsonValue* find(std::string_view key) const;  // nullptr when absent or not an object

  // Building (programmer errors on the wrong type are ignored: they leave the value unchanged).
  void push_back(JsonValue value);              // arrays only
  void set(std::string key, JsonValue value);   // objects only; replaces an existing key in place

 private:
  Type type_ = Type::null;
  bool bool_ = false;
  double number_ = 0.0;
  std::string string_;
  std::vector<std::string> keys_;  // (size()) objects only
  std::vector<JsonValue> items_;   // (size()) array elements or object member values
};

constexpr int kJsonMaxDepth = 64;  // deeper nesting is rejected, so parsing never exhausts the stack

// Strict RFC 8259 parser: one value, no comments or trailing commas, no duplicate keys, \uXXXX
// escapes (surrogate pairs) become UTF-8. Errors read "JSON line L, column C: expected ...".
Result<JsonValue> parse_json(std::string_view text);

// Compact JSON text; numbers in the shortest form that reads back exactly; non-finite numbers as null.
std::string to_json(const JsonValue& value);

}  // namespace catgeo
