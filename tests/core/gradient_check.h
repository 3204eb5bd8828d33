// Test helper: the largest relative error of an Mlp's noisy gradient against central differences of its noisy loss,
// with the same noise draw (a reseeded stream) on every evaluation.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/nn/mlp.h"
#include "core/base/rng.h"

namespace catgeo::test {

inline double worst_fixed_noise_gradient_error(Mlp& net, const MatrixF& inputs /*(D, B)*/, const int* labels,
                                               std::uint64_t noise_seed, float h = 1e-2f) {
  ParameterVector gradient;
  Rng noise(noise_seed);
  net.loss_and_gradient(inputs, labels, &noise, gradient);
  double worst = 0.0;
  for (size_t p = 0; p < net.parameters().size(); ++p) {
    const float saved = net.parameters()[p];
    net.parameters()[p] = saved + h;
    Rng up_noise(noise_seed);
    const double up = net.loss(inputs, labels, &up_noise);
    net.parameters()[p] = saved - h;
    Rng down_noise(noise_seed);
    const double down = net.loss(inputs, labels, &down_noise);
    net.parameters()[p] = saved;
    const double fd = (up - down) / (2.0 * h);
    worst = std::max(worst, std::fabs(fd - gradient[p]) / (1e-2 + std::fabs(fd)));
  }
  return worst;
}

}  // namespace catgeo::test
