// Names of the configuration enums (config.h), the parameter table's words, and the hidden layers as text; std only.
#include "core/config/config.h"

#include "core/config/parameters.h"

namespace catgeo {

const char* to_string(Activation a) { return choice_word("layers.activation", static_cast<int>(a)).c_str(); }
const char* to_string(OptimizerKind o) { return choice_word("opt", static_cast<int>(o)).c_str(); }
const char* to_string(NoiseModel n) { return choice_word("noise", static_cast<int>(n)).c_str(); }
const char* to_string(ViewMode m) { return choice_word("view", static_cast<int>(m)).c_str(); }
const char* to_string(FieldMeasure m) { return choice_word("measure", static_cast<int>(m)).c_str(); }

const char* to_string(DataKind d) {
  switch (d) {
    case DataKind::mixture: return "mixture";
    case DataKind::drawn_points: return "drawn";
    case DataKind::mnist: return "mnist";
  }
  return "mixture";
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

}  // namespace catgeo
