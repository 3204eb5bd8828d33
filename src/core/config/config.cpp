// Names of the configuration enums (config.h) and the hidden layers as text; std only.
#include "core/config/config.h"

namespace catgeo {

const char* to_string(Activation a) {
  switch (a) {
    case Activation::tanh: return "tanh";
    case Activation::sigmoid: return "sigmoid";
    case Activation::relu: return "relu";
    case Activation::linear: return "linear";
  }
  return "sigmoid";
}

std::string layers_text(const NetworkConfig& network) {
  std::string out;
  for (const LayerSpec& layer : network.hidden) {
    if (!out.empty()) out.push_back('-');
    out += std::to_string(layer.width);
    out.push_back(to_string(layer.activation)[0]);
  }
  return out;
}

const char* to_string(OptimizerKind o) {
  switch (o) {
    case OptimizerKind::adam: return "adam";
    case OptimizerKind::sgd: return "sgd";
  }
  return "adam";
}

const char* to_string(DataKind d) {
  switch (d) {
    case DataKind::mixture: return "mixture";
    case DataKind::drawn_points: return "drawn";
    case DataKind::mnist: return "mnist";
  }
  return "mixture";
}

const char* to_string(NoiseModel n) {
  switch (n) {
    case NoiseModel::gauss: return "gauss";
    case NoiseModel::dropout: return "dropout";
  }
  return "gauss";
}

}  // namespace catgeo
