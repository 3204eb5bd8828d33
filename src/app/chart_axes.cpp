// Axes of the small charts (see chart_axes.h).
#include "app/chart_axes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/axis_ticks.h"
#include "app/label_audit.h"
#include "app/text_fit.h"

namespace catgeo {
namespace {

constexpr ImU32 kTick = IM_COL32(150, 150, 150, 255);
constexpr ImU32 kLabel = IM_COL32(170, 170, 170, 255);

void tick_label(char* out, std::size_t size, double v, bool log_axis) {
  if (log_axis)
    std::snprintf(out, size, "1e%g", v);
  else
    std::snprintf(out, size, "%g", std::fabs(v) < 1e-12 ? 0.0 : v);
}

}  // namespace

ChartAxes draw_chart_axes(ImDrawList* dl, ImVec2 p0, ImVec2 p1, double x_lo, double x_hi, const char* x_name, double lo,
                          double hi, bool log_axis) {
  ChartAxes a;
  if (hi - lo < 1e-12) lo -= 0.5, hi += 0.5;
  const double pad = 0.08 * (hi - lo);
  a.lo = lo - pad, a.hi = hi + pad;
  a.x_lo = x_lo, a.x_hi = x_hi > x_lo ? x_hi : x_lo + 1.0;
  const float line_h = ImGui::GetTextLineHeight();
  // Axes get room for their labels when the chart is large enough to read them (a phone's sheet, a projector).
  a.drawn = p1.y - p0.y >= kChartLinesForAxes * line_h && p1.x - p0.x >= 9.0f * line_h;
  a.left = p0.x + (a.drawn ? 2.9f * ImGui::GetFontSize() : 3.0f), a.right = p1.x - 4.0f;
  a.top = p0.y + 2.0f * line_h + 6.0f, a.bottom = p1.y - (a.drawn ? line_h + 4.0f : 3.0f);
  if (!a.drawn) return a;
  char label[24];
  const int value_ticks = std::max(2, static_cast<int>((a.bottom - a.top) / (1.6f * line_h)));
  // Labels centred on their ticks, each clear of the title lines, the x labels and the label above it.
  const float lowest = a.bottom + 1.0f - line_h, highest = p0.y + 2.0f + 2.0f * line_h;
  float previous_top = lowest + line_h;
  for (double v : nice_ticks(a.lo, a.hi, std::min(value_ticks, 4))) {
    if (log_axis && std::fabs(v - std::round(v)) > 1e-9) continue;  // powers of ten only
    const float y = a.to_screen(a.x_lo, v).y;
    dl->AddLine(ImVec2(a.left - 3, y), ImVec2(a.left, y), kTick);
    const float label_top = std::min(y - 0.5f * line_h, lowest);
    if (label_top < highest || label_top + line_h > previous_top) continue;
    tick_label(label, sizeof label, v, log_axis);
    draw_label(dl, ImVec2(p0.x + 3, label_top), kLabel, label, p0, p1);
    previous_top = label_top;
  }
  for (double x : nice_ticks(a.x_lo, a.x_hi, std::max(2, static_cast<int>((a.right - a.left) / 60.0f)))) {
    const float sx = a.to_screen(x, a.lo).x;
    dl->AddLine(ImVec2(sx, a.bottom), ImVec2(sx, a.bottom + 3), kTick);
    std::snprintf(label, sizeof label, "%g", std::fabs(x) < 1e-12 ? 0.0 : x);
    const float w = ImGui::CalcTextSize(label).x;
    draw_label(dl, ImVec2(std::clamp(sx - 0.5f * w, a.left, a.right - w), a.bottom + 2), kLabel, label, p0, p1);
  }
  dl->AddLine(ImVec2(a.left, a.top), ImVec2(a.left, a.bottom), kTick);
  dl->AddLine(ImVec2(a.left, a.bottom), ImVec2(a.right, a.bottom), kTick);
  const float w = ImGui::CalcTextSize(x_name).x;
  draw_label(dl, ImVec2(a.right - w, a.bottom - line_h - 1), IM_COL32(120, 120, 120, 255), x_name, p0, p1);
  return a;
}

void chart_box(ImDrawList* dl, ImVec2 size, const char* long_title, const char* short_title, const char* line,
               ImVec2& p0, ImVec2& p1) {
  const char* title = fit_text(long_title, short_title, size.x - 8.0f);
  p0 = ImGui::GetCursorScreenPos();
  p1 = ImVec2(p0.x + size.x, p0.y + size.y);
  ImGui::Dummy(size);
  dl->AddRectFilled(p0, p1, IM_COL32(20, 22, 26, 255));
  dl->AddRect(p0, p1, IM_COL32(90, 90, 90, 255));
  const float line_h = ImGui::GetTextLineHeight();
  draw_label(dl, ImVec2(p0.x + 4, p0.y + 2), IM_COL32(220, 220, 220, 255), title, p0, p1);
  draw_label(dl, ImVec2(p0.x + 4, p0.y + 2 + line_h), IM_COL32(150, 200, 255, 255), line, p0, p1);
}

void dashed_level(ImDrawList* dl, const ChartAxes& a, double v, ImU32 c) {
  const float y = a.to_screen(a.x_lo, v).y;
  for (float x = a.left; x < a.right; x += 8) dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + 4, a.right), y), c);
}

void polyline(ImDrawList* dl, const std::vector<ImVec2>& points, ImU32 c, float thickness) {
  if (points.size() > 1)
    dl->AddPolyline(points.data(), static_cast<int>(points.size()), c, ImDrawFlags_None, thickness);
  for (const ImVec2& p : points) dl->AddCircleFilled(p, 2.5f, c);
}

}  // namespace catgeo
