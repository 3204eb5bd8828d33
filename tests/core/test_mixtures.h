// Mixtures the core tests share: spec 3.1 case A and its law after added noise.
#pragma once
#include <vector>

#include "core/data/mixture.h"

namespace catgeo::test {

// Spec 3.1 case A (N(-0.5, 0.5^2), N(0.5, 0.5^2), equal priors); with extra_variance, the law of x + N(0, v).
inline Mixture case_a(double extra_variance = 0.0) {
  std::vector<GaussianClass> classes(2);
  for (int mu = 0; mu < 2; ++mu) {
    classes[mu].mean = Eigen::VectorXd::Constant(1, mu == 0 ? -0.5 : 0.5);
    classes[mu].cov = Eigen::MatrixXd::Constant(1, 1, 0.25 + extra_variance);
  }
  return Mixture::build(classes).value;
}

}  // namespace catgeo::test
