// digit_path: interpolated images through the network's projection, the fields at their codes, neighbour distances.
#include "core/run/digit_path.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace catgeo {

int nth_test_sample(const Experiment& run, int class_index, int n) {
  const std::vector<int>& labels = run.test_data().labels;
  int count = 0;
  for (int label : labels) count += label == class_index;
  if (count == 0) return -1;
  int wanted = ((n % count) + count) % count;
  for (int i = 0; i < static_cast<int>(labels.size()); ++i)
    if (labels[i] == class_index && wanted-- == 0) return i;
  return -1;
}

DigitPathEnds digit_path_ends(const Experiment& run, const std::vector<int>& digits, int from, int to, int pair) {
  const auto class_of = [&](int digit) {
    const auto at = std::find(digits.begin(), digits.end(), digit);
    return at == digits.end() ? -1 : static_cast<int>(at - digits.begin());
  };
  DigitPathEnds ends;
  ends.class_a = class_of(from), ends.class_b = class_of(to);
  if (ends.class_a < 0 || ends.class_b < 0) {
    std::string kept;
    for (int d : digits) kept += std::to_string(d);
    ends.error = "digit " + std::to_string(ends.class_a < 0 ? from : to) + " is not one of this run's digits (" + kept +
                 ")";
    return ends;
  }
  ends.test_a = nth_test_sample(run, ends.class_a, pair);
  ends.test_b = nth_test_sample(run, ends.class_b, ends.class_a == ends.class_b ? pair + 1 : pair);
  return ends;
}

Result<DigitPath> digit_path(Experiment& run, int test_a, int test_b, int steps) {
  using R = Result<DigitPath>;
  const Dataset& test = run.test_data();
  const Mlp& net = run.network();
  if (net.projection_layer() < 0) return R::fail("a digit path needs a learned projection (MNIST)");
  if (test_a < 0 || test_b < 0 || test_a >= test.size() || test_b >= test.size())
    return R::fail("digit path: test sample " + std::to_string(test_a < 0 || test_a >= test.size() ? test_a : test_b) +
                   " is not in the test set of " + std::to_string(test.size()));
  if (steps < 2) return R::fail("digit path: at least 2 steps");
  DigitPath path;
  path.test_a = test_a, path.test_b = test_b;
  path.class_a = test.labels[test_a], path.class_b = test.labels[test_b];
  path.images.resize(test.input_dim(), steps);
  for (int s = 0; s < steps; ++s) {
    const float t = static_cast<float>(s) / static_cast<float>(steps - 1);
    path.images.col(s) = (1.0f - t) * test.inputs.col(test_a) + t * test.inputs.col(test_b);
  }
  MatrixF codes;  // (K, S)
  net.project(path.images, codes);
  path.codes = codes.cast<double>();
  run.evaluate_at_points(path.codes, path.fields);
  MatrixF r;  // (N, S) clean representation
  net.representation_at(codes, r);
  path.cosine_distance.resize(steps - 1);
  for (int s = 0; s + 1 < steps; ++s) {
    const double dot = r.col(s).cast<double>().dot(r.col(s + 1).cast<double>());
    const double norms = r.col(s).cast<double>().norm() * r.col(s + 1).cast<double>().norm();
    path.cosine_distance[s] = norms > 0.0 ? 1.0 - dot / norms : 0.0;
  }
  return {std::move(path), Status::success()};
}

}  // namespace catgeo
