// The 1-D cut through the 2-D view: the tool that drags a segment A→B on a map, the segment on the maps, and the plot
// along it (posteriors; F_cat and F_code each over its maximum on the cut; where the cut crosses the boundaries).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "app/cut_tool.h"

#include "app/chart_axes.h"
#include "app/colormap.h"
#include "app/field_images.h"
#include "app/flow_layout.h"
#include "app/label_audit.h"
#include "app/text_fit.h"
#include "core/geometry/metrics.h"

namespace catgeo {
namespace {

constexpr float kCutPlotLines = 14.0f;  // text lines the plot needs: two charts with their axes

void polyline(ImDrawList* dl, const ChartAxes& axes, const Eigen::MatrixXd& t, const double* values, int stride,
              ImU32 colour, float thickness) {
  std::vector<ImVec2> line(static_cast<std::size_t>(t.cols()));
  for (int i = 0; i < static_cast<int>(t.cols()); ++i) line[i] = axes.to_screen(t(0, i), values[i * stride]);
  dl->AddPolyline(line.data(), static_cast<int>(line.size()), colour, 0, thickness);
}

void crossing_lines(ImDrawList* dl, const ChartAxes& axes, const std::vector<double>& at, ImU32 colour) {
  for (double t : at) {
    const float x = axes.to_screen(t, 0.0).x;
    dl->AddLine(ImVec2(x, axes.top), ImVec2(x, axes.bottom), colour, 1.5f);
  }
}

}  // namespace

void CutTool::start_frame() {
  plot_drawn_ = false;
  button_min_ = button_max_ = ImVec2(0, 0);
}

void CutTool::draw_button(const RunView& view, const ViewConfig& edited, bool drawing_points, const ApplyView& apply) {
  const bool on = on_;
  if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  if (ImGui::Button(on ? "Cut: drag A→B on a map###cut-tool" : "1-D cut###cut-tool")) on_ = !on_;
  button_min_ = ImGui::GetItemRectMin();
  button_max_ = ImGui::GetItemRectMax();
  if (on) ImGui::PopStyleColor();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Drag a segment across a map: F_cat, F_code and the posteriors along it, and where it crosses "
        "the boundaries.\nPress again to go back to %s.",
        drawing_points ? "drawing points" : "dragging the class means");
  if (view.cut.active) {
    same_line_or_wrap(ImGui::CalcTextSize("Clear cut").x + 2.0f * ImGui::GetStyle().FramePadding.x);
    if (ImGui::Button("Clear cut")) commit(CutSegment{kNoCut, kNoCut, kNoCut, kNoCut}, edited, apply);
  }
}

bool CutTool::handle_input(const PlotFrame& frame, int map, const ViewConfig& edited, const ApplyView& apply,
                           const SendCommand& send) {
  if (!on_) return false;
  const ImGuiIO& io = ImGui::GetIO();
  const bool inside = ImGui::IsWindowHovered() && frame.contains(io.MousePos);
  const double x = std::clamp(frame.data_x(io.MousePos.x), frame.lo[0], frame.hi[0]);
  const double y = std::clamp(frame.data_y(io.MousePos.y), frame.lo[1], frame.hi[1]);
  if (inside && ImGui::IsMouseClicked(0)) {
    drag_map_ = map;
    drag_ = CutSegment{x, y, x, y};
  }
  if (drag_map_ != map) return true;  // the tool owns the maps' input; this drag belongs to another map
  drag_.x1 = x;
  drag_.y1 = y;
  // Shorter than 2% of the view: a tap, not a cut.
  const bool long_enough = drag_.length() >= 0.02 * std::hypot(frame.hi[0] - frame.lo[0], frame.hi[1] - frame.lo[1]);
  if (!ImGui::IsMouseDown(0)) {
    drag_map_ = -1;
    if (long_enough) commit(drag_, edited, apply);
  } else if (long_enough && ImGui::GetTime() - sent_time_ >= 1.0 / 20.0) {  // the plot follows the drag
    request(drag_, send);
  }
  return true;
}

void CutTool::commit(const CutSegment& segment, const ViewConfig& edited, const ApplyView& apply) {
  // To the link's 3 decimals, so that the cut a link carries is the one computed.
  const auto rounded = [](double v) { return std::isfinite(v) ? std::round(v * 1000.0) / 1000.0 : kNoCut; };
  ViewConfig view = edited;
  view.cut = {rounded(segment.x0), rounded(segment.y0), rounded(segment.x1), rounded(segment.y1)};
  apply(view);
}

void CutTool::request(const CutSegment& segment, const SendCommand& send) {
  Command command;
  command.kind = CommandKind::cut;
  command.x = segment.x0, command.y = segment.y0;
  command.x_end = segment.x1, command.y_end = segment.y1;
  send(std::move(command));
  sent_time_ = ImGui::GetTime();
}

void CutTool::draw_segment(const PlotFrame& frame, const RunView& view) const {
  const bool dragging = drag_map_ >= 0;
  if (!dragging && !view.cut.active) return;
  const CutSegment& s = dragging ? drag_ : view.cut.segment;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a = frame.to_screen(s.x0, s.y0), b = frame.to_screen(s.x1, s.y1);
  dl->PushClipRect(frame.p0, frame.p1, true);
  dl->AddLine(a, b, IM_COL32(0, 0, 0, 200), 4.0f);
  dl->AddLine(a, b, IM_COL32(255, 230, 90, 255), 2.0f);
  for (const auto& [p, name] : {std::pair<ImVec2, const char*>{a, "A"}, {b, "B"}}) {
    dl->AddCircleFilled(p, 4.0f, IM_COL32(255, 230, 90, 255));
    dl->AddText(ImVec2(p.x + 5.0f, p.y - ImGui::GetFontSize() - 2.0f), IM_COL32(255, 230, 90, 255), name);
  }
  dl->PopClipRect();
}

float CutTool::plot_height() const { return kCutPlotLines * ImGui::GetTextLineHeightWithSpacing(); }

void CutTool::draw_plot(float width, const RunView& view, FieldMeasure measure) {
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const ImVec2 size(width, plot_height());
  ImGui::Dummy(size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const CutResult& cut = view.cut;
  const bool exact = view.facts.reference_exact;
  const char* title =
      fit_text("1-D cut A→B: posteriors, F_cat and F_code (each / its max on the cut)", "1-D cut A→B", width);
  draw_label(dl, p0, IM_COL32(230, 230, 230, 255), title, p0, ImVec2(p0.x + width, p0.y + size.y));
  if (!cut.valid || cut.fields.size() < 2) {
    draw_label(dl, ImVec2(p0.x, p0.y + line), IM_COL32(160, 160, 160, 255),
               cut.active ? "computing the fields along the cut..." : "drag A→B on a map", p0,
               ImVec2(p0.x + width, p0.y + size.y));
    return;
  }
  const GridFields& f = cut.fields;
  const Eigen::MatrixXd t = cut_distances(cut);
  const double length = cut.segment.length();
  const std::vector<double> reference_crossings = decision_boundaries_1d(f.reference_posterior, t, nullptr);
  const std::vector<double> network_crossings = decision_boundaries_1d(f.network_posterior, t, nullptr);
  const std::vector<double> fcat = normalised_measure(f.fcat, f.fcat_eigen, measure);
  const std::vector<double> fcode = normalised_measure(f.fcode, f.fcode_eigen, measure);

  const float half = 0.5f * (size.y - line);
  const ImVec2 top0(p0.x, p0.y + line), top1(p0.x + width, p0.y + line + half);
  const ImVec2 low0(p0.x, top1.y), low1(p0.x + width, top1.y + half);
  const char* posterior_title = fit_text("P(μ|x): reference (thick), network (thin)", "P(μ|x)", width);
  const char* fisher_title =
      exact
          ? fit_text(measure == FieldMeasure::trace ? "trace of F_cat and F_code, each / its max on the cut"
                                                    : "λ_max of F_cat and F_code, each / its max on the cut",
                     "F_cat, F_code / max", width)
          : fit_text("F_cat (KDE estimate) and F_code, each / its max on the cut", "F_cat (KDE), F_code / max", width);
  ChartAxes axes[2];
  const char* titles[2] = {posterior_title, fisher_title};
  const ImVec2 boxes[2][2] = {{top0, top1}, {low0, low1}};
  for (int c = 0; c < 2; ++c) {
    dl->PushClipRect(boxes[c][0], boxes[c][1], true);
    dl->AddRectFilled(boxes[c][0], boxes[c][1], IM_COL32(20, 22, 26, 255));
    draw_label(dl, ImVec2(boxes[c][0].x + 4.0f, boxes[c][0].y + 2.0f), IM_COL32(200, 200, 200, 255), titles[c],
               boxes[c][0], boxes[c][1]);
    axes[c] = draw_chart_axes(dl, boxes[c][0], boxes[c][1], 0.0, length, "distance from A", 0.0, 1.0, false);
    crossing_lines(dl, axes[c], reference_crossings, kReferenceBoundary);
    crossing_lines(dl, axes[c], network_crossings, kNetworkBoundary);
    if (c == 0) {
      for (int mu = 0; mu < f.num_classes; ++mu) {
        polyline(dl, axes[c], t, f.reference_posterior.data() + mu, f.num_classes, class_color(mu), 2.5f);
        polyline(dl, axes[c], t, f.network_posterior.data() + mu, f.num_classes, class_color(mu, 170), 1.0f);
      }
    } else {
      polyline(dl, axes[c], t, fcat.data(), 1, kFcatColor, 2.0f);
      polyline(dl, axes[c], t, fcode.data(), 1, kFcodeColor, 2.0f);
    }
    dl->PopClipRect();
  }
  ImGui::SetCursorScreenPos(ImVec2(p0.x, low1.y + 2.0f));
  FlowingLegend legend;
  legend.item(ImVec4(1, 1, 1, 1), "| reference boundary");
  legend.item(ImVec4(1.0f, 0.31f, 0.78f, 1), "| network boundary");
  legend.item(ImGui::ColorConvertU32ToFloat4(kFcatColor), exact ? "— F_cat" : "— F_cat (KDE estimate)");
  legend.item(ImGui::ColorConvertU32ToFloat4(kFcodeColor), "— F_code");

  // Hover: the values at the nearest sample of the cut.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool hovered = ImGui::IsWindowHovered() && mouse.x >= axes[0].left && mouse.x <= axes[0].right &&
                       mouse.y >= top0.y && mouse.y <= low1.y && axes[0].right > axes[0].left;
  if (!hovered) return;
  const double at = (mouse.x - axes[0].left) / (axes[0].right - axes[0].left);
  const int i = std::clamp(static_cast<int>(std::lround(at * (f.size() - 1))), 0, f.size() - 1);
  for (const ChartAxes& a : axes) {
    const float x = a.to_screen(t(0, i), 0.0).x;
    dl->AddLine(ImVec2(x, a.top), ImVec2(x, a.bottom), IM_COL32(255, 255, 255, 90), 1.0f);
  }
  std::string text;
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "distance from A %.3f, x = (%.3f, %.3f)", t(0, i), f.points(0, i),
                f.points(1, i));
  text += buffer;
  for (int mu = 0; mu < f.num_classes; ++mu) {
    std::snprintf(buffer, sizeof buffer, "\nP(%d|x): reference %.3f, network %.3f", mu + 1,
                  f.reference_posterior(mu, i), f.network_posterior(mu, i));
    text += buffer;
  }
  std::snprintf(buffer, sizeof buffer, "\nF_cat%s %.3f of its max on the cut, F_code %.3f", exact ? "" : " (KDE)",
                fcat[i], fcode[i]);
  text += buffer;
  ImGui::SetTooltip("%s", text.c_str());
}

}  // namespace catgeo
