// Multilayer perceptron: forward, cross-entropy backprop, noisy representation layer, forward-mode Jacobians.
#include "core/nn/mlp.h"

#include <cmath>
#include <string>

#include "core/nn/activation.h"
#include "core/base/check.h"
#include "core/config/parameters.h"

namespace catgeo {
namespace {

// Back-propagated errors dL/dz below 2^-100 are set to 0. A gradient that small moves no parameter: Adam divides it by
// at least eps = 1e-8 and SGD multiplies it by lr <= 100, a step below 1e-20. Kept, such errors turn subnormal (below
// 2^-126) once multiplied by a saturated sigmoid's slope or a weight, and every multiply-add that touches a subnormal
// float costs some 100 cycles on x86 without flush-to-zero, a mode WASM cannot set: the units of a wide sigmoid layer
// that saturate over hundreds of epochs made the weight gradients several times slower to compute (issue 21).
constexpr float kNegligibleError = 0x1p-100f;

void drop_negligible_errors(MatrixF& delta) {
  float* d = delta.data();
  for (Eigen::Index i = 0; i < delta.size(); ++i) d[i] = std::fabs(d[i]) < kNegligibleError ? 0.0f : d[i];
}

// In-place column-wise softmax of logits; returns the summed -ln P(label) when labels are given.
double softmax_columns(MatrixF& logits, const int* labels) {
  double loss = 0.0;
  for (Eigen::Index b = 0; b < logits.cols(); ++b) {
    auto column = logits.col(b);
    const float top = column.maxCoeff();
    column.array() -= top;
    const float log_sum = std::log(column.array().exp().sum());
    if (labels) loss -= static_cast<double>(column(labels[b]) - log_sum);
    column = (column.array() - log_sum).exp();
  }
  return loss;
}

// Rounds a float offset up to a multiple of 16 floats (64 bytes).
size_t aligned_offset(size_t offset) { return (offset + 15) / 16 * 16; }

}  // namespace

Result<Mlp> Mlp::create(const NetworkConfig& config, int input_dim, int num_classes) {
  const int hidden = static_cast<int>(config.hidden.size());
  const ParameterSpec& layers = parameter("layers");
  const ParameterSpec& width = parameter("layers.width");
  if (!in_range(layers, hidden)) return Result<Mlp>::fail("layers: the network needs " + range_text(layers) + " hidden layers");
  for (const LayerSpec& spec : config.hidden)
    if (!in_range(width, spec.width)) return Result<Mlp>::fail("layers: hidden widths must be in " + range_text(width));
  if (num_classes < 2 || num_classes > 16) return Result<Mlp>::fail("the read-out needs 2 to 16 classes");
  if (input_dim < 1) return Result<Mlp>::fail("the input dimension must be positive");
  if (!(config.noise_sigma > 0.0) || !std::isfinite(config.noise_sigma))
    return Result<Mlp>::fail("the representation noise sigma must be positive and finite");
  if (config.noise == NoiseModel::dropout && (!(config.dropout_alpha > 0.0) || !std::isfinite(config.dropout_alpha)))
    return Result<Mlp>::fail("the dropout noise alpha must be positive and finite");

  Mlp net;
  net.input_dim_ = input_dim;
  net.num_classes_ = num_classes;
  net.noise_ = RepresentationNoise::of(config);
  net.representation_layer_ = config.representation_layer < 0 ? hidden - 1 : config.representation_layer;
  net.projection_layer_ = config.projection_layer;
  if (net.representation_layer_ >= hidden)
    return Result<Mlp>::fail("the representation layer index must name a hidden layer");
  if (net.noise_.dropout() && config.hidden[net.representation_layer_].activation != Activation::sigmoid)
    return Result<Mlp>::fail("dropout noise needs sigmoid units at the representation layer (f > 0)");
  if (net.projection_layer_ < -1 || net.projection_layer_ >= net.representation_layer_)
    return Result<Mlp>::fail("the projection layer must come before the representation layer");
  const int projection_dim =
      net.projection_layer_ < 0 ? input_dim : config.hidden[net.projection_layer_].width;
  if (projection_dim < 1 || projection_dim > 2)
    return Result<Mlp>::fail("the projection space must have 1 or 2 dimensions, got " +
                             std::to_string(projection_dim));

  size_t offset = 0;
  int in = input_dim;
  for (int l = 0; l <= hidden; ++l) {
    Layer layer;
    layer.in = in;
    layer.out = l < hidden ? config.hidden[l].width : num_classes;
    layer.activation = l < hidden ? config.hidden[l].activation : Activation::linear;
    layer.weight_offset = offset;
    offset = aligned_offset(offset + static_cast<size_t>(layer.in) * layer.out);
    layer.bias_offset = offset;
    offset = aligned_offset(offset + layer.out);
    net.layers_.push_back(layer);
    in = layer.out;
  }
  net.parameters_.assign(offset, 0.0f);
  net.activations_.resize(net.layers_.size());
  net.tangents_.resize(net.layers_.size());
  return {std::move(net), Status::success()};
}

int Mlp::projection_dim() const {
  return projection_layer_ < 0 ? input_dim_ : layers_[projection_layer_].out;
}

Eigen::Map<const MatrixF> Mlp::weight(int l) const {
  return {parameters_.data() + layers_[l].weight_offset, layers_[l].out, layers_[l].in};
}
Eigen::Map<const VectorF> Mlp::bias(int l) const {
  return {parameters_.data() + layers_[l].bias_offset, layers_[l].out};
}
Eigen::Map<MatrixF> Mlp::weight_mut(int l) {
  return {parameters_.data() + layers_[l].weight_offset, layers_[l].out, layers_[l].in};
}
Eigen::Map<VectorF> Mlp::bias_mut(int l) { return {parameters_.data() + layers_[l].bias_offset, layers_[l].out}; }

void Mlp::initialize(Rng& rng) {
  const int readout = num_layers() - 1;
  for (int l = 0; l <= readout; ++l) {
    const double limit = std::sqrt(6.0 / (layers_[l].in + layers_[l].out));
    auto w = weight_mut(l);
    for (Eigen::Index j = 0; j < w.cols(); ++j)
      for (Eigen::Index i = 0; i < w.rows(); ++i) w(i, j) = static_cast<float>(rng.uniform(-limit, limit));
    auto b = bias_mut(l);
    for (Eigen::Index i = 0; i < b.size(); ++i)
      b(i) = l == readout ? 0.0f : static_cast<float>(rng.uniform(-0.5, 0.5));
  }
}

void Mlp::forward(const Eigen::Ref<const MatrixF>& inputs, int first_layer, int last_layer) const {
  for (int l = first_layer; l <= last_layer; ++l) {
    MatrixF& a = activations_[l];
    a.resize(layers_[l].out, inputs.cols());
    if (l == first_layer) multiply(weight(l), inputs, a);
    else multiply(weight(l), activations_[l - 1], a);
    add_bias_and_activate(layers_[l].activation, bias(l), a);  // the read-out is linear
  }
}

float Mlp::loss(const Eigen::Ref<const MatrixF>& inputs, const int* labels, Rng* noise_rng) const {
  return run_batch(inputs, labels, noise_rng, nullptr);
}

float Mlp::loss_and_gradient(const Eigen::Ref<const MatrixF>& inputs, const int* labels, Rng* noise_rng,
                             ParameterVector& gradient) const {
  gradient.resize(parameters_.size());
  return run_batch(inputs, labels, noise_rng, &gradient);
}

float Mlp::run_batch(const Eigen::Ref<const MatrixF>& inputs, const int* labels, Rng* noise_rng,
                     ParameterVector* gradient) const {
  CATGEO_CHECK(inputs.rows() == input_dim_, "input rows must equal the input dimension");
  const int readout = num_layers() - 1;
  const Eigen::Index batch = inputs.cols();
  // Forward with the noisy representation: noisy_rep feeds the next layer, the clean one gives slopes.
  MatrixF& noisy_rep = noisy_representation_;
  for (int l = 0; l <= readout; ++l) {
    const bool after_rep = l == representation_layer_ + 1;
    MatrixF& a = activations_[l];
    a.resize(layers_[l].out, batch);
    if (l == 0) multiply(weight(l), inputs, a);
    else multiply(weight(l), after_rep && noise_rng ? noisy_rep : activations_[l - 1], a);
    add_bias_and_activate(layers_[l].activation, bias(l), a);
    if (l == representation_layer_ && noise_rng) add_representation_noise(a, *noise_rng);
  }
  const double loss_sum = softmax_columns(activations_[readout], labels);
  const float mean_loss = static_cast<float>(loss_sum / static_cast<double>(batch));
  if (!gradient) return mean_loss;
  // Backward: delta = dL/dz at the read-out, (M, B).
  delta_ = activations_[readout];
  for (Eigen::Index b = 0; b < batch; ++b) delta_(labels[b], b) -= 1.0f;
  delta_ /= static_cast<float>(batch);
  drop_negligible_errors(delta_);
  for (int l = readout; l >= 0; --l) {
    const Layer& layer = layers_[l];
    Eigen::Map<MatrixF> grad_w(gradient->data() + layer.weight_offset, layer.out, layer.in);
    Eigen::Map<VectorF> grad_b(gradient->data() + layer.bias_offset, layer.out);
    const bool after_rep = l == representation_layer_ + 1 && noise_rng;
    if (l == 0) multiply_by_transpose(delta_, inputs, grad_w);
    else multiply_by_transpose(delta_, after_rep ? noisy_rep : activations_[l - 1], grad_w);
    grad_b = delta_.rowwise().sum();
    if (l == 0) break;
    delta_prev_.resize(layer.in, batch);
    multiply_transpose_by(weight(l), delta_, delta_prev_);
    if (after_rep && noise_.dropout()) delta_prev_.array() *= noise_factor_.array();  // dr/df = 1 + xi
    multiply_by_slope(layers_[l - 1].activation, activations_[l - 1], delta_prev_);
    drop_negligible_errors(delta_prev_);
    delta_.swap(delta_prev_);
  }
  return mean_loss;
}

void Mlp::add_representation_noise(const MatrixF& clean, Rng& noise_rng) const {
  MatrixF& noisy = noisy_representation_;
  noisy.resize(clean.rows(), clean.cols());
  if (noise_.dropout()) {
    MatrixF& factor = noise_factor_;
    factor.resize(clean.rows(), clean.cols());
    noise_rng.normals(factor.data(), static_cast<size_t>(factor.size()));
    factor = (static_cast<float>(std::sqrt(noise_.alpha)) * factor).array() + 1.0f;
    noisy = clean.cwiseProduct(factor);
    return;
  }
  noise_rng.normals(noisy.data(), static_cast<size_t>(noisy.size()));
  noisy = clean + static_cast<float>(noise_.sigma) * noisy;
}

double Mlp::predict_and_noisy_loss_sum(const Eigen::Ref<const MatrixF>& inputs, const int* labels, Rng& noise_rng,
                                       MatrixF& probabilities) const {
  const int readout = num_layers() - 1;
  forward(inputs, 0, representation_layer_);
  add_representation_noise(activations_[representation_layer_], noise_rng);
  forward(activations_[representation_layer_], representation_layer_ + 1, readout);
  softmax_columns(activations_[readout], nullptr);
  probabilities = activations_[readout];
  forward(noisy_representation_, representation_layer_ + 1, readout);
  return softmax_columns(activations_[readout], labels);
}

void Mlp::predict(const Eigen::Ref<const MatrixF>& inputs, MatrixF& probabilities) const {
  const int readout = num_layers() - 1;
  forward(inputs, 0, readout);
  softmax_columns(activations_[readout], nullptr);
  probabilities = activations_[readout];
}

void Mlp::project(const Eigen::Ref<const MatrixF>& inputs, MatrixF& codes) const {
  if (projection_layer_ < 0) {
    codes = inputs;
    return;
  }
  forward(inputs, 0, projection_layer_);
  codes = activations_[projection_layer_];
}

void Mlp::probe_projection(const Eigen::Ref<const MatrixF>& codes, ProjectionProbe& out) const {
  const int K = projection_dim();
  CATGEO_CHECK(codes.rows() == K, "codes must have projection_dim() rows");
  const int first = projection_layer_ + 1;
  const int readout = num_layers() - 1;
  const Eigen::Index batch = codes.cols();
  forward(codes, first, readout);
  softmax_columns(activations_[readout], nullptr);
  // Forward-mode tangents through the hidden layers after the projection, K per point.
  MatrixF& slope = slope_;
  for (int l = first; l < readout; ++l) {
    MatrixF& t = tangents_[l];
    t.resize(layers_[l].out, K * batch);
    if (l == first) {
      const auto w = weight(l);
      for (Eigen::Index b = 0; b < batch; ++b)
        for (int k = 0; k < K; ++k) t.col(b * K + k) = w.col(k);
    } else {
      multiply(weight(l), tangents_[l - 1], t);
    }
    activation_slope(layers_[l].activation, activations_[l], slope);
    for (Eigen::Index b = 0; b < batch; ++b)
      for (int k = 0; k < K; ++k) t.col(b * K + k).array() *= slope.col(b).array();
  }
  out.logit_jacobian.resize(num_classes_, K * batch);
  multiply(weight(readout), tangents_[readout - 1], out.logit_jacobian);
  // Hand the buffers over instead of copying them: the next call refills them (same shapes, no allocation).
  out.probabilities.swap(activations_[readout]);
  out.representation.swap(activations_[representation_layer_]);
  out.jacobian.swap(tangents_[representation_layer_]);
}

void Mlp::representation_at(const Eigen::Ref<const MatrixF>& codes, MatrixF& representation) const {
  CATGEO_CHECK(codes.rows() == projection_dim(), "codes must have projection_dim() rows");
  forward(codes, projection_layer_ + 1, representation_layer_);
  representation.swap(activations_[representation_layer_]);
}

void Mlp::readout_log_probabilities(const Eigen::Ref<const MatrixF>& representation, MatrixF& log_probabilities) const {
  CATGEO_CHECK(representation.rows() == representation_width(), "representations must have N rows");
  const int readout = num_layers() - 1;
  forward(representation, representation_layer_ + 1, readout);
  MatrixF& logits = activations_[readout];
  for (Eigen::Index b = 0; b < logits.cols(); ++b) {  // log-softmax, as softmax_columns computes it
    auto column = logits.col(b);
    const float top = column.maxCoeff();
    column.array() -= top;
    column.array() -= std::log(column.array().exp().sum());
  }
  log_probabilities.swap(logits);
}

}  // namespace catgeo
