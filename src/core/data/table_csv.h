// Drawn points (or a loaded table) written back as a CSV table in the table's own coordinates; std only.
#pragma once
#include <string>

#include "core/config/config.h"

namespace catgeo {

// A header (x,label or x,y,label) and one line per point, grouped by class: the coordinates as the table had them
// (the view's scaling undone: x = x' * scale + center) and the class's name (config.class_names, else its number
// from 1). Reading it back (core/data/point_table.h) gives the same classes in the same order and the same points up to
// the link's lattice.
std::string table_csv(const ScenarioConfig& config);

}  // namespace catgeo
