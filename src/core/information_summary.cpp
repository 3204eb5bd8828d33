// The information side of a run: I(mu; r), coding/decoding costs, bias-variance averages and the high-SNR forms.
#include "core/information_summary.h"

#include "core/information.h"
#include "core/information_progress.h"

namespace catgeo {

GridSpec information_grid(Experiment& run) {
  const Mixture* mixture = run.mixture();
  return mixture ? class_covering_grid(*mixture, 5.0, 401, 61) : run.current_grid();
}

InformationSummary measure_information(Experiment& run, const InformationSettings& settings) {
  InformationProgress progress(run, settings);
  while (!progress.done()) progress.step();
  return progress.summary();
}

}  // namespace catgeo
