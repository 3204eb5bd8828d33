// The last drawn frame's cost: what ImGui built (vertices, indices, draw calls), what of it was redrawn, and the
// main thread's time for it.
#pragma once

#include <string>

struct ImDrawData;

namespace catgeo::platform {

struct FrameCost {
  int vertices = 0, indices = 0, draw_calls = 0, lists = 0;
  int drawn_indices = 0;   // of these, redrawn on the canvas (the rest did not change: imgui_renderer.h)
  double build_ms = 0.0;   // ImGui::NewFrame .. ImGui::Render (the app's panels)
  double submit_ms = 0.0;  // the GL calls of the draw lists (the GPU's raster time is not in it)

  void count(const ImDrawData& data);
  std::string json() const;
};

}  // namespace catgeo::platform
