// A noisy code of the projection space, r = f(x) + noise (RepresentationNoise: f + sigma z, or Gaussian dropout
// f (1 + xi)), and its optional read-out g(mu|r): the input of the information estimators. Implemented by a trained
// network and by a plain linear code. Eigen + std.
#pragma once
#include <Eigen/Core>

#include "core/data/category_model.h"
#include "core/nn/mlp.h"

namespace catgeo {

class NoisyCode {
 public:
  virtual ~NoisyCode() = default;
  virtual int projection_dim() const = 0;         // K
  virtual int width() const = 0;                  // N
  virtual RepresentationNoise noise() const = 0;  // P(r|f)
  double noise_sigma() const { return noise().sigma; }  // sigma of the additive Gaussian noise (noise model gauss)
  // f(x), (N, B), at points x (K, B); with jacobian, also df/dx (N, K*B), column b*K + k = df/dx_k at point b.
  virtual void represent(const Eigen::MatrixXd& x, Eigen::MatrixXd& f, Eigen::MatrixXd* jacobian) const = 0;
  // Classes of the read-out g(.|r); 0 when the code has none.
  virtual int readout_classes() const { return 0; }
  // ln g(mu|r), (M, B), at representations r (N, B). Only when readout_classes() > 0.
  virtual void readout_log_probabilities(const Eigen::MatrixXd& r, Eigen::MatrixXd& log_g) const;
};

// r = x + N(0, v I_K): f is the identity (N = K, sigma = sqrt(v)), the closed-form case of spec 1.7. With a
// read-out model, g(mu|r) is that model's posterior at r (the exact Bayes read-out when it is the mixture of x + noise,
// Mixture::with_added_isotropic_noise).
class LinearCode : public NoisyCode {
 public:
  LinearCode(int dims, double variance, const CategoryModel* readout = nullptr);
  int projection_dim() const override { return dims_; }
  int width() const override { return dims_; }
  RepresentationNoise noise() const override { return {NoiseModel::gauss, sigma_, 0.0}; }
  void represent(const Eigen::MatrixXd& x, Eigen::MatrixXd& f, Eigen::MatrixXd* jacobian) const override;
  int readout_classes() const override { return readout_ ? readout_->num_classes() : 0; }
  void readout_log_probabilities(const Eigen::MatrixXd& r, Eigen::MatrixXd& log_g) const override;

 private:
  int dims_;
  double sigma_;
  const CategoryModel* readout_;
};

// A network's representation layer as a function of its projection space (Mlp::representation_at and
// probe_projection, in float) with its training noise (Mlp::noise), and its read-out (Mlp::readout_log_probabilities).
// The network must outlive the code and not change meanwhile.
class NetworkCode : public NoisyCode {
 public:
  explicit NetworkCode(const Mlp& net) : net_(net) {}
  int projection_dim() const override { return net_.projection_dim(); }
  int width() const override { return net_.representation_width(); }
  RepresentationNoise noise() const override { return net_.noise(); }
  void represent(const Eigen::MatrixXd& x, Eigen::MatrixXd& f, Eigen::MatrixXd* jacobian) const override;
  int readout_classes() const override { return net_.num_classes(); }
  void readout_log_probabilities(const Eigen::MatrixXd& r, Eigen::MatrixXd& log_g) const override;

 private:
  const Mlp& net_;
  mutable MatrixF codes_, values_;  // float workspaces: (K, B) and (N, B) or (M, B)
  mutable ProjectionProbe probe_;
};

}  // namespace catgeo
