// Metric charts against epoch (see metric_chart.h).
#include "app/metric_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/chart_axes.h"
#include "app/label_audit.h"

namespace catgeo {
namespace {

constexpr ImU32 kLine = IM_COL32(120, 200, 255, 255);

// The value range and the latest value: the latest epoch that has this value (the measured schedule leaves test
// metrics out of some epochs).
template <typename Value>
void read_range(const std::vector<MetricsSnapshot>& history, double (*get)(const MetricsSnapshot&), const Value& value,
                ChartPass& pass) {
  pass.lo = INFINITY, pass.hi = -INFINITY;
  for (const MetricsSnapshot& s : history) {
    const double v = value(s);
    if (std::isfinite(v)) pass.lo = std::min(pass.lo, v), pass.hi = std::max(pass.hi, v);
  }
  const auto latest = std::find_if(history.rbegin(), history.rend(), [&](const MetricsSnapshot& s) {
    return s.measured || std::isfinite(get(s));
  });
  pass.now = latest == history.rend() ? NAN : get(*latest);
}

// One point per two pixel columns, whatever the history's length (thousands of epochs train in seconds): each column
// shows its last value, and a vertical stroke from its min to its max so that no spike is hidden.
template <typename Value>
void read_line(const std::vector<MetricsSnapshot>& history, const Value& value, int columns, ChartPass& pass) {
  pass.columns = columns;
  pass.line.clear();
  const double last_epoch = std::max(1.0, history.back().epoch);
  std::size_t i = 0;
  for (int c = 0; c < columns && i < history.size(); ++c) {
    const double column_end = last_epoch * (c + 1) / columns;
    double v_min = INFINITY, v_max = -INFINITY, v_last = NAN, e_last = 0;
    bool gap = false;
    for (; i < history.size() && (history[i].epoch <= column_end || c == columns - 1); ++i) {
      const double v = value(history[i]);
      if (!std::isfinite(v)) {
        gap = gap || history[i].measured;  // an epoch the measured schedule left out is no gap in the line
        continue;
      }
      v_min = std::min(v_min, v), v_max = std::max(v_max, v), v_last = v, e_last = history[i].epoch;
    }
    if (gap && !std::isfinite(v_last)) pass.line.push_back({true, false, 0, 0, 0, 0});
    if (std::isfinite(v_last)) pass.line.push_back({false, true, e_last, v_min, v_max, v_last});
  }
}

}  // namespace

ChartHover metric_chart(const char* title, const std::vector<MetricsSnapshot>& history, int history_version,
                        double (*get)(const MetricsSnapshot&), bool log_axis, ImVec2 size, ChartPass& pass) {
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
  const bool new_history = pass.history_version != history_version;
  if (new_history) {
    read_range(history, get, value, pass);
    pass.history_version = history_version;
  }
  double lo = pass.lo;
  const double hi = pass.hi;
  const float line_h = ImGui::GetTextLineHeight();
  dl->PushClipRect(p0, p1, true);  // no label leaves its chart
  draw_label(dl, ImVec2(p0.x + 4, p0.y + 2), IM_COL32(220, 220, 220, 255), title, p0, p1);
  char before_text[24] = "-", now_text[24] = "-", text[96];  // "-" for values not defined yet, as in the table
  const double before = history.empty() ? NAN : get(history.front());
  if (std::isfinite(before)) std::snprintf(before_text, sizeof before_text, "%.3g", before);
  if (std::isfinite(pass.now)) std::snprintf(now_text, sizeof now_text, "%.3g", pass.now);
  std::snprintf(text, sizeof text, "before %s, now %s", before_text, now_text);
  if (ImGui::CalcTextSize(text).x > size.x - 8.0f) std::snprintf(text, sizeof text, "%s → %s", before_text, now_text);
  draw_label(dl, ImVec2(p0.x + 4, p0.y + 2 + line_h), IM_COL32(150, 200, 255, 255), text, p0, p1);
  if (!std::isfinite(lo) || history.empty()) {
    dl->PopClipRect();
    return hover;
  }
  const double last_epoch = std::max(1.0, history.back().epoch);
  const ChartAxes axes = draw_chart_axes(dl, p0, p1, 0.0, last_epoch, "epoch", lo, hi, log_axis);
  const float left = axes.left, right = axes.right, top = axes.top, bottom = axes.bottom;
  lo = axes.lo;
  const auto to_screen = [&](double epoch, double v) { return axes.to_screen(epoch, v); };
  // The value before training, as a dashed reference line.
  const double v0 = value(history.front());
  if (std::isfinite(v0))
    for (float x = left; x < right; x += 8)
      dl->AddLine(ImVec2(x, to_screen(0, v0).y), ImVec2(std::min(x + 4, right), to_screen(0, v0).y),
                  IM_COL32(180, 180, 180, 140));
  const int columns = std::max(2, static_cast<int>((right - left) / 2));
  if (new_history || columns != pass.columns) read_line(history, value, columns, pass);
  static std::vector<ImVec2> line;
  line.clear();
  const auto flush = [&] {
    if (line.size() > 1) dl->AddPolyline(line.data(), static_cast<int>(line.size()), kLine, ImDrawFlags_None, 1.5f);
    line.clear();
  };
  for (const ChartPass::Column& column : pass.line) {
    if (column.flush) flush();
    if (!column.point) continue;
    if (column.max > column.min)
      dl->AddLine(to_screen(column.epoch, column.min), to_screen(column.epoch, column.max), kLine, 1.0f);
    line.push_back(to_screen(column.epoch, column.last));
  }
  flush();
  if (history.size() == 1 && std::isfinite(v0)) dl->AddCircleFilled(to_screen(0, v0), 2.5f, kLine);
  // Hover: the recorded epoch nearest the mouse, marked on the chart.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (hovered && mouse.x >= left && mouse.x <= right) {
    const double epoch = (mouse.x - left) / (right - left) * last_epoch;
    // Rows the measured schedule left out hold no value of a test metric: the nearest row that has one.
    const auto far = [&](const MetricsSnapshot& s) {
      return s.measured || std::isfinite(get(s)) ? std::fabs(s.epoch - epoch) : INFINITY;
    };
    const auto nearest = std::min_element(history.begin(), history.end(),
                                          [&](const auto& a, const auto& b) { return far(a) < far(b); });
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
