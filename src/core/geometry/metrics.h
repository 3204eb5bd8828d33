// Matching metrics between F_code and F_cat (spec 3.3) and the high-SNR information loss (spec 1.7).
#pragma once
#include <vector>

#include "core/geometry/grid_fields.h"

namespace catgeo {

// Local maxima of a sampled 1-D curve, refined by a parabola through the three samples. Only maxima
// where mask[i] != 0, with value >= min_relative * (largest masked value) and topographic prominence
// >= min_relative * (largest masked value) are kept. mask may be null (all points).
std::vector<double> curve_peaks(const double* xs, const double* values, int n, const unsigned char* mask,
                                double min_relative);

// Decision boundaries of a 1-D posterior (M, P): where the two top classes swap, linearly interpolated.
std::vector<double> decision_boundaries_1d(const Eigen::MatrixXd& posterior, const Eigen::MatrixXd& points,
                                           const unsigned char* mask);

// Largest distance from any point of one set to the other set (NaN when either is empty).
double hausdorff_distance(const std::vector<double>& a, const std::vector<double>& b);

// 1 where p(x) >= fraction * max p(x) on the grid ("the data region"), else 0.
std::vector<unsigned char> data_region_mask(const GridFields& fields, double fraction = 0.05);

struct MatchMetrics {
  // 1-D only
  std::vector<double> fcat_peaks, fcode_peaks, boundaries;
  double peak_boundary_distance = 0.0;  // Hausdorff(fcode_peaks, boundaries)
  double fcode_fcat_peak_distance = 0.0;  // Hausdorff(fcode_peaks, fcat_peaks)
  // 2-D only: angle between top eigenvectors, degrees in [0, 90]
  double angle_deg_weighted = 0.0;      // mean weighted by p * lambda_max(F_cat)
  double angle_deg_top20 = 0.0;         // median over the top 20% of lambda_max(F_cat)
  // both
  double loglog_r = 0.0;                // Pearson r of log F_code vs log F_cat (traces in 2-D)
  double spearman_r = 0.0;
  double contrast = 0.0;                // max / min of F_code (trace) in the data region
  double exponent = 0.0;                // gamma in log F_code ~ gamma log F_cat + c
  double info_loss = 0.0;               // 1/2 integral p Tr(F_code^-1 F_cat), nats
  int region_points = 0;                // grid points in the data region
};

// Needs fields.has_reference and fields.has_network. Unavailable values are NaN.
MatchMetrics compute_match_metrics(const GridFields& fields);

// 1/2 sum_i p(x_i) Tr(F_code(x_i)^-1 F_cat(x_i)) * cell measure (spec 1.7, second term).
double information_loss(const GridFields& fields);

}  // namespace catgeo
