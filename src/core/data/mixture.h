// Gaussian-mixture category model: sampling, exact log joint, exact scores (spec 1.5, 2.5).
#pragma once
#include <Eigen/Core>
#include <vector>

#include "core/data/category_model.h"
#include "core/config/config.h"
#include "core/data/dataset.h"
#include "core/base/rng.h"
#include "core/base/status.h"

namespace catgeo {

// Checks what every mixture must satisfy (limits from parameters.h: classes, mix.mean, mix.var, mix.prior):
// the class count, all of dimension 1 or 2, finite means and variances in range, square symmetric
// positive-definite covariances of matching size, priors in range. The message names the class (from 1)
// and what to change.
Status validate_mixture(const std::vector<GaussianClass>& classes);

class Mixture : public CategoryModel {
 public:
  // validate_mixture, then the model (priors normalised here).
  static Result<Mixture> build(const std::vector<GaussianClass>& classes);

  int dims() const override { return dims_; }
  int num_classes() const override { return static_cast<int>(classes_.size()); }
  bool exact() const override { return true; }
  void class_terms(const double* x, double* log_joint, double* scores) const override;

  const std::vector<GaussianClass>& classes() const { return classes_; }
  double prior(int mu) const { return classes_[mu].prior; }

  // n samples; class counts follow the priors exactly (largest remainder), order shuffled.
  Dataset sample(int n, Rng& rng) const;
  // One point x (K values) from p(x|mu), in double precision: K normals from rng.
  void sample_point(int mu, Rng& rng, double* x) const;
  // The mixture of x + N(0, variance * I): the exact law of a linear code r = x + noise.
  Mixture with_added_isotropic_noise(double variance) const;

 private:
  static Mixture from_valid(const std::vector<GaussianClass>& classes);

  int dims_ = 0;
  std::vector<GaussianClass> classes_;       // priors normalised
  std::vector<Eigen::MatrixXd> precision_;   // (K, K) inverse covariance per class
  std::vector<Eigen::MatrixXd> cholesky_;    // (K, K) lower factor L, cov = L L^T
  std::vector<double> log_normaliser_;       // ln q_mu - 0.5 ln det(2 pi cov_mu)
};

}  // namespace catgeo
