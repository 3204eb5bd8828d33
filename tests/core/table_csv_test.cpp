// Tests of writing points back as a table: read back, the same classes in the same order and the same points.
#include "core/data/table_csv.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/data/point_table.h"
#include "core/config/scenarios.h"
#include "core/run/table_scenario.h"
#include "test.h"
#include "test_assets.h"

using namespace catgeo;

namespace {

// The table's scenario on E5 (2-D) or E1 (1-D), or an empty config when the table does not parse.
ScenarioConfig scenario_of(const std::string& text) {
  Result<PointTable> table = parse_point_table(text);
  CHECK_MESSAGE(table.ok(), table.status.message);
  if (!table.ok()) return ScenarioConfig();
  Result<ScenarioConfig> c = table_scenario(table.value, scenario_preset(table.value.dims == 1 ? "E1" : "E5").value);
  CHECK_MESSAGE(c.ok(), c.status.message);
  return c.ok() ? c.value : ScenarioConfig();
}

// Both configs hold the same points (one class after another, each class in its order) within `tolerance`.
void expect_same_points(const ScenarioConfig& a, const ScenarioConfig& b, double tolerance) {
  CHECK_MESSAGE(a.points.size() == b.points.size(), a.points.size() << " vs " << b.points.size() << " points");
  if (a.points.size() != b.points.size()) return;
  CHECK((a.class_names == b.class_names && a.points_dims == b.points_dims));
  std::vector<DrawnPoint> sorted = a.points;
  std::stable_sort(sorted.begin(), sorted.end(), [](const DrawnPoint& p, const DrawnPoint& q) { return p.label < q.label; });
  double worst = 0.0;
  bool labels = true;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    labels = labels && sorted[i].label == b.points[i].label;
    for (int axis = 0; axis < 2; ++axis) worst = std::max(worst, std::fabs(sorted[i].x[axis] - b.points[i].x[axis]));
  }
  CHECK(labels);
  CHECK_MESSAGE(worst <= tolerance, "points moved by " << worst << " in the view");
}

}  // namespace

TEST_CASE("table_csv_reads_back_as_the_same_table") {
  for (const char* name : {"three_classes_2d.csv", "two_classes_1d.tsv"}) {
    std::string text, tried;
    CHECK_MESSAGE(test::read_test_table(name, text, tried), tried);
    const ScenarioConfig first = scenario_of(text);
    const std::string written = table_csv(first);
    const ScenarioConfig again = scenario_of(written);
    // The scaling is fitted again to the written coordinates (which carry the link's lattice): the points agree to
    // a few lattice steps (1/4096) of the view.
    expect_same_points(first, again, 4.0 / 4096.0);
    CHECK_MESSAGE(written.rfind(first.points_dims == 1 ? "x,label\n" : "x,y,label\n", 0) == 0, written.substr(0, 20));
  }
}

TEST_CASE("table_csv_of_named_classes_keeps_their_order_when_the_first_point_is_of_another_class") {
  const std::string text = "x,y,kind\n0,0,zeta\n1,1,alpha\n0.1,0,zeta\n1.1,1,alpha\n0.5,2,\"b, c\"\n0.6,2.1,\"b, c\"\n";
  ScenarioConfig c = scenario_of(text);
  CHECK((c.class_names == std::vector<std::string>{"zeta", "alpha", "b, c"}));
  std::swap(c.points.front(), c.points[1]);  // an "alpha" first, as after drawing
  const ScenarioConfig again = scenario_of(table_csv(c));
  CHECK(again.class_names == c.class_names);
  expect_same_points(c, again, 4.0 / 4096.0);
}

TEST_CASE("table_csv_of_drawn_points_numbers_the_classes_from_1") {
  ScenarioConfig c;
  c.data = DataKind::drawn_points;
  c.points = {{{0.5, -0.25}, 0}, {{0.75, 0.0}, 1}};
  CHECK(table_csv(c) == "x,y,label\n0.5,-0.25,1\n0.75,0,2\n");
}
