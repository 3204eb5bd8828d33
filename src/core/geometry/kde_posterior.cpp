// KdePosterior: bandwidth rule, bin grid construction, and the cutoff-limited per-point class terms.
#include "core/geometry/kde_posterior.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

namespace catgeo {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Median over all points of the distance to the nearest other point; 0 when n < 2. points: (K, n).
// Sweep in x order: the scan from a point stops once the x gap alone exceeds the best distance found.
double median_nearest_neighbour_distance(const Eigen::MatrixXd& points) {
  const int n = static_cast<int>(points.cols());
  if (n < 2) return 0.0;
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return points(0, a) < points(0, b); });
  std::vector<double> xs(n), ys(n, 0.0);  // (n) coordinates in x order; ys stays 0 in 1-D
  for (int p = 0; p < n; ++p) {
    xs[p] = points(0, order[p]);
    if (points.rows() == 2) ys[p] = points(1, order[p]);
  }
  std::vector<double> nearest(n);
  for (int p = 0; p < n; ++p) {
    double best_sq = std::numeric_limits<double>::infinity();
    for (int step : {1, -1}) {
      for (int q = p + step; q >= 0 && q < n; q += step) {
        const double dx = xs[q] - xs[p];
        if (dx * dx >= best_sq) break;
        const double dy = ys[q] - ys[p];
        best_sq = std::min(best_sq, dx * dx + dy * dy);
      }
    }
    nearest[p] = std::sqrt(best_sq);
  }
  const int mid = n / 2;
  std::nth_element(nearest.begin(), nearest.begin() + mid, nearest.end());
  if (n % 2 == 1) return nearest[mid];
  const double upper = nearest[mid];
  return 0.5 * (upper + *std::max_element(nearest.begin(), nearest.begin() + mid));
}

// Index of the bin holding coordinate v, clamped to [-2, count + 1] so that far queries cannot overflow.
int bin_index(double v, double origin, double cell, int count) {
  const double t = std::floor((v - origin) / cell);
  return static_cast<int>(std::min(static_cast<double>(count + 1), std::max(-2.0, t)));
}

}  // namespace

Result<KdePosterior> KdePosterior::build(const Eigen::MatrixXd& points, const std::vector<int>& labels,
                                         int num_classes, double bandwidth) {
  using R = Result<KdePosterior>;
  const int dims = static_cast<int>(points.rows());
  const int n = static_cast<int>(points.cols());
  if (dims != 1 && dims != 2)
    return R::fail("KDE posterior needs 1-D or 2-D points, got " + std::to_string(dims) +
                   " coordinates per point; project the data to 1 or 2 dimensions first");
  if (n == 0) return R::fail("KDE posterior has no points; add labelled points (at least one per class)");
  if (static_cast<int>(labels.size()) != n)
    return R::fail("KDE posterior got " + std::to_string(labels.size()) + " labels for " + std::to_string(n) +
                   " points; give one label per point");
  if (num_classes < 1)
    return R::fail("KDE posterior needs at least one class, got " + std::to_string(num_classes));
  if (!(bandwidth >= 0.0 && std::isfinite(bandwidth)))
    return R::fail("KDE bandwidth must be positive and finite (or 0 for the rule), got " +
                   std::to_string(bandwidth));
  std::vector<int> counts(num_classes, 0);
  for (int i = 0; i < n; ++i) {
    if (labels[i] < 0 || labels[i] >= num_classes)
      return R::fail("KDE point " + std::to_string(i) + " has label " + std::to_string(labels[i]) +
                     ", outside 0.." + std::to_string(num_classes - 1) + "; fix the labels or the class count");
    if (!points.col(i).allFinite())
      return R::fail("KDE point " + std::to_string(i) +
                     " has a non-finite coordinate; remove it or check the projection for divergence");
    ++counts[labels[i]];
  }
  std::string empty;
  for (int mu = 0; mu < num_classes; ++mu)
    if (counts[mu] == 0) empty += (empty.empty() ? "" : ", ") + std::to_string(mu);
  if (!empty.empty())
    return R::fail("KDE posterior: class " + empty +
                   " has no points; add points of that class or remove it from the class list");

  Result<KdePosterior> out;
  KdePosterior& m = out.value;
  m.dims_ = dims;
  m.num_classes_ = num_classes;
  const Eigen::VectorXd lo = points.rowwise().minCoeff();  // (K)
  const Eigen::VectorXd hi = points.rowwise().maxCoeff();  // (K)
  if (bandwidth > 0.0) {
    m.h_ = bandwidth;
  } else {
    const double range = (hi - lo).maxCoeff();
    const double spread = range > 0.0 ? range : 1.0;
    m.h_ = std::max(kBandwidthRuleFactor * median_nearest_neighbour_distance(points),
                    kBandwidthFloorFraction * spread);
  }
  m.cutoff_ = kCutoffBandwidths * m.h_;
  m.cutoff_sq_ = m.cutoff_ * m.cutoff_;
  m.inv_two_h_sq_ = 0.5 / (m.h_ * m.h_);
  m.inv_h_sq_ = 1.0 / (m.h_ * m.h_);
  m.log_norm_ = -std::log(static_cast<double>(n)) - 0.5 * dims * std::log(2.0 * kPi * m.h_ * m.h_);

  // Bins of side >= R (doubled until there are at most max(1024, 2n) of them, for spread-out outliers).
  const double width_x = hi(0) - lo(0);
  const double width_y = dims == 2 ? hi(1) - lo(1) : 0.0;
  const double max_bins = std::max(1024.0, 2.0 * n);
  m.cell_ = m.cutoff_ * (1.0 + 1e-9);  // a hair above R, so rounding cannot push a kept point two bins away
  while ((std::floor(width_x / m.cell_) + 1.0) * (std::floor(width_y / m.cell_) + 1.0) > max_bins) m.cell_ *= 2.0;
  m.origin_[0] = lo(0);
  m.origin_[1] = dims == 2 ? lo(1) : 0.0;
  m.bins_x_ = static_cast<int>(std::floor(width_x / m.cell_)) + 1;
  m.bins_y_ = static_cast<int>(std::floor(width_y / m.cell_)) + 1;

  // Counting sort of the points by bin (stable, so the layout is deterministic).
  std::vector<int> bin_of(n);
  m.bin_start_.assign(static_cast<size_t>(m.bins_x_) * m.bins_y_ + 1, 0);
  for (int i = 0; i < n; ++i) {
    const int bx = std::min(m.bins_x_ - 1, bin_index(points(0, i), m.origin_[0], m.cell_, m.bins_x_));
    const int by = dims == 2 ? std::min(m.bins_y_ - 1, bin_index(points(1, i), m.origin_[1], m.cell_, m.bins_y_)) : 0;
    bin_of[i] = by * m.bins_x_ + bx;
    ++m.bin_start_[bin_of[i] + 1];
  }
  std::partial_sum(m.bin_start_.begin(), m.bin_start_.end(), m.bin_start_.begin());
  std::vector<int> next(m.bin_start_.begin(), m.bin_start_.end() - 1);
  m.px_.resize(n);
  m.py_.resize(n);
  m.label_.resize(n);
  for (int i = 0; i < n; ++i) {
    const int slot = next[bin_of[i]]++;
    m.px_[slot] = points(0, i);
    m.py_[slot] = dims == 2 ? points(1, i) : 0.0;
    m.label_[slot] = labels[i];
  }
  return out;
}

double KdePosterior::class_scale_bandwidth(const Eigen::MatrixXd& points, const std::vector<int>& labels,
                                           int num_classes) {
  const int dims = static_cast<int>(points.rows());
  const int n = static_cast<int>(points.cols());
  if (dims < 1 || num_classes < 1 || static_cast<int>(labels.size()) != n) return 0.0;
  std::vector<int> count(num_classes, 0);
  Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(dims, num_classes);  // (K, M) per-class coordinate sums
  for (int i = 0; i < n; ++i) {
    if (labels[i] < 0 || labels[i] >= num_classes || !points.col(i).allFinite()) return 0.0;
    ++count[labels[i]];
    sum.col(labels[i]) += points.col(i);
  }
  std::vector<double> square_dev(num_classes, 0.0);  // sum over points of |x_i - mean_mu|^2
  for (int i = 0; i < n; ++i) {
    const int mu = labels[i];
    square_dev[mu] += (points.col(i) - sum.col(mu) / count[mu]).squaredNorm();
  }
  std::vector<double> per_class;  // h_mu of every class with at least 2 points
  for (int mu = 0; mu < num_classes; ++mu) {
    if (count[mu] < 2) continue;
    const double rms_sd = std::sqrt(square_dev[mu] / (count[mu] - 1) / dims);
    per_class.push_back(rms_sd * std::pow(static_cast<double>(count[mu]), -1.0 / (dims + 4)));
  }
  if (per_class.empty()) return 0.0;
  // Median over classes (the mean of the middle two for an even count).
  std::sort(per_class.begin(), per_class.end());
  const size_t c = per_class.size();
  const double median = c % 2 == 1 ? per_class[c / 2] : 0.5 * (per_class[c / 2 - 1] + per_class[c / 2]);
  const double range = (points.rowwise().maxCoeff() - points.rowwise().minCoeff()).maxCoeff();
  return std::max(median, kBandwidthFloorFraction * (range > 0.0 ? range : 1.0));
}

void KdePosterior::class_terms(const double* x, double* log_joint, double* scores) const {
  const int K = dims_;
  // Pass 1 accumulates S_mu in log_joint[mu] and sum w_i (x_i - x) in scores[mu*K + k].
  std::fill(log_joint, log_joint + num_classes_, 0.0);
  std::fill(scores, scores + num_classes_ * K, 0.0);
  const double qx = x[0];
  const double qy = K == 2 ? x[1] : 0.0;
  if (num_classes_ > 0 && std::isfinite(qx) && std::isfinite(qy)) {
    const int bx = bin_index(qx, origin_[0], cell_, bins_x_);
    const int by = bin_index(qy, origin_[1], cell_, bins_y_);
    const int x0 = std::max(0, bx - 1), x1 = std::min(bins_x_ - 1, bx + 1);
    const int y0 = std::max(0, by - 1), y1 = std::min(bins_y_ - 1, by + 1);
    for (int row = y0; x0 <= x1 && row <= y1; ++row) {
      // Bins x0..x1 of one row are contiguous in the sorted arrays.
      const int end = bin_start_[row * bins_x_ + x1 + 1];
      for (int i = bin_start_[row * bins_x_ + x0]; i < end; ++i) {
        const double dx = px_[i] - qx;
        const double dy = py_[i] - qy;
        const double d_sq = dx * dx + dy * dy;
        if (d_sq >= cutoff_sq_) continue;
        const double w = std::exp(-d_sq * inv_two_h_sq_);
        const int mu = label_[i];
        log_joint[mu] += w;
        scores[mu * K] += w * dx;
        if (K == 2) scores[mu * K + 1] += w * dy;
      }
    }
  }
  finish_terms(log_joint, scores);
}

void KdePosterior::class_terms_on_grid(const double* xs, int nx, const double* ys, int ny, double* log_joint,
                                       double* scores) const {
  const int K = dims_, M = num_classes_;
  std::fill(log_joint, log_joint + static_cast<long>(nx) * ny * M, 0.0);
  std::fill(scores, scores + static_cast<long>(nx) * ny * M * K, 0.0);
  std::vector<double> column_weight(nx), column_offset(nx);  // per data point: exp(-dx^2/2h^2) and dx per column
  // Grid columns and rows within R of a point (xs and ys ascend), with a hair of margin against rounding: the
  // distance test below decides, exactly as in class_terms.
  const double reach = cutoff_ * (1.0 + 1e-9);
  for (int i = 0; i < size(); ++i) {
    const double px = px_[i], py = py_[i];
    const int mu = label_[i];
    const int x0 = static_cast<int>(std::lower_bound(xs, xs + nx, px - reach) - xs);
    const int x1 = static_cast<int>(std::upper_bound(xs, xs + nx, px + reach) - xs);
    const int y0 = K == 2 ? static_cast<int>(std::lower_bound(ys, ys + ny, py - reach) - ys) : 0;
    const int y1 = K == 2 ? static_cast<int>(std::upper_bound(ys, ys + ny, py + reach) - ys) : 1;
    for (int ix = x0; ix < x1; ++ix) {
      column_offset[ix] = px - xs[ix];
      column_weight[ix] = std::exp(-column_offset[ix] * column_offset[ix] * inv_two_h_sq_);
    }
    for (int iy = y0; iy < y1; ++iy) {
      const double dy = py - ys[iy];
      const double row_weight = std::exp(-dy * dy * inv_two_h_sq_);
      for (int ix = x0; ix < x1; ++ix) {
        const double dx = column_offset[ix];
        if (dx * dx + dy * dy >= cutoff_sq_) continue;  // the same terms as class_terms keeps
        const double w = column_weight[ix] * row_weight;
        const long p = static_cast<long>(iy) * nx + ix;
        log_joint[p * M + mu] += w;
        scores[(p * M + mu) * K] += w * dx;
        if (K == 2) scores[(p * M + mu) * K + 1] += w * dy;
      }
    }
  }
  for (long p = 0; p < static_cast<long>(nx) * ny; ++p) finish_terms(log_joint + p * M, scores + p * M * K);
}

void KdePosterior::finish_terms(double* log_joint, double* scores) const {
  const int K = dims_;
  // ln q_mu + ln p_hat = log_norm + ln S_mu, score = sum w_i (x_i - x) / (h^2 S_mu).
  for (int mu = 0; mu < num_classes_; ++mu) {
    const double sum = log_joint[mu];
    if (sum > 0.0) {
      log_joint[mu] = log_norm_ + std::log(sum);
      for (int k = 0; k < K; ++k) scores[mu * K + k] *= inv_h_sq_ / sum;
    } else {
      log_joint[mu] = -std::numeric_limits<double>::infinity();
    }
  }
}

}  // namespace catgeo
