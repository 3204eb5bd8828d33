// Layer tables of the 128-layer ziggurat for the standard normal (Marsaglia & Tsang 2000, Doornik 2005).
#pragma once

namespace catgeo {

struct ZigguratTables {
  static constexpr int kLayers = 128;
  static constexpr double kTailStart = 3.442619855899;     // r: right edge of the base layer
  static constexpr double kLayerArea = 9.91256303526217e-3;  // v: area of every layer (and of base + tail)
  double x[kLayers + 1];  // layer right edges: x[0] = v / f(r) (base layer incl. tail), x[1] = r, ..., x[128] = 0
  double inner[kLayers];  // x[i+1] / x[i]: a point |u| x[i] with |u| below this lies under the curve for sure
  double f[kLayers + 1];  // f(x[i]) = exp(-x[i]^2 / 2)
  float x_float[kLayers];      // x[i] rounded to float (the float sampler's scale)
  float inner_float[kLayers];  // inner[i] rounded down to float, so the fast test never accepts a wedge point

  // Built once with std::exp/std::log/std::sqrt (IEEE double, no std:: distributions).
  static const ZigguratTables& get();
};

}  // namespace catgeo
