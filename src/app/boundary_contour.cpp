// Marching squares on the "margin" of each class: m_mu = P_mu - max_{nu != mu} P_nu is zero on the boundary of
// mu's region (the locus where the two largest posteriors are equal, spec 2.5).
#include "app/boundary_contour.h"

#include <algorithm>

namespace catgeo {
namespace {

double margin(const Eigen::MatrixXd& posterior, int mu, int i) {
  double other = -1.0;
  for (int nu = 0; nu < posterior.rows(); ++nu)
    if (nu != mu) other = std::max(other, posterior(nu, i));
  return posterior(mu, i) - other;
}

// A KDE reference has no posterior (all zero) where no class's kernel reaches: no boundary is drawn there.
bool defined(const Eigen::MatrixXd& posterior, int i) { return posterior.col(i).sum() > 0.0; }

}  // namespace

void boundary_segments(const Eigen::MatrixXd& posterior, const GridSpec& grid, std::vector<float>& segments) {
  const int nx = grid.count[0], ny = grid.count[1], classes = static_cast<int>(posterior.rows());
  if (grid.dims != 2 || nx < 2 || ny < 2 || posterior.cols() != nx * ny) return;
  const double dx = (grid.hi[0] - grid.lo[0]) / (nx - 1), dy = (grid.hi[1] - grid.lo[1]) / (ny - 1);
  std::vector<double> m(static_cast<size_t>(nx) * ny);
  // With two classes the two margins are mirror images: trace class 0 only.
  const int traced = classes == 2 ? 1 : classes;
  for (int mu = 0; mu < traced; ++mu) {
    for (int i = 0; i < nx * ny; ++i) m[i] = margin(posterior, mu, i);
    for (int iy = 0; iy + 1 < ny; ++iy)
      for (int ix = 0; ix + 1 < nx; ++ix) {
        // corners counter-clockwise: (ix,iy), (ix+1,iy), (ix+1,iy+1), (ix,iy+1)
        const int idx[4] = {iy * nx + ix, iy * nx + ix + 1, (iy + 1) * nx + ix + 1, (iy + 1) * nx + ix};
        if (!std::all_of(idx, idx + 4, [&](int i) { return defined(posterior, i); })) continue;
        const double cx[4] = {0, 1, 1, 0}, cy[4] = {0, 0, 1, 1};
        float pts[8];
        int n = 0;
        for (int e = 0; e < 4 && n < 4; ++e) {
          const double a = m[idx[e]], b = m[idx[(e + 1) % 4]];
          if ((a >= 0.0) == (b >= 0.0)) continue;
          const double t = a / (a - b);
          const double px = cx[e] + t * (cx[(e + 1) % 4] - cx[e]), py = cy[e] + t * (cy[(e + 1) % 4] - cy[e]);
          pts[2 * n] = static_cast<float>(grid.lo[0] + (ix + px) * dx);
          pts[2 * n + 1] = static_cast<float>(grid.lo[1] + (iy + py) * dy);
          ++n;
        }
        if (n >= 2) segments.insert(segments.end(), {pts[0], pts[1], pts[2], pts[3]});
        if (n == 4) segments.insert(segments.end(), {pts[4], pts[5], pts[6], pts[7]});
      }
  }
}

}  // namespace catgeo
