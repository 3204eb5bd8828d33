// Round tick values (see axis_ticks.h).
#include "app/axis_ticks.h"

#include <cmath>

namespace catgeo {

std::vector<double> nice_ticks(double lo, double hi, int max_ticks) {
  std::vector<double> ticks;
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi) || max_ticks < 1) return ticks;
  // The smallest of 1, 2, 5, 10 x 10^k (10^k at most the range per tick) that gives at most max_ticks ticks.
  const double magnitude = std::pow(10.0, std::floor(std::log10((hi - lo) / max_ticks)));
  double step = 10.0 * magnitude;
  for (double m : {1.0, 2.0, 5.0}) {
    const double count = std::floor(hi / (m * magnitude) + 1e-9) - std::ceil(lo / (m * magnitude) - 1e-9) + 1.0;
    if (count <= max_ticks) {
      step = m * magnitude;
      break;
    }
  }
  for (double v = std::ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step)
    ticks.push_back(std::fabs(v) < 1e-12 * step ? 0.0 : v);
  return ticks;
}

}  // namespace catgeo
