// Bias-variance decomposition of the Bayes cost per grid point by Monte-Carlo over the representation noise.
#include "core/information/bias_variance.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/base/check.h"
#include "core/geometry/fisher.h"

namespace catgeo {

void start_bias_variance(const GridFields& fields, const NoisyCode& code, int noise_samples, BiasVarianceField& out) {
  CATGEO_CHECK(fields.has_reference, "the bias-variance decomposition needs the reference posterior on the grid");
  CATGEO_CHECK(code.readout_classes() == fields.num_classes, "the code's read-out must have the fields' classes");
  CATGEO_CHECK(code.projection_dim() == fields.dims(), "the code must live on the fields' projection space");
  CATGEO_CHECK(noise_samples >= 1, "at least one noise draw per point");
  const int P = fields.size();
  out = BiasVarianceField{};
  out.noise_samples = noise_samples;
  out.noise.resize(P);
  out.bias.resize(P);
  out.variance.resize(P);
  out.cross_entropy.resize(P);
}

void bias_variance_points(const GridFields& fields, const NoisyCode& code, Rng& rng, int point_begin, int point_end,
                          BiasVarianceField& out) {
  const int P = fields.size(), M = fields.num_classes, N = code.width(), T = out.noise_samples;
  CATGEO_CHECK(out.noise.size() == static_cast<Eigen::Index>(P) && T >= 1, "start_bias_variance first");
  CATGEO_CHECK(point_begin % kBiasVariancePointsPerBatch == 0 && point_begin <= point_end && point_end <= P &&
                   (point_end % kBiasVariancePointsPerBatch == 0 || point_end == P),
               "the points must be whole batches of kBiasVariancePointsPerBatch");
  const RepresentationNoise noise = code.noise();
  const double sigma = noise.sigma;
  Eigen::MatrixXd points, clean, r, log_g;  // (K, B), (N, B), (N, B*T), (M, B*T)
  std::vector<float> z(static_cast<size_t>(N) * T * kBiasVariancePointsPerBatch);
  for (int begin = point_begin; begin < point_end; begin += kBiasVariancePointsPerBatch) {
    const int n = std::min(kBiasVariancePointsPerBatch, P - begin);
    points = fields.points.middleCols(begin, n);
    code.represent(points, clean, nullptr);
    for (int b = 0; b < n; ++b) rng.normals(z.data() + static_cast<size_t>(b) * T * N, static_cast<size_t>(T) * N);
    r.resize(N, static_cast<Eigen::Index>(n) * T);
    for (int b = 0; b < n; ++b)
      for (int t = 0; t < T; ++t)
        for (int u = 0; u < N; ++u) {
          const double z_u = z[(static_cast<size_t>(b) * T + t) * N + u];
          r(u, b * T + t) = noise.dropout() ? dropout_sample(noise.alpha, clean(u, b), z_u) : clean(u, b) + sigma * z_u;
        }
    code.readout_log_probabilities(r, log_g);
    for (int b = 0; b < n; ++b) {
      const int i = begin + b;
      double mean_log[kMaxClasses], top = -1e300;
      for (int mu = 0; mu < M; ++mu) {
        mean_log[mu] = log_g.row(mu).segment(static_cast<Eigen::Index>(b) * T, T).sum() / T;
        top = std::max(top, mean_log[mu]);
      }
      double z_sum = 0.0;
      for (int mu = 0; mu < M; ++mu) z_sum += std::exp(mean_log[mu] - top);
      const double log_z = top + std::log(z_sum);
      double noise = 0.0, bias = 0.0, cross = 0.0;
      for (int mu = 0; mu < M; ++mu) {
        const double p = fields.reference_posterior(mu, i);
        if (p <= 0.0) continue;
        noise -= p * std::log(p);
        bias += p * (std::log(p) - (mean_log[mu] - log_z));
        cross -= p * mean_log[mu];
      }
      out.noise(i) = noise;
      out.bias(i) = bias;
      out.variance(i) = -log_z;
      out.cross_entropy(i) = cross;
    }
  }
}

void finish_bias_variance(const GridFields& fields, BiasVarianceField& out) {
  const double total = fields.density.sum();
  if (total > 0.0) {
    out.mean_noise = fields.density.dot(out.noise) / total;
    out.mean_bias = fields.density.dot(out.bias) / total;
    out.mean_variance = fields.density.dot(out.variance) / total;
    out.mean_cross_entropy = fields.density.dot(out.cross_entropy) / total;
  }
}

BiasVarianceField bias_variance_decomposition(const GridFields& fields, const NoisyCode& code, Rng& rng,
                                              int noise_samples) {
  BiasVarianceField out;
  start_bias_variance(fields, code, noise_samples, out);
  bias_variance_points(fields, code, rng, 0, fields.size(), out);
  finish_bias_variance(fields, out);
  return out;
}

}  // namespace catgeo
