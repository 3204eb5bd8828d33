// Named presets E1-E7 of paper-spec 2.3 (and the MNIST preset): full configurations with their titles.
#pragma once
#include <string>
#include <vector>

#include "core/config.h"
#include "core/status.h"

namespace catgeo {

// Preset ids in display order ("E1".."E7", then "mnist").
std::vector<std::string> scenario_ids();
// The preset with that id (case-sensitive); an error naming the known ids otherwise.
Result<ScenarioConfig> scenario_preset(const std::string& id);

}  // namespace catgeo
