// How many columns (grid points, samples) of one network pass make a slice of roughly constant work, so that a
// slice of a wide network (256s-256s) takes about as long as one of a narrow one instead of 100 times longer.
#pragma once
#include <algorithm>

#include "core/geometry/grid_fields.h"
#include "core/nn/mlp.h"

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

// The information measures (core/analysis/information_progress.h), scaled the same way:
// Multiply-adds of the layers after the representation r (the read-out part a draw of r goes through).
inline long long readout_multiply_adds(const Mlp& net) {
  long long total = 0;
  for (int layer = net.representation_layer() + 1; layer < net.num_layers(); ++layer)
    total += net.weight(layer).size() + net.bias(layer).size();
  return std::max<long long>(1, total);
}
// Work of the information measures in the same units, with the costs that are not network passes counted as their
// measured equivalent in multiply-adds (natively, E5): a normal draw of the noise of r written into a batch, about
// 32; a proposal point of the I(mu; r) estimator (the mixture's density and posterior there, its weight), about 1024.
constexpr long long kNoiseValueMultiplyAdds = 32;
constexpr long long kProposalMultiplyAdds = 1024;
// One joint draw of the I(mu; r) estimator: 1 + K passes at x (the code and its Jacobian), one per proposal point,
// one read-out pass.
inline long long information_draw_multiply_adds(const Mlp& net, int proposal_samples) {
  const long long parameters = static_cast<long long>(net.parameters().size());
  return parameters * (proposal_samples + 1 + net.projection_dim()) + readout_multiply_adds(net) +
         proposal_samples * kProposalMultiplyAdds;
}
// Joint draws per batch: up to 2 kSliceMultiplyAdds, in [1, 64]. The batch is also the unit in which the random
// stream is drawn, so it sets the numbers; the allowance keeps 64, the estimator's batch before it was sliced, for
// the one-hidden-layer presets E1-E5 and E7 (about 1 ms natively for E5).
inline int information_draws_per_batch(const Mlp& net, int proposal_samples) {
  const long long per_draw = information_draw_multiply_adds(net, proposal_samples);
  return static_cast<int>(std::clamp<long long>(2 * kSliceMultiplyAdds / per_draw, 1, 64));
}
// One grid point of the bias-variance decomposition: a forward pass, T * N noise values, T read-out passes.
inline long long bias_variance_point_multiply_adds(const Mlp& net, int noise_samples) {
  return static_cast<long long>(net.parameters().size()) +
         noise_samples * (net.representation_width() * kNoiseValueMultiplyAdds + readout_multiply_adds(net));
}
// Grid points per slice: whole batches of `batch` points (at least one batch).
inline int bias_variance_points_per_slice(const Mlp& net, int noise_samples, int batch) {
  const long long points = kSliceMultiplyAdds / bias_variance_point_multiply_adds(net, noise_samples) / batch * batch;
  return static_cast<int>(std::clamp<long long>(points, batch, 4096 / batch * batch));
}

// Grid rows of reference fields: about kReferencePointsPerSlice points (a KDE reference of a few thousand codes
// costs about a microsecond per point; a mixture much less).
constexpr int kReferencePointsPerSlice = 2048;
inline int reference_rows_per_slice(const GridFields& fields) {
  return std::max(1, kReferencePointsPerSlice / std::max(1, static_cast<int>(fields.axis_x.size())));
}

}  // namespace catgeo
