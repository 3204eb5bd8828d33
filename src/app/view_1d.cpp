// The 1-D view: P(mu|x) curves (reference solid, network thin), F_cat and F_code each divided by its maximum in the
// data region, boundary markers, F_code peaks, and a histogram of the training data by class.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/app.h"
#include "app/colormap.h"
#include "app/flow_layout.h"
#include "app/label_audit.h"
#include "core/geometry/metrics.h"

namespace catgeo {
namespace {

void polyline(ImDrawList* dl, const PlotFrame& f, const Eigen::MatrixXd& points, const double* values, int stride,
              int n, double scale, ImU32 color, float thickness) {
  static std::vector<ImVec2> pts;
  pts.resize(n);
  for (int i = 0; i < n; ++i) {
    double v = values[i * stride] * scale;
    if (!std::isfinite(v)) v = 0.0;
    pts[i] = f.to_screen(points(0, i), std::clamp(v, f.lo[1], f.hi[1]));
  }
  dl->AddPolyline(pts.data(), n, color, ImDrawFlags_None, thickness);
}

void vline(ImDrawList* dl, const PlotFrame& f, double x, ImU32 color, float thickness = 1.5f) {
  dl->AddLine(f.to_screen(x, f.lo[1]), f.to_screen(x, f.hi[1]), color, thickness);
}

void frame_box(ImDrawList* dl, const PlotFrame& f, const char* title) {
  dl->AddRectFilled(f.p0, f.p1, IM_COL32(20, 22, 26, 255));
  dl->AddRect(f.p0, f.p1, IM_COL32(120, 120, 120, 255));
  draw_label(dl, ImVec2(f.p0.x + 4, f.p0.y + 2), IM_COL32(220, 220, 220, 255), title);
}

}  // namespace

void App::draw_view_1d() {
  const GridFields& f = view_.fields;
  if (!view_.fields_valid() || f.dims() != 1) {
    ImGui::TextDisabled("Computing the fields...");
    return;
  }
  const ViewConfig& view = edit_.view;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
  const int n = f.size();
  const float left = origin.x + 34, width = avail.x - 44, gap = 8;
  const float note_h = view_.config.scaling.active ? 2.0f * ImGui::GetTextLineHeightWithSpacing() : 0.0f;  // axes
  const float h_total = avail.y - 60 - note_h;
  const float h_post = h_total * 0.30f, h_fisher = h_total * 0.45f, h_hist = h_total * 0.25f - 2 * gap;
  PlotFrame post, fisher, hist;
  post.p0 = ImVec2(left, origin.y);
  post.p1 = ImVec2(left + width, origin.y + h_post);
  fisher.p0 = ImVec2(left, post.p1.y + gap);
  fisher.p1 = ImVec2(left + width, fisher.p0.y + h_fisher);
  hist.p0 = ImVec2(left, fisher.p1.y + gap);
  hist.p1 = ImVec2(left + width, hist.p0.y + h_hist);
  for (PlotFrame* p : {&post, &fisher, &hist}) p->lo[0] = f.grid.lo[0], p->hi[0] = f.grid.hi[0];
  figure_min_ = post.p0;
  figure_max_ = hist.p1;
  mark_tour_focus(TourFocus::figure, figure_min_, figure_max_);
  post.lo[1] = -0.02, post.hi[1] = 1.1;
  fisher.lo[1] = -0.02, fisher.hi[1] = 1.12;

  const bool exact = view_.facts.reference_exact;  // drawn points and tables: the reference is a KDE estimate
  frame_box(dl, post, exact ? "P(μ|x): reference (thick), network (thin)"
                            : "P(μ|x): KDE estimate (thick), network (thin)");
  for (int mu = 0; mu < f.num_classes; ++mu) {
    polyline(dl, post, f.points, f.reference_posterior.data() + mu, f.num_classes, n, 1.0, class_color(mu, 200), 3.0f);
    polyline(dl, post, f.points, f.network_posterior.data() + mu, f.num_classes, n, 1.0, IM_COL32(255, 255, 255, 220),
             1.0f);
  }

  const std::vector<unsigned char> mask = data_region_mask(f);
  double cat_max = 0, code_max = 0;
  for (int i = 0; i < n; ++i)
    if (mask[i]) cat_max = std::max(cat_max, f.fcat(0, i)), code_max = std::max(code_max, f.fcode(0, i));
  frame_box(dl, fisher, "F_cat and F_code, each / its max in the data region");
  // Data region shading: outside p >= 5% max p.
  for (int i = 0; i + 1 < n; ++i)
    if (!mask[i])
      dl->AddRectFilled(fisher.to_screen(f.points(0, i), fisher.hi[1]), fisher.to_screen(f.points(0, i + 1), fisher.lo[1]),
                        IM_COL32(0, 0, 0, 90));
  if (cat_max > 0) polyline(dl, fisher, f.points, f.fcat.data(), 3, n, 1.0 / cat_max, kFcatColor, 2.5f);
  if (code_max > 0) polyline(dl, fisher, f.points, f.fcode.data(), 3, n, 1.0 / code_max, kFcodeColor, 2.0f);

  if (view.show_boundary) {
    const std::vector<double> ref_b = decision_boundaries_1d(f.reference_posterior, f.points, mask.data());
    const std::vector<double> net_b = decision_boundaries_1d(f.network_posterior, f.points, mask.data());
    for (const PlotFrame* p : {&post, &fisher, &hist}) {
      for (double b : ref_b) vline(dl, *p, b, IM_COL32(255, 255, 255, 160), 1.5f);
      for (double b : net_b) vline(dl, *p, b, IM_COL32(255, 80, 200, 160), 1.0f);
    }
  }
  // F_code peaks as triangles on the Fisher plot.
  if (const MetricsSnapshot* latest = view_.latest()) {
    for (double peak : latest->match.fcode_peaks) {
      const ImVec2 s = fisher.to_screen(peak, fisher.hi[1]);
      dl->AddTriangleFilled(ImVec2(s.x - 5, s.y), ImVec2(s.x + 5, s.y), ImVec2(s.x, s.y + 8), kFcodeColor);
    }
  }

  // Histogram of the training data, per class.
  frame_box(dl, hist, "training data");
  if (view_.samples.rows() == 1) {  // every training input, from the engine
    constexpr int kBins = 60;
    const int classes = view_.facts.num_classes;
    static std::vector<int> counts;
    counts.assign(static_cast<size_t>(kBins) * classes, 0);
    const double lo = f.grid.lo[0], hi = f.grid.hi[0];
    int most = 1;
    for (int j = 0; j < static_cast<int>(view_.samples.cols()); ++j) {
      const int b = static_cast<int>((view_.samples(0, j) - lo) / (hi - lo) * kBins);
      const int label = view_.sample_labels[j];
      if (b < 0 || b >= kBins || label < 0 || label >= classes) continue;
      most = std::max(most, ++counts[label * kBins + b]);
    }
    hist.lo[1] = 0, hist.hi[1] = most * 1.15;
    for (int mu = 0; mu < classes; ++mu)
      for (int b = 0; b < kBins; ++b) {
        const int c = counts[mu * kBins + b];
        if (!c) continue;
        const double x0 = lo + (hi - lo) * b / kBins, x1 = lo + (hi - lo) * (b + 1) / kBins;
        dl->AddRectFilled(hist.to_screen(x0, c), hist.to_screen(x1, 0), class_color(mu, 110));
      }
  }
  // x axis labels
  char label[16];
  const double step = (f.grid.hi[0] - f.grid.lo[0]) > 5 ? 1.0 : 0.5;
  for (double v = std::ceil(f.grid.lo[0] / step) * step; v <= f.grid.hi[0] + 1e-9; v += step) {
    std::snprintf(label, sizeof label, "%g", std::fabs(v) < 1e-9 ? 0.0 : v);
    const ImVec2 p = hist.to_screen(v, 0);
    draw_label(dl, ImVec2(p.x - 6, hist.p1.y + 3), IM_COL32(170, 170, 170, 255), label);
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, hist.p1.y + 22));
  FlowingLegend legend;
  legend.item(ImGui::ColorConvertU32ToFloat4(kFcatColor), exact ? "— F_cat" : "— F_cat (KDE estimate)");
  legend.item(ImGui::ColorConvertU32ToFloat4(kFcodeColor), "— F_code (▼ its peaks)");
  legend.item(ImVec4(1, 1, 1, 1), "| reference boundary");
  legend.item(ImVec4(1.0f, 0.31f, 0.78f, 1), "| network boundary");
  draw_table_axes_note();

  // Hover: exact values at the mouse.
  const ImGuiIO& io = ImGui::GetIO();
  for (const PlotFrame* p : {&post, &fisher, &hist}) {
    if (!ImGui::IsWindowHovered() || !p->contains(io.MousePos)) continue;
    const double x = p->data_x(io.MousePos.x);
    for (const PlotFrame* q : {&post, &fisher, &hist}) vline(dl, *q, x, IM_COL32(255, 255, 0, 120), 1.0f);
    request_probe(x, 0.0);
    const ProbeResult* probe = probe_at(x, 0.0);
    if (probe && probe->valid) {
      const GridFields& h = probe->fields;
      ImGui::BeginTooltip();
      ImGui::Text("x = %.3f", x);
      ImGui::TextUnformatted(exact ? "P(μ|x)   reference   network" : "P(μ|x)   KDE estimate   network");
      for (int mu = 0; mu < h.num_classes; ++mu)
        ImGui::TextColored(class_color_vec(mu), "%s   %8.3f   %8.3f", view_.class_name(mu).c_str(),
                           h.reference_posterior(mu, 0), h.network_posterior(mu, 0));
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kFcatColor), "F_cat  = %.4g  (%.3f of max)", h.fcat(0, 0),
                         cat_max > 0 ? h.fcat(0, 0) / cat_max : 0.0);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kFcodeColor), "F_code = %.4g  (%.3f of max)", h.fcode(0, 0),
                         code_max > 0 ? h.fcode(0, 0) / code_max : 0.0);
      ImGui::EndTooltip();
    }
    break;
  }
}

}  // namespace catgeo
