// The information side of a run: I(mu; r), coding/decoding costs, bias-variance averages and the high-SNR forms.
#include "core/analysis/information_summary.h"

#include <limits>

#include "core/information/information.h"
#include "core/nn/trainer.h"

namespace catgeo {

GridSpec information_grid(Experiment& run) {
  const Mixture* mixture = run.mixture();
  return mixture ? class_covering_grid(*mixture, 5.0, 401, 61) : run.current_grid();
}

InformationChecks measure_information_checks(const Experiment& run, const InformationLossSettings& settings) {
  InformationChecks out;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  out.info_loss_mc = out.info_loss_mc_se = nan;
  out.loss_regions = LossRegions{nan, nan, nan, nan};
  if (const Mixture* mixture = run.mixture()) {
    const NetworkCode code(run.network());
    const InformationLossMap map = information_loss_map(*mixture, code, information_loss_grid(*mixture),
                                                        derive_seed(run.config().training.seed, 14), settings);
    out.info_loss_mc = map.average;
    out.info_loss_mc_se = map.average_se;
    out.loss_regions = loss_by_region(map.loss, map.density, map.fcat_trace);
  }
  return out;
}

}  // namespace catgeo
