// Builds the ziggurat layer edges from the recurrence x[i+1] = f^-1(v / x[i] + f(x[i])), f(x) = exp(-x^2/2).
#include "core/base/ziggurat_tables.h"

#include <cmath>

namespace catgeo {
namespace {

double gaussian_density(double x) { return std::exp(-0.5 * x * x); }

ZigguratTables build() {
  ZigguratTables t{};
  const double r = ZigguratTables::kTailStart, v = ZigguratTables::kLayerArea;
  t.x[0] = v / gaussian_density(r);
  t.x[1] = r;
  for (int i = 1; i < ZigguratTables::kLayers - 1; ++i)
    t.x[i + 1] = std::sqrt(-2.0 * std::log(v / t.x[i] + gaussian_density(t.x[i])));
  t.x[ZigguratTables::kLayers] = 0.0;
  for (int i = 0; i < ZigguratTables::kLayers; ++i) t.inner[i] = t.x[i + 1] / t.x[i];
  for (int i = 0; i <= ZigguratTables::kLayers; ++i) t.f[i] = gaussian_density(t.x[i]);
  for (int i = 0; i < ZigguratTables::kLayers; ++i) {
    t.x_float[i] = static_cast<float>(t.x[i]);
    t.inner_float[i] = static_cast<float>(t.inner[i]);
    if (t.inner_float[i] > t.inner[i]) t.inner_float[i] = std::nextafter(t.inner_float[i], 0.0f);
  }
  return t;
}

}  // namespace

const ZigguratTables& ZigguratTables::get() {
  static const ZigguratTables tables = build();
  return tables;
}

}  // namespace catgeo
