// Multilayer perceptron: dense layers, a noisy bounded representation layer r, softmax read-out,
// cross-entropy backprop, and exact forward-mode Jacobians dr/dx on the projection space x.
// Convention: one column = one sample everywhere. Parameters live in one flat float vector.
#pragma once
#include <Eigen/Core>
#include <Eigen/StdVector>
#include <vector>

#include "core/config/config.h"
#include "core/nn/dense_product.h"
#include "core/nn/representation_noise.h"
#include "core/base/rng.h"
#include "core/base/status.h"

namespace catgeo {

// Flat parameter (or gradient) storage. Aligned, and every layer block starts on a 64-byte boundary, so
// Eigen's vectorised kernels take the same code path on every run: training is bit-identical per seed.
using ParameterVector = std::vector<float, Eigen::aligned_allocator<float>>;

// Results of evaluating the network from the projection space on a batch of B points.
struct ProjectionProbe {
  MatrixF probabilities;        // (M, B) noiseless read-out softmax
  MatrixF representation;       // (N, B) clean r
  MatrixF jacobian;             // (N, K*B) dr/dx; column b*K + k is d r / d x_k at point b
  MatrixF logit_jacobian;       // (M, K*B) dz/dx = W_out * jacobian
};

class Mlp {
 public:
  // Validates the config against the data shape (widths 1-1024, 1-6 hidden layers, layer indices,
  // bounded units at r are recommended but not required; dropout noise needs sigmoid units at r).
  static Result<Mlp> create(const NetworkConfig& config, int input_dim, int num_classes);

  // Glorot-uniform weights, hidden biases U(-0.5, 0.5), read-out bias 0 (spec 2.3).
  void initialize(Rng& rng);

  int input_dim() const { return input_dim_; }
  int num_classes() const { return num_classes_; }
  int num_layers() const { return static_cast<int>(layers_.size()); }  // hidden layers + read-out
  int representation_layer() const { return representation_layer_; }
  int projection_layer() const { return projection_layer_; }  // -1: x is the input
  int projection_dim() const;                                   // K
  int representation_width() const { return layers_[representation_layer_].out; }  // N
  double noise_sigma() const { return noise_.sigma; }
  const RepresentationNoise& noise() const { return noise_; }  // the noise model of r (gauss or dropout)

  ParameterVector& parameters() { return parameters_; }
  const ParameterVector& parameters() const { return parameters_; }
  Eigen::Map<const MatrixF> weight(int layer) const;  // (out, in)
  Eigen::Map<const VectorF> bias(int layer) const;    // (out)

  // Mean cross-entropy of a batch and its gradient (same layout as parameters()). With noise_rng, draws the noise of
  // r (training mode): adds N(0, sigma^2) to every unit, or for dropout multiplies unit i by 1 + xi_i, xi_i ~ N(0,
  // alpha); without, the clean network.
  float loss_and_gradient(const Eigen::Ref<const MatrixF>& inputs /*(D, B)*/, const int* labels,
                          Rng* noise_rng, ParameterVector& gradient) const;
  // Mean cross-entropy without gradient (optionally noisy), for evaluation.
  float loss(const Eigen::Ref<const MatrixF>& inputs, const int* labels, Rng* noise_rng) const;
  // Noiseless class probabilities, (M, B).
  void predict(const Eigen::Ref<const MatrixF>& inputs, MatrixF& probabilities) const;
  // predict() and the summed (not mean) noisy cross-entropy of loss(inputs, labels, &noise_rng) in one pass: the
  // layers up to r run once for both. Summed so that a test set scored in chunks adds up to the same total.
  double predict_and_noisy_loss_sum(const Eigen::Ref<const MatrixF>& inputs, const int* labels, Rng& noise_rng,
                                    MatrixF& probabilities) const;
  // Projection x of each input, (K, B) (the input itself when projection_layer() == -1).
  void project(const Eigen::Ref<const MatrixF>& inputs, MatrixF& codes) const;
  // Evaluate read-out, r and the exact Jacobians at points of the projection space, (K, B).
  void probe_projection(const Eigen::Ref<const MatrixF>& codes, ProjectionProbe& out) const;
  // Clean r = f(x), (N, B), at points of the projection space (K, B): the layers after x up to r, no Jacobians.
  void representation_at(const Eigen::Ref<const MatrixF>& codes, MatrixF& representation) const;
  // The read-out from given representations r (N, B): the layers after r and a log-softmax, ln g(mu|r) as (M, B).
  // At the clean r it is the log of probe_projection's probabilities; at a noisy r, of the noisy network's.
  void readout_log_probabilities(const Eigen::Ref<const MatrixF>& representation, MatrixF& log_probabilities) const;

 private:
  struct Layer {
    int in = 0, out = 0;
    Activation activation = Activation::linear;
    size_t weight_offset = 0, bias_offset = 0;
  };
  // Clean forward pass through layers [first_layer, last_layer]; the read-out keeps raw logits.
  void forward(const Eigen::Ref<const MatrixF>& inputs, int first_layer, int last_layer) const;
  // Forward (noisy when noise_rng) + mean cross-entropy; backward into *gradient when non-null.
  float run_batch(const Eigen::Ref<const MatrixF>& inputs, const int* labels, Rng* noise_rng,
                  ParameterVector* gradient) const;
  // noisy_representation_ = clean r (N, B) + sigma * standard normals, or for dropout clean r .* noise_factor_,
  // noise_factor_ = 1 + sqrt(alpha) * standard normals (kept for the backward pass: dr/df = noise_factor_).
  void add_representation_noise(const MatrixF& clean, Rng& noise_rng) const;
  Eigen::Map<MatrixF> weight_mut(int layer);
  Eigen::Map<VectorF> bias_mut(int layer);

  int input_dim_ = 0, num_classes_ = 0;
  int representation_layer_ = 0, projection_layer_ = -1;
  RepresentationNoise noise_;
  std::vector<Layer> layers_;
  ParameterVector parameters_;
  // Workspace reused across calls (no per-call allocation once sizes settle).
  mutable std::vector<MatrixF> activations_;  // activations_[l+1] = output of layer l, (out_l, B)
  mutable std::vector<MatrixF> tangents_;     // (out_l, K*B) forward-mode tangents
  mutable MatrixF noisy_representation_;      // (N, B) r + noise, fed forward in training mode
  mutable MatrixF noise_factor_;              // (N, B) dropout only: 1 + xi of the last noisy pass
  mutable MatrixF delta_, delta_prev_;        // back-propagated errors dL/dz
  mutable MatrixF slope_;                     // (out_l, B) activation derivatives
};

}  // namespace catgeo
