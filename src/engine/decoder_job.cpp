// The decoder check job: coarse data-region points, a network copy, DecoderFisherProgress, the packed result.
#include "engine/decoder_job.h"

#include <vector>

#include "core/geometry/grid_fields.h"
#include "core/geometry/metrics.h"
#include "core/base/statistics.h"
#include "core/nn/trainer.h"

namespace catgeo {

std::uint64_t decoder_check_seed(std::uint64_t training_seed) { return derive_seed(training_seed, 13); }

Eigen::MatrixXd decoder_check_points(Experiment& run, const GridSpec& display, int per_axis) {
  GridSpec grid = display;
  grid.count[0] = grid.count[1] = per_axis;
  GridFields coarse;
  coarse.reshape(grid, run.num_classes());
  evaluate_reference_fields(run.reference_model(), coarse);  // 256 points: the mixture's or the KDE's density
  const std::vector<unsigned char> mask = data_region_mask(coarse);
  int inside = 0;
  for (unsigned char m : mask) inside += m;
  Eigen::MatrixXd points(2, inside);
  for (int i = 0, j = 0; i < coarse.size(); ++i)
    if (mask[i]) points.col(j++) = coarse.points.col(i);
  return points;
}

DecoderJob::DecoderJob(const Experiment& run, const Eigen::MatrixXd& points)
    : net_(std::make_unique<Mlp>(run.network())),
      rng_(decoder_check_seed(run.config().training.seed)),
      epoch_(run.trainer().epoch()),
      points_(points) {
  code_ = std::make_unique<NetworkCode>(*net_);
  const DecoderSettings settings = decoder_settings_for(*net_);
  draws_ = settings.draws;
  progress_ = std::make_unique<DecoderFisherProgress>(*code_, points_, settings);
}

DecoderResult DecoderJob::result() const {
  DecoderResult r;
  r.valid = true;
  r.epoch = epoch_;
  r.draws = draws_;
  r.points = points_;
  const std::vector<DecoderEstimate>& estimates = progress_->estimates();
  const Eigen::Index n = static_cast<Eigen::Index>(estimates.size());
  r.covariance.resize(3, n), r.fisher.resize(3, n), r.jacobian_fisher.resize(3, n);
  std::vector<double> errors;
  for (Eigen::Index i = 0; i < n; ++i) {
    const DecoderEstimate& e = estimates[i];
    r.covariance.col(i) << e.covariance.f11, e.covariance.f12, e.covariance.f22;
    r.fisher.col(i) << e.fisher.f11, e.fisher.f12, e.fisher.f22;
    r.jacobian_fisher.col(i) << e.jacobian_fisher.f11, e.jacobian_fisher.f12, e.jacobian_fisher.f22;
    errors.push_back(trace_relative_error(e));
  }
  r.median_rel_error = median(errors);
  return r;
}

}  // namespace catgeo
