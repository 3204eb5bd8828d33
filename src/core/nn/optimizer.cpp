// Optimisers: SGD and Adam (beta1 0.9, beta2 0.999, eps 1e-8, as in Keras/TF defaults).
#include "core/nn/optimizer.h"

#include <cmath>

#include "core/base/check.h"

namespace catgeo {

Optimizer::Optimizer(OptimizerKind kind, double learning_rate, size_t parameter_count)
    : kind_(kind), learning_rate_(learning_rate) {
  if (kind_ == OptimizerKind::adam) {
    first_moment_.assign(parameter_count, 0.0f);
    second_moment_.assign(parameter_count, 0.0f);
  }
}

void Optimizer::step(ParameterVector& parameters, const ParameterVector& gradient) {
  CATGEO_CHECK(parameters.size() == gradient.size(), "gradient and parameters differ in size");
  ++t_;
  const float lr = static_cast<float>(learning_rate_);
  const size_t n = parameters.size();
  if (kind_ == OptimizerKind::sgd) {
    for (size_t i = 0; i < n; ++i) parameters[i] -= lr * gradient[i];
    return;
  }
  constexpr float beta1 = 0.9f, beta2 = 0.999f, eps = 1e-8f;
  const float correction1 = 1.0f - static_cast<float>(std::pow(0.9, static_cast<double>(t_)));
  const float correction2 = 1.0f - static_cast<float>(std::pow(0.999, static_cast<double>(t_)));
  const float step_size = lr / correction1;
  const float inv_sqrt_c2 = 1.0f / std::sqrt(correction2);
  for (size_t i = 0; i < n; ++i) {
    const float g = gradient[i];
    first_moment_[i] = beta1 * first_moment_[i] + (1.0f - beta1) * g;
    second_moment_[i] = beta2 * second_moment_[i] + (1.0f - beta2) * g * g;
    parameters[i] -= step_size * first_moment_[i] / (std::sqrt(second_moment_[i]) * inv_sqrt_c2 + eps);
  }
}

}  // namespace catgeo
