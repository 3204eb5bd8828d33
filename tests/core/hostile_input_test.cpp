// Hostile links and tables (issue 21): every key is read strictly, and every odd input gets a notice or a refusal.
#include <cstdio>
#include <string>
#include <vector>

#include "core/link/link_fields.h"
#include "core/link/link_text.h"
#include "core/base/number_text.h"
#include "core/config/parameters.h"
#include "core/data/point_table.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"
#include "core/run/table_scenario.h"
#include "test.h"

using catgeo::decode_share_link;
using catgeo::encode_share_link;
using catgeo::LinkDecodeResult;
using catgeo::ScenarioConfig;
using namespace std::string_literals;

namespace {

bool has_notice(const std::vector<std::string>& notices, const std::string& part) {
  for (const std::string& n : notices)
    if (n.find(part) != std::string::npos) return true;
  std::printf("      notice '%s' not among %zu:\n", part.c_str(), notices.size());
  for (const std::string& n : notices) std::printf("        %s\n", n.c_str());
  return false;
}

// The base link of a key's checks: its own scenario where the key needs one.
std::string base_link(const std::string& key) {
  return key == "path" ? "scenario=mnist" : "scenario=E5";
}

struct BadValue {
  const char* key;
  const char* value;     // as it stands in the link (percent-encoded where needed)
  const char* expected;  // fragment of the notice's "(expected ...)"
};

// Every plain field key with values that are not of its form: "a number is the whole text", integers are plain.
const BadValue kBadValues[] = {
    {"n", "1e3", "a whole number"},         {"n", "3abc", "a whole number"},      {"n", "+300", "a whole number"},
    {"n", "300.0", "a whole number"},       {"n", "", "a whole number"},          {"n", "%20300", "a whole number"},
    {"dseed", "1e1", "a whole number"},     {"dseed", "-1", "a whole number"},    {"dseed", "+1", "a whole number"},
    {"sigma", "1e", "a number"},            {"sigma", "+1", "a number"},          {"sigma", "0.5x", "a number"},
    {"sigma", "inf", "a number"},           {"sigma", "nan", "a number"},         {"sigma", ".5", "a number"},
    {"sigma", "1e999", "a number"},         {"sigma", "0x1p-1", "a number"},      {"sigma", "1,5", "a number"},
    {"noise", "Gauss", "gauss or dropout"}, {"noise", "1", "gauss or dropout"},   {"alpha", "0.5%20", "a number"},
    {"alpha", "1/4", "a number"},           {"layers", "64", "widths with"},      {"layers", "+64t", "widths with"},
    {"layers", "1e2t", "widths with"},      {"layers", "64t--8s", "widths with"}, {"rep", "1e0", "a whole number"},
    {"rep", "0.0", "a whole number"},       {"proj", "+0", "a whole number"},     {"opt", "SGD", "adam or sgd"},
    {"lr", "1e-3x", "a number"},            {"lr", "-", "a number"},              {"batch", "3abc", "a whole number"},
    {"batch", "32.", "a whole number"},     {"epochs", "1e1", "a whole number"},  {"epochs", "+3", "a whole number"},
    {"seed", "1e1", "a whole number"},      {"seed", "7%20", "a whole number"},     {"view", "Side", "side or overlay"},
    {"measure", "max", "trace or lmax"},    {"log", "2", "0 or 1"},               {"log", "01", "0 or 1"},
    {"glyphs", "true", "0 or 1"},           {"data", "", "0 or 1"},               {"boundary", "1.0", "0 or 1"},
    {"decoder", "yes", "0 or 1"},           {"layer", "1e0", "a whole number"},   {"layer", "+1", "a whole number"},
    {"cut", "0,0,1", "x0,y0,x1,y1"},        {"cut", "0,0,1,1e", "x0,y0,x1,y1"},   {"cut", "0,0,+1,1", "x0,y0,x1,y1"},
    {"path", "4,9,1000000", "from,to,pair: two digits 0-9 and a pair number 0 to 9999)"},
    {"path", "4,9,+1", "from,to,pair"},
    {"path", "4,9,1e1", "from,to,pair"},    {"path", "4,9", "from,to,pair"},      {"lossmap", "on", "0 or 1"},
    {"widths", "-1", "0 or 1"},             {"embed", "1%20", "0 or 1"},            {"panels", "Auto", "0, 1 or auto"},
    {"controls", "0x1", "0 or 1"},          {"autoplay", "1e0", "0 or 1"},        {"lecture", "+1", "0 or 1"},
    {"tour", "1e1", "a whole number"},      {"tour", "3abc", "a whole number"},   {"tour", "+3", "a whole number"},
    {"tour", "3.0", "a whole number"},      {"speed", "1e", "a number of epochs per second, max or auto"},
    {"speed", "+2", "a number of epochs"},  {"speed", "MAX", "a number of epochs"},
};

}  // namespace

TEST_CASE("every_link_key_is_read_strictly_and_keeps_its_value") {
  std::vector<std::string> covered;
  for (const BadValue& bad : kBadValues) {
    const std::string base = base_link(bad.key);
    const LinkDecodeResult plain = decode_share_link(base);
    const LinkDecodeResult r = decode_share_link(base + "&" + bad.key + "=" + bad.value);
    const std::string named = std::string(bad.key) + "='" + catgeo::shown(catgeo::percent_decode(bad.value)) + "'";
    CHECK_MESSAGE(has_notice(r.notices, "could not read " + named + " (expected " + bad.expected), named);
    CHECK_MESSAGE((r.notices.size() == 1 && catgeo::configs_equal(r.config, plain.config)),
                     named);  // the value is kept
    covered.push_back(bad.key);
  }
  // The table covers every plain field key of the link (a new key needs its bad values here).
  for (const catgeo::ParameterSpec& spec : catgeo::parameter_table()) {
    if (!catgeo::is_field_key(spec.key)) continue;
    bool found = false;
    for (const std::string& key : covered) found = found || key == spec.key;
    CHECK_MESSAGE(found, "no strict-reading case for link key " << spec.key);
  }
}

TEST_CASE("every_repeated_link_key_gets_a_notice_and_the_last_value_wins") {
  struct Twice {
    const char* link;  // the key twice
    const char* last;  // the same link with the last value only
  };
  const Twice cases[] = {
      {"scenario=E5&sigma=0.5&sigma=2", "scenario=E5&sigma=2"},
      {"scenario=E5&epochs=5&epochs=7", "scenario=E5&epochs=7"},
      {"scenario=E5&tour=3&tour=4", "scenario=E5&tour=4"},
      {"tour=3&tour=4", "tour=4"},
      {"tour=3&sigma=0.5&%74our=4", "tour=4&sigma=0.5"},
      {"scenario=E3&scenario=E5", "scenario=E5"},
      {"scenario=mnist&digits=12&digits=49", "scenario=mnist&digits=49"},
      {"scenario=E5&view=side&view=overlay&log=0&log=1", "scenario=E5&view=overlay&log=1"},
  };
  for (const Twice& c : cases) {
    const LinkDecodeResult r = decode_share_link(c.link);
    const LinkDecodeResult last = decode_share_link(c.last);
    CHECK_MESSAGE((has_notice(r.notices, "appears") && has_notice(r.notices, "used the last value")), c.link);
    CHECK_MESSAGE((catgeo::configs_equal(r.config, last.config) && last.notices.empty()), c.link);
  }
  const LinkDecodeResult thrice = decode_share_link("tour=2&tour=3&tour=5");
  CHECK((has_notice(thrice.notices, "key 'tour' appears 3 times; used the last value") &&
         thrice.config.view.tour == 5));
}

TEST_CASE("a_tour_value_that_is_not_a_step_number_loads_no_step") {
  for (const char* value : {"1e1", "3abc", "+3", "3.0", "1e3", "%2B3"}) {
    const LinkDecodeResult r = decode_share_link(std::string("tour=") + value);
    CHECK_MESSAGE((has_notice(r.notices, "could not read tour='") && has_notice(r.notices, "(expected a whole number")),
                   value);
    CHECK_MESSAGE((r.config.view.tour == 0 && r.config.id == "E1"), value);  // no step loaded
  }
  // Control bytes in a tour link are reported as in any other link (the step's expansion does not hide them).
  const LinkDecodeResult control = decode_share_link(std::string("tour=3&sigma=0.5\x01"));
  CHECK((has_notice(control.notices, "dropped 1 control character from the link (0x01") &&
         control.config.view.tour == 3 && control.config.network.noise_sigma == 0.5));
}

TEST_CASE("hostile_links_each_get_their_notice") {
  // A table link to put names on: two classes of two points.
  const ScenarioConfig table = catgeo::table_scenario(catgeo::parse_point_table("0,0,a\n1,1,a\n0,1,b\n1,0,b\n").value,
                                                      catgeo::scenario_preset("E5").value)
                                   .value;
  const std::string table_link = encode_share_link(table);
  const std::string table_1d_link = encode_share_link(
      catgeo::table_scenario(catgeo::parse_point_table("0,a\n1,a\n2,b\n3,b\n").value, catgeo::scenario_preset("E1").value)
          .value);
  struct Hostile {
    std::string link;
    std::string notice;  // fragment
  };
  const std::vector<Hostile> cases = {
      {"scenario=mnist&path=4,9,1000000", "could not read path='4,9,1000000' (expected from,to,pair: two digits 0-9 "
                                          "and a pair number 0 to 9999); kept no path"},
      {"scenario=E1&cut=0,0,1,1", "cut=0,0,1,1: a cut goes through a 2-D view and E1 is 1-D; ignored it"},
      {table_1d_link + "&cut=0,0,1,1", "cut=0,0,1,1: a cut goes through a 2-D view and drawn is 1-D; ignored it"},
      {"scenario=E5&path=4,9,0", "path=4,9,0: a path between two test digits needs scenario=mnist; ignored it"},
      {catgeo::with_pair(table_link, "names", "a%00,b"), "name 1 holds the control character 0x00 NUL"},
      {catgeo::with_pair(table_link, "names", "a,b%2501"), "name 2 holds the control character 0x01"},
      {catgeo::with_pair(table_link, "names", "a%0A,b"), "name 1 holds the control character 0x0A"},
      {"scenario=drawn&pts=APgA-ABm9pr5AJr5ZvYAAAgACAGaCWYGAWYGmgkB",
       "F_cat of the reference (KDE) is 0 at every grid point: no grid point is within the reach of two classes' "
       "kernels (bandwidth h = 0.071, kernels cut at 5h = 0.35)"},
  };
  for (const Hostile& c : cases) {
    const LinkDecodeResult r = decode_share_link(c.link);
    CHECK_MESSAGE((has_notice(r.notices, c.notice) && !r.fell_back_to_defaults), c.link);
  }
  // The refused parts are left out; the rest of the link stands.
  CHECK(decode_share_link("scenario=E1&cut=0,0,1,1").config.view.cut[0] != 0.0);
  CHECK(decode_share_link("scenario=E5&path=4,9,0").config.view.path[0] == -1);
  CHECK(decode_share_link(catgeo::with_pair(table_link, "names", "a%00,b")).config.class_names.empty());
  // The clean table link and a well-spread drawing read without notices.
  CHECK(decode_share_link(table_link).notices.empty());
}

TEST_CASE("hostile_tables_are_refused_or_noticed") {
  const ScenarioConfig e5 = catgeo::scenario_preset("E5").value;
  // Coordinates whose range overflows a double: no scaling fits them.
  const auto huge = catgeo::parse_point_table("1e308,0,a\n-1e308,1,a\n1e308,1,b\n-1e308,0,b\n");
  CHECK(huge.ok());
  const auto refused = catgeo::table_scenario(huge.value, e5);
  CHECK_MESSAGE((!refused.ok() && refused.status.message.find("the x values span -1e308 to 1e308, a range wider than a "
                                                             "double holds") != std::string::npos),
                 refused.status.message);

  // 200 points within 1e-6 of 0 and two at 1e6: the 200 merge onto the link's lattice, and the reader is told.
  std::string dense;
  for (int i = 0; i < 200; ++i)
    dense += catgeo::format_number((i % 7) * 1e-7) + "," + catgeo::format_number((i % 5) * 1e-7) + "," +
             (i % 2 ? "a" : "b") + "\n";
  dense += "1e6,1e6,a\n1e6,1e6,b\n";
  const auto collapsed = catgeo::parse_point_table(dense);
  CHECK(collapsed.ok());
  std::vector<std::string> notices;
  const auto accepted = catgeo::table_scenario(collapsed.value, e5, &notices);
  CHECK(accepted.ok());
  // 35 distinct positions (7 x 5) in the dense part, all on one lattice point; the two far points coincide exactly.
  CHECK(has_notice(notices, "35 of the table's 36 distinct points (97.2%) merge onto 1 point of the view's "
                            "lattice"));
  CHECK(has_notice(notices, "F_cat of the reference (KDE) is 0 at every grid point: the reference posterior "
                            "does not change anywhere on the grid (points of different classes coincide)"));

  // A well-spread table has nothing to say.
  notices.clear();
  CHECK(catgeo::table_scenario(catgeo::parse_point_table("0,0,a\n1,1,a\n0,1,b\n1,0,b\n").value, e5, &notices).ok());
  CHECK_MESSAGE(notices.empty(), (notices.empty() ? "" : notices[0]));
}

namespace {

std::string utf16(const std::string& ascii, bool little_endian, bool bom) {
  std::string out;
  if (bom) out += little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (const char c : ascii) {
    if (little_endian) out += {c, '\0'};
    else out += {'\0', c};
  }
  return out;
}

}  // namespace

TEST_CASE("tables_in_old_mac_line_ends_and_utf16_are_read") {
  const std::string text = "x,y,label\n0,0,a\n1,1,a\n0,1,b\n1,0,b\n";
  const auto reference = catgeo::parse_point_table(text);
  CHECK(reference.ok());
  std::string cr_only = text;
  for (char& c : cr_only)
    if (c == '\n') c = '\r';
  const std::string forms[] = {cr_only, "\xEF\xBB\xBF" + text, utf16(text, true, true), utf16(text, false, true),
                               utf16(text, true, false), utf16(text, false, false), utf16(cr_only, true, true)};
  for (const std::string& form : forms) {
    const auto t = catgeo::parse_point_table(form);
    CHECK_MESSAGE((t.ok() && t.value.x == reference.value.x && t.value.labels == reference.value.labels &&
                      t.value.class_names == reference.value.class_names && t.value.header),
                   (t.ok() ? "" : t.status.message));
  }
  // Non-ASCII names survive UTF-16 (é is U+00E9, 😀 U+1F600 a surrogate pair).
  const std::string le = "\xFF\xFE"s + "0\0,\0a\0\xE9\0\n\0"s + "1\0,\0a\0\xE9\0\n\0"s + "0\0,\0=\xD8\0\xDE\n\0"s +
                         "1\0,\0=\xD8\0\xDE\n\0"s;
  const auto named = catgeo::parse_point_table(le);
  CHECK_MESSAGE((named.ok() && named.value.class_names.size() == 2 && named.value.class_names[0] == "a\xC3\xA9" &&
                    named.value.class_names[1] == "\xF0\x9F\x98\x80"),
                 (named.ok() ? named.value.class_names[1] : named.status.message));

  struct Refused {
    std::string text;
    const char* message;  // fragment
  };
  const Refused refused[] = {
      {"\xFF\xFE"s + "0\0,\0\x00\xDC"s, "looks like UTF-16 (little-endian) but is not valid UTF-16"},
      {std::string("x\0\0\0,\0\0\0", 8) + "label", "the table holds a NUL byte (byte 2)"},
      {std::string("0,0,a\n1,1,a\n0,1,b\x01\n1,0,b\x01\n"), "line 3, column 3: the class label 'b?' holds a control "
                                                              "character (byte 1)"},
  };
  for (const Refused& r : refused) {
    const auto t = catgeo::parse_point_table(r.text);
    CHECK_MESSAGE((!t.ok() && t.status.message.find(r.message) != std::string::npos),
                     (t.ok() ? "accepted" : t.status.message));
  }
}
