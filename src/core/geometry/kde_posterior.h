// Class-wise Gaussian KDE posterior on 1-D or 2-D points (paper-spec 2.4), fast on grids; Eigen + std only.
#pragma once
#include <Eigen/Core>
#include <vector>

#include "core/data/category_model.h"
#include "core/base/status.h"

namespace catgeo {

// For points x_i with labels mu_i (n_mu points in class mu, n in all) and bandwidth h:
//   p_hat(x|mu) = (1/n_mu) sum_{i in mu} N(x; x_i, h^2 I),   q_mu = n_mu / n,
//   log_joint[mu] = ln q_mu + ln p_hat(x|mu) = -ln n - (K/2) ln(2 pi h^2) + ln S_mu(x),
//   S_mu(x) = sum_{i in mu} exp(-|x - x_i|^2 / (2 h^2)),
//   scores[mu] = grad ln p_hat(x|mu) = sum_{i in mu} w_i (x_i - x) / h^2,  w_i = exp(..) / S_mu (softmax).
//
// Bandwidth rule (bandwidth = 0 in build): h = max(0.5 * median nearest-neighbour distance over all points
// regardless of class, 1e-3 * spread), spread = the largest coordinate range of the points (1 if every point
// is the same). The floor keeps h > 0 when more than half of the points are duplicates.
//
// Cutoff: only points within R = 5 h of x enter the sums (a uniform bin grid finds them), so a query costs
// O(points near x), not O(n). Every kept term is >= e^{-12.5}, so the plain sum cannot underflow (log-sum-exp
// with shift 0). Truncation bound, with S_mu the kept sum and N_mu the number of points of class mu beyond R:
//   0 <= ln p_true - ln p_kept <= eps_mu = N_mu e^{-R^2/(2h^2)} / S_mu  (e^{-12.5} = 3.7e-6 per far point),
//   |score_true - score_kept| <= 2 (R/h) eps_mu / h = 10 eps_mu / h.
// So the error is negligible wherever the density is not (e.g. eps <= 3.7e-3 when S_mu >= 1 and N_mu <= 1000).
// A class with no point within R gets log_joint = -inf and a zero score (its posterior there is 0).
class KdePosterior : public CategoryModel {
 public:
  static constexpr double kCutoffBandwidths = 5.0;          // R / h
  static constexpr double kBandwidthRuleFactor = 0.5;       // h = factor * median nearest-neighbour distance
  static constexpr double kBandwidthFloorFraction = 1e-3;   // h >= fraction * spread

  // points: (K, n), one column per point, K = 1 or 2; labels: n values in [0, num_classes); every class
  // needs a point. bandwidth: h > 0, or 0 for the rule above.
  static Result<KdePosterior> build(const Eigen::MatrixXd& points, const std::vector<int>& labels,
                                    int num_classes, double bandwidth = 0.0);

  // Class-scale bandwidth (Scott's rule, per class, isotropic), used for the learned codes of a projection
  // layer (MNIST), where the nearest-neighbour rule above is far too small (see below):
  //   h_mu = s_mu * n_mu^(-1/(K+4)),  s_mu = sqrt(tr Cov_mu / K)  (root-mean-square per-axis sd of class mu),
  //   h = the median of h_mu over classes with at least 2 points (the mean of the middle two for an even count),
  //   floored at 1e-3 * spread as above.
  // Scott's rule is the normal-reference choice for estimating a density; F_cat uses its *gradients*
  // (scores), which need at least that much smoothing. The trace (not the determinant) keeps h > 0 when a
  // class's codes are collinear; the median over classes keeps one unusually tight or wide class from setting
  // the smoothing of all the others (one h for every class, as in build()). h scales with
  // the codes, so it follows a projection whose scale grows during training.
  // Why not the nearest-neighbour rule on codes: a trained 2-class bottleneck puts the codes on a thin band
  // (about 40 x 1 units for {4, 9}); 0.5 x the median NN distance was then 0.045, 30x smaller than the 41 x 41
  // metric grid spacing (1.3), so the estimated density was a comb of spikes, only about 25 grid points passed
  // the 5% mask, the posterior was 0/1 to machine precision at most of them (F_cat = 0 exactly), and the
  // angles compared F_code with noise (measured 2-83 degrees from epoch to epoch).
  // Returns 0 (meaning "use the default rule") when no class has 2 points. points/labels as in build().
  static double class_scale_bandwidth(const Eigen::MatrixXd& points, const std::vector<int>& labels,
                                      int num_classes);

  KdePosterior() = default;  // an empty model with no classes; use build()

  int dims() const override { return dims_; }
  int num_classes() const override { return num_classes_; }
  // No heap allocation: log_joint and scores hold the running sums until they are finished in place.
  void class_terms(const double* x, double* log_joint, double* scores) const override;
  // The same sums, gathered point by point onto the grid: a kernel factors as exp(-dx^2/2h^2) exp(-dy^2/2h^2), so a
  // data point needs one exp per grid column and row within R instead of one per grid point (the same terms are kept).
  void class_terms_on_grid(const double* xs, int nx, const double* ys, int ny, double* log_joint,
                           double* scores) const override;
  bool exact() const override { return false; }

  double bandwidth() const { return h_; }
  double cutoff_radius() const { return cutoff_; }
  int size() const { return static_cast<int>(label_.size()); }

 private:
  // Pass 2 of class_terms: the running sums S_mu and sum w_i (x_i - x) become log_joint and scores, in place.
  void finish_terms(double* log_joint, double* scores) const;

  int dims_ = 0;
  int num_classes_ = 0;
  double h_ = 0.0;
  double cutoff_ = 0.0;
  double cutoff_sq_ = 0.0;
  double inv_two_h_sq_ = 0.0;
  double inv_h_sq_ = 0.0;
  double log_norm_ = 0.0;  // -ln n - (K/2) ln(2 pi h^2)

  // Uniform bin grid over the bounding box with bins no smaller than R: a query scans its bin and the
  // neighbouring ones (3 x 3 in 2-D, 3 in 1-D).
  double origin_[2] = {0.0, 0.0};
  double cell_ = 1.0;  // bin side, >= cutoff_
  int bins_x_ = 0;
  int bins_y_ = 0;     // 1 in 1-D
  std::vector<int> bin_start_;  // (bins_x_ * bins_y_ + 1), points of bin b are [bin_start_[b], bin_start_[b+1])
  std::vector<double> px_;      // (n) point coordinates, sorted by bin (row-major bins, stable)
  std::vector<double> py_;      // (n) second coordinate, 0 in 1-D
  std::vector<int> label_;      // (n) class of each sorted point
};

}  // namespace catgeo
