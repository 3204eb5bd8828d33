// The KDE reference of drawn points or a table: their data set, the bandwidth choice, and a notice when its F_cat is
// zero on the whole grid (so the picture would be blank without saying why); Eigen + std only.
#pragma once
#include <string>

#include "core/config/config.h"
#include "core/data/dataset.h"
#include "core/geometry/kde_posterior.h"
#include "core/base/status.h"

namespace catgeo {

// Inputs (points_dims, N): x, or x and y, of every drawn point; fails as validate_drawn_points does.
Result<Dataset> drawn_points_dataset(const ScenarioConfig& config);

// The reference model of drawn points: a table's points are samples of its classes, so Scott's rule per class (as for
// learned codes; in 1-D the nearest-neighbour rule made the posterior flip between classes many times where they
// overlap); points drawn by hand keep the nearest-neighbour rule (kde_posterior.h).
Result<KdePosterior> drawn_points_reference(const ScenarioConfig& config, const Dataset& data);

// "" when the reference's F_cat is positive somewhere on config.grid (or the data are not drawn points, or invalid,
// which the run reports itself). Otherwise one line for the page's banner and the CLI: F_cat is 0 at every grid point,
// why (classes beyond the kernels' reach, or classes that coincide), and what to do.
std::string flat_reference_notice(const ScenarioConfig& config);

}  // namespace catgeo
