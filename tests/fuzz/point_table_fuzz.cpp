// libFuzzer target: parse any bytes as a table of points; a parsed table must keep its invariants, become a scenario
// and travel through the share link exactly.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/geometry/drawn_reference.h"
#include "core/config/parameters.h"
#include "core/data/point_table.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"
#include "core/run/table_scenario.h"

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail = "") {
  std::fprintf(stderr, "point table: %s %s\n", what, detail.c_str());
  std::abort();
}

// Labels in range, every class with 2 points, the limits of the parameter table, finite coordinates.
void check_table(const catgeo::PointTable& t) {
  const std::size_t classes = t.class_names.size();
  if ((t.dims != 1 && t.dims != 2) || t.x.rows() != t.dims || static_cast<std::size_t>(t.x.cols()) != t.labels.size())
    broken("shapes disagree");
  if (!catgeo::in_range(catgeo::parameter("table.classes"), static_cast<double>(classes))) broken("class count");
  if (!catgeo::in_range(catgeo::parameter("table.points"), static_cast<double>(t.labels.size()))) broken("point count");
  std::vector<int> count(classes, 0);
  for (const int mu : t.labels) {
    if (mu < 0 || static_cast<std::size_t>(mu) >= classes) broken("label out of range");
    ++count[static_cast<std::size_t>(mu)];
  }
  for (const int c : count)
    if (c < 2) broken("a class with fewer than 2 points");
  for (const std::string& name : t.class_names)
    if (!catgeo::in_range(catgeo::parameter("table.label"), static_cast<double>(name.size()))) broken("label bytes");
  if (!t.x.allFinite()) broken("a coordinate is not finite");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const catgeo::Result<catgeo::PointTable> table = catgeo::parse_point_table(text);
  if (!table.ok()) {
    if (table.status.message.empty() || table.status.message.find('\n') != std::string::npos)
      broken("message is not one line", table.status.message);
    return 0;
  }
  check_table(table.value);
  const catgeo::ScenarioConfig base = catgeo::scenario_preset(table.value.dims == 2 ? "E5" : "E1").value;
  std::vector<std::string> notices;
  const catgeo::Result<catgeo::ScenarioConfig> config = catgeo::table_scenario(table.value, base, &notices);
  if (!config.ok()) {  // a table no scaling fits (e.g. a range wider than a double holds): refused in one line
    if (config.status.message.empty() || config.status.message.find('\n') != std::string::npos)
      broken("scaling refused without a one-line message:", config.status.message);
    return 0;
  }
  for (const std::string& n : notices)
    if (n.empty() || n.find('\n') != std::string::npos) broken("a table notice is not one line:", n);
  if (catgeo::describe_scaling(config.value.scaling, config.value.points_dims).empty()) broken("no scaling statement");
  // The whole configuration (no length limit) must come back exactly, without notices (but the one about its data,
  // an F_cat that is 0 everywhere, which the table gave too); a limited link either carries the table or says it
  // leaves it out.
  const std::string link = catgeo::encode_share_link(config.value, nullptr, SIZE_MAX);
  const catgeo::LinkDecodeResult back = catgeo::decode_share_link(link);
  const std::string flat = catgeo::flat_reference_notice(config.value);
  const bool clean = back.notices.empty() || (back.notices.size() == 1 && back.notices[0] == flat);
  if (!catgeo::configs_equal(back.config, config.value) || !clean) {
    for (const std::string& n : back.notices) std::fprintf(stderr, "  notice: %s\n", n.c_str());
    broken("table not reproduced by its link:", link);
  }
  std::string notice;
  const std::string short_link = catgeo::encode_share_link(config.value, &notice);
  if (notice.empty() != (short_link == link)) broken("a link left the table out without a notice:", short_link);
  return 0;
}
