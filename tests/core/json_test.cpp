// Tests of the JSON value, strict parser (valid documents, every error kind, depth limit) and writer.
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "core/base/json.h"
#include "test.h"

using catgeo::JsonValue;
using catgeo::parse_json;
using catgeo::to_json;

namespace {

bool error_contains(const char* text, const std::string& part) {
  const auto result = parse_json(text);
  return !result.ok() && result.status.message.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("json_parses_scalars_and_containers") {
  const auto doc = parse_json(" {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"x\"}, \"z\": 0} ");
  CHECK_MESSAGE(doc.ok(), doc.status.message);
  const JsonValue& v = doc.value;
  CHECK((v.is_object() && v.size() == 3));
  CHECK((v.keys()[0] == "a" && v.keys()[1] == "b" && v.keys()[2] == "z"));  // order kept
  const JsonValue* a = v.find("a");
  CHECK((a && a->is_array() && a->size() == 5));
  CHECK_NEAR(a->at(1)->as_number(), -2500.0, 0.0);
  CHECK((a->at(2)->as_bool() && !a->at(3)->as_bool(true) && a->at(4)->is_null()));
  CHECK((a->at(5) == nullptr && v.find("missing") == nullptr && a->find("a") == nullptr));
  CHECK(v.find("b")->find("c")->as_string() == "x");
  CHECK((v.find("z")->as_string().empty() && v.find("b")->as_number(7.0) == 7.0));
}

TEST_CASE("json_decodes_escapes_and_surrogate_pairs") {
  const auto doc = parse_json(R"(["a\"\\\/\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "\u0041"])");
  CHECK_MESSAGE(doc.ok(), doc.status.message);
  CHECK(doc.value.at(0)->as_string() == "a\"\\/\b\f\n\r\t");
  CHECK(doc.value.at(1)->as_string() == "\xC3\xA9\xE2\x82\xAC");
  CHECK(doc.value.at(2)->as_string() == "\xF0\x9F\x98\x80");
  CHECK(doc.value.at(3)->as_string() == "A");
}

TEST_CASE("json_errors_name_line_column_and_expectation") {
  CHECK(error_contains("{\"a\": 1,\n  \"b\" 2}", "line 2, column 7: expected ':'"));
  CHECK(error_contains("[1, 2", "expected ',' or ']'"));
  CHECK(error_contains("[1, 2,]", "expected a value"));
  CHECK(error_contains("{\"a\": 1,}", "expected a '\"'-quoted member name"));
  CHECK(error_contains("{\"a\": 1 \"b\": 2}", "expected ',' or '}'"));
  CHECK(error_contains("\"abc", "expected a closing '\"'"));
  CHECK(error_contains("\"a\tb\"", "control character"));
  CHECK(error_contains("\"\\x\"", "\\uXXXX"));
  CHECK(error_contains("\"\\u12G4\"", "four hex digits"));
  CHECK(error_contains("\"\\ud83d\"", "low surrogate"));
  CHECK(error_contains("\"\\ud83d\\u0041\"", "low surrogate"));
  CHECK(error_contains("\"\\ude00\"", "high surrogate"));
  CHECK(error_contains("tru", "expected 'true'"));
  CHECK(error_contains("nul", "expected 'null'"));
  CHECK(error_contains("01", "end of document"));
  CHECK(error_contains("1.", "expected a value"));
  CHECK(error_contains("-", "expected a value"));
  CHECK(error_contains("+1", "expected a value"));
  CHECK(error_contains("1e400", "within the range"));
  CHECK(error_contains("", "line 1, column 1: expected a value, found end of text"));
  CHECK(error_contains("1 2", "end of document"));
  CHECK(error_contains("{\"a\":1,\"a\":2}", "duplicate 'a'"));
  CHECK(error_contains("[\x01]", "byte 0x01"));
  CHECK(error_contains("// c\n1", "expected a value"));
}

TEST_CASE("json_rejects_deep_nesting_without_recursion_blowup") {
  std::string ok_depth(catgeo::kJsonMaxDepth, '[');
  ok_depth += std::string(catgeo::kJsonMaxDepth, ']');
  CHECK(parse_json(ok_depth).ok());
  std::string too_deep(catgeo::kJsonMaxDepth + 1, '[');
  too_deep += std::string(catgeo::kJsonMaxDepth + 1, ']');
  CHECK(error_contains(too_deep.c_str(), "at most 64 levels"));
  const std::string huge(1000000, '{');
  CHECK(!parse_json(huge).ok());
}

TEST_CASE("json_round_trips_through_the_writer") {
  const char* text =
      "{\"classes\":[{\"mean\":[-1,0.1],\"w\":1e-300,\"s\":\"q\\\"\\\\\\n\\u0001\xC3\xA9\"}],"
      "\"e\":[],\"o\":{},\"t\":true,\"n\":null,\"x\":0.30000000000000004,\"m\":-0}";
  const auto doc = parse_json(text);
  CHECK_MESSAGE(doc.ok(), doc.status.message);
  CHECK_MESSAGE(to_json(doc.value) == text, to_json(doc.value));
  const auto again = parse_json(to_json(doc.value));
  CHECK((again.ok() && to_json(again.value) == text));
}

TEST_CASE("json_writer_builds_values_and_writes_non_finite_as_null") {
  JsonValue o = JsonValue::object();
  o.set("b", JsonValue::number(std::numeric_limits<double>::infinity()));
  o.set("a", JsonValue::number(std::nan("")));
  o.set("b", JsonValue::string("replaced"));
  JsonValue list = JsonValue::array();
  list.push_back(JsonValue::boolean(false));
  o.set("l", list);
  o.push_back(JsonValue::number(1));  // wrong type: ignored
  CHECK_MESSAGE(to_json(o) == "{\"b\":\"replaced\",\"a\":null,\"l\":[false]}", to_json(o));
}

TEST_CASE("json_numbers_are_shortest_exact_and_locale_independent") {
  CHECK(catgeo::format_number(0.003) == "0.003");
  CHECK(catgeo::format_number(1e-5) == "1e-5");
  CHECK(catgeo::format_number(1e20) == "1e20");
  CHECK((catgeo::format_number(1.0) == "1" && catgeo::format_number(-2.5) == "-2.5"));
  CHECK(catgeo::format_number(0.1 + 0.2) == "0.30000000000000004");
  CHECK((catgeo::format_number(50.0) == "50" && catgeo::format_number(100.0) == "100"));
  CHECK((catgeo::format_number(-1234500.0) == "-1234500" && catgeo::format_number(1.5e-7) == "1.5e-7"));
  std::uint64_t bits = 88172645463325252ull;  // xorshift over raw bit patterns: every exponent range
  for (int i = 0; i < 20000; ++i) {
    bits ^= bits << 13;
    bits ^= bits >> 7;
    bits ^= bits << 17;
    double x = 0.0;
    std::memcpy(&x, &bits, sizeof x);
    if (!std::isfinite(x)) continue;
    double back = 0.0;
    CHECK_MESSAGE((catgeo::parse_number(catgeo::format_number(x), back) && back == x), catgeo::format_number(x));
  }
  for (double x : {1.0 / 3.0, 6.02214076e23, -4.9e-324, 1.7976931348623157e308, 123456789.125}) {
    double back = 0.0;
    CHECK((catgeo::parse_number(catgeo::format_number(x), back) && back == x));
  }
  double y = 0.0;
  CHECK((!catgeo::parse_number("1,5", y) && !catgeo::parse_number(" 1", y) && !catgeo::parse_number("inf", y)));
  if (std::setlocale(LC_NUMERIC, "de_DE.UTF-8") || std::setlocale(LC_NUMERIC, "fr_FR.UTF-8")) {
    CHECK(catgeo::format_number(2.5) == "2.5");
    CHECK((catgeo::parse_number("2.5", y) && y == 2.5));
    std::setlocale(LC_NUMERIC, "C");
  }
}
