// The I(mu; r) estimate against its high-SNR approximation, for one network state, in steps.
#include "core/analysis/high_snr_check.h"

#include <cmath>

#include "core/base/check.h"
#include "core/analysis/information_summary.h"
#include "core/geometry/metrics.h"
#include "core/geometry/slice_size.h"
#include "core/nn/trainer.h"

namespace catgeo {

double HighSnrCheck::relative_gap() const { return std::fabs(info_r_highsnr - info_r) / info_r; }

HighSnrCheckProgress::HighSnrCheckProgress(Experiment& run, RepresentationInformationSettings settings)
    : run_(run), settings_(settings), code_(run.network()), rng_(derive_seed(run.config().training.seed, 11)) {
  CATGEO_CHECK(run.mixture() != nullptr, "the high-SNR check needs the exact p(x|mu) of a mixture scenario");
  out_.width = run.network().representation_width();
  out_.sigma = run.network().noise_sigma();
  out_.snr = out_.width / (out_.sigma * out_.sigma);
  out_.info_x = run.category_information();
  settings_.draws_per_batch = information_draws_per_batch(run.network(), settings_.proposal_samples);
  field_progress_ = run.prepare_fields(information_grid(run), fields_);
}

void HighSnrCheckProgress::step() {
  if (done()) return;
  if (!field_progress_.done(fields_)) {
    run_.fill_fields_chunk(fields_, field_progress_);
    if (!field_progress_.done(fields_)) return;
    out_.info_r_highsnr = out_.info_x - information_loss(fields_);
    estimator_ = std::make_unique<RepresentationInformationEstimator>(*run_.mixture(), code_, settings_, out_.info_x);
    return;
  }
  estimator_->step(rng_);
  if (!estimator_->done()) return;
  const RepresentationInformation info = estimator_->result();
  out_.info_r = info.info_r;
  out_.info_r_se = info.info_r_se;
}

HighSnrCheck HighSnrCheckProgress::result() const {
  CATGEO_CHECK(done(), "the high-SNR check is not finished: step() until done()");
  return out_;
}

HighSnrCheck high_snr_check(Experiment& run, RepresentationInformationSettings settings) {
  HighSnrCheckProgress progress(run, settings);
  while (!progress.done()) progress.step();
  return progress.result();
}

}  // namespace catgeo
