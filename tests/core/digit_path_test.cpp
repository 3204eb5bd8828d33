// The digit path: its ends are the two test digits themselves (their codes, the network's posterior for them), its
// fields are those at its codes, and neighbouring steps' codes are close; a 4 -> 9 path of a trained network crosses
// from one class to the other. Skipped without assets/mnist14.cgd.
#include "core/digit_path.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/experiment.h"
#include "core/mnist_asset.h"
#include "core/scenarios.h"
#include "test.h"
#include "test_assets.h"

namespace {

std::unique_ptr<catgeo::Experiment> digits_run(const catgeo::Dataset& all, int epochs) {
  catgeo::ScenarioConfig config = catgeo::scenario_preset("mnist").value;
  config.mnist.digits = {4, 9};
  config.training.epochs = epochs;
  auto run = catgeo::Experiment::create(config, &all);
  EXPECT_MSG(run.ok(), run.status.message);
  if (!run.ok()) return nullptr;
  while (run.value->trainer().state() == catgeo::TrainerState::training) run.value->train({1 << 20, 0.0});
  return std::move(run.value);
}

}  // namespace

TEST_CASE(science_digit_path_from_a_4_to_a_9_crosses_the_network_boundary, "slow") {
  std::vector<std::uint8_t> bytes;
  std::string tried;
  if (!catgeo::test::read_asset("mnist14.cgd", bytes, tried)) {
    std::printf("    skipped: mnist14.cgd not found (tried %s)\n", tried.c_str());
    return;
  }
  auto all = catgeo::load_mnist_asset(bytes.data(), bytes.size());
  EXPECT_TRUE(all.ok());
  if (!all.ok()) return;
  auto run = digits_run(all.value, 5);
  if (!run) return;
  const int a = catgeo::nth_test_sample(*run, 0, 0), b = catgeo::nth_test_sample(*run, 1, 0);
  EXPECT_TRUE(a >= 0 && b >= 0 && run->test_data().labels[a] == 0 && run->test_data().labels[b] == 1);
  EXPECT_TRUE(catgeo::nth_test_sample(*run, 0, 1) != a);
  auto path = catgeo::digit_path(*run, a, b);
  EXPECT_MSG(path.ok(), path.status.message);
  if (!path.ok()) return;
  const catgeo::DigitPath& p = path.value;
  EXPECT_TRUE(p.images.cols() == catgeo::kDigitPathSteps && p.fields.size() == catgeo::kDigitPathSteps);
  EXPECT_TRUE(p.images.col(0) == run->test_data().inputs.col(a));
  EXPECT_TRUE(p.images.col(catgeo::kDigitPathSteps - 1) == run->test_data().inputs.col(b));
  // The ends: the network's posterior for the digits themselves, and their codes.
  catgeo::MatrixF probabilities, codes;
  run->network().predict(run->test_data().inputs.col(a), probabilities);
  EXPECT_NEAR(p.fields.network_posterior(0, 0), probabilities(0, 0), 1e-5);
  run->network().project(run->test_data().inputs.col(b), codes);
  EXPECT_NEAR(p.codes(0, catgeo::kDigitPathSteps - 1), codes(0, 0), 1e-6);
  // The fields are those at the codes.
  catgeo::GridFields at;
  run->evaluate_at_points(p.codes.col(7), at);
  EXPECT_NEAR(at.fcode(0, 0), p.fields.fcode(0, 7), 1e-9 * std::fabs(at.fcode(0, 0)));
  EXPECT_NEAR(at.fcat(0, 0), p.fields.fcat(0, 7), 1e-9 * std::fabs(at.fcat(0, 0)) + 1e-12);
  // Distances between neighbouring representations are cosine distances: in [0, 2].
  for (double d : p.cosine_distance) EXPECT_TRUE(d >= -1e-9 && d <= 2.0);
  // Trained 5 epochs on {4, 9}: the 4 is called a 4 and the 9 a 9 (the first of each class in the test set), so the
  // path crosses the network's boundary.
  const int last = catgeo::kDigitPathSteps - 1;
  std::printf("    P(4) along the path: %.3f ... %.3f; largest neighbour cosine distance %.4f\n",
              p.fields.network_posterior(0, 0), p.fields.network_posterior(0, last),
              *std::max_element(p.cosine_distance.begin(), p.cosine_distance.end()));
  EXPECT_TRUE(p.fields.network_posterior(0, 0) > 0.5 && p.fields.network_posterior(1, last) > 0.5);
  // Refused: no such sample.
  EXPECT_TRUE(!catgeo::digit_path(*run, a, run->test_data().size()).ok());
}

TEST_CASE(digit_path_needs_a_learned_projection, "") {
  auto run = catgeo::Experiment::create(catgeo::scenario_preset("E5").value);
  EXPECT_TRUE(run.ok());
  if (!run.ok()) return;
  const auto path = catgeo::digit_path(*run.value, 0, 1);
  EXPECT_TRUE(!path.ok() && path.status.message.find("learned projection") != std::string::npos);
}
