// Colour maps computed in code (viridis-like heat scale, class palette) as packed ImGui colours; no GPU, no core.
#pragma once
#include <cstdint>

#include "imgui.h"

namespace catgeo {

// t in [0, 1] -> viridis-like colour (dark blue -> green -> yellow), alpha 255. Clamps t.
ImU32 heat_color(double t, int alpha = 255);
// Colour of class mu (0..7) for points, regions and curves.
ImU32 class_color(int mu, int alpha = 255);
ImVec4 class_color_vec(int mu);
// Same colours as packed RGBA bytes for textures: (r, g, b) components of class mu.
void class_rgb(int mu, float rgb[3]);
void heat_rgb(double t, float rgb[3]);
inline std::uint32_t pack_rgba(float r, float g, float b, float a = 1.0f) {
  auto c = [](float v) { return static_cast<std::uint32_t>(v <= 0.f ? 0 : v >= 1.f ? 255 : v * 255.f + 0.5f); };
  return c(r) | (c(g) << 8) | (c(b) << 16) | (c(a) << 24);
}

// Colours of the two geometries in glyphs, curves and legends (used everywhere, so the legend stays true).
constexpr ImU32 kFcatColor = IM_COL32(255, 170, 60, 255);    // orange: categorical Fisher information
constexpr ImU32 kFcodeColor = IM_COL32(90, 220, 255, 255);   // cyan: neural Fisher information
constexpr ImU32 kReferenceBoundary = IM_COL32(255, 255, 255, 230);  // white: the reference's decision boundary
constexpr ImU32 kNetworkBoundary = IM_COL32(255, 80, 200, 230);     // pink: the network's

}  // namespace catgeo
