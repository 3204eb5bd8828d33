// The per-layer metrics job: reference fields once, then each layer's network fields in chunks, then its metrics.
#include "engine/layer_metrics_job.h"

#include <algorithm>

#include "core/geometry/metrics.h"
#include "core/geometry/slice_size.h"

namespace catgeo {

LayerMetricsJob::LayerMetricsJob(Experiment& run) {
  row_.epoch = run.trainer().epoch();
  for (int layer : code_layers(run.network()))
    nets_.push_back(network_coding_at(run.network(), run.config().network, layer));
  fields_.reshape(run.current_grid(), run.num_classes());
  evaluate_reference_fields(run.reference_model(), fields_);
}

int LayerMetricsJob::step() {
  if (done()) return 0;
  const Mlp& net = nets_[layer_];
  const int end = std::min(fields_.size(), next_ + grid_points_per_slice(net));
  evaluator_.evaluate(net, fields_, next_, end);
  const int points = end - next_;
  next_ = end;
  if (next_ >= fields_.size()) {
    row_.layers.push_back({net.representation_layer(), compute_match_metrics(fields_)});
    ++layer_;
    next_ = 0;
  }
  return points;
}

}  // namespace catgeo
