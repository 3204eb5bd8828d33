// Gaussian-dropout noise of the representation layer: sampler, likelihood, score and F_code weight per unit.
#include "core/nn/representation_noise.h"

#include <algorithm>
#include <cmath>

namespace catgeo {
namespace {

double floored(double f) { return std::max(f, kDropoutMinUnit); }  // sigmoid units: f > 0

}  // namespace

double dropout_sample(double alpha, double f, double z) { return f * (1.0 + std::sqrt(alpha) * z); }

double dropout_log_likelihood(double alpha, const double* r, const double* f, int units) {
  double sum = 0.0;
  for (int i = 0; i < units; ++i) {
    const double scale = floored(f[i]);  // the std of r_i is sqrt(alpha) f_i
    const double u = (r[i] - scale) / scale;
    sum += -0.5 * u * u / alpha - std::log(scale);
  }
  return sum;
}

double dropout_score(double alpha, double r, double f) {
  // d/df [-(r - f)^2 / (2 alpha f^2) - ln f] = (r - f) / (alpha f^2) + (r - f)^2 / (alpha f^3) - 1 / f.
  const double scale = floored(f), d = r - scale;
  return d / (alpha * scale * scale) + d * d / (alpha * scale * scale * scale) - 1.0 / scale;
}

double dropout_fisher_weight(double alpha, double f) {
  const double scale = floored(f);
  return (1.0 / alpha + 2.0) / (scale * scale);
}

}  // namespace catgeo
