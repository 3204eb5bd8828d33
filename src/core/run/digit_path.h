// A path between two test digits (NECO 2022's morph continua, here in pixel space): the images interpolated in steps,
// their points in a learned 2-D projection, and what the reference and the network make of each. Eigen + std only.
#pragma once
#include <string>
#include <vector>

#include "core/run/experiment.h"
#include "core/base/status.h"

namespace catgeo {

constexpr int kDigitPathSteps = 16;  // images along a path, both digits included

struct DigitPath {
  int test_a = -1, test_b = -1;    // test-set indices of the two ends
  int class_a = -1, class_b = -1;  // their class indices
  MatrixF images;                  // (D, S) (1 - t) a + t b at t = s / (S - 1), one column per step
  Eigen::MatrixXd codes;           // (K, S) projection x of each image
  GridFields fields;               // (at the codes) reference (KDE) posterior and F_cat, network posterior and F_code
  std::vector<double> cosine_distance;  // (S - 1) 1 - cos(r_s, r_s+1) between neighbouring steps' clean r
};

// The n-th test sample of class `class_index` (n taken modulo the class's count); -1 when the class has none.
int nth_test_sample(const Experiment& run, int class_index, int n);

// The ends of the path a link's path=from,to,pair names among the run's kept `digits` (in class order): the pair-th
// test sample of each digit (of one digit twice: its pair-th and the next). `error` names a digit the run does not
// keep; the classes are -1 for such a digit and the test samples are then -1.
struct DigitPathEnds {
  int class_a = -1, class_b = -1;
  int test_a = -1, test_b = -1;
  std::string error;
};
DigitPathEnds digit_path_ends(const Experiment& run, const std::vector<int>& digits, int from, int to, int pair);

// The path from test sample a to test sample b. Fails unless the run has a learned projection (MNIST) and both
// indices are in the test set.
Result<DigitPath> digit_path(Experiment& run, int test_a, int test_b, int steps = kDigitPathSteps);

}  // namespace catgeo
