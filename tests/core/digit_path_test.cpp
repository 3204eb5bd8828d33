// The digit path: its ends are the two test digits themselves (their codes, the network's posterior for them), its
// fields are those at its codes, and neighbouring steps' codes are close; a 4 -> 9 path of a trained network crosses
// from one class to the other. Skipped without assets/mnist14.cgd.
#include "core/run/digit_path.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/run/experiment.h"
#include "core/data/mnist_asset.h"
#include "core/config/scenarios.h"
#include "mnist_run.h"
#include "test.h"

TEST_CASE("science_digit_path_from_a_4_to_a_9_crosses_the_network_boundary" * SLOW) {
  auto run = catgeo::test::mnist_run({4, 9}, 5);
  if (!run) return;
  const int a = catgeo::nth_test_sample(*run, 0, 0), b = catgeo::nth_test_sample(*run, 1, 0);
  CHECK((a >= 0 && b >= 0 && run->test_data().labels[a] == 0 && run->test_data().labels[b] == 1));
  CHECK(catgeo::nth_test_sample(*run, 0, 1) != a);
  auto path = catgeo::digit_path(*run, a, b);
  CHECK_MESSAGE(path.ok(), path.status.message);
  if (!path.ok()) return;
  const catgeo::DigitPath& p = path.value;
  CHECK((p.images.cols() == catgeo::kDigitPathSteps && p.fields.size() == catgeo::kDigitPathSteps));
  CHECK(p.images.col(0) == run->test_data().inputs.col(a));
  CHECK(p.images.col(catgeo::kDigitPathSteps - 1) == run->test_data().inputs.col(b));
  // The ends: the network's posterior for the digits themselves, and their codes.
  catgeo::MatrixF probabilities, codes;
  run->network().predict(run->test_data().inputs.col(a), probabilities);
  CHECK_NEAR(p.fields.network_posterior(0, 0), probabilities(0, 0), 1e-5);
  run->network().project(run->test_data().inputs.col(b), codes);
  CHECK_NEAR(p.codes(0, catgeo::kDigitPathSteps - 1), codes(0, 0), 1e-6);
  // The fields are those at the codes.
  catgeo::GridFields at;
  run->evaluate_at_points(p.codes.col(7), at);
  CHECK_NEAR(at.fcode(0, 0), p.fields.fcode(0, 7), 1e-9 * std::fabs(at.fcode(0, 0)));
  CHECK_NEAR(at.fcat(0, 0), p.fields.fcat(0, 7), 1e-9 * std::fabs(at.fcat(0, 0)) + 1e-12);
  // Distances between neighbouring representations are cosine distances: in [0, 2].
  for (double d : p.cosine_distance) CHECK((d >= -1e-9 && d <= 2.0));
  // Trained 5 epochs on {4, 9}: the 4 is called a 4 and the 9 a 9 (the first of each class in the test set), so the
  // path crosses the network's boundary.
  const int last = catgeo::kDigitPathSteps - 1;
  std::printf("    P(4) along the path: %.3f ... %.3f; largest neighbour cosine distance %.4f\n",
              p.fields.network_posterior(0, 0), p.fields.network_posterior(0, last),
              *std::max_element(p.cosine_distance.begin(), p.cosine_distance.end()));
  CHECK((p.fields.network_posterior(0, 0) > 0.5 && p.fields.network_posterior(1, last) > 0.5));
  // Refused: no such sample.
  CHECK(!catgeo::digit_path(*run, a, run->test_data().size()).ok());
}

TEST_CASE("digit_path_needs_a_learned_projection") {
  auto run = catgeo::Experiment::create(catgeo::scenario_preset("E5").value);
  CHECK(run.ok());
  if (!run.ok()) return;
  const auto path = catgeo::digit_path(*run.value, 0, 1);
  CHECK((!path.ok() && path.status.message.find("learned projection") != std::string::npos));
}

TEST_CASE("science_digit_paths_expand_the_code_where_the_category_changes" * SLOW) {
  // NECO 2022 (spec 3.4, prior work): along a morph from one category to another the cosine distance between
  // neighbouring steps' representations peaks at the category boundary. Here, for the first 20 test pairs (4, 9) of a
  // network trained 5 epochs, on every path whose P(4) crosses 1/2, the largest neighbour distance and the largest
  // F_code lie within one step of the crossing.
  auto run = catgeo::test::mnist_run({4, 9}, 5);
  if (!run) return;
  int crossing_paths = 0;
  for (int pair = 0; pair < 20; ++pair) {
    auto path =
        catgeo::digit_path(*run, catgeo::nth_test_sample(*run, 0, pair), catgeo::nth_test_sample(*run, 1, pair));
    CHECK_MESSAGE(path.ok(), path.status.message);
    if (!path.ok()) continue;
    const catgeo::DigitPath& p = path.value;
    const int steps = p.fields.size();
    double crossing = -1.0;  // in steps from the first image, where P(4) falls through 1/2
    for (int s = 0; s + 1 < steps && crossing < 0.0; ++s) {
      const double d0 = p.fields.network_posterior(0, s) - 0.5, d1 = p.fields.network_posterior(0, s + 1) - 0.5;
      if (d0 >= 0.0 && d1 < 0.0) crossing = s + d0 / (d0 - d1);
    }
    if (crossing < 0.0) continue;  // an end the network gets wrong: no crossing to compare with
    ++crossing_paths;
    const auto widest = std::max_element(p.cosine_distance.begin(), p.cosine_distance.end());
    const double distance_peak = (widest - p.cosine_distance.begin()) + 0.5;  // between steps s and s + 1
    int fcode_peak = 0;
    for (int s = 1; s < steps; ++s)
      if (p.fields.fcode(0, s) + p.fields.fcode(2, s) > p.fields.fcode(0, fcode_peak) + p.fields.fcode(2, fcode_peak))
        fcode_peak = s;
    CHECK_MESSAGE(std::fabs(distance_peak - crossing) <= 1.0,
                     "pair " << pair << ": P(4) crosses 1/2 at step " << crossing
                                                                      << ", the widest step is at " << distance_peak);
    CHECK_MESSAGE(std::fabs(fcode_peak - crossing) <= 1.0,
                  "pair " << pair << ": P(4) crosses 1/2 at step " << crossing << ", F_code peaks at step "
                     << fcode_peak);
  }
  std::printf("    %d of 20 paths cross the network's boundary\n", crossing_paths);
  CHECK(crossing_paths >= 10);
}
