// Round tick values for chart and map axes.
#pragma once
#include <vector>

namespace catgeo {

// Up to `max_ticks` round values in [lo, hi] (steps of 1, 2 or 5 times a power of ten).
std::vector<double> nice_ticks(double lo, double hi, int max_ticks);

}  // namespace catgeo
