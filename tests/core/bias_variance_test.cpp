// Bias-variance decomposition (spec 1.10): noise + bias + variance = expected cross-entropy at every grid point, with
// the expected cross-entropy and the variance recomputed directly from the same noise draws.
#include "core/information/bias_variance.h"

#include <cmath>
#include <cstdio>

#include "core/run/experiment.h"
#include "core/geometry/noisy_code.h"
#include "core/config/scenarios.h"
#include "test.h"

using namespace catgeo;

namespace {

void check_identity(const char* id, int grid_count, int noise_samples, int epochs) {
  ScenarioConfig config = scenario_preset(id).value;
  config.training.epochs = epochs;
  config.train_samples = 500;
  Result<std::unique_ptr<Experiment>> created = Experiment::create(config);
  CHECK_MESSAGE(created.ok(), created.status.message);
  if (!created.ok()) return;
  Experiment& run = *created.value;
  while (run.trainer().state() == TrainerState::training) run.train({1 << 20, 0.0});
  GridFields fields;
  run.evaluate_fields(run.current_grid(grid_count), fields);
  const Mlp& net = run.network();
  const NetworkCode code(net);
  Rng rng(5);
  const BiasVarianceField bv = bias_variance_decomposition(fields, code, rng, noise_samples);

  // The same draws again, point by point (bias_variance.h), scored directly.
  Rng replay(5);
  const int N = net.representation_width(), M = run.num_classes(), T = noise_samples;
  MatrixF z(N, T), clean, log_g;
  double worst_identity = 0.0, worst_direct = 0.0, worst_variance = 0.0;
  for (int i = 0; i < fields.size(); ++i) {
    replay.normals(z.data(), static_cast<size_t>(z.size()));
    net.representation_at(fields.points.col(i).cast<float>(), clean);
    const MatrixF r = clean.replicate(1, T) + static_cast<float>(net.noise_sigma()) * z;
    net.readout_log_probabilities(r, log_g);
    // gbar rebuilt from the replayed draws.
    double lbar[kMaxClasses], top = -1e300;
    for (int mu = 0; mu < M; ++mu) {
      lbar[mu] = log_g.row(mu).cast<double>().sum() / T;
      top = std::max(top, lbar[mu]);
    }
    double zsum = 0.0;
    for (int mu = 0; mu < M; ++mu) zsum += std::exp(lbar[mu] - top);
    const double log_z = top + std::log(zsum);
    double cross = 0.0, variance = 0.0;
    for (int t = 0; t < T; ++t) {
      for (int mu = 0; mu < M; ++mu) {
        const double p = fields.reference_posterior(mu, i), gbar = std::exp(lbar[mu] - log_z);
        if (p > 0.0) cross -= p * log_g(mu, t) / T;
        variance += gbar * ((lbar[mu] - log_z) - log_g(mu, t)) / T;  // KL(gbar || g_t)
      }
    }
    const double scale = 1.0 + std::fabs(bv.cross_entropy(i));
    worst_identity =
        std::max(worst_identity, std::fabs(bv.noise(i) + bv.bias(i) + bv.variance(i) - bv.cross_entropy(i)) / scale);
    worst_direct = std::max(worst_direct, std::fabs(bv.cross_entropy(i) - cross) / scale);
    worst_variance = std::max(worst_variance, std::fabs(bv.variance(i) - variance) / scale);
    CHECK((bv.noise(i) >= 0.0 && bv.bias(i) >= -1e-12 && bv.variance(i) >= -1e-12));
  }
  std::printf(
      "    %s (%d points, T = %d): means noise %.4f bias %.4f variance %.4f cross-entropy %.4f; worst |identity| "
      "%.1e, |direct CE| %.1e, |variance - mean KL(gbar||g)| %.1e\n",
      id, fields.size(), T, bv.mean_noise, bv.mean_bias, bv.mean_variance, bv.mean_cross_entropy, worst_identity,
      worst_direct, worst_variance);
  CHECK_MESSAGE(worst_identity < 1e-12, worst_identity);
  CHECK_MESSAGE(worst_direct < 1e-9, worst_direct);
  CHECK_MESSAGE(worst_variance < 1e-9, worst_variance);
  CHECK_NEAR(bv.mean_noise + bv.mean_bias + bv.mean_variance, bv.mean_cross_entropy, 1e-12);
}

}  // namespace

TEST_CASE("bias_variance_identity_per_point_1d") { check_identity("E1", 101, 64, 2); }

TEST_CASE("bias_variance_identity_per_point_2d_three_classes") { check_identity("E7", 15, 32, 1); }
