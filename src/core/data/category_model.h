// A reference category model on the projection space: per-class log joint and scores at a point.
// Implemented exactly by Mixture (Gaussian classes) and approximately by KdePosterior (drawn/MNIST data).
#pragma once

namespace catgeo {

class CategoryModel {
 public:
  virtual ~CategoryModel() = default;
  virtual int dims() const = 0;         // K, 1 or 2
  virtual int num_classes() const = 0;  // M
  // At point x (K values) writes log_joint[mu] = ln q_mu + ln p(x|mu) (M values; -inf allowed when a
  // class has no mass there) and scores[mu*K + k] = d/dx_k ln p(x|mu) (K*M values, class-major).
  virtual void class_terms(const double* x, double* log_joint, double* scores) const = 0;
  // class_terms at every point (xs[ix], ys[iy]) of a grid, point p = iy * nx + ix (x fastest), written point-major:
  // log_joint (P * M) and scores (P * M * K). In 1-D, ys is {0} (ny = 1). The default calls class_terms per point.
  virtual void class_terms_on_grid(const double* xs, int nx, const double* ys, int ny, double* log_joint,
                                   double* scores) const;
  // True when the model is the exact generative model (shown as "exact"), false when estimated.
  virtual bool exact() const = 0;
};

}  // namespace catgeo
