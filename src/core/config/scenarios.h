// Named presets E1-E7 of paper-spec 2.3 (and the MNIST preset): full configurations with their titles.
#pragma once
#include <string>
#include <vector>

#include "core/config/config.h"
#include "core/base/status.h"

namespace catgeo {

// Preset ids in display order ("E1".."E7", then "mnist").
std::vector<std::string> scenario_ids();
// The preset with that id (case-sensitive); an error naming the known ids otherwise.
Result<ScenarioConfig> scenario_preset(const std::string& id);

// The preset a page without a link shows, and the one a link that cannot be read falls back to (with a notice naming
// it). Two roles, two presets: the page opens on the 2-D picture, a broken link on the simplest run.
constexpr const char* kPageScenarioId = "E5";
constexpr const char* kFallbackScenarioId = "E1";

// The preset that data of a dimension starts from (custom mixtures, drawn points, tables): its grid, network and
// training. "E1" for 1-D, "E5" for 2-D.
const char* base_preset_id(int dims);
// The title of a scenario made from a table (core/run/table_scenario.h; the share link restores it with the class
// names).
constexpr const char* kTableScenarioTitle = "Your table (F_cat estimated by KDE)";
// The title of a custom Gaussian mixture of that dimension ("Custom 2-D mixture").
std::string custom_mixture_title(int dims);

}  // namespace catgeo
