// F_code at the hidden layers between the projection x and r: F_code^(l) = J_l^T J_l / sigma^2 with J_l = dh_l/dx
// (the information a noise of sd sigma at layer l would leave), and each layer's matching metrics against F_cat.
// Eigen + std only.
#pragma once
#include <vector>

#include "core/config/config.h"
#include "core/run/experiment.h"
#include "core/geometry/grid_fields.h"
#include "core/geometry/metrics.h"
#include "core/nn/mlp.h"

namespace catgeo {

// The hidden layers l with projection_layer() < l <= representation_layer(), shallow to deep (the last is r).
std::vector<int> code_layers(const Mlp& net);

// A copy of net (config: the one it was created from) with hidden layer `layer` as its representation r: the same
// parameters, sigma and projection, so its probe_projection's jacobian is J_l and NetworkFieldEvaluator fills
// F_code^(l) (in chunks, as for r). layer must be one of code_layers(net).
Mlp network_coding_at(const Mlp& net, const NetworkConfig& config, int layer);

struct LayerMatch {
  int index = 0;  // hidden-layer index (counted as NetworkConfig::representation_layer)
  MatchMetrics match;
};

// Per code layer: the metrics of F_code^(l) against the reference F_cat of `fields` (has_reference; its network
// fields are not used).
std::vector<LayerMatch> layer_match_metrics(const Mlp& net, const NetworkConfig& config, const GridFields& fields);
// The same on the run's metric grid at its current parameters.
std::vector<LayerMatch> layer_match_metrics(Experiment& run);

}  // namespace catgeo
