// How many columns (grid points, samples) of one network pass make a slice of roughly constant work, so that a
// slice of a wide network (256s-256s) takes about as long as one of a narrow one instead of 100 times longer.
#pragma once
#include <algorithm>

#include "core/grid_fields.h"
#include "core/mlp.h"

namespace catgeo {

constexpr long long kSliceMultiplyAdds = 4'000'000;  // about 1-3 ms in WASM on a laptop core

// Columns per slice for a pass costing `passes` multiply-adds per parameter and column: a multiple of 8 in
// [8, limit] (even, so a chunk draws whole pairs of normals).
inline int columns_per_slice(const Mlp& net, long long passes, int limit) {
  const long long per_column = std::max<long long>(1, static_cast<long long>(net.parameters().size()) * passes);
  const long long columns = kSliceMultiplyAdds / per_column / 8 * 8;
  return static_cast<int>(std::clamp<long long>(columns, 8, limit));
}

// Network fields at grid points: a forward pass and K tangents per point.
inline int grid_points_per_slice(const Mlp& net) { return columns_per_slice(net, 1 + net.projection_dim(), 256); }
// Samples (test set scored with and without noise, training codes projected): at most two forward passes each.
inline int samples_per_slice(const Mlp& net) { return columns_per_slice(net, 2, 4096); }

// Grid rows of reference fields: about kReferencePointsPerSlice points (a KDE reference of a few thousand codes
// costs about a microsecond per point; a mixture much less).
constexpr int kReferencePointsPerSlice = 2048;
inline int reference_rows_per_slice(const GridFields& fields) {
  return std::max(1, kReferencePointsPerSlice / std::max(1, static_cast<int>(fields.axis_x.size())));
}

}  // namespace catgeo
