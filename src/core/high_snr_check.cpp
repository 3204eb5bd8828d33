// The I(mu; r) estimate against its high-SNR approximation, for one network state.
#include "core/high_snr_check.h"

#include <cmath>

#include "core/check.h"
#include "core/grid_fields.h"
#include "core/information_summary.h"
#include "core/metrics.h"
#include "core/noisy_code.h"
#include "core/slice_size.h"
#include "core/trainer.h"

namespace catgeo {

double HighSnrCheck::relative_gap() const { return std::fabs(info_r_highsnr - info_r) / info_r; }

HighSnrCheck high_snr_check(Experiment& run, RepresentationInformationSettings settings) {
  const Mixture* mixture = run.mixture();
  CATGEO_CHECK(mixture != nullptr, "the high-SNR check needs the exact p(x|mu) of a mixture scenario");
  HighSnrCheck out;
  out.width = run.network().representation_width();
  out.sigma = run.network().noise_sigma();
  out.snr = out.width / (out.sigma * out.sigma);
  out.info_x = run.category_information();
  GridFields fields;
  run.evaluate_fields(information_grid(run), fields);
  out.info_r_highsnr = out.info_x - information_loss(fields);
  const NetworkCode code(run.network());
  settings.draws_per_batch = information_draws_per_batch(run.network(), settings.proposal_samples);
  RepresentationInformationEstimator estimator(*mixture, code, settings, out.info_x);
  Rng rng(derive_seed(run.config().training.seed, 11));
  while (!estimator.done()) estimator.step(rng);
  const RepresentationInformation info = estimator.result();
  out.info_r = info.info_r;
  out.info_r_se = info.info_r_se;
  return out;
}

}  // namespace catgeo
