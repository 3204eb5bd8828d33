// High-SNR I(x; r) and the spread of tr F_code / tr F_cat over the category-relevant region (spec 1.11).
#include "core/information/information_plane.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/check.h"
#include "core/geometry/metrics.h"

namespace catgeo {
namespace {

constexpr double kLog2PiE = 2.8378770664093454836;  // ln(2 pi e)

}  // namespace

double information_xr_high_snr(const GridFields& fields, double entropy_x) {
  CATGEO_CHECK(fields.has_reference && fields.has_network, "I(x; r) needs the reference and network fields");
  const int K = fields.dims();
  const double p_max = fields.density.maxCoeff();
  double weight = 0.0, sum = 0.0;
  for (int i = 0; i < fields.size(); ++i) {
    const double p = fields.density(i);
    if (!(p >= 1e-6 * p_max)) continue;
    const Sym2 f = GridFields::unpack(fields.fcode, i);
    const double det = K == 1 ? f.f11 : f.f11 * f.f22 - f.f12 * f.f12;
    if (!(det > 0.0)) return std::numeric_limits<double>::quiet_NaN();
    weight += p;
    sum += p * std::log(det);
  }
  if (!(weight > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  return entropy_x + 0.5 * sum / weight - 0.5 * K * kLog2PiE;
}

double fcode_over_fcat_cv(const GridFields& fields) {
  CATGEO_CHECK(fields.has_reference && fields.has_network, "the F_code / F_cat ratio needs both fields");
  const std::vector<unsigned char> region = data_region_mask(fields);
  double fcat_max = 0.0;
  for (int i = 0; i < fields.size(); ++i)
    if (region[i]) fcat_max = std::max(fcat_max, GridFields::unpack(fields.fcat, i).trace());
  double weight = 0.0, sum = 0.0, square_sum = 0.0;
  for (int i = 0; i < fields.size(); ++i) {
    const double fcat = GridFields::unpack(fields.fcat, i).trace();
    if (!region[i] || !(fcat > 0.0) || fcat < 0.01 * fcat_max) continue;
    const double ratio = GridFields::unpack(fields.fcode, i).trace() / fcat;
    const double p = fields.density(i);
    weight += p;
    sum += p * ratio;
    square_sum += p * ratio * ratio;
  }
  if (!(weight > 0.0) || !(sum > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  const double mean = sum / weight;
  return std::sqrt(std::max(square_sum / weight - mean * mean, 0.0)) / mean;
}

}  // namespace catgeo
