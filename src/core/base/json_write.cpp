// Compact JSON writer: strings escaped, numbers in the shortest exact form; std only.
#include "core/base/json.h"

#include <cstdio>

#include "core/base/number_text.h"

namespace catgeo {
namespace {

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

std::string to_json(const JsonValue& value) {
  std::string out;
  write_value(value, out);
  return out;
}

}  // namespace catgeo
