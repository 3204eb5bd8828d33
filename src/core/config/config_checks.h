// Checks of a run configuration before a run is built; limits from parameters.h, messages name the link key.
#pragma once
#include <vector>

#include "core/config/config.h"
#include "core/base/status.h"

namespace catgeo {

// lr, batch, epochs.
Status validate_training(const TrainingConfig& training);
// n (and the test sample count) of mixture data.
Status validate_sample_counts(const ScenarioConfig& config);
// sigma, layers (count and widths), rep, proj, for noise=dropout alpha and sigmoid units at r, and a projection space
// of `data_dims` dimensions (the mixture's, 2 for drawn points and MNIST) for inputs of `input_dim`. The message says
// what to change.
Status validate_network(const ScenarioConfig& config, int input_dim, int data_dims);
// A grid of `dims` axes, each finite lo < hi within grid.bound and grid.count points.
Status validate_grid(const GridSpec& grid, int dims);
// MNIST digits: 2 to 10 different digits 0-9.
Status validate_digits(const std::vector<int>& digits);
// Drawn points: points_dims 1 or 2, labels within pts.label (with class names, a table's: one name per class,
// table.classes and table.label limits), finite coordinates, at least two classes of two points.
Status validate_drawn_points(const ScenarioConfig& config);

}  // namespace catgeo
