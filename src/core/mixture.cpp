// Gaussian-mixture category model: validation, sampling and exact per-class terms.
#include "core/mixture.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <string>

namespace catgeo {
namespace {

constexpr double kLog2Pi = 1.8378770664093453;

std::string class_name(size_t i) { return "class " + std::to_string(i + 1); }

}  // namespace

Result<Mixture> Mixture::build(const std::vector<GaussianClass>& classes) {
  if (classes.size() < 2 || classes.size() > 8)
    return Result<Mixture>::fail("a mixture needs 2 to 8 classes, got " + std::to_string(classes.size()));
  Mixture m;
  m.dims_ = static_cast<int>(classes[0].mean.size());
  if (m.dims_ != 1 && m.dims_ != 2)
    return Result<Mixture>::fail("class means must have 1 or 2 coordinates, got " + std::to_string(m.dims_));
  double prior_sum = 0.0;
  for (size_t i = 0; i < classes.size(); ++i) {
    const GaussianClass& c = classes[i];
    if (c.mean.size() != m.dims_)
      return Result<Mixture>::fail(class_name(i) + " has a mean of another dimension than class 1");
    if (c.cov.rows() != m.dims_ || c.cov.cols() != m.dims_)
      return Result<Mixture>::fail(class_name(i) + " covariance must be " + std::to_string(m.dims_) + "x" +
                                   std::to_string(m.dims_));
    if (!c.mean.allFinite() || !c.cov.allFinite())
      return Result<Mixture>::fail(class_name(i) + " has a non-finite mean or covariance");
    if ((c.cov - c.cov.transpose()).cwiseAbs().maxCoeff() > 1e-9 * (1.0 + c.cov.cwiseAbs().maxCoeff()))
      return Result<Mixture>::fail(class_name(i) + " covariance is not symmetric");
    Eigen::LLT<Eigen::MatrixXd> llt(c.cov);
    if (llt.info() != Eigen::Success || llt.matrixL().toDenseMatrix().diagonal().minCoeff() <= 1e-12)
      return Result<Mixture>::fail(class_name(i) + " covariance is not positive definite");
    if (!(c.prior > 0.0) || !std::isfinite(c.prior))
      return Result<Mixture>::fail(class_name(i) + " prior must be positive and finite");
    prior_sum += c.prior;
    m.classes_.push_back(c);
    m.cholesky_.push_back(llt.matrixL().toDenseMatrix());
    m.precision_.push_back(llt.solve(Eigen::MatrixXd::Identity(m.dims_, m.dims_)));
  }
  for (size_t i = 0; i < m.classes_.size(); ++i) {
    GaussianClass& c = m.classes_[i];
    c.prior /= prior_sum;
    const double log_det = 2.0 * m.cholesky_[i].diagonal().array().log().sum();
    m.log_normaliser_.push_back(std::log(c.prior) - 0.5 * (m.dims_ * kLog2Pi + log_det));
  }
  return {std::move(m), Status::success()};
}

void Mixture::class_terms(const double* x, double* log_joint, double* scores) const {
  const int K = dims_;
  for (int mu = 0; mu < num_classes(); ++mu) {
    const Eigen::VectorXd& m = classes_[mu].mean;
    const Eigen::MatrixXd& P = precision_[mu];
    double d[2], g[2];
    for (int k = 0; k < K; ++k) d[k] = x[k] - m[k];
    double quad = 0.0;
    for (int k = 0; k < K; ++k) {
      g[k] = 0.0;
      for (int l = 0; l < K; ++l) g[k] -= P(k, l) * d[l];
      quad -= d[k] * g[k];
    }
    log_joint[mu] = log_normaliser_[mu] - 0.5 * quad;
    for (int k = 0; k < K; ++k) scores[mu * K + k] = g[k];
  }
}

Dataset Mixture::sample(int n, Rng& rng) const {
  const int M = num_classes();
  std::vector<int> counts(M);
  std::vector<std::pair<double, int>> remainders;
  int assigned = 0;
  for (int mu = 0; mu < M; ++mu) {
    const double exact = classes_[mu].prior * n;
    counts[mu] = static_cast<int>(std::floor(exact));
    assigned += counts[mu];
    remainders.push_back({exact - counts[mu], mu});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (int k = 0; assigned < n; ++k, ++assigned) ++counts[remainders[k % M].second];

  Dataset data;
  data.num_classes = M;
  data.inputs.resize(dims_, n);
  data.labels.resize(n);
  const std::vector<int> order = shuffled_indices(n, rng);
  int slot = 0;
  for (int mu = 0; mu < M; ++mu) {
    for (int i = 0; i < counts[mu]; ++i, ++slot) {
      double z[2];
      for (int k = 0; k < dims_; ++k) z[k] = rng.normal();
      const int col = order[slot];
      for (int k = 0; k < dims_; ++k) {
        double v = classes_[mu].mean[k];
        for (int l = 0; l <= k; ++l) v += cholesky_[mu](k, l) * z[l];
        data.inputs(k, col) = static_cast<float>(v);
      }
      data.labels[col] = mu;
    }
  }
  return data;
}

Mixture Mixture::with_added_isotropic_noise(double variance) const {
  std::vector<GaussianClass> wider = classes_;
  for (GaussianClass& c : wider) c.cov += variance * Eigen::MatrixXd::Identity(dims_, dims_);
  Result<Mixture> built = build(wider);
  return std::move(built.value);
}

}  // namespace catgeo
