// Fisher informations: log-sum-exp posteriors, score-covariance and softmax forms of F_cat, 2x2 eigen.
#include "core/geometry/fisher.h"

#include <cmath>
#include <limits>

#include "core/base/check.h"

namespace catgeo {

SymEigen2 eigen_sym2(const Sym2& f) {
  const double mean = 0.5 * (f.f11 + f.f22);
  const double half_diff = 0.5 * (f.f11 - f.f22);
  const double radius = std::hypot(half_diff, f.f12);
  SymEigen2 e;
  e.lambda_max = mean + radius;
  e.lambda_min = mean - radius;
  e.angle = 0.5 * std::atan2(2.0 * f.f12, f.f11 - f.f22);
  return e;
}

double posterior_from_log_joint(const double* log_joint, int num_classes, double* posterior) {
  CATGEO_CHECK(num_classes <= kMaxClasses, "too many classes");
  double top = -std::numeric_limits<double>::infinity();
  for (int mu = 0; mu < num_classes; ++mu) top = std::fmax(top, log_joint[mu]);
  if (!std::isfinite(top)) {
    for (int mu = 0; mu < num_classes; ++mu) posterior[mu] = 0.0;
    return -std::numeric_limits<double>::infinity();
  }
  double sum = 0.0;
  for (int mu = 0; mu < num_classes; ++mu) {
    posterior[mu] = std::exp(log_joint[mu] - top);
    sum += posterior[mu];
  }
  for (int mu = 0; mu < num_classes; ++mu) posterior[mu] /= sum;
  return top + std::log(sum);
}

Sym2 categorical_fisher_from_scores(const double* posterior, const double* scores, int num_classes, int dims) {
  double mean[2] = {0.0, 0.0};
  for (int mu = 0; mu < num_classes; ++mu)
    for (int k = 0; k < dims; ++k) mean[k] += posterior[mu] * scores[mu * dims + k];
  Sym2 f;
  for (int mu = 0; mu < num_classes; ++mu) {
    if (posterior[mu] == 0.0) continue;
    const double d0 = scores[mu * dims] - mean[0];
    f.f11 += posterior[mu] * d0 * d0;
    if (dims == 2) {
      const double d1 = scores[mu * dims + 1] - mean[1];
      f.f12 += posterior[mu] * d0 * d1;
      f.f22 += posterior[mu] * d1 * d1;
    }
  }
  return f;
}

Sym2 categorical_fisher_from_softmax(const double* posterior, const double* logit_jacobian, int num_classes,
                                     int dims) {
  // diag(P) - P P^T is the covariance of the one-hot class vector, so J^T(.)J = Cov_mu[grad z_mu].
  return categorical_fisher_from_scores(posterior, logit_jacobian, num_classes, dims);
}

double trace_inverse_product(const Sym2& a, const Sym2& b, int dims) {
  if (dims == 1) return a.f11 > 0.0 ? b.f11 / a.f11 : std::numeric_limits<double>::infinity();
  const double ridge = 1e-12 * std::fabs(a.trace());
  const double a11 = a.f11 + ridge, a22 = a.f22 + ridge, a12 = a.f12;
  const double det = a11 * a22 - a12 * a12;
  if (!(det > 0.0)) return std::numeric_limits<double>::infinity();
  // A^{-1} = [a22 -a12; -a12 a11] / det
  return (a22 * b.f11 - 2.0 * a12 * b.f12 + a11 * b.f22) / det;
}

}  // namespace catgeo
