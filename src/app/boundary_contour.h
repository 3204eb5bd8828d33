// Decision boundary lines of a 2-D posterior on a grid: marching squares on P_mu - max_{nu != mu} P_nu per class.
#pragma once
#include <vector>

#include "core/geometry/grid_fields.h"

namespace catgeo {

// Appends segments (x0, y0, x1, y1 in grid coordinates) of the decision boundaries of `posterior` (M, P) on the
// grid `grid` (2-D). With two classes each line is traced once; with more, once from each side (same line). Cells with
// a corner where the posterior is undefined (every class 0: a KDE reference beyond its kernels' reach) get no line, so
// the edge of the kernels' reach is not drawn as a boundary.
void boundary_segments(const Eigen::MatrixXd& posterior, const GridSpec& grid, std::vector<float>& segments);

}  // namespace catgeo
