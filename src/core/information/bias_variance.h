// Bias-variance decomposition of the Bayes cost at grid points (spec 1.10), by Monte-Carlo over the noise of r.
// Eigen + std only.
#pragma once
#include <Eigen/Core>

#include "core/geometry/grid_fields.h"
#include "core/geometry/noisy_code.h"
#include "core/base/rng.h"

namespace catgeo {

// At each grid point x, T draws r_t ~ P(r|x) (f(x) + sigma z_t; for dropout f(x) (1 + sqrt(alpha) z_t)) and the
// read-out's ln g(.|r_t) give (nats):
//   lbar_mu = mean_t ln g(mu|r_t),  ln Z = ln sum_mu exp(lbar_mu),  gbar = exp(lbar) / Z (the normalised geometric
//   mean) noise    H(mu|x)          = -sum_mu P(mu|x) ln P(mu|x)      (exact: the reference posterior) bias KL(P(.|x)
//   || gbar) variance -ln Z            = mean_t KL(gbar || g(.|r_t)) expected cross-entropy    = mean_t [-sum_mu
//   P(mu|x) ln g(mu|r_t)] = noise + bias + variance.
// The identity is exact for the empirical distribution of the T draws (gbar from the same draws). The expected
// cross-entropy is unbiased; the bias/variance split carries an O(1/T) Monte-Carlo bias (the empirical gbar is
// noisier than the true one: bias slightly high, variance slightly low).
struct BiasVarianceField {
  Eigen::VectorXd noise, bias, variance, cross_entropy;  // (P) per grid point
  // p(x)-weighted averages over the grid (weights p(x_i) normalised to sum 1 on the grid).
  double mean_noise = 0.0, mean_bias = 0.0, mean_variance = 0.0, mean_cross_entropy = 0.0;
  int noise_samples = 0;  // T
};

// The draws: point by point in grid order, one rng.normals call of N*T values per point, column t of (N, T) being z_t.
// Needs fields.has_reference (P(mu|x) and p(x) on the grid; exact for a mixture, estimated for a KDE) and a code
// with a read-out on the fields' projection space. Deterministic for the rng state.
BiasVarianceField bias_variance_decomposition(const GridFields& fields, const NoisyCode& code, Rng& rng,
                                              int noise_samples = 256);

// The same in slices of grid points (bias_variance_decomposition runs these three): start_bias_variance shapes `out`
// for T = noise_samples; each bias_variance_points fills points [point_begin, point_end), whole batches of
// kBiasVariancePointsPerBatch (the last may be short), in grid order with the same rng; finish_bias_variance takes
// the p(x)-averages. Any such slicing gives the same numbers as one call.
constexpr int kBiasVariancePointsPerBatch = 2;  // grid points whose T draws go through the read-out together
void start_bias_variance(const GridFields& fields, const NoisyCode& code, int noise_samples, BiasVarianceField& out);
void bias_variance_points(const GridFields& fields, const NoisyCode& code, Rng& rng, int point_begin, int point_end,
                          BiasVarianceField& out);
void finish_bias_variance(const GridFields& fields, BiasVarianceField& out);

}  // namespace catgeo
