// Tests of the export formats: fields CSV (shape, header, a closed-form value), history JSON and config JSON.
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/run/experiment.h"
#include "core/formats/field_export.h"
#include "core/run/table_scenario.h"
#include "core/base/json.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"
#include "test.h"

using catgeo::GridFields;

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

std::unique_ptr<catgeo::Experiment> make_run(const std::string& link) {
  auto created = catgeo::Experiment::create(catgeo::decode_share_link(link).config);
  CHECK_MESSAGE(created.ok(), created.status.message);
  return std::move(created.value);
}

double cell(const std::vector<std::string>& row, std::size_t column) { return std::strtod(row[column].c_str(), nullptr); }

}  // namespace

TEST_CASE("field_export_csv_1d_shape_header_and_fcat_at_the_boundary") {
  auto run = make_run("scenario=E1");
  GridFields fields;
  run->evaluate_fields(run->current_grid(), fields);
  const std::vector<std::string> lines = split(catgeo::fields_to_csv(fields), '\n');
  // header + 401 points + the empty string after the final '\n'
  CHECK_MESSAGE((lines.size() == 403 && lines.back().empty()), lines.size());
  CHECK_MESSAGE(lines[0] == "x,p_1,p_2,fcat,q_1,q_2,fcode,fcat_self", lines[0]);
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) CHECK_MESSAGE(split(lines[i], ',').size() == 8, lines[i]);
  // E1: means -0.5, 0.5, sd 0.5: F_cat(0) = p(1-p) (dmu / var)^2 = 0.25 * 4^2 = 4; x = 0 is point 200 of 401.
  const std::vector<std::string> middle = split(lines[1 + 200], ',');
  CHECK_MESSAGE(middle[0] == "0", middle[0]);
  CHECK_NEAR(cell(middle, 1), 0.5, 1e-12);
  CHECK_NEAR(cell(middle, 2), 0.5, 1e-12);
  CHECK_NEAR(cell(middle, 3), 4.0, 1e-9);
  CHECK_NEAR(cell(middle, 4) + cell(middle, 5), 1.0, 1e-6);  // the network's posterior sums to 1
  CHECK((cell(middle, 6) > 0.0 && cell(middle, 7) >= 0.0));
  const std::vector<std::string> first = split(lines[1], ',');
  CHECK_MESSAGE(first[0] == "-2", first[0]);
  // x = -2: log-odds 8, p_1 = 1 / (1 + e^-8), F_cat = 16 p_1 (1 - p_1) = 0.00535
  CHECK_NEAR(cell(first, 1), 1.0 / (1.0 + std::exp(-8.0)), 1e-12);
  CHECK_NEAR(cell(first, 3), 16.0 * cell(first, 1) * (1.0 - cell(first, 1)), 1e-9);

  // Groups that were not evaluated stay empty (the CSV keeps its shape).
  fields.has_network = false;
  const std::vector<std::string> reference_only = split(split(catgeo::fields_to_csv(fields), '\n')[201], ',');
  CHECK((reference_only.size() == 8 && reference_only[4].empty() && reference_only[7].empty()));
  CHECK_NEAR(cell(reference_only, 3), 4.0, 1e-9);
}

TEST_CASE("field_export_csv_2d_columns") {
  auto run = make_run("scenario=E5");
  catgeo::GridSpec grid = run->current_grid();
  grid.count[0] = 5;
  grid.count[1] = 3;
  GridFields fields;
  run->evaluate_fields(grid, fields);
  const std::vector<std::string> lines = split(catgeo::fields_to_csv(fields), '\n');
  CHECK_MESSAGE(lines.size() == 1 + 15 + 1, lines.size());
  CHECK_MESSAGE(lines[0] == "x1,x2,p_1,p_2,f11,f12,f22,q_1,q_2,c11,c12,c22,s11,s12,s22", lines[0]);
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) CHECK_MESSAGE(split(lines[i], ',').size() == 15, lines[i]);
  // x fastest: row 2 is (lo + step, lo); the middle row is the centre; F_cat is symmetric about the diagonal here.
  const std::vector<std::string> second = split(lines[2], ',');
  CHECK_NEAR(cell(second, 0), grid.lo[0] + (grid.hi[0] - grid.lo[0]) / 4, 1e-12);
  CHECK_NEAR(cell(second, 1), grid.lo[1], 1e-12);
  const std::vector<std::string> centre = split(lines[1 + 7], ',');
  CHECK_NEAR(cell(centre, 0), 0.0, 1e-12);
  CHECK_NEAR(cell(centre, 1), 0.0, 1e-12);
  CHECK_NEAR(cell(centre, 2), 0.5, 1e-12);
  CHECK_NEAR(cell(centre, 4), cell(centre, 6), 1e-9);  // f11 = f22 on the boundary of E5
  CHECK((cell(centre, 4) > 0.0 && cell(centre, 5) > 0.0));
}

TEST_CASE("field_export_history_and_config_json") {
  auto run = make_run("scenario=E1&epochs=2&seed=7&n=200");
  for (int guard = 0; guard < 100 && run->trainer().state() == catgeo::TrainerState::training; ++guard) {
    run->train(catgeo::StepBudget{200, 0.0});
  }
  CHECK(run->history().size() == 3);  // before training + 2 epochs
  auto history = catgeo::parse_json(catgeo::history_to_json(*run));
  CHECK_MESSAGE(history.ok(), history.status.message);
  const catgeo::JsonValue* list = history.value.find("history");
  CHECK((list && list->is_array() && list->size() == run->history().size()));
  CHECK((history.value.find("scenario") && history.value.find("scenario")->as_string() == "E1"));

  catgeo::ScenarioConfig config = catgeo::decode_share_link("scenario=E5&seed=18446744073709551615&embed=1").config;
  config.points = {catgeo::DrawnPoint{{0.25, -1.0}, 1}};
  auto parsed = catgeo::parse_json(catgeo::config_to_json(config));
  CHECK_MESSAGE(parsed.ok(), parsed.status.message);
  const catgeo::JsonValue& c = parsed.value;
  for (const char* key : {"link", "id", "title", "data", "classes", "points", "mnist", "train_samples", "test_samples",
                          "data_seed", "network", "training", "grid", "view"}) {
    CHECK_MESSAGE(c.find(key) != nullptr, key);
  }
  CHECK((c.find("id")->as_string() == "E5" && c.find("classes")->size() == 2));
  CHECK(c.find("classes")->at(0)->find("cov")->size() == 2);
  CHECK(c.find("training")->find("seed")->as_string() == "18446744073709551615");  // exact, as text
  CHECK(c.find("training")->find("epochs")->as_number() == config.training.epochs);
  CHECK(c.find("points")->at(0)->at(2)->as_number() == 1.0);
  CHECK((c.find("view")->find("embed")->as_bool() && c.find("view")->find("panels")->as_string() == "auto"));
  CHECK(c.find("grid")->find("lo")->size() == 2);
  CHECK((c.find("view")->find("decoder") && c.find("view")->find("layer") && !c.find("view")->find("cut")));

  // A table's run: its class names and scaling (with the statement the page shows); the view's cut and path.
  catgeo::ScenarioConfig table = catgeo::decode_share_link("scenario=drawn&cut=0,0,1,1").config;
  table.view.path = {4, 9, 2};  // the export writes the view as it is (a link gives a path to MNIST only)
  table.points = {catgeo::DrawnPoint{{0.25, -1.0}, 1}};
  table.class_names = {"setosa", "virginica"};
  table.scaling = {true, {5.5, 3.0}, 1.25};
  auto t = catgeo::parse_json(catgeo::config_to_json(table));
  CHECK_MESSAGE(t.ok(), t.status.message);
  const catgeo::JsonValue& tv = t.value;
  CHECK((tv.find("class_names") && tv.find("class_names")->size() == 2 &&
         tv.find("class_names")->at(1)->as_string() == "virginica" && tv.find("points_dims")->as_number() == 2));
  CHECK((tv.find("scaling") && tv.find("scaling")->find("scale")->as_number() == 1.25 &&
         tv.find("scaling")->find("statement")->as_string() == catgeo::describe_scaling(table.scaling, 2)));
  CHECK((tv.find("view")->find("cut") && tv.find("view")->find("cut")->size() == 4 &&
         tv.find("view")->find("path")->at(2)->as_number() == 2));
}
