// Names of the configuration enums (config.h) and their strict parsers; std only.
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

bool parse_activation(const std::string& text, Activation& out) {
  for (Activation a : {Activation::tanh, Activation::sigmoid, Activation::relu, Activation::linear}) {
    if (text == to_string(a)) {
      out = a;
      return true;
    }
  }
  return false;
}

bool parse_optimizer(const std::string& text, OptimizerKind& out) {
  for (OptimizerKind o : {OptimizerKind::adam, OptimizerKind::sgd}) {
    if (text == to_string(o)) {
      out = o;
      return true;
    }
  }
  return false;
}

bool parse_data_kind(const std::string& text, DataKind& out) {
  for (DataKind d : {DataKind::mixture, DataKind::drawn_points, DataKind::mnist}) {
    if (text == to_string(d)) {
      out = d;
      return true;
    }
  }
  return false;
}

}  // namespace catgeo
