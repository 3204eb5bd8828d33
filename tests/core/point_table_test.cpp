// Tests of tables of points: the parser's rules and messages, the example tables, the scenario and its training.
#include "core/data/point_table.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/run/experiment.h"
#include "core/geometry/kde_posterior.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"
#include "core/run/table_scenario.h"
#include "test.h"
#include "test_assets.h"

using namespace catgeo;

namespace {

std::string table_file(const std::string& name) {
  std::string text, tried;
  const bool found = test::read_test_table(name, text, tried);
  CHECK_MESSAGE(found, "tests/tables/" << name << " not found (tried " << tried << ")");
  return text;
}

// The parser's message for `text` ("(parsed)" when it succeeds).
std::string error_of(const std::string& text) {
  const Result<PointTable> t = parse_point_table(text);
  return t.ok() ? std::string("(parsed)") : t.status.message;
}

void expect_error(const std::string& text, const std::string& message) {
  const std::string got = error_of(text);
  CHECK_MESSAGE(got == message, "got '" << got << "', expected '" << message << "'");
}

PointTable parsed(const std::string& text) {
  Result<PointTable> t = parse_point_table(text);
  CHECK_MESSAGE(t.ok(), t.status.message);
  return t.value;
}

std::string many_points(int n) {  // n points of two classes, no header
  std::string text;
  for (int i = 0; i < n; ++i)
    text += std::to_string(i % 100) + "," + std::to_string(i / 100) + "," + (i % 2 ? "b" : "a") + "\n";
  return text;
}

// Trains a table's scenario for `epochs` epochs; checks the reference is the KDE of the table's dimension.
void expect_table_trains(const PointTable& table, const char* base_id, int epochs) {
  ScenarioConfig base = scenario_preset(base_id).value;
  base.training.epochs = epochs;
  Result<ScenarioConfig> config = table_scenario(table, base);
  CHECK_MESSAGE(config.ok(), config.status.message);
  if (!config.ok()) return;
  Result<std::unique_ptr<Experiment>> run = Experiment::create(config.value);
  CHECK_MESSAGE(run.ok(), run.status.message);
  if (!run.ok()) return;
  Experiment& e = *run.value;
  CHECK((!e.reference_is_exact() && e.mixture() == nullptr));
  CHECK((e.dims() == table.dims && e.num_classes() == static_cast<int>(table.class_names.size())));
  CHECK((e.train_data().input_dim() == table.dims && e.train_data().size() == table.x.cols()));
  const KdePosterior* kde = e.kde_reference();
  CHECK((kde != nullptr && kde->dims() == table.dims && kde->size() == table.x.cols()));
  while (e.trainer().state() == TrainerState::training) e.train({1 << 20, 0.0});
  CHECK(e.trainer().state() == TrainerState::finished);
  CHECK(static_cast<int>(e.history().size()) == epochs + 1);
  CHECK(e.current_grid().dims == table.dims);
  const MetricsSnapshot& last = e.history().back();
  CHECK_MESSAGE((std::isfinite(last.test_loss) && std::isfinite(last.train_loss)), "loss " << last.test_loss);
  GridFields fields;
  e.evaluate_fields(e.current_grid(), fields);
  CHECK((fields.has_reference && fields.has_network));
}

}  // namespace

TEST_CASE("point_table_example_files_parse") {
  const PointTable three = parsed(table_file("three_classes_2d.csv"));
  CHECK((three.header && three.dims == 2 && three.x.rows() == 2 && three.x.cols() == 180));
  CHECK((three.class_names == std::vector<std::string>{"setosa", "versicolor", "virginica"}));
  CHECK((three.labels.size() == 180 && three.labels[0] == 0 && three.labels[1] == 1 && three.labels[2] == 2));
  CHECK_NEAR(three.x(0, 0), 10.075, 0.0);
  CHECK_NEAR(three.x(1, 0), 20.983, 0.0);
  const PointTable one = parsed(table_file("two_classes_1d.tsv"));
  CHECK((one.header && one.dims == 1 && one.x.rows() == 1 && one.x.cols() == 100));
  CHECK((one.class_names == std::vector<std::string>{"1", "2"}));  // "2" comes first: by value
  CHECK((one.labels[0] == 1 && one.labels[1] == 0));
}

TEST_CASE("point_table_bad_files_name_the_place") {
  struct Case {
    const char* file;
    const char* message;
  };
  for (const Case& c :
       {Case{"bad_nonnumber.csv", "line 5, column 2: expected a number, found 'abc'"},
        Case{"bad_nan.csv", "line 4, column 1: expected a finite number, found 'nan'"},
        Case{"bad_missing_label.csv", "line 6, column 3: missing class label"},
        Case{"bad_one_class.csv", "the table has only one class ('a'): it needs 2 to 6"},
        Case{"bad_too_many_classes.csv", "line 15, column 3: class 7 ('g'): a table may have at most 6 classes"},
        Case{"bad_mixed_columns.csv", "line 5: 2 columns, expected 3 like line 2"}}) {
    const std::string text = table_file(c.file);
    CHECK_MESSAGE(text.size() < 20000, c.file);
    expect_error(text, c.message);
  }
}

TEST_CASE("point_table_errors_name_the_first_offending_place") {
  expect_error("", "the table is empty: give one point per line, as x, label or x, y, label");
  expect_error("# only a comment\n\n  \n", "the table is empty: give one point per line, as x, label or x, y, label");
  expect_error("x,y,label\n", "the table has a header but no points: give one point per line after it, as x, y, label");
  expect_error("1,2,a\n1,2,a\n3,inf,b\n", "line 3, column 2: expected a finite number, found 'inf'");
  expect_error("1,2,a\n-Infinity,2,a\n", "line 2, column 1: expected a finite number, found '-Infinity'");
  expect_error("1,2,a\n1e999,2,a\n", "line 2, column 1: expected a finite number, found '1e999'");
  expect_error("1,2,a\n1,NaN,a\n", "line 2, column 2: expected a finite number, found 'NaN'");
  expect_error("1,,a\n", "line 1, column 2: expected a number, found an empty field");
  expect_error("1,2,a\n1,2, \n", "line 2, column 3: missing class label");
  expect_error("1,2,a\n1,2,a\n1,2,b\n", "line 3: class 'b' has only 1 point; each class needs at least 2");
  expect_error("1,2,a\n1,2,a\n1,2,b\n1,2,b\n1,2,c\n",
               "line 5: class 'c' has only 1 point; each class needs at least 2");
  expect_error("1,2,a\n1,2," + std::string(33, 'z') + "\n",
               "line 2, column 3: a class label of 33 bytes; labels may have at most 32");
  expect_error("1,2,a\n1,2\n", "line 2: 2 columns, expected 3 like line 1");
  expect_error("1,2,a\n7\n", "line 2: 1 column, expected 3 like line 1");
  expect_error("1,2,a\n\n# comment\n1,2,a,4\n", "line 4: 4 columns, expected 3 like line 1");
  expect_error("1\n2\n",
               "line 1: 1 column, expected 2 columns (x, label) or 3 (x, y, label) separated by commas, "
               "tabs or semicolons");
  expect_error("1,2,3,a\n",
               "line 1: 4 columns, expected 2 columns (x, label) or 3 (x, y, label), or a header naming "
               "the label column (label, class, category or y_true) and x (and y)");
  expect_error("a,b,c,label\n1,2,3,p\n",
               "line 1: 4 columns, expected 2 columns (x, label) or 3 (x, y, label), or a "
               "header naming the label column (label, class, category or y_true) and x "
               "(and y)");
  expect_error("1,\"2,a\n", "line 1, column 2: the quote that opens this field is not closed");
  expect_error("1,\"2\"x,a\n", "line 1, column 2: text after the closing quote; quote the whole field");
  expect_error("1,2,a\n1,2,a\n1,2,b\n1,2,b\n1,2,c\n1,2,c\n1,2,d\n1,2,e\n1,2,f\n1,2,g\n",
               "line 10, column 3: class 7 ('g'): a table may have at most 6 classes");
  expect_error("1,2,a\n1,two,a\n", "line 2, column 2: expected a number, found 'two'");
  expect_error("1,2,a\n1,2,a\n" + std::string(50, 'q') + ",2,b\n",
               "line 3, column 1: expected a number, found 'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq...'");
}

TEST_CASE("point_table_header_recognition_and_label_column") {
  PointTable t = parsed("x,y,label\n1,2,a\n1,3,a\n2,2,b\n2,3,b\n");
  CHECK((t.header && t.dims == 2 && t.x.cols() == 4));
  t = parsed("Class,x,y\na,1,2\na,1,3\nb,2,2\nb,2,3\n");  // the label named first (any case)
  CHECK((t.header && t.dims == 2 && t.x(0, 0) == 1 && t.x(1, 0) == 2 && t.class_names[0] == "a"));
  t = parsed("length,Y_TRUE\n0.5,cat\n0.7,cat\n3,dog\n4,dog\n");
  CHECK((t.header && t.dims == 1 && t.x(0, 3) == 4 && t.class_names[1] == "dog"));
  t = parsed("length,width,species\n0.5,1,cat\n0.7,1,cat\n3,1,dog\n4,1,dog\n");  // no label name: the last column
  CHECK((t.header && t.dims == 2 && t.class_names[0] == "cat"));
  t = parsed("1,2,category\n1,3,category\n2,2,b\n2,3,b\n");  // numbers before: data, whatever the label says
  CHECK((!t.header && t.x.cols() == 4 && t.class_names[0] == "category"));
  t = parsed("id,x,y,category,weight\n7,1,2,a,0\n8,1,3,a,0\n9,2,2,b,0\n10,2,3,b,0\n");  // more columns: x, y named
  CHECK((t.header && t.dims == 2 && t.x(0, 3) == 2 && t.x(1, 3) == 3 && t.labels[3] == 1));
  t = parsed("id,x,label\n7,1,a\n8,1.5,a\n9,2,b\n10,2.5,b\n");  // 3 columns with a named label: the other two
  CHECK((t.header && t.dims == 2 && t.x(0, 1) == 8 && t.x(1, 1) == 1.5));
  t = parsed("id,X,other,label\n7,1,0,a\n8,1.5,0,a\n9,2,0,b\n10,2.5,0,b\n");  // x only: 1-D
  CHECK((t.header && t.dims == 1 && t.x(0, 1) == 1.5));
  expect_error("x,y,label\n1,2,a\nx,y,label\n", "line 3, column 1: expected a number, found 'x'");
}

TEST_CASE("point_table_delimiters_quotes_and_line_forms") {
  PointTable t = parsed("\xEF\xBB\xBFx\ty\tlabel\r\n1\t2\t\"a, b\"\r\n1\t3\t\"a, b\"\r\n\r\n2\t2\tc\r\n2\t3\tc\r\n");
  CHECK((t.header && t.dims == 2 && t.x.cols() == 4));
  CHECK((t.class_names == std::vector<std::string>{"a, b", "c"}));
  expect_error(  // semicolon tables often use decimal commas: not numbers here
      "x;y;label\n1,5;2;a\n", "line 2, column 1: expected a number, found '1,5'");
  t = parsed("x;label\n 1 ; \"say \"\"hi\"\"\" \n2;\"say \"\"hi\"\"\"\n3;b\n4;b\n");
  CHECK((t.dims == 1 && t.class_names[0] == "say \"hi\"" && t.x(0, 0) == 1));
  t = parsed("# a comment, with a comma\n  # indented comment\nx,label\n1,a\n2,a\n3,b\n4,b");  // no final newline
  CHECK((t.header && t.dims == 1 && t.x.cols() == 4));
  expect_error("# c\nx,label\n1,a\n\n1,a\n2\n", "line 6: 1 column, expected 2 like line 2");
  t = parsed("\"x\",\"label\"\n\"1\",a\n\"2\",a\n\"3\",b\n\"4\",b\n");  // quoted numbers are numbers
  CHECK((t.header && t.x(0, 3) == 4));
}

TEST_CASE("point_table_numbers_and_class_order") {
  PointTable t = parsed("1e-3,+2,10\n-0.5,.5,2\n5.,-.25,2\n007,1E2,10\n");
  CHECK((t.x(0, 0) == 1e-3 && t.x(1, 0) == 2 && t.x(0, 1) == -0.5 && t.x(1, 1) == 0.5));
  CHECK((t.x(0, 2) == 5 && t.x(1, 2) == -0.25 && t.x(0, 3) == 7 && t.x(1, 3) == 100));
  CHECK((t.class_names == std::vector<std::string>{"2", "10"}));  // by value, not as text
  CHECK((t.labels == std::vector<int>{1, 0, 0, 1}));
  t = parsed("1,b\n2,a\n3,b\n4,a\n");  // names: first appearance
  CHECK(((t.class_names == std::vector<std::string>{"b", "a"}) && (t.labels == std::vector<int>{0, 1, 0, 1})));
  t = parsed("1,3\n2,a\n3,3\n4,a\n5,-1\n6,-1\n");  // a mix: all names
  CHECK((t.class_names == std::vector<std::string>{"3", "a", "-1"}));
  expect_error("1,2,a\n+,2,a\n", "line 2, column 1: expected a number, found '+'");
  expect_error("1,2,a\n.,2,a\n", "line 2, column 1: expected a number, found '.'");
  expect_error("1,2,a\n1.2.3,2,a\n", "line 2, column 1: expected a number, found '1.2.3'");
}

TEST_CASE("point_table_point_limit") {
  const PointTable t = parsed(many_points(20000));
  CHECK((t.x.cols() == 20000 && t.class_names.size() == 2));
  expect_error(many_points(20001), "line 20001: more than 20000 points; a table may have at most 20000");
  expect_error("x,y,label\n" + many_points(20001),
               "line 20002: more than 20000 points; a table may have at most 20000");
}

TEST_CASE("table_scenario_scales_isotropically_into_the_grid") {
  const PointTable three = parsed(table_file("three_classes_2d.csv"));
  const ScenarioConfig base = scenario_preset("E5").value;
  const Result<ScenarioConfig> made = table_scenario(three, base);
  CHECK_MESSAGE(made.ok(), made.status.message);
  const ScenarioConfig& c = made.value;
  CHECK((c.id == "drawn" && c.data == DataKind::drawn_points && c.points_dims == 2 && c.classes.empty()));
  CHECK((c.class_names == three.class_names && c.points.size() == 180 && c.scaling.active));
  CHECK((c.grid.dims == 2 && c.grid.lo[0] == base.grid.lo[0] && c.grid.hi[1] == base.grid.hi[1]));
  CHECK((c.network.hidden.size() == base.network.hidden.size() && c.training.epochs == base.training.epochs));
  const double half = 1.0 / (2 * kLinkPointScale);  // the link lattice's rounding
  double widest[2] = {0, 0};
  for (int k = 0; k < 2; ++k) {
    double lo = 1e9, hi = -1e9;
    for (const DrawnPoint& p : c.points) lo = std::min(lo, p.x[k]), hi = std::max(hi, p.x[k]);
    CHECK((lo >= 0.9 * base.grid.lo[k] - half && hi <= 0.9 * base.grid.hi[k] + half));
    widest[k] = hi - lo;
  }
  CHECK_NEAR(std::max(widest[0], widest[1]), 0.9 * (base.grid.hi[0] - base.grid.lo[0]), 2 * half);
  for (Eigen::Index i = 0; i < three.x.cols(); ++i) {  // one scale on both axes, the point snapped to the lattice
    const DrawnPoint& p = c.points[static_cast<std::size_t>(i)];
    CHECK_NEAR(p.x[0], (three.x(0, i) - c.scaling.center[0]) / c.scaling.scale, half);
    CHECK_NEAR(p.x[1], (three.x(1, i) - c.scaling.center[1]) / c.scaling.scale, half);
    CHECK((p.label == three.labels[static_cast<std::size_t>(i)] && p.x[0] == quantize_for_link(p).x[0]));
  }

  // x in [0, 10], y in [0, 4] on E5's [-2, 2]^2: scale 10 / 3.6 on both axes, centre (5, 2).
  PointScaling s = table_scenario(parsed("0,0,a\n10,4,a\n5,1,b\n5,3,b\n"), base).value.scaling;
  CHECK_NEAR(s.scale, 10 / 3.6, 1e-15);
  CHECK_NEAR(s.center[0], 5, 1e-15);
  CHECK_NEAR(s.center[1], 2, 1e-15);
  CHECK_MESSAGE(describe_scaling(s, 2) == "x' = (x - 5) / 2.78, y' = (y - 2) / 2.78", describe_scaling(s, 2));
  s.center[0] = -5.8438;
  s.center[1] = 0;
  s.scale = 1.2149;
  CHECK_MESSAGE(describe_scaling(s, 2) == "x' = (x + 5.84) / 1.21, y' = y / 1.21", describe_scaling(s, 2));
  CHECK_MESSAGE(describe_scaling(s, 1) == "x' = (x + 5.84) / 1.21", describe_scaling(s, 1));
  CHECK(describe_scaling(PointScaling{}, 2) == "x' = x, y' = y");

  // 1-D: E1's grid; a 2-D base grid is replaced by it.
  const PointTable one = parsed(table_file("two_classes_1d.tsv"));
  for (const char* id : {"E1", "E5"}) {
    const Result<ScenarioConfig> line = table_scenario(one, scenario_preset(id).value);
    CHECK_MESSAGE(line.ok(), line.status.message);
    const GridSpec& g = line.value.grid;
    CHECK((line.value.points_dims == 1 && g.dims == 1 && g.lo[0] == -2.0 && g.hi[0] == 2.0 && g.count[1] == 1));
    double lo = 1e9, hi = -1e9;
    for (const DrawnPoint& p : line.value.points) {
      lo = std::min(lo, p.x[0]), hi = std::max(hi, p.x[0]);
      CHECK(p.x[1] == 0);
    }
    CHECK_NEAR(lo, -1.8, 2 * half);
    CHECK_NEAR(hi, 1.8, 2 * half);
  }
  // Every point the same: scale 1, the point at the grid's centre.
  s = table_scenario(parsed("3,3,a\n3,3,a\n3,3,b\n3,3,b\n"), base).value.scaling;
  CHECK((s.scale == 1 && s.center[0] == 3 && s.center[1] == 3));
}

TEST_CASE("table_configs_train_with_the_kde_reference") {
  expect_table_trains(parsed(table_file("three_classes_2d.csv")), "E5", 3);
  expect_table_trains(parsed(table_file("two_classes_1d.tsv")), "E1", 3);
  ScenarioConfig c = table_scenario(parsed(table_file("two_classes_1d.tsv")), scenario_preset("E1").value).value;
  c.class_names.push_back("unused");  // a named class without points
  const auto run = Experiment::create(c);
  CHECK_MESSAGE((!run.ok() && run.status.message == "class 3 needs at least 2 drawn points"), run.status.message);
  c.class_names = std::vector<std::string>(7, "n");
  CHECK(Experiment::create(c).status.message == "a table needs 2 to 6 classes");
}

TEST_CASE("table_kde_posterior_of_two_overlapping_1d_classes_has_one_boundary") {
  // A table's KDE uses Scott's rule per class: on the 1-D example (two overlapping classes) the estimated posterior
  // changes class once over the data, where the 0.5 x nearest-neighbour rule of drawn points changed it 17 times.
  const ScenarioConfig c =
      table_scenario(parsed(table_file("two_classes_1d.tsv")), scenario_preset("E1").value).value;
  auto run = Experiment::create(c);
  CHECK_MESSAGE(run.ok(), run.status.message);
  if (!run.ok()) return;
  GridFields f;
  run.value->evaluate_fields(c.grid, f);
  double lo = 1e9, hi = -1e9;
  for (const DrawnPoint& p : c.points) lo = std::min(lo, p.x[0]), hi = std::max(hi, p.x[0]);
  int flips = 0, last = -1;
  for (int i = 0; i < f.size(); ++i) {
    const double x = f.points(0, i);
    if (x < lo || x > hi) continue;
    const int winner = f.reference_posterior(0, i) >= f.reference_posterior(1, i) ? 0 : 1;
    if (last >= 0 && winner != last) ++flips;
    last = winner;
  }
  CHECK_MESSAGE(flips == 1, flips << " class changes of the KDE posterior over the data");
}

TEST_CASE("kde_posterior_in_1d_hand_computed") {
  // Class 0 at -1, class 1 at +1 and +3, h = 1: at x = 0, S_0 = e^{-1/2}, S_1 = e^{-1/2} + e^{-9/2};
  // log_joint = -ln 3 - 0.5 ln(2 pi) + ln S_mu; score_0 = -1, score_1 = (e^{-1/2} + 3 e^{-9/2}) / S_1.
  Eigen::MatrixXd points(1, 3);  // (1, 3)
  points << -1, 1, 3;
  const auto built = KdePosterior::build(points, {0, 1, 1}, 2, 1.0);
  CHECK_MESSAGE(built.ok(), built.status.message);
  CHECK((built.value.dims() == 1 && !built.value.exact()));
  const double x = 0.0;
  double log_joint[2], scores[2];
  built.value.class_terms(&x, log_joint, scores);
  const double s0 = std::exp(-0.5), s1 = std::exp(-0.5) + std::exp(-4.5);
  const double norm = -std::log(3.0) - 0.5 * std::log(2 * 3.14159265358979323846);
  CHECK_NEAR(log_joint[0], norm + std::log(s0), 1e-12);
  CHECK_NEAR(log_joint[1], norm + std::log(s1), 1e-12);
  CHECK_NEAR(scores[0], -1.0, 1e-12);
  CHECK_NEAR(scores[1], (std::exp(-0.5) + 3 * std::exp(-4.5)) / s1, 1e-12);
}
