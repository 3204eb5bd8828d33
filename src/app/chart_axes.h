// The plot area of a small chart inside its box: value and x axes with round ticks and their labels (a log axis
// labelled in powers of ten), the x axis named in its corner; the box with its two title lines, dashed levels and
// polylines with dots; shared by the metric charts, the information charts and the studies.
#pragma once
#include <vector>

#include "imgui.h"

namespace catgeo {

// Charts at least this many text lines tall get axes (two title lines, the plot, the x labels).
constexpr float kChartLinesForAxes = 6.5f;

struct ChartAxes {
  float left = 0, right = 0, top = 0, bottom = 0;  // the plot area, CSS px
  double x_lo = 0, x_hi = 1, lo = 0, hi = 1;       // data ranges (values already log10 on a log axis)
  bool drawn = false;                              // false: the box is too small for axes, only the plot area
  ImVec2 to_screen(double x, double v) const {
    return ImVec2(static_cast<float>(left + (right - left) * (x - x_lo) / (x_hi - x_lo)),
                  static_cast<float>(bottom - (bottom - top) * (v - lo) / (hi - lo)));
  }
};

// The box [p0, p1] holds two title lines at its top (drawn by the caller); the axes go below them. `lo`..`hi` is
// padded by 8% here. Call between PushClipRect(p0, p1) and PopClipRect.
ChartAxes draw_chart_axes(ImDrawList* dl, ImVec2 p0, ImVec2 p1, double x_lo, double x_hi, const char* x_name, double lo,
                          double hi, bool log_axis);

// A box with a title (the short form when the long one does not fit) and a second line, as the metric charts have,
// at the cursor (an ImGui item of `size`); returns its corners.
void chart_box(ImDrawList* dl, ImVec2 size, const char* long_title, const char* short_title, const char* line,
               ImVec2& p0, ImVec2& p1);
// A dashed horizontal line at value v across the plot area.
void dashed_level(ImDrawList* dl, const ChartAxes& a, double v, ImU32 c);
// A polyline with a dot at each point.
void polyline(ImDrawList* dl, const std::vector<ImVec2>& points, ImU32 c, float thickness);

}  // namespace catgeo
