// The information measures of one network state in chunks of bounded work, on a copy of the network.
#include "core/analysis/information_progress.h"

#include <algorithm>
#include <limits>

#include "core/base/check.h"
#include "core/information/information.h"
#include "core/information/information_plane.h"
#include "core/geometry/metrics.h"
#include "core/geometry/slice_size.h"

namespace catgeo {

int information_interval(int epochs) { return std::max(1, epochs / 10); }

bool information_due(int epoch, int epochs) {
  return epoch == 0 || epoch == epochs || (epoch > 0 && epoch % information_interval(epochs) == 0);
}

InformationProgress::InformationProgress(Experiment& run, const InformationSettings& settings)
    : settings_(settings),
      epoch_(run.trainer().epoch()),
      net_(run.network()),
      code_(net_),
      mixture_(run.mixture()),
      info_x_(run.category_information()),
      entropy_x_(run.data_entropy()),
      bias_variance_rng_(derive_seed(run.config().training.seed, 12)),
      estimator_rng_(derive_seed(run.config().training.seed, 11)),
      test_data_(&run.test_data()) {
  const GridSpec grid = information_grid(run);  // for estimated references: the codes' bounding box
  if (mixture_) {
    reference_ = mixture_;
  } else {
    kde_ = std::make_unique<KdePosterior>(*run.kde_reference());
    reference_ = kde_.get();
  }
  fields_.reshape(grid, run.num_classes());
  if (!(kde_ && net_.projection_layer() >= 0)) {  // learned codes: the reference kde_ is that KDE already
    MatrixF train_codes;
    net_.project(run.train_data().inputs, train_codes);
    information_kde_ = std::make_unique<KdePosterior>(
        information_kde(train_codes.cast<double>(), run.train_data().labels, run.num_classes()));
  }
  kde_information_ = std::make_unique<KdeInformationAccumulator>(
      information_kde_ ? *information_kde_ : *kde_, run.train_data().labels);
  settings_.estimator.draws_per_batch = information_draws_per_batch(net_, settings_.estimator.proposal_samples);
}

const InformationSummary& InformationProgress::summary() const {
  CATGEO_CHECK(done(), "the information measurement is not finished: step() until done()");
  return out_;
}

long long InformationProgress::step() {
  const long long parameters = static_cast<long long>(net_.parameters().size());
  long long work = 0;
  switch (phase_) {
    case Phase::reference: {
      const int rows = reference_rows_per_slice(fields_);
      const int end = std::min(grid_rows(fields_), reference_row_ + rows);
      evaluate_reference_rows(*reference_, fields_, reference_row_, end);
      work = static_cast<long long>(end - reference_row_) * static_cast<long long>(fields_.axis_x.size()) *
             kSliceMultiplyAdds / kReferencePointsPerSlice;
      reference_row_ = end;
      if (reference_row_ >= grid_rows(fields_)) phase_ = Phase::network;
      break;
    }
    case Phase::network: {
      const int end = std::min(fields_.size(), next_point_ + grid_points_per_slice(net_));
      evaluator_.evaluate(net_, fields_, next_point_, end);
      work = static_cast<long long>(end - next_point_) * parameters * (1 + net_.projection_dim());
      next_point_ = end;
      if (next_point_ >= fields_.size()) start_bias_variance_phase();
      break;
    }
    case Phase::bias_variance: {
      const int T = settings_.noise_samples;
      const int per_slice = bias_variance_points_per_slice(net_, T, kBiasVariancePointsPerBatch);
      const int end = std::min(fields_.size(), next_point_ + per_slice);
      bias_variance_points(fields_, code_, bias_variance_rng_, next_point_, end, bias_variance_);
      work = static_cast<long long>(end - next_point_) * bias_variance_point_multiply_adds(net_, T);
      next_point_ = end;
      if (next_point_ >= fields_.size()) {
        finish_bias_variance(fields_, bias_variance_);
        out_.bv_noise = bias_variance_.mean_noise;
        out_.bv_bias = bias_variance_.mean_bias;
        out_.bv_variance = bias_variance_.mean_variance;
        out_.bv_cross_entropy = bias_variance_.mean_cross_entropy;
        start_estimator_phase();
      }
      break;
    }
    case Phase::estimator: {
      const int before = estimator_->draws_done();
      estimator_->step(estimator_rng_);
      work = (estimator_->draws_done() - before) *
             information_draw_multiply_adds(net_, settings_.estimator.proposal_samples);
      if (estimator_->done()) finish_estimator();
      break;
    }
    case Phase::projection: {
      const int end = std::min(test_data_->size(), next_sample_ + samples_per_slice(net_));
      MatrixF codes;
      net_.project(test_data_->inputs.middleCols(next_sample_, end - next_sample_), codes);
      kde_information_->add(codes.cast<double>());
      work = static_cast<long long>(end - next_sample_) * parameters;
      next_sample_ = end;
      if (next_sample_ >= test_data_->size()) {
        const KdeInformation info = kde_information_->result();
        out_.info_x_kde = info.info;
        out_.info_x_kde_se = info.info_se;
        kde_information_.reset();
        information_kde_.reset();
        phase_ = Phase::done;
      }
      break;
    }
    case Phase::done:
      return 0;
  }
  ++steps_;
  return work;
}

void InformationProgress::start_bias_variance_phase() {
  // What needs only the fields (O(grid) work, with the last network chunk).
  out_.info_r_highsnr = info_x_ - information_loss(fields_);
  out_.fcode_over_fcat_cv = fcode_over_fcat_cv(fields_);
  start_bias_variance(fields_, code_, settings_.noise_samples, bias_variance_);
  next_point_ = 0;
  phase_ = Phase::bias_variance;
}

void InformationProgress::start_estimator_phase() {
  if (!mixture_) {  // I(mu; r) needs the exact p(x|mu)
    const double nan = std::numeric_limits<double>::quiet_NaN();
    out_.info_r = out_.info_r_se = out_.coding_cost = out_.decoding_cost = out_.decoding_cost_se = nan;
    out_.bayes_cost = out_.info_xr = out_.info_xr_se = out_.info_xr_highsnr = nan;
    out_.info_r_bias_correction = out_.ess_fraction = nan;
    start_projection_phase();
    return;
  }
  estimator_ = std::make_unique<RepresentationInformationEstimator>(*mixture_, code_, settings_.estimator, info_x_);
  phase_ = Phase::estimator;
}

void InformationProgress::finish_estimator() {
  const RepresentationInformation info = estimator_->result();
  out_.info_r = info.info_r;
  out_.info_r_se = info.info_r_se;
  out_.coding_cost = info.coding_cost;
  out_.decoding_cost = info.decoding_cost;
  out_.decoding_cost_se = info.decoding_cost_se;
  out_.bayes_cost = info.bayes_cost;
  out_.info_xr = info.info_xr;
  out_.info_xr_se = info.info_xr_se;
  out_.info_r_bias_correction = info.bias_correction;
  out_.ess_fraction = info.mean_ess_fraction;
  out_.info_xr_highsnr = information_xr_high_snr(fields_, entropy_x_);
  estimator_.reset();
  start_projection_phase();
}

void InformationProgress::start_projection_phase() {
  next_sample_ = 0;
  phase_ = Phase::projection;
}

InformationSummary measure_information(Experiment& run, const InformationSettings& settings) {
  InformationProgress progress(run, settings);
  while (!progress.done()) progress.step();
  return progress.summary();
}

}  // namespace catgeo
