// Noisy codes r = f(x) + noise for the information estimators: a linear code and a network's representation layer.
#include "core/geometry/noisy_code.h"

#include <cmath>

#include "core/base/check.h"
#include "core/geometry/fisher.h"

namespace catgeo {

void NoisyCode::readout_log_probabilities(const Eigen::MatrixXd&, Eigen::MatrixXd&) const {
  CATGEO_CHECK(false, "this code has no read-out (readout_classes() == 0)");
}

LinearCode::LinearCode(int dims, double variance, const CategoryModel* readout)
    : dims_(dims), sigma_(std::sqrt(variance)), readout_(readout) {
  CATGEO_CHECK(dims == 1 || dims == 2, "a linear code of a 1-D or 2-D projection space");
  CATGEO_CHECK(variance > 0.0, "the noise variance must be positive");
  CATGEO_CHECK(!readout || readout->dims() == dims, "the read-out model must live on the code's space");
}

void LinearCode::represent(const Eigen::MatrixXd& x, Eigen::MatrixXd& f, Eigen::MatrixXd* jacobian) const {
  f = x;
  if (!jacobian) return;
  jacobian->setZero(dims_, dims_ * x.cols());
  for (Eigen::Index b = 0; b < x.cols(); ++b)
    for (int k = 0; k < dims_; ++k) (*jacobian)(k, b * dims_ + k) = 1.0;
}

void LinearCode::readout_log_probabilities(const Eigen::MatrixXd& r, Eigen::MatrixXd& log_g) const {
  CATGEO_CHECK(readout_ != nullptr, "this linear code has no read-out");
  const int M = readout_->num_classes();
  double log_joint[kMaxClasses], scores[2 * kMaxClasses], posterior[kMaxClasses];
  log_g.resize(M, r.cols());
  for (Eigen::Index b = 0; b < r.cols(); ++b) {
    readout_->class_terms(r.col(b).data(), log_joint, scores);
    const double log_density = posterior_from_log_joint(log_joint, M, posterior);
    for (int mu = 0; mu < M; ++mu) log_g(mu, b) = log_joint[mu] - log_density;
  }
}

void NetworkCode::represent(const Eigen::MatrixXd& x, Eigen::MatrixXd& f, Eigen::MatrixXd* jacobian) const {
  codes_ = x.cast<float>();
  if (jacobian) {
    net_.probe_projection(codes_, probe_);
    f = probe_.representation.cast<double>();
    *jacobian = probe_.jacobian.cast<double>();
    return;
  }
  net_.representation_at(codes_, values_);
  f = values_.cast<double>();
}

void NetworkCode::readout_log_probabilities(const Eigen::MatrixXd& r, Eigen::MatrixXd& log_g) const {
  const MatrixF representation = r.cast<float>();
  net_.readout_log_probabilities(representation, values_);
  log_g = values_.cast<double>();
}

}  // namespace catgeo
