// The run's configuration (ScenarioConfig) on the wire: commands and snapshots carry it as data, not as link text.
// A configuration that reads back must be one the engine can build from (enums in range, matrices of a class's
// dimension, a layer for r); anything else fails the reader. std + core only.
#pragma once
#include <vector>

#include "core/config/config.h"
#include "engine/wire.h"

namespace catgeo {

void put_config(WireWriter& w, const ScenarioConfig& config);
void get_config(WireReader& r, ScenarioConfig& config);

// Drawn points (add_points commands, a configuration's points): a count, then x, y and the label of each.
void put_points(WireWriter& w, const std::vector<DrawnPoint>& points);
void get_points(WireReader& r, std::vector<DrawnPoint>& points);

// The grid of a run's fields: at most the parameter table's grid.count points per axis.
void put_grid(WireWriter& w, const GridSpec& grid);
void get_grid(WireReader& r, GridSpec& grid);

}  // namespace catgeo
