// The information side of a run: I(mu; r), coding/decoding costs, bias-variance averages and the high-SNR forms.
#include "core/information_summary.h"

#include <algorithm>
#include <cmath>

#include "core/information_progress.h"

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
  InformationProgress progress(run, settings);
  while (!progress.done()) progress.step();
  return progress.summary();
}

}  // namespace catgeo
