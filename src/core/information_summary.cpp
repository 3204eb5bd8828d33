// The information side of a run: I(mu; r), coding/decoding costs, bias-variance averages and the high-SNR forms.
#include "core/information_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/information.h"
#include "core/information_plane.h"
#include "core/metrics.h"
#include "core/noisy_code.h"
#include "core/trainer.h"

namespace catgeo {

GridSpec information_grid(Experiment& run) {
  const Mixture* mixture = run.mixture();
  if (!mixture) return run.current_grid();
  GridSpec grid;
  grid.dims = mixture->dims();
  for (int axis = 0; axis < grid.dims; ++axis) {
    double lo = 1e300, hi = -1e300;
    for (const GaussianClass& c : mixture->classes()) {
      const double sd = std::sqrt(c.cov(axis, axis));
      lo = std::min(lo, c.mean[axis] - 5.0 * sd);
      hi = std::max(hi, c.mean[axis] + 5.0 * sd);
    }
    grid.lo[axis] = lo;
    grid.hi[axis] = hi;
    grid.count[axis] = grid.dims == 1 ? 401 : 61;
  }
  if (grid.dims == 1) grid.count[1] = 1;
  return grid;
}

InformationSummary measure_information(Experiment& run, const InformationSettings& settings) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  InformationSummary out;
  GridFields fields;
  run.evaluate_fields(information_grid(run), fields);
  const NetworkCode code(run.network());
  const std::uint64_t seed = run.config().training.seed;

  out.info_r_highsnr = run.category_information() - information_loss(fields);
  Rng bv_rng(derive_seed(seed, 12));
  const BiasVarianceField bv = bias_variance_decomposition(fields, code, bv_rng, settings.noise_samples);
  out.bv_noise = bv.mean_noise;
  out.bv_bias = bv.mean_bias;
  out.bv_variance = bv.mean_variance;
  out.bv_cross_entropy = bv.mean_cross_entropy;
  out.fcode_over_fcat_cv = fcode_over_fcat_cv(fields);

  const Mixture* mixture = run.mixture();
  if (!mixture) {
    out.info_r = out.info_r_se = out.coding_cost = out.decoding_cost = out.decoding_cost_se = out.bayes_cost = nan;
    out.info_xr = out.info_xr_se = out.info_xr_highsnr = out.info_r_bias_correction = out.ess_fraction = nan;
    return out;
  }
  Rng rng(derive_seed(seed, 11));
  const RepresentationInformation info = estimate_representation_information(*mixture, code, rng, settings.estimator);
  out.info_r = info.info_r;
  out.info_r_se = info.info_r_se;
  out.coding_cost = info.coding_cost;
  out.decoding_cost = info.decoding_cost;
  out.decoding_cost_se = info.decoding_cost_se;
  out.bayes_cost = info.bayes_cost;
  out.info_xr = info.info_xr;
  out.info_xr_se = info.info_xr_se;
  out.info_r_bias_correction = info.bias_correction;
  out.ess_fraction = info.mean_ess_fraction;
  out.info_xr_highsnr = information_xr_high_snr(fields, differential_entropy(*mixture, quadrature_grid(*mixture)));
  return out;
}

}  // namespace catgeo
