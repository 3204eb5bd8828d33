// Field textures: one RGBA pixel per grid point, row 0 = the top of the plot (largest y).
#include "app/field_images.h"

#include <cmath>

#include "app/colormap.h"
#include "core/geometry/metrics.h"

namespace catgeo {
namespace {


double masked_max(const GridFields& f, const Eigen::MatrixXd& packed, const Eigen::MatrixXd& eigen,
                  const std::vector<unsigned char>& mask, FieldMeasure measure) {
  double best = 0.0;
  for (int i = 0; i < f.size(); ++i) {
    if (!mask[i]) continue;
    const double v = field_measure(packed, eigen, i, measure);
    if (std::isfinite(v) && v > best) best = v;
  }
  return best;
}

}  // namespace

double field_measure(const Eigen::MatrixXd& packed, const Eigen::MatrixXd& eigen, int i, FieldMeasure measure) {
  return measure == FieldMeasure::trace ? packed(0, i) + packed(2, i) : eigen(0, i);
}

double color_scale_position(double value, double max, bool log_scale) {
  if (!(max > 0.0) || !std::isfinite(value)) return 0.0;
  const double r = value / max;
  if (!log_scale) return r;
  if (r <= 0.0) return 0.0;
  return 1.0 + std::log10(r) / kLogDecades;
}

void FieldImages::build(const GridFields& f, const ViewConfig& view, TextureStore& store) {
  if (f.dims() != 2 || f.size() == 0) return;
  width = f.grid.count[0];
  height = f.grid.count[1];
  mask = data_region_mask(f);
  fcat_max = masked_max(f, f.fcat, f.fcat_eigen, mask, view.measure);
  fcode_max = masked_max(f, f.fcode, f.fcode_eigen, mask, view.measure);
  pixels_.resize(static_cast<size_t>(width) * height);

  auto fill = [&](auto pixel_of) {
    for (int row = 0; row < height; ++row) {
      const int iy = height - 1 - row;
      for (int ix = 0; ix < width; ++ix) pixels_[row * width + ix] = pixel_of(iy * width + ix);
    }
  };
  auto heat = [&](const Eigen::MatrixXd& packed, const Eigen::MatrixXd& eigen, double max) {
    return [&, max](int i) {
      float rgb[3];
      heat_rgb(color_scale_position(field_measure(packed, eigen, i, view.measure), max, view.log_scale), rgb);
      const float dim = mask[i] ? 1.0f : 0.55f;  // outside the data region: dimmed (metrics ignore it)
      return pack_rgba(rgb[0] * dim, rgb[1] * dim, rgb[2] * dim);
    };
  };
  auto regions = [&](const Eigen::MatrixXd& posterior) {
    return [&](int i) {
      float acc[3] = {0, 0, 0};
      for (int mu = 0; mu < posterior.rows(); ++mu) {
        float rgb[3];
        class_rgb(mu, rgb);
        const float p = static_cast<float>(posterior(mu, i));
        for (int c = 0; c < 3; ++c) acc[c] += p * rgb[c];
      }
      const float dim = mask[i] ? 0.55f : 0.35f;
      return pack_rgba(acc[0] * dim, acc[1] * dim, acc[2] * dim);
    };
  };
  fill(heat(f.fcat, f.fcat_eigen, fcat_max));
  fcat = store.upload(kSlotFcat, width, height, pixels_.data());
  fill(heat(f.fcode, f.fcode_eigen, fcode_max));
  fcode = store.upload(kSlotFcode, width, height, pixels_.data());
  fill(regions(f.reference_posterior));
  regions_reference = store.upload(kSlotRegionsReference, width, height, pixels_.data());
  fill(regions(f.network_posterior));
  regions_network = store.upload(kSlotRegionsNetwork, width, height, pixels_.data());
}

}  // namespace catgeo
