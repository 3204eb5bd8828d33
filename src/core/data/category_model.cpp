// The default grid evaluation of a category model: class_terms at each grid point.
#include "core/data/category_model.h"

namespace catgeo {

void CategoryModel::class_terms_on_grid(const double* xs, int nx, const double* ys, int ny, double* log_joint,
                                        double* scores) const {
  const int M = num_classes(), K = dims();
  for (int iy = 0; iy < ny; ++iy)
    for (int ix = 0; ix < nx; ++ix) {
      const int p = iy * nx + ix;
      const double x[2] = {xs[ix], ys[iy]};
      class_terms(x, log_joint + static_cast<long>(p) * M, scores + static_cast<long>(p) * M * K);
    }
}

}  // namespace catgeo
