// F_code at every code layer (projection < l <= r) and its matching metrics, through re-targeted network copies.
#include "core/analysis/layer_fisher.h"

#include "core/base/check.h"

namespace catgeo {

std::vector<int> code_layers(const Mlp& net) {
  std::vector<int> layers;
  for (int l = net.projection_layer() + 1; l <= net.representation_layer(); ++l) layers.push_back(l);
  return layers;
}

Mlp network_coding_at(const Mlp& net, const NetworkConfig& config, int layer) {
  CATGEO_CHECK(layer > net.projection_layer() && layer <= net.representation_layer(),
               "network_coding_at: the layer must come after the projection and not after r");
  NetworkConfig retargeted = config;
  retargeted.representation_layer = layer;
  retargeted.noise_sigma = net.noise_sigma();
  // Dropout F_code needs sigmoid units (config_checks.h); a layer before r gets the additive-noise J_l^T J_l / sigma^2.
  if (layer != net.representation_layer()) retargeted.noise = NoiseModel::gauss;
  Result<Mlp> copy = Mlp::create(retargeted, net.input_dim(), net.num_classes());
  CATGEO_CHECK(copy.ok(), "network_coding_at: the config must be the one the network was created from");
  CATGEO_CHECK(copy.value.parameters().size() == net.parameters().size(), "network_coding_at: another config");
  copy.value.parameters() = net.parameters();
  return std::move(copy.value);
}

std::vector<LayerMatch> layer_match_metrics(const Mlp& net, const NetworkConfig& config, const GridFields& fields) {
  CATGEO_CHECK(fields.has_reference, "layer_match_metrics needs the reference fields");
  std::vector<LayerMatch> out;
  GridFields layer_fields = fields;
  NetworkFieldEvaluator evaluator;
  for (int layer : code_layers(net)) {
    evaluator.evaluate(network_coding_at(net, config, layer), layer_fields);
    out.push_back({layer, compute_match_metrics(layer_fields)});
  }
  return out;
}

std::vector<LayerMatch> layer_match_metrics(Experiment& run) {
  GridFields fields;
  run.evaluate_fields(run.current_grid(), fields);
  return layer_match_metrics(run.network(), run.config().network, fields);
}

}  // namespace catgeo
