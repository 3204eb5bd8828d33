// Tests of the mixture file format: valid 1-D/2-D files, every validation error, and the round trip.
#include <cstdio>
#include <string>

#include "core/data/mixture_json.h"
#include "test.h"

using catgeo::parse_mixture_json;

namespace {

bool fails_with(const char* text, const std::string& part) {
  const auto result = parse_mixture_json(text);
  const bool ok = !result.ok() && result.status.message.find(part) != std::string::npos;
  if (!ok) std::printf("      got: %s\n", result.status.message.c_str());
  return ok;
}

}  // namespace

TEST_CASE("mixture_json_reads_1d_and_2d_files") {
  const auto one = parse_mixture_json(
      R"({"classes":[{"mean":[-0.5],"cov":[[0.25]]},{"mean":[0.5],"cov":[[0.25]]}]})");
  CHECK_MESSAGE(one.ok(), one.status.message);
  CHECK((one.value.size() == 2 && one.value[0].mean.size() == 1));
  CHECK_NEAR(one.value[0].mean[0], -0.5, 0.0);
  CHECK_NEAR(one.value[1].cov(0, 0), 0.25, 0.0);
  CHECK_NEAR(one.value[0].prior, 1.0, 0.0);  // missing prior = equal weights

  const auto two = parse_mixture_json(R"({"classes":[
      {"mean":[-1,0],"cov":[[0.25,0],[0,1]],"prior":0.3},
      {"mean":[1,0],"cov":[[1,0.2],[0.2,0.25]],"prior":0.7},
      {"mean":[0,1.2],"cov":[[0.36,0],[0,0.36]],"prior":1}]})");
  CHECK_MESSAGE(two.ok(), two.status.message);
  CHECK((two.value.size() == 3 && two.value[1].cov.rows() == 2));
  CHECK_NEAR(two.value[1].cov(1, 0), 0.2, 0.0);
  CHECK_NEAR(two.value[1].prior, 0.7, 0.0);
}

TEST_CASE("mixture_json_reports_each_problem") {
  CHECK(fails_with("{\"classes\": [", "JSON line 1, column 14"));
  CHECK(fails_with("[1]", "a mixture file must be"));
  CHECK(fails_with(R"({"classes":[], "extra":1})", "unknown key 'extra'"));
  CHECK(fails_with(R"({"classes":[{"mean":[0],"cov":[[1]]}]})", "2 to 6 classes, this one has 1"));
  std::string nine = "{\"classes\":[";
  for (int i = 0; i < 9; ++i) nine += std::string(i ? "," : "") + "{\"mean\":[" + std::to_string(i) + "],\"cov\":[[1]]}";
  CHECK(fails_with((nine + "]}").c_str(), "this one has 9"));
  CHECK(fails_with(R"({"classes":[{"mean":[0,0,0],"cov":[[1,0,0],[0,1,0],[0,0,1]]},{"mean":[1,0,0],"cov":[[1,0,0],[0,1,0],[0,0,1]]}]})",
                   "dimension 3; use 1-D or 2-D"));
  CHECK(fails_with(R"({"classes":[{"mean":[0],"cov":[[1]]},{"mean":[1,0],"cov":[[1,0],[0,1]]}]})",
                   "class 2 has dimension 2 but class 1 has 1"));
  CHECK(fails_with(R"({"classes":[{"mean":[0],"cov":[[1]]},{"mean":[1],"cov":[[1,0],[0,1]]}]})",
                   "class 2: cov must be 1x1"));
  CHECK(fails_with(R"({"classes":[{"mean":[0],"cov":[[1]]},{"mean":[1],"cov":[1]}]})", "square array of rows"));
  CHECK(fails_with(R"({"classes":[{"mean":[0,0],"cov":[[1,0],[0]]},{"mean":[1,0],"cov":[[1,0],[0,1]]}]})",
                   "class 1: \"cov\" must be a square"));
  CHECK(fails_with(R"({"classes":[{"mean":[0,0],"cov":[[1,0.5],[0.4,1]]},{"mean":[1,0],"cov":[[1,0],[0,1]]}]})",
                   "class 1: the covariance is not symmetric"));
  CHECK(fails_with(R"({"classes":[{"mean":[0,0],"cov":[[1,0],[0,1]]},{"mean":[1,0],"cov":[[1,2],[2,1]]}]})",
                   "class 2: the covariance is not positive definite"));
  CHECK(fails_with(R"({"classes":[{"mean":[0],"cov":[[0]]},{"mean":[1],"cov":[[1]]}]})",
                   "class 1: the covariance is not positive definite"));
  CHECK(fails_with(R"({"classes":[{"mean":[0],"cov":[[1]],"prior":0},{"mean":[1],"cov":[[1]]}]})",
                   "class 1: prior 0 is outside the allowed range [1e-6, 1000000]"));
  CHECK(fails_with(R"({"classes":[{"mean":[0],"cov":[[1]],"prior":"a"},{"mean":[1],"cov":[[1]]}]})",
                   "\"prior\" must be a number"));
  CHECK(fails_with(R"({"classes":[{"mean":["0"],"cov":[[1]]},{"mean":[1],"cov":[[1]]}]})",
                   "\"mean\" entry 0 is not a number"));
  CHECK(fails_with(R"({"classes":[{"mean":[0],"cov":[[1]],"var":1},{"mean":[1],"cov":[[1]]}]})",
                   "class 1: unknown key 'var'"));
  CHECK(fails_with(R"({"classes":[{"cov":[[1]]},{"mean":[1],"cov":[[1]]}]})", "\"mean\" must be"));
}

TEST_CASE("mixture_json_round_trips_exactly") {
  const auto first = parse_mixture_json(R"({"classes":[
      {"mean":[-1,0.1],"cov":[[0.3333333333333333,0.1],[0.1,1]],"prior":0.25},
      {"mean":[1e-7,0],"cov":[[1,0],[0,0.25]],"prior":0.75}]})");
  CHECK_MESSAGE(first.ok(), first.status.message);
  const std::string text = catgeo::mixture_to_json(first.value);
  const auto second = parse_mixture_json(text);
  CHECK_MESSAGE(second.ok(), second.status.message);
  CHECK(second.value.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK((second.value[i].mean == first.value[i].mean && second.value[i].cov == first.value[i].cov &&
           second.value[i].prior == first.value[i].prior));
  }
  CHECK(catgeo::mixture_to_json(second.value) == text);
  CHECK_MESSAGE(text.find("\"prior\":0.25") != std::string::npos, text);
}
