// A table of points (point_table.h) becomes the drawn-points scenario, scaled into the view; std + Eigen only.
#pragma once
#include <string>
#include <vector>

#include "core/config/config.h"
#include "core/data/point_table.h"
#include "core/base/status.h"

namespace catgeo {

// The base configuration's network, training, grid size and view kept; data = drawn_points from the table, scaled
// so that the points fill 90% of the base grid's range [lo, hi] (2-D: base E5's grid; 1-D: a 1-D grid like E1's).
// A base grid of the other dimension is replaced by E5's (2-D) or E1's (1-D). The points are snapped to the share
// link's lattice (quantize_for_link), so that a link reproduces the run. Use E5 (2-D) or E1 (1-D) as the base for a
// link that restores every field exactly (the link does not carry the grid).
// Fails when the scaling cannot be computed (coordinates spanning more than a double holds) or would place a point
// outside the view. `notices` (if given) receives what the reader must know about an accepted table: distinct points
// merged onto one point of the link's lattice (how many, and the lattice step in the table's units), and an F_cat
// that is zero on the whole grid (drawn_reference.h).
Result<ScenarioConfig> table_scenario(const PointTable& table, const ScenarioConfig& base,
                                      std::vector<std::string>* notices = nullptr);

// A one-line statement of the scaling for the page, the CLI and the docs, e.g. "x' = (x - 5.84) / 1.21, y' = (y - 3.05)
// / 1.21" (3 significant digits); "x' = x" (", y' = y") when the scaling is not active.
std::string describe_scaling(const PointScaling& s, int dims);

}  // namespace catgeo
