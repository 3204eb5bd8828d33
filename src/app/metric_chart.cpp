// Metric charts against epoch (see metric_chart.h).
#include "app/metric_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/axis_ticks.h"
#include "app/label_audit.h"

namespace catgeo {
namespace {

constexpr ImU32 kLine = IM_COL32(120, 200, 255, 255);
constexpr ImU32 kTick = IM_COL32(150, 150, 150, 255);
constexpr ImU32 kLabel = IM_COL32(170, 170, 170, 255);

void tick_label(char* out, std::size_t size, double v, bool log_axis) {
  if (log_axis) std::snprintf(out, size, "1e%g", v);
  else std::snprintf(out, size, "%g", std::fabs(v) < 1e-12 ? 0.0 : v);
}

}  // namespace

ChartHover metric_chart(const char* title, const std::vector<MetricsSnapshot>& history,
                        double (*get)(const MetricsSnapshot&), bool log_axis, ImVec2 size) {
  ChartHover hover;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p0 = ImGui::GetCursorScreenPos(), p1(p0.x + size.x, p0.y + size.y);
  ImGui::Dummy(size);
  const bool hovered = ImGui::IsItemHovered();
  dl->AddRectFilled(p0, p1, IM_COL32(20, 22, 26, 255));
  dl->AddRect(p0, p1, IM_COL32(90, 90, 90, 255));
  const auto value = [&](const MetricsSnapshot& s) {
    const double v = get(s);
    return log_axis ? (v > 0 ? std::log10(v) : NAN) : v;
  };
  double lo = INFINITY, hi = -INFINITY;
  for (const MetricsSnapshot& s : history) {
    const double v = value(s);
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  }
  const float line_h = ImGui::GetTextLineHeight();
  dl->PushClipRect(p0, p1, true);  // no label leaves its chart
  draw_label(dl, ImVec2(p0.x + 4, p0.y + 2), IM_COL32(220, 220, 220, 255), title, p0, p1);
  char before_text[24] = "-", now_text[24] = "-", text[96];  // "-" for values not defined yet, as in the table
  const double before = history.empty() ? NAN : get(history.front()), now = history.empty() ? NAN : get(history.back());
  if (std::isfinite(before)) std::snprintf(before_text, sizeof before_text, "%.3g", before);
  if (std::isfinite(now)) std::snprintf(now_text, sizeof now_text, "%.3g", now);
  std::snprintf(text, sizeof text, "before %s, now %s", before_text, now_text);
  if (ImGui::CalcTextSize(text).x > size.x - 8.0f) std::snprintf(text, sizeof text, "%s → %s", before_text, now_text);
  draw_label(dl, ImVec2(p0.x + 4, p0.y + 2 + line_h), IM_COL32(150, 200, 255, 255), text, p0, p1);
  if (!std::isfinite(lo) || history.empty()) {
    dl->PopClipRect();
    return hover;
  }
  if (hi - lo < 1e-12) lo -= 0.5, hi += 0.5;
  const double pad = 0.08 * (hi - lo);
  lo -= pad, hi += pad;
  const double last_epoch = std::max(1.0, history.back().epoch);
  // Axes get room for their labels when the chart is large enough to read them (a phone's sheet, a projector).
  const bool axes = size.y >= kChartLinesForAxes * line_h && size.x >= 9.0f * line_h;
  const float left = p0.x + (axes ? 2.9f * ImGui::GetFontSize() : 3.0f), right = p1.x - 4.0f;
  const float top = p0.y + 2.0f * line_h + 6.0f, bottom = p1.y - (axes ? line_h + 4.0f : 3.0f);
  const auto to_screen = [&](double epoch, double v) {
    return ImVec2(static_cast<float>(left + (right - left) * epoch / last_epoch),
                  static_cast<float>(bottom - (bottom - top) * (v - lo) / (hi - lo)));
  };
  if (axes) {
    char label[24];
    const int value_ticks = std::max(2, static_cast<int>((bottom - top) / (1.6f * line_h)));
    // Labels centred on their ticks, each clear of the title lines, the epoch labels and the label above it.
    const float lowest = bottom + 1.0f - line_h, highest = p0.y + 2.0f + 2.0f * line_h;
    float previous_top = lowest + line_h;
    for (double v : nice_ticks(lo, hi, std::min(value_ticks, 4))) {
      if (log_axis && std::fabs(v - std::round(v)) > 1e-9) continue;  // powers of ten only
      const float y = to_screen(0, v).y;
      dl->AddLine(ImVec2(left - 3, y), ImVec2(left, y), kTick);
      const float label_top = std::min(y - 0.5f * line_h, lowest);
      if (label_top < highest || label_top + line_h > previous_top) continue;
      tick_label(label, sizeof label, v, log_axis);
      draw_label(dl, ImVec2(p0.x + 3, label_top), kLabel, label, p0, p1);
      previous_top = label_top;
    }
    for (double e : nice_ticks(0.0, last_epoch, std::max(2, static_cast<int>((right - left) / 60.0f)))) {
      const float x = to_screen(e, lo).x;
      dl->AddLine(ImVec2(x, bottom), ImVec2(x, bottom + 3), kTick);
      std::snprintf(label, sizeof label, "%g", e);
      const float w = ImGui::CalcTextSize(label).x;
      draw_label(dl, ImVec2(std::clamp(x - 0.5f * w, left, right - w), bottom + 2), kLabel, label, p0, p1);
    }
    dl->AddLine(ImVec2(left, top), ImVec2(left, bottom), kTick);
    dl->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), kTick);
    const float w = ImGui::CalcTextSize("epoch").x;
    draw_label(dl, ImVec2(right - w, bottom - line_h - 1), IM_COL32(120, 120, 120, 255), "epoch", p0, p1);
  }
  // The value before training, as a dashed reference line.
  const double v0 = value(history.front());
  if (std::isfinite(v0))
    for (float x = left; x < right; x += 8)
      dl->AddLine(ImVec2(x, to_screen(0, v0).y), ImVec2(std::min(x + 4, right), to_screen(0, v0).y),
                  IM_COL32(180, 180, 180, 140));
  // One point per two pixel columns, whatever the history's length (thousands of epochs train in seconds): each
  // column shows its last value, and a vertical stroke from its min to its max so that no spike is hidden.
  const int columns = std::max(2, static_cast<int>((right - left) / 2));
  static std::vector<ImVec2> line;
  line.clear();
  const auto flush = [&] {
    if (line.size() > 1) dl->AddPolyline(line.data(), static_cast<int>(line.size()), kLine, ImDrawFlags_None, 1.5f);
    line.clear();
  };
  std::size_t i = 0;
  for (int c = 0; c < columns && i < history.size(); ++c) {
    const double column_end = last_epoch * (c + 1) / columns;
    double v_min = INFINITY, v_max = -INFINITY, v_last = NAN, e_last = 0;
    bool gap = false;
    for (; i < history.size() && (history[i].epoch <= column_end || c == columns - 1); ++i) {
      const double v = value(history[i]);
      if (!std::isfinite(v)) {
        gap = true;
        continue;
      }
      v_min = std::min(v_min, v), v_max = std::max(v_max, v), v_last = v, e_last = history[i].epoch;
    }
    if (gap && !std::isfinite(v_last)) flush();
    if (!std::isfinite(v_last)) continue;
    if (v_max > v_min) dl->AddLine(to_screen(e_last, v_min), to_screen(e_last, v_max), kLine, 1.0f);
    line.push_back(to_screen(e_last, v_last));
  }
  flush();
  if (history.size() == 1 && std::isfinite(v0)) dl->AddCircleFilled(to_screen(0, v0), 2.5f, kLine);
  // Hover: the recorded epoch nearest the mouse, marked on the chart.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (hovered && mouse.x >= left && mouse.x <= right) {
    const double epoch = (mouse.x - left) / (right - left) * last_epoch;
    const auto nearest = std::min_element(history.begin(), history.end(), [&](const auto& a, const auto& b) {
      return std::fabs(a.epoch - epoch) < std::fabs(b.epoch - epoch);
    });
    hover.active = true;
    hover.epoch = nearest->epoch;
    hover.value = get(*nearest);
    const float x = to_screen(hover.epoch, lo).x;
    dl->AddLine(ImVec2(x, top), ImVec2(x, bottom), IM_COL32(255, 255, 255, 90));
    const double v = value(*nearest);
    if (std::isfinite(v)) dl->AddCircleFilled(to_screen(hover.epoch, v), 3.0f, IM_COL32(255, 255, 255, 220));
  }
  dl->PopClipRect();
  return hover;
}

}  // namespace catgeo
