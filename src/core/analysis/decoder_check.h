// The decoder check of a run: the decoder estimate of F_code (core/geometry/decoder_fisher.h) against F_code from the
// Jacobian at the data-region points of a coarse grid over the run's metric grid. Eigen + std only.
#pragma once
#include <Eigen/Core>
#include <vector>

#include "core/geometry/decoder_fisher.h"
#include "core/run/experiment.h"
#include "core/base/rng.h"

namespace catgeo {

struct DecoderCheck {
  int points = 0;                          // coarse-grid points in the data region (p >= 5% of max p)
  double median_rel_error = 0.0;           // median over them of trace_relative_error (NaN when there are none)
  RepresentationNoise noise;               // of r, used by the draws and by F_code from the Jacobian
  int draws = 0;                           // T per point
  Eigen::MatrixXd locations;               // (K, points) the points
  std::vector<DecoderEstimate> estimates;  // per point
};

// per_axis points along each axis of run.current_grid() (per_axis^2 in 2-D), kept where p(x) >= 5% of its max on
// that coarse grid; the decoder settings are sized for the run's network (decoder_settings_for).
DecoderCheck run_decoder_check(Experiment& run, Rng& rng, const DecoderSettings& settings = {}, int per_axis = 16);

}  // namespace catgeo
