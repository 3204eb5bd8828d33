// The MNIST digit path: pick two digit classes, the engine morphs a test digit of one into one of the other in pixel
// space; the path's images, its trajectory over the maps, and along it the posteriors, F_code and the distance
// between neighbouring steps' representations.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "app/digit_path_panel.h"

#include "app/chart_axes.h"
#include "app/colormap.h"
#include "app/field_images.h"
#include "app/flow_layout.h"
#include "app/label_audit.h"
#include "app/mnist_view.h"
#include "app/text_fit.h"
#include "core/config/parameters.h"

namespace catgeo {
namespace {

constexpr float kPathChartLines = 9.0f;  // text lines of the chart along the path (axes included)

// Each value over the largest finite one (0 when none is positive).
std::vector<double> over_max(std::vector<double> v) {
  double top = 0.0;
  for (double x : v)
    if (std::isfinite(x)) top = std::max(top, x);
  for (double& x : v) x = top > 0.0 && std::isfinite(x) ? x / top : 0.0;
  return v;
}

}  // namespace

ViewConfig with_digit_path(const ViewConfig& edited, int from_digit, int to_digit, int pair) {
  ViewConfig view = edited;
  view.path = {from_digit, to_digit, std::max(0, pair)};
  return view;
}

bool DigitPathPanel::shown() const {
  return edited_.path[0] >= 0 && view_.config.data == DataKind::mnist && view_.path.active && view_.path.valid;
}

void DigitPathPanel::draw_controls(const ApplyView& apply, const MarkTourFocus& mark) const {
  const int classes = view_.facts.num_classes;
  if (classes < 2) return;
  const std::array<int, 3> asked = edited_.path;
  bool shown = asked[0] >= 0;
  // The digits picked (the run's first two until the user picks).
  int from = shown ? asked[0] : view_.class_number(0), to = shown ? asked[1] : view_.class_number(1);
  const bool toggled = ImGui::Checkbox("show a path between two test digits", &shown);
  const auto digit_combo = [&](const char* label, int& digit) {
    char preview[8];
    std::snprintf(preview, sizeof preview, "%d", digit);
    ImGui::SetNextItemWidth(3.5f * ImGui::GetFontSize());
    if (!ImGui::BeginCombo(label, preview)) return false;
    bool picked = false;
    for (int mu = 0; mu < classes; ++mu) {
      const int d = view_.class_number(mu);
      char name[8];
      std::snprintf(name, sizeof name, "%d", d);
      if (ImGui::Selectable(name, d == digit)) picked = digit != d, digit = d;
    }
    ImGui::EndCombo();
    return picked;
  };
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("from");
  ImGui::SameLine();
  bool picked = digit_combo("##path-from", from);
  ImGui::SameLine();
  ImGui::TextUnformatted("to");
  ImGui::SameLine();
  picked |= digit_combo("##path-to", to);
  const char* other = "Other pair";
  same_line_or_wrap(ImGui::CalcTextSize(other).x + 2.0f * ImGui::GetStyle().FramePadding.x);
  int pair = shown ? asked[2] : 0;
  if (ImGui::Button(other)) {  // round to 0 past the largest pair a link holds (the engine wraps pairs anyway)
    pair = pair < static_cast<int>(parameter("path").max) ? pair + 1 : 0;
    picked = true;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("the next test digit of each of the two digits");
  if (picked) shown = true;  // choosing digits asks for their path
  if (toggled || picked) apply(with_digit_path(edited_, shown ? from : -1, shown ? to : -1, shown ? pair : 0));
  const PathResult& path = view_.path;
  if (!shown) return;
  if (!path.error.empty()) {
    ImGui::TextWrapped("No path: %s.", path.error.c_str());
    return;
  }
  if (!this->shown()) {
    ImGui::TextDisabled("computing the path...");
    return;
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled(
      "Test digit #%d (%d) morphed into #%d (%d) in %d steps, pixel by pixel (linear interpolation); "
      "its points are drawn on the maps.",
      path.test_a, view_.class_number(path.class_a), path.test_b, view_.class_number(path.class_b),
      static_cast<int>(path.images.size()));
  ImGui::PopTextWrapPos();
  // The images, in as many rows as the width needs, each above the network's guess for it.
  const int steps = static_cast<int>(path.images.size());
  const int side = path.image_side;
  const float gap = 3.0f, label_h = ImGui::GetTextLineHeight();
  const float width = ImGui::GetContentRegionAvail().x;
  const float pixel = 2.0f;  // 28 px tiles, in as many rows as the width needs (two on a phone)
  const float tile = side * pixel;
  const int fit = std::max(1, static_cast<int>((width + gap) / (tile + gap)));
  const int columns = fit >= steps ? steps : std::max(1, std::min(fit, (steps + 1) / 2));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int s = 0; s < steps; ++s) {
    const ImVec2 at(origin.x + (s % columns) * (tile + gap), origin.y + (s / columns) * (tile + label_h + gap));
    draw_digit_image(dl, path.images[s], side, at, pixel);
    Eigen::Index best = 0;
    path.fields.network_posterior.col(s).maxCoeff(&best);
    const int digit = view_.class_number(static_cast<int>(best));
    char text[8];
    std::snprintf(text, sizeof text, "%d", digit);
    draw_label(dl, ImVec2(at.x + 0.5f * tile - 3.0f, at.y + tile), digit_colour(digit), text);
    if (ImGui::IsMouseHoveringRect(at, ImVec2(at.x + tile, at.y + tile)))
      ImGui::SetTooltip("step %d of %d: the network says %d (p = %.3f)", s + 1, steps, digit,
                        path.fields.network_posterior(best, s));
  }
  const int rows = (steps + columns - 1) / columns;
  ImGui::Dummy(ImVec2(std::min(width, columns * (tile + gap)), rows * (tile + label_h + gap)));
  draw_chart(width, mark);
}

void DigitPathPanel::draw_chart(float width, const MarkTourFocus& mark) const {
  const PathResult& path = view_.path;
  const GridFields& f = path.fields;
  const int steps = f.size();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const ImVec2 p1(p0.x + width, p0.y + kPathChartLines * ImGui::GetTextLineHeightWithSpacing());
  ImGui::Dummy(ImVec2(width, p1.y - p0.y));
  mark(TourFocus::digit_path, p0, p1);  // tour step 10 names these curves along the path
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(p0, p1, true);
  dl->AddRectFilled(p0, p1, IM_COL32(20, 22, 26, 255));
  draw_label(
      dl, ImVec2(p0.x + 4.0f, p0.y + 2.0f), IM_COL32(220, 220, 220, 255),
      fit_text("along the path: P(digit|x), F_code / max, neighbour distance / max", "along the path", width - 8.0f),
      p0, p1);
  const ChartAxes axes = draw_chart_axes(dl, p0, p1, 1.0, steps, "step", 0.0, 1.0, false);
  const auto line = [&](const std::vector<double>& values, double first_step, ImU32 colour, float thickness) {
    std::vector<ImVec2> points;
    for (std::size_t i = 0; i < values.size(); ++i) points.push_back(axes.to_screen(first_step + i, values[i]));
    dl->AddPolyline(points.data(), static_cast<int>(points.size()), colour, 0, thickness);
  };
  for (int mu : {path.class_a, path.class_b}) {
    std::vector<double> network(steps), reference(steps);
    for (int s = 0; s < steps; ++s)
      network[s] = f.network_posterior(mu, s), reference[s] = f.reference_posterior(mu, s);
    const int digit = view_.class_number(mu);
    line(network, 1.0, digit_colour(digit), 2.5f);
    line(reference, 1.0, digit_colour(digit, 150), 1.0f);
  }
  std::vector<double> fcode(steps);
  for (int s = 0; s < steps; ++s) fcode[s] = field_measure(f.fcode, f.fcode_eigen, s, edited_.measure);
  line(over_max(fcode), 1.0, kFcodeColor, 2.0f);
  const std::vector<double> fcode_scaled = over_max(fcode);
  for (int s = 0; s < steps; ++s) dl->AddCircleFilled(axes.to_screen(1.0 + s, fcode_scaled[s]), 2.5f, kFcodeColor);
  line(over_max(path.cosine_distance), 1.5, IM_COL32(240, 240, 240, 255), 1.5f);  // between steps s and s + 1
  dl->PopClipRect();
  FlowingLegend legend;
  char text[48];
  std::snprintf(text, sizeof text, "— P(%d|x), P(%d|x): network", view_.class_number(path.class_a),
                view_.class_number(path.class_b));
  legend.item(ImVec4(0.8f, 0.8f, 0.8f, 1.0f), text);
  legend.item(ImVec4(0.6f, 0.6f, 0.6f, 1.0f), "thin: KDE estimate");
  legend.item(ImGui::ColorConvertU32ToFloat4(kFcodeColor), "•— F_code");
  legend.item(ImVec4(0.94f, 0.94f, 0.94f, 1.0f), "— cosine distance of r between steps");
}

void DigitPathPanel::draw_on_map(const PlotFrame& frame) const {
  if (!shown()) return;
  const PathResult& path = view_.path;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(frame.p0, frame.p1, true);
  std::vector<ImVec2> points;
  for (Eigen::Index s = 0; s < path.codes.cols(); ++s)
    points.push_back(frame.to_screen(path.codes(0, s), path.codes(1, s)));
  dl->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(0, 0, 0, 200), 0, 4.0f);
  dl->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(255, 255, 255, 255), 0, 2.0f);
  for (std::size_t s = 0; s < points.size(); ++s) {
    Eigen::Index best = 0;
    path.fields.network_posterior.col(static_cast<Eigen::Index>(s)).maxCoeff(&best);
    dl->AddCircleFilled(points[s], 3.5f, digit_colour(view_.class_number(static_cast<int>(best))));
    dl->AddCircle(points[s], 3.5f, IM_COL32(0, 0, 0, 255));
  }
  char a[8], b[8];
  std::snprintf(a, sizeof a, "%d", view_.class_number(path.class_a));
  std::snprintf(b, sizeof b, "%d", view_.class_number(path.class_b));
  dl->AddText(ImVec2(points.front().x + 5.0f, points.front().y - ImGui::GetFontSize()), IM_COL32(255, 255, 255, 255),
              a);
  dl->AddText(ImVec2(points.back().x + 5.0f, points.back().y - ImGui::GetFontSize()), IM_COL32(255, 255, 255, 255), b);
  dl->PopClipRect();
}

}  // namespace catgeo
