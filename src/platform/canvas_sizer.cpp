// Canvas sizing: the SDL window takes the element's CSS size; SDL (ALLOW_HIGHDPI) scales the backing store by the pixel ratio.
#include "platform/canvas_sizer.h"

#include <SDL.h>
#include <emscripten/html5.h>

#include <cmath>

namespace catgeo::platform {

void CanvasSizer::sync(SDL_Window* window) {
  double css_width = 0.0, css_height = 0.0;
  emscripten_get_element_css_size("#canvas", &css_width, &css_height);
  const double pixel_ratio = emscripten_get_device_pixel_ratio();
  if (css_width < 1.0 || css_height < 1.0) return;  // hidden or not laid out yet
  if (css_width == css_width_ && css_height == css_height_ && pixel_ratio == pixel_ratio_) return;
  css_width_ = css_width;
  css_height_ = css_height;
  pixel_ratio_ = pixel_ratio;
  // SDL's Emscripten driver re-reads devicePixelRatio here and sets the canvas to (w, h) * ratio pixels;
  // ImGui then sees DisplaySize = (w, h) in CSS pixels and DisplayFramebufferScale = ratio.
  SDL_SetWindowSize(window, static_cast<int>(std::lround(css_width)), static_cast<int>(std::lround(css_height)));
}

}  // namespace catgeo::platform
