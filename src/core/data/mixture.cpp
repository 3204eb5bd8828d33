// Gaussian-mixture category model: validation, sampling and exact per-class terms.
#include "core/data/mixture.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <string>

#include "core/base/number_text.h"
#include "core/config/parameters.h"

namespace catgeo {
namespace {

constexpr double kLog2Pi = 1.8378770664093453;
constexpr double kSymmetryTolerance = 1e-9;     // relative to the largest |entry|
constexpr double kMinCholeskyDiagonal = 1e-12;  // smaller: numerically singular

std::string class_name(size_t i) { return "class " + std::to_string(i + 1); }

}  // namespace

Status validate_mixture(const std::vector<GaussianClass>& classes) {
  const ParameterSpec& count = parameter("classes");
  if (!in_range(count, static_cast<double>(classes.size()))) {
    return Status::error("a mixture needs " + limit_text(count.min) + " to " + limit_text(count.max) +
                         " classes, this one has " + std::to_string(classes.size()));
  }
  const Eigen::Index dims = classes[0].mean.size();
  if (dims != 1 && dims != 2) {
    return Status::error("mixture class 1 has dimension " + std::to_string(dims) + "; use 1-D or 2-D means");
  }
  const ParameterSpec& mean_range = parameter("mix.mean");
  const ParameterSpec& variance_range = parameter("mix.var");
  const ParameterSpec& prior_range = parameter("mix.prior");
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const GaussianClass& g = classes[i];
    const std::string where = "mixture " + class_name(i);
    if (g.mean.size() != dims) {
      return Status::error(where + " has dimension " + std::to_string(g.mean.size()) + " but class 1 has " +
                           std::to_string(dims) + "; give every class the same dimension");
    }
    if (!g.mean.allFinite()) return Status::error(where + ": the mean must be finite");
    if (g.cov.rows() != dims || g.cov.cols() != dims) {
      return Status::error(where + ": cov must be " + std::to_string(dims) + "x" + std::to_string(dims) +
                           " to match the mean");
    }
    if (!g.cov.allFinite()) return Status::error(where + ": the covariance must be finite");
    const double scale = std::max(1.0, g.cov.cwiseAbs().maxCoeff());
    if ((g.cov - g.cov.transpose()).cwiseAbs().maxCoeff() > kSymmetryTolerance * scale) {
      return Status::error(where + ": the covariance is not symmetric; make cov[0][1] equal cov[1][0]");
    }
    Eigen::LLT<Eigen::MatrixXd> llt(g.cov);
    if (llt.info() != Eigen::Success || llt.matrixL().toDenseMatrix().diagonal().minCoeff() <= kMinCholeskyDiagonal) {
      return Status::error(where + ": the covariance is not positive definite; variances must be > 0 and "
                                   "cov[0][1]^2 < cov[0][0]*cov[1][1]");
    }
    for (Eigen::Index k = 0; k < dims; ++k) {
      if (!in_range(mean_range, g.mean[k])) {
        return Status::error(where + ": mean " + format_number(g.mean[k]) + " is outside the allowed range " +
                             range_text(mean_range));
      }
      if (!in_range(variance_range, g.cov(k, k))) {
        return Status::error(where + ": variance " + format_number(g.cov(k, k)) + " is outside the allowed range " +
                             range_text(variance_range));
      }
    }
    if (!in_range(prior_range, g.prior)) {
      return Status::error(where + ": prior " + format_number(g.prior) + " is outside the allowed range " +
                           range_text(prior_range) + " (priors are relative weights)");
    }
  }
  return Status::success();
}

Result<Mixture> Mixture::build(const std::vector<GaussianClass>& classes) {
  const Status valid = validate_mixture(classes);
  if (!valid.ok) return Result<Mixture>::fail(valid.message);
  return {from_valid(classes), Status::success()};
}

Mixture Mixture::from_valid(const std::vector<GaussianClass>& classes) {
  Mixture m;
  m.dims_ = static_cast<int>(classes[0].mean.size());
  double prior_sum = 0.0;
  for (const GaussianClass& c : classes) {
    Eigen::LLT<Eigen::MatrixXd> llt(c.cov);
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
  return m;
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
      double x[2];
      sample_point(mu, rng, x);
      const int col = order[slot];
      for (int k = 0; k < dims_; ++k) data.inputs(k, col) = static_cast<float>(x[k]);
      data.labels[col] = mu;
    }
  }
  return data;
}

void Mixture::sample_point(int mu, Rng& rng, double* x) const {
  double z[2];
  for (int k = 0; k < dims_; ++k) z[k] = rng.normal();
  for (int k = 0; k < dims_; ++k) {
    double v = classes_[mu].mean[k];
    for (int l = 0; l <= k; ++l) v += cholesky_[mu](k, l) * z[l];
    x[k] = v;
  }
}

Mixture Mixture::with_added_isotropic_noise(double variance) const {
  std::vector<GaussianClass> wider = classes_;
  for (GaussianClass& c : wider) c.cov += variance * Eigen::MatrixXd::Identity(dims_, dims_);
  return from_valid(wider);  // wider than a valid mixture stays positive definite (the variance may pass mix.var)
}

}  // namespace catgeo
