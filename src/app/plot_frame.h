// A rectangle on screen showing a rectangle of the projection space: data <-> screen coordinates (y up).
#pragma once
#include "imgui.h"

namespace catgeo {

struct PlotFrame {
  ImVec2 p0, p1;                 // screen corners (top-left, bottom-right)
  double lo[2] = {0, 0}, hi[2] = {1, 1};  // data extent (x, y)

  ImVec2 to_screen(double x, double y) const {
    return ImVec2(static_cast<float>(p0.x + (x - lo[0]) / (hi[0] - lo[0]) * (p1.x - p0.x)),
                  static_cast<float>(p1.y - (y - lo[1]) / (hi[1] - lo[1]) * (p1.y - p0.y)));
  }
  double data_x(float sx) const { return lo[0] + (sx - p0.x) / (p1.x - p0.x) * (hi[0] - lo[0]); }
  double data_y(float sy) const { return lo[1] + (p1.y - sy) / (p1.y - p0.y) * (hi[1] - lo[1]); }
  bool contains(ImVec2 s) const { return s.x >= p0.x && s.x <= p1.x && s.y >= p0.y && s.y <= p1.y; }
  float width() const { return p1.x - p0.x; }
  float height() const { return p1.y - p0.y; }
};

}  // namespace catgeo
