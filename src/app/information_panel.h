// The information side of the run on the page (spec 1.3, 1.7, 1.10, 1.11): I(μ; r) against its bounds and its
// high-SNR approximation, the Bayes cost split into coding and decoding, the information plane, F_code / F_cat, and
// the bias-variance maps; drawn from the engine's information rows (measured on a schedule, engine/protocol.h). Its own
// state: the textures of the maps, shaded once per measurement or fields version.
#pragma once
#include <cstdint>
#include <vector>

#include "app/panel_context.h"
#include "app/run_view.h"
#include "app/texture_store.h"

namespace catgeo {

class InformationPanel {
 public:
  // I(μ; r) and its bounds, the cost split, the information plane, the F_code / F_cat map.
  void draw_charts(float width, const RunView& view, TextureStore& textures, const MarkTourFocus& mark);
  // Spec 1.10: noise + bias + variance of the expected cross-entropy, averages and maps.
  void draw_bias_variance(const RunView& view, TextureStore& textures);

 private:
  // Estimated references: the KDE I(μ; x) of the projection.
  void draw_projection_information(float width, const RunView& view, const MarkTourFocus& mark);
  // F_code / F_cat in a chart box (the IB optimum makes it constant).
  void draw_ratio_map(ImVec2 p0, ImVec2 p1, const RunView& view, TextureStore& textures);

  struct BiasVarianceImages {  // the three maps, uploaded once per measurement
    int version = -1;
    ImTextureID textures[3] = {nullptr, nullptr, nullptr};
    double max[3] = {0, 0, 0};
  } bias_variance_images_;
  struct RatioImage {  // F_code / F_cat of the display fields, shaded once per fields version
    int version = -1;
    ImTextureID texture = nullptr;     // 2-D
    std::vector<std::uint32_t> pixels;  // (ny, nx) rows top first; 1-D: the strip's nx colours
  } ratio_image_;
};

}  // namespace catgeo
