// Display fields -> RGBA textures: decision regions blended by class colour, and F_cat / F_code heat maps on one
// shared colour scale (each field divided by its own maximum in the data region, linear or log). No GL here.
#pragma once
#include <cstdint>
#include <vector>

#include "app/texture_store.h"
#include "core/config/config.h"
#include "core/geometry/grid_fields.h"

namespace catgeo {

constexpr double kLogDecades = 3.0;  // the log colour scale spans max * 10^-3 .. max

// The scalar a heat map shows at grid point i: trace or largest eigenvalue.
double field_measure(const Eigen::MatrixXd& packed, const Eigen::MatrixXd& eigen, int i, FieldMeasure measure);
// Position on the shared colour scale in [0, 1] of value / max.
double color_scale_position(double value, double max, bool log_scale);

class FieldImages {
 public:
  // Rebuilds every 2-D texture from the fields (call when the fields or the view settings changed).
  void build(const GridFields& fields, const ViewConfig& view, TextureStore& store);

  ImTextureID fcat = nullptr, fcode = nullptr, regions_reference = nullptr, regions_network = nullptr;
  std::vector<unsigned char> mask;  // data region (p >= 5% of max p)
  double fcat_max = 0.0, fcode_max = 0.0;  // maxima of the shown measure inside the data region
  int width = 0, height = 0;

 private:
  std::vector<std::uint32_t> pixels_;
};

}  // namespace catgeo
