// The noise model of the representation layer r given its clean value f (spec 1.6), and the terms of Gaussian dropout:
// its sampler, its log-likelihood ln P(r|f), its score and its per-unit weight of F_code. std only.
#pragma once
#include "core/config/config.h"

namespace catgeo {

struct RepresentationNoise {
  NoiseModel model = NoiseModel::gauss;
  double sigma = 1.0;   // gauss: P(r|f) = N(r; f, sigma^2 I)
  double alpha = 0.25;  // dropout: P(r|f) = prod_i N(r_i; f_i, alpha f_i^2), i.e. r_i = f_i (1 + sqrt(alpha) z_i)

  static RepresentationNoise of(const NetworkConfig& config) {
    return {config.noise, config.noise_sigma, config.dropout_alpha};
  }
  bool dropout() const { return model == NoiseModel::dropout; }
};

// Gaussian dropout, unit by unit. (The additive model's terms are written inline where they are used: r = f + sigma z,
// ln P = -|r - f|^2 / (2 sigma^2), F_code = J^T J / sigma^2.)
// r_i from f_i and a standard normal z_i.
double dropout_sample(double alpha, double f, double z);
// Sum over units of ln N(r_i; f_i, alpha f_i^2), without the constant -N/2 ln(2 pi alpha).
double dropout_log_likelihood(double alpha, const double* r, const double* f, int units);
// d ln N(r; f, alpha f^2) / d f.
double dropout_score(double alpha, double r, double f);
// w_i of F_code = sum_i w_i grad f_i grad f_i^T: (1 / alpha + 2) / f_i^2.
double dropout_fisher_weight(double alpha, double f);

// The floor of |f_i| in the three functions above. P(r_i|f_i) degenerates (a point mass, an infinite F_code term) at
// f_i = 0, which sigmoid units (config_checks.h requires them at r for dropout) reach only when their float output
// underflows (pre-activation below about -87). For a sigmoid grad f_i / f_i = (1 - f_i) grad a_i stays finite, so the
// floor changes only such underflowed units: their term, (1/alpha + 2) |grad a_i|^2 in the limit, is left out.
constexpr double kDropoutMinUnit = 1e-30;

}  // namespace catgeo
