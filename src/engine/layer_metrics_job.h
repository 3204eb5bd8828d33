// The matching metrics of F_code at every code layer (core/analysis/layer_fisher.h) of one epoch's network, on the
// metric grid, on copies of the network, one chunk of grid points per step(): the engine's per-layer rows. Core + std
// only.
#pragma once
#include <vector>

#include "core/run/experiment.h"
#include "core/geometry/grid_fields.h"
#include "core/analysis/layer_fisher.h"
#include "core/nn/mlp.h"
#include "engine/protocol.h"

namespace catgeo {

class LayerMetricsJob {
 public:
  // Copies the run's network once per code layer (network_coding_at) and evaluates the reference fields of the
  // metric grid in one piece (a mixture's or a KDE's, on the grid the epoch's metrics used).
  explicit LayerMetricsJob(Experiment& run);
  bool done() const { return layer_ >= nets_.size(); }
  // One chunk (core/geometry/slice_size.h grid_points_per_slice) of one layer's network fields; the points it
  // evaluated.
  int step();
  const LayerMetricsRow& row() const { return row_; }  // complete once done

 private:
  std::vector<Mlp> nets_;  // per code layer, shallow to deep
  GridFields fields_;      // the metric grid's reference fields, the current layer's network fields
  NetworkFieldEvaluator evaluator_;
  std::size_t layer_ = 0;  // the layer under way
  int next_ = 0;           // its next grid point
  LayerMetricsRow row_;
};

}  // namespace catgeo
