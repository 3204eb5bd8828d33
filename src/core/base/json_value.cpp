// JsonValue: the JSON value model (constructors, lookups, building); std only.
#include "core/base/json.h"

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

}  // namespace catgeo
