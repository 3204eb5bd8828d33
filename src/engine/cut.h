// A 1-D cut through a 2-D projection space: a segment and the evenly spaced points the engine evaluates along it.
#pragma once
#include <Eigen/Core>
#include <cmath>

namespace catgeo {

constexpr int kCutPoints = 161;  // samples along a cut, both ends included

struct CutSegment {
  double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
  double length() const { return std::hypot(x1 - x0, y1 - y0); }
  bool usable() const {  // finite, and long enough to have distinct points
    return std::isfinite(x0) && std::isfinite(y0) && std::isfinite(x1) && std::isfinite(y1) && length() > 1e-9;
  }
};

// (2, count) points from (x0, y0) to (x1, y1); column i at the fraction i / (count - 1).
inline Eigen::MatrixXd cut_points(const CutSegment& s, int count = kCutPoints) {
  Eigen::MatrixXd points(2, count);
  for (int i = 0; i < count; ++i) {
    const double t = static_cast<double>(i) / (count - 1);
    points(0, i) = s.x0 + t * (s.x1 - s.x0);
    points(1, i) = s.y0 + t * (s.y1 - s.y0);
  }
  return points;
}

}  // namespace catgeo
