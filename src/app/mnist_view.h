// MNIST pieces of the view, drawn with ImDrawList from the engine's snapshot: digit colours and digit images, the
// codes' scatter on the maps (its own texture), the nearest-digit read-out and the misclassified-digit gallery.
#pragma once
#include <cstdint>
#include <vector>

#include "app/plot_frame.h"
#include "app/run_view.h"
#include "app/texture_store.h"
#include "imgui.h"

namespace catgeo {

// Colour of a digit 0..9 (a fixed 10-colour palette, the same in every view), with alpha 0..255.
ImU32 digit_colour(int digit, int alpha = 255);

// Draws a side x side grey image (row-major, 0..255, white ink on black) with its top-left corner at `at`,
// `pixel` screen pixels per image pixel.
void draw_digit_image(ImDrawList* draw, const std::vector<std::uint8_t>& pixels, int side, ImVec2 at, float pixel);

// The training digits' codes on a 2-D map, drawn once into a texture per update, not as 8,000 quads every frame.
class CodeScatter {
 public:
  void draw(const PlotFrame& frame, const RunView& view, TextureStore& textures);

 private:
  ImTextureID texture_ = nullptr;
  int samples_version_ = -1, width_ = 0, height_ = 0;
  double extent_[4] = {0, 0, 0, 0};
  std::vector<std::uint32_t> pixels_;
};

// The misclassified test digits, in the read-outs.
void draw_gallery(const RunView& view);
// The hover read-out of a learned projection at (x, y): the engine's answer `probe` (null: not yet) rings the nearest
// training digits' codes on the map and shows their images in a tooltip.
void draw_nearest_digits(const PlotFrame& frame, double x, double y, const ProbeResult* probe, const RunView& view);

}  // namespace catgeo
