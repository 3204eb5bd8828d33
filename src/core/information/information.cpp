// Mutual information I(mu; x) by quadrature (Riemann sum, spectrally accurate for smooth tails) on a regular grid.
#include "core/information/information.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/geometry/fisher.h"
#include "core/geometry/grid_fields.h"

namespace catgeo {

namespace {

// Calls visit(log_density, posterior) at every point of the grid where the model's density is positive.
template <typename Visit>
void for_each_grid_point(const CategoryModel& model, const GridSpec& grid, Visit visit) {
  const int K = model.dims(), M = model.num_classes();
  double log_joint[kMaxClasses], scores[2 * kMaxClasses], posterior[kMaxClasses];
  const int nx = grid.count[0], ny = K == 2 ? grid.count[1] : 1;
  for (int iy = 0; iy < ny; ++iy) {
    for (int ix = 0; ix < nx; ++ix) {
      const double x[2] = {grid_coordinate(grid, 0, ix), K == 2 ? grid_coordinate(grid, 1, iy) : 0.0};
      model.class_terms(x, log_joint, scores);
      const double log_density = posterior_from_log_joint(log_joint, M, posterior);
      if (std::isfinite(log_density)) visit(log_density, static_cast<const double*>(posterior));
    }
  }
}

}  // namespace

double mutual_information(const CategoryModel& model, const GridSpec& grid) {
  const int M = model.num_classes();
  std::vector<double> marginal(M, 0.0);
  double joint_term = 0.0;  // sum p(mu, x) ln P(mu|x)
  for_each_grid_point(model, grid, [&](double log_density, const double* posterior) {
    const double density = std::exp(log_density);
    for (int mu = 0; mu < M; ++mu) {
      if (posterior[mu] <= 0.0) continue;
      marginal[mu] += density * posterior[mu];
      joint_term += density * posterior[mu] * std::log(posterior[mu]);
    }
  });
  const double cell = grid_cell_measure(grid);
  double prior_term = 0.0;  // sum q ln q
  for (double m : marginal)
    if (m > 0.0) prior_term += m * cell * std::log(m * cell);
  return joint_term * cell - prior_term;
}

double differential_entropy(const CategoryModel& model, const GridSpec& grid) {
  double sum = 0.0;  // sum p ln p
  for_each_grid_point(model, grid,
                      [&](double log_density, const double*) { sum += std::exp(log_density) * log_density; });
  return -sum * grid_cell_measure(grid);
}

GridSpec class_covering_grid(const Mixture& mixture, double sds, int points_1d, int points_2d) {
  GridSpec grid;
  grid.dims = mixture.dims();
  for (int axis = 0; axis < grid.dims; ++axis) {
    double lo = 1e300, hi = -1e300;
    for (const GaussianClass& c : mixture.classes()) {
      const double sd = std::sqrt(c.cov(axis, axis));
      lo = std::min(lo, c.mean[axis] - sds * sd);
      hi = std::max(hi, c.mean[axis] + sds * sd);
    }
    grid.lo[axis] = lo;
    grid.hi[axis] = hi;
    grid.count[axis] = grid.dims == 1 ? points_1d : points_2d;
  }
  if (grid.dims == 1) grid.count[1] = 1;
  return grid;
}

GridSpec quadrature_grid(const Mixture& mixture) { return class_covering_grid(mixture, 8.0, 20001, 401); }

}  // namespace catgeo
