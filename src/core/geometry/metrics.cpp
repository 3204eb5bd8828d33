// Matching metrics: peaks, boundaries, correlations, eigenvector angles, contrast, exponent, info loss.
#include "core/geometry/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/statistics.h"

namespace catgeo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPi = 3.14159265358979323846;

// Topographic prominence of the local maximum at index i of values[0..n).
double prominence(const double* values, int n, int i) {
  double left_min = values[i], right_min = values[i];
  int j = i - 1;
  for (; j >= 0 && values[j] <= values[i]; --j) left_min = std::min(left_min, values[j]);
  const bool left_bounded = j >= 0;
  j = i + 1;
  for (; j < n && values[j] <= values[i]; ++j) right_min = std::min(right_min, values[j]);
  const bool right_bounded = j < n;
  // A side that reaches the end without a higher point does not limit the prominence.
  double base;
  if (left_bounded && right_bounded) base = std::max(left_min, right_min);
  else if (left_bounded) base = left_min;
  else if (right_bounded) base = right_min;
  else base = std::min(left_min, right_min);
  return values[i] - base;
}

double undirected_angle_deg(double a, double b) {
  double d = std::fmod(std::fabs(a - b), kPi);
  if (d > kPi / 2) d = kPi - d;
  return d * 180.0 / kPi;
}

}  // namespace

std::vector<double> curve_peaks(const double* xs, const double* values, int n, const unsigned char* mask,
                                double min_relative) {
  double top = 0.0;
  for (int i = 0; i < n; ++i)
    if (!mask || mask[i]) top = std::max(top, values[i]);
  std::vector<double> peaks;
  if (!(top > 0.0)) return peaks;
  for (int i = 1; i + 1 < n; ++i) {
    if (mask && !mask[i]) continue;
    const bool is_max = values[i] >= values[i - 1] && values[i] > values[i + 1];
    if (!is_max || values[i] < min_relative * top) continue;
    if (prominence(values, n, i) < min_relative * top) continue;
    // Vertex of the parabola through (i-1, i, i+1).
    const double ym = values[i - 1], y0 = values[i], yp = values[i + 1];
    const double denom = ym - 2.0 * y0 + yp;
    const double shift = denom < 0.0 ? 0.5 * (ym - yp) / denom : 0.0;
    peaks.push_back(xs[i] + shift * (xs[i + 1] - xs[i]));
  }
  return peaks;
}

std::vector<double> decision_boundaries_1d(const Eigen::MatrixXd& posterior, const Eigen::MatrixXd& points,
                                           const unsigned char* mask) {
  std::vector<double> boundaries;
  const int P = static_cast<int>(posterior.cols());
  Eigen::Index previous = -1;
  for (int i = 0; i < P; ++i) {
    Eigen::Index top;
    posterior.col(i).maxCoeff(&top);
    if (i > 0 && top != previous && (!mask || mask[i] || mask[i - 1])) {
      const double d0 = posterior(previous, i - 1) - posterior(top, i - 1);
      const double d1 = posterior(previous, i) - posterior(top, i);
      const double t = d0 - d1 != 0.0 ? d0 / (d0 - d1) : 0.5;
      boundaries.push_back(points(0, i - 1) + t * (points(0, i) - points(0, i - 1)));
    }
    previous = top;
  }
  return boundaries;
}

double hausdorff_distance(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.empty() || b.empty()) return kNaN;
  auto directed = [](const std::vector<double>& from, const std::vector<double>& to) {
    double worst = 0.0;
    for (double x : from) {
      double best = std::numeric_limits<double>::infinity();
      for (double y : to) best = std::min(best, std::fabs(x - y));
      worst = std::max(worst, best);
    }
    return worst;
  };
  return std::max(directed(a, b), directed(b, a));
}

std::vector<unsigned char> data_region_mask(const GridFields& fields, double fraction) {
  const double top = fields.density.maxCoeff();
  std::vector<unsigned char> mask(fields.size());
  for (int i = 0; i < fields.size(); ++i) mask[i] = fields.density(i) >= fraction * top ? 1 : 0;
  return mask;
}

double information_loss(const GridFields& fields) {
  double sum = 0.0;
  for (int i = 0; i < fields.size(); ++i) {
    const double p = fields.density(i);
    if (!(p > 0.0)) continue;
    const Sym2 fcat = GridFields::unpack(fields.fcat, i);
    if (fcat.trace() <= 0.0) continue;
    sum += p * trace_inverse_product(GridFields::unpack(fields.fcode, i), fcat, fields.dims());
  }
  return 0.5 * sum * grid_cell_measure(fields.grid);
}

MatchMetrics compute_match_metrics(const GridFields& fields) {
  MatchMetrics m;
  const std::vector<unsigned char> mask = data_region_mask(fields);
  const int P = fields.size();
  const bool two_d = fields.dims() == 2;

  std::vector<double> log_code, log_cat, code_values, cat_values;
  double code_min = std::numeric_limits<double>::infinity(), code_max = 0.0;
  for (int i = 0; i < P; ++i) {
    if (!mask[i]) continue;
    const double cat = GridFields::unpack(fields.fcat, i).trace();
    const double code = GridFields::unpack(fields.fcode, i).trace();
    ++m.region_points;
    code_min = std::min(code_min, code);
    code_max = std::max(code_max, code);
    // A trace of exactly 0 has no logarithm: an estimated (KDE) posterior is exactly 0/1 where only one class
    // has points within the kernel cutoff. Flooring it at 1e-300 put those points at log = -690 and made the
    // log-log r and the exponent measure the floor (the exponent came out 0.00). Such points are left out of
    // the correlations and the fit; the rank correlation and the angles do not need them either.
    if (!(cat > 0.0) || !(code > 0.0) || !std::isfinite(cat) || !std::isfinite(code)) continue;
    cat_values.push_back(cat);
    code_values.push_back(code);
    log_cat.push_back(std::log(cat));
    log_code.push_back(std::log(code));
  }
  m.loglog_r = pearson_correlation(log_code, log_cat);
  m.spearman_r = spearman_correlation(code_values, cat_values);
  m.exponent = least_squares_slope(log_cat, log_code);
  m.contrast = code_min > 0.0 ? code_max / code_min : kNaN;
  m.info_loss = information_loss(fields);

  if (!two_d) {
    const Eigen::VectorXd cat_row = fields.fcat.row(0).transpose();
    const Eigen::VectorXd code_row = fields.fcode.row(0).transpose();
    const Eigen::VectorXd xs = fields.points.row(0).transpose();
    constexpr double kPeakFloor = 0.1;
    m.fcat_peaks = curve_peaks(xs.data(), cat_row.data(), P, mask.data(), kPeakFloor);
    m.fcode_peaks = curve_peaks(xs.data(), code_row.data(), P, mask.data(), kPeakFloor);
    m.boundaries = decision_boundaries_1d(fields.reference_posterior, fields.points, mask.data());
    m.peak_boundary_distance = hausdorff_distance(m.fcode_peaks, m.boundaries);
    m.fcode_fcat_peak_distance = hausdorff_distance(m.fcode_peaks, m.fcat_peaks);
    m.angle_deg_weighted = m.angle_deg_top20 = kNaN;
    return m;
  }

  m.peak_boundary_distance = m.fcode_fcat_peak_distance = kNaN;
  // Only points where F_cat has a top eigen-direction enter the angles: lambda_max > lambda_min (a zero or
  // isotropic F_cat has none, and eigen_sym2 would report an arbitrary angle of 0 there). Without this, an
  // estimated F_cat that is exactly 0 on most of the region (a posterior saturated at 0/1) made the "top 20%"
  // all of those points, and the median compared F_code with that arbitrary horizontal direction.
  std::vector<unsigned char> directed(P, 0);
  std::vector<double> lambdas;
  for (int i = 0; i < P; ++i) {
    const double lmax = fields.fcat_eigen(0, i), lmin = fields.fcat_eigen(1, i);
    directed[i] = mask[i] && std::isfinite(lmax) && std::isfinite(lmin) && lmax > 0.0 &&
                  lmax - lmin > 1e-9 * lmax && std::isfinite(fields.fcode_eigen(2, i));
    if (directed[i]) lambdas.push_back(lmax);
  }
  const double top20 = quantile(lambdas, 0.8);
  double weighted = 0.0, weight_sum = 0.0;
  std::vector<double> top_angles;
  for (int i = 0; i < P; ++i) {
    if (!directed[i]) continue;
    const double angle = undirected_angle_deg(fields.fcode_eigen(2, i), fields.fcat_eigen(2, i));
    const double w = fields.density(i) * fields.fcat_eigen(0, i);
    weighted += w * angle;
    weight_sum += w;
    if (fields.fcat_eigen(0, i) >= top20) top_angles.push_back(angle);
  }
  m.angle_deg_weighted = weight_sum > 0.0 ? weighted / weight_sum : kNaN;
  m.angle_deg_top20 = median(top_angles);
  return m;
}

}  // namespace catgeo
