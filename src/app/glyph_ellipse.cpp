// The maps' ellipse glyphs: one outline (or, thinner than a pixel, one segment) and the convention's scale.
#include "app/glyph_ellipse.h"

#include <algorithm>
#include <cmath>

namespace catgeo {

void draw_glyph_ellipse(ImDrawList* dl, ImVec2 c, float a, float b, double angle, ImU32 color, float thickness) {
  const float ca = static_cast<float>(std::cos(angle)), sa = static_cast<float>(std::sin(angle));
  if (b < 1.0f) {
    // Thinner than a pixel: one thick segment instead of the stroked outline (1 segment instead of 20; software
    // WebGL pays for each), sized to look like the outline's lens shape (its ends are pointed, a segment's square).
    const float half = a + 0.25f * thickness;
    dl->AddLine(ImVec2(c.x - half * ca, c.y + half * sa), ImVec2(c.x + half * ca, c.y - half * sa), color,
                thickness + b);
    return;
  }
  ImVec2 pts[20];
  for (int k = 0; k < 20; ++k) {
    const float t = 6.2831853f * k / 20;
    const float u = a * std::cos(t), v = b * std::sin(t);
    pts[k] = ImVec2(c.x + u * ca - v * sa, c.y - (u * sa + v * ca));  // screen y points down
  }
  dl->AddPolyline(pts, 20, color, ImDrawFlags_Closed, thickness);
}

GlyphScale glyph_scale(const GridFields& f, const Eigen::MatrixXd& eigen, const std::vector<unsigned char>& mask,
                       float map_width) {
  GlyphScale s;
  const int nx = f.grid.count[0];
  s.stride = std::max(1, nx / 13);
  s.half_axis = 0.45f * map_width * s.stride / std::max(1, nx - 1);  // 0.45 of the glyphs' spacing
  const Eigen::Index n = std::min<Eigen::Index>(eigen.cols(), static_cast<Eigen::Index>(mask.size()));
  for (Eigen::Index i = 0; i < n; ++i)
    if (mask[i] && eigen(0, i) > s.lambda_ref) s.lambda_ref = eigen(0, i);
  return s;
}

}  // namespace catgeo
