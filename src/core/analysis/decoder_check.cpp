// The decoder check of a run: coarse grid, data region, decoder estimate, median relative error of the trace.
#include "core/analysis/decoder_check.h"

#include "core/geometry/grid_fields.h"
#include "core/geometry/metrics.h"
#include "core/geometry/noisy_code.h"
#include "core/base/statistics.h"

namespace catgeo {

DecoderCheck run_decoder_check(Experiment& run, Rng& rng, const DecoderSettings& settings, int per_axis) {
  GridFields coarse;
  run.evaluate_fields(run.current_grid(per_axis), coarse);
  const std::vector<unsigned char> mask = data_region_mask(coarse);
  DecoderCheck check;
  for (unsigned char inside : mask) check.points += inside;
  check.locations.resize(coarse.dims(), check.points);
  for (int i = 0, j = 0; i < coarse.size(); ++i)
    if (mask[i]) check.locations.col(j++) = coarse.points.col(i);
  const NetworkCode code(run.network());
  const DecoderSettings sized = decoder_settings_for(run.network(), settings);
  check.noise = decoder_noise(code, sized);
  check.draws = sized.draws;
  check.estimates = decoder_fisher(code, check.locations, sized, rng);
  std::vector<double> errors;
  for (const DecoderEstimate& e : check.estimates) errors.push_back(trace_relative_error(e));
  check.median_rel_error = median(errors);
  return check;
}

}  // namespace catgeo
