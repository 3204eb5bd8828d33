// Names of the configuration enums (config.h); std only.
#include "core/config.h"

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
