// Keeps the canvas backing store at the canvas element's CSS size times devicePixelRatio (works in iframes, live).
#pragma once

struct SDL_Window;

namespace catgeo::platform {

class CanvasSizer {
 public:
  // Call once per frame before the ImGui backends start the frame; cheap when nothing changed.
  void sync(SDL_Window* window);

 private:
  double css_width_ = 0.0;
  double css_height_ = 0.0;
  double pixel_ratio_ = 0.0;
};

}  // namespace catgeo::platform
