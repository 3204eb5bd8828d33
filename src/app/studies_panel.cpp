// The loss maps and the width study (see studies_panel.h).
#include "app/studies_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/chart_axes.h"
#include "app/colormap.h"
#include "app/flow_layout.h"
#include "app/information_colours.h"
#include "app/label_audit.h"
#include "app/text_fit.h"

namespace catgeo {
namespace {

// set_option width_study: run the study of the current settings (again), or cancel it.
Command width_study_command(bool run) {
  Command command;
  command.kind = CommandKind::set_option;
  command.key = "width_study";
  command.number = run ? 1.0 : 0.0;
  return command;
}

constexpr double kLossFloor = 1e-3;  // the loss maps' log colour scale spans [kLossFloor, 1] x the largest loss

// An image of `values` on the map's grid (row 0 at the top), through `shade` (value -> t in [0, 1]); dimmed where p(x)
// is below 5% of its largest value, as the F maps are.
template <class Shade>
std::vector<std::uint32_t> map_pixels(const LossMap& m, const Eigen::VectorXd& values, Shade shade) {
  const int nx = m.grid.count[0], ny = m.grid.count[1];
  const double dense = 0.05 * m.density.maxCoeff();
  std::vector<std::uint32_t> pixels(static_cast<size_t>(nx) * ny);
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      const int k = j * nx + i;
      float rgb[3];
      heat_rgb(shade(values(k)), rgb);
      const float dim = m.density(k) >= dense ? 1.0f : 0.35f;
      pixels[static_cast<size_t>(ny - 1 - j) * nx + i] = pack_rgba(dim * rgb[0], dim * rgb[1], dim * rgb[2]);
    }
  return pixels;
}

}  // namespace

// ---------------------------------------------------------------- the loss maps

void StudiesPanel::draw_loss_maps(float width, const RunView& view, TextureStore& textures,
                                  const MarkTourFocus& mark) {
  const LossMaps& maps = view.loss_maps;
  ImGui::Separator();
  ImGui::TextUnformatted("Where the noise costs information (nats)");
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "L(x) = E over r given x of KL(P(μ|x) ‖ P(μ|r)): what the noise of r costs about the category at x.\n"
        "Monte-Carlo: 32 draws of r per grid point, P(μ|r) by importance sampling (48 points), first-order\n"
        "bias corrected. Its p(x)-average is I(μ; x) − I(μ; r). At high SNR L(x) → ½ Tr(F_code⁻¹ F_cat)(x),\n"
        "an approximation (spec 1.7). Near the boundary: tr F_cat ≥ 25%% of its largest value.");
  ImGui::PushTextWrapPos(0.0f);
  if (!view.facts.reference_exact) {
    ImGui::TextDisabled("The loss map needs the exact p(x|μ) of a Gaussian mixture; here F_cat is estimated.");
    ImGui::PopTextWrapPos();
    return;
  }
  const LossMap& before = maps.before;
  const LossMap& latest = maps.latest;
  if (before.epoch < 0) {
    ImGui::TextDisabled("Mapping the untrained network: %d of %d points...", maps.points_done, maps.points_total);
    ImGui::PopTextWrapPos();
    return;
  }
  const LossRegions b = loss_regions(before), a = loss_regions(latest);
  ImGui::Text("Before training: %.3f ± %.3f nats on average (Monte-Carlo); per point %.3f near the boundary, %.3f "
              "elsewhere.",
              before.average, before.average_se, b.near_boundary, b.elsewhere);
  if (latest.epoch > 0) {
    ImGui::Text("Epoch %d: %.3f ± %.3f on average; %.3f near the boundary, %.3f elsewhere. The high-SNR form "
                "½ Tr(F_code⁻¹ F_cat) gives %.3f near the boundary (an approximation).",
                latest.epoch, latest.average, latest.average_se, a.near_boundary, a.elsewhere, a.other_near_boundary);
  } else if (maps.points_total > 0) {
    ImGui::TextDisabled("Mapping the trained network: %d of %d points...", maps.points_done, maps.points_total);
  } else {
    ImGui::TextDisabled("Train the network: it is mapped again (every 3 s while training).");
  }
  const double top = std::max(before.loss.maxCoeff(), latest.epoch > 0 ? latest.loss.maxCoeff() : 0.0);
  const double floor = kLossFloor * std::max(top, 1e-12);
  if (before.grid.dims == 2)
    ImGui::TextDisabled("Over x₁ %.3g .. %.3g, x₂ %.3g .. %.3g (every class to ±4 sd); the loss maps on one log "
                        "scale, %.2g .. %.2g nats; dimmed where p(x) < 5%% of its maximum.",
                        before.grid.lo[0], before.grid.hi[0], before.grid.lo[1], before.grid.hi[1], floor, top);
  ImGui::PopTextWrapPos();
  // The tour step names the maps and the line under them that says what they show: together they fit the panel.
  const ImVec2 group_min = ImGui::GetCursorScreenPos();
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  const float room = std::max(6.0f * line_h, ImGui::GetWindowHeight() - 7.0f * line_h);
  const auto log_shade = [&](double v) { return std::log(std::max(v, floor) / floor) / std::log(top / floor); };
  if (before.grid.dims == 2) {
    LossImages& images = loss_images_;
    if (images.version != view.loss_maps_version) {  // once per new map, not every frame
      images.version = view.loss_maps_version;
      const double fcat_max = std::max(before.fcat_trace.maxCoeff(), 1e-300);
      const int nx = before.grid.count[0], ny = before.grid.count[1];
      std::vector<std::uint32_t> pixels = map_pixels(before, before.fcat_trace, [&](double v) { return v / fcat_max; });
      images.textures[0] = textures.upload(kSlotLossFcat, nx, ny, pixels.data());
      pixels = map_pixels(before, before.loss, log_shade);
      images.textures[1] = textures.upload(kSlotLossBefore, nx, ny, pixels.data());
      images.textures[2] = nullptr;
      if (latest.epoch > 0 && latest.loss.size() == before.loss.size()) {
        pixels = map_pixels(latest, latest.loss, log_shade);
        images.textures[2] = textures.upload(kSlotLossLatest, nx, ny, pixels.data());
      }
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float side = std::floor(std::min((width - 2.0f * gap) / 3.0f, room - 1.5f * line_h));
    char label[64];
    const char* titles[3] = {"F_cat (trace)", "loss before", "loss now"};
    for (int k = 0; k < 3; ++k) {
      if (k > 0) ImGui::SameLine();
      ImGui::BeginGroup();
      if (k == 2 && latest.epoch > 0) std::snprintf(label, sizeof label, "loss, epoch %d", latest.epoch);
      ImGui::TextUnformatted(fit_words(k == 2 && latest.epoch > 0 ? label : titles[k], side).c_str());
      if (images.textures[k]) ImGui::Image(images.textures[k], ImVec2(side, side));
      else ImGui::Dummy(ImVec2(side, side));
      ImGui::EndGroup();
    }
  } else {  // 1-D: the two losses and the high-SNR form over x on a log axis, F_cat scaled to the plot
    const ImVec2 size(width, std::min(9.0f * ImGui::GetTextLineHeight(), room - 2.5f * line_h));
    ImVec2 p0, p1;
    char line[96];
    std::snprintf(line, sizeof line, "over x (grid %.3g .. %.3g), log axis", before.grid.lo[0], before.grid.hi[0]);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    chart_box(dl, size, "information lost at x, nats", "loss at x", line, p0, p1);
    dl->PushClipRect(p0, p1, true);
    const ChartAxes axes = draw_chart_axes(dl, p0, p1, before.grid.lo[0], before.grid.hi[0], "x", std::log10(floor),
                                           std::log10(top), true);
    const int n = static_cast<int>(before.loss.size());
    const auto x_at = [&](int i) { return before.grid.lo[0] + (before.grid.hi[0] - before.grid.lo[0]) * i / (n - 1); };
    const auto curve = [&](const Eigen::VectorXd& v, ImU32 c, float thickness) {
      std::vector<ImVec2> points;
      for (int i = 0; i < n; ++i) points.push_back(axes.to_screen(x_at(i), std::log10(std::max(v(i), floor))));
      dl->AddPolyline(points.data(), n, c, ImDrawFlags_None, thickness);
    };
    const double fcat_max = std::max(before.fcat_trace.maxCoeff(), 1e-300);
    curve(before.fcat_trace * (top / fcat_max), IM_COL32(255, 170, 60, 110), 1.0f);  // F_cat's shape, scaled to the top
    curve(before.loss, kBound, 1.5f);
    if (latest.epoch > 0 && latest.loss.size() == n) {
      curve(latest.loss, kInfoR, 2.0f);
      curve(latest.high_snr, kHighSnr, 1.0f);
    }
    dl->PopClipRect();
    FlowingLegend legend;
    legend.item(colour(kBound), "before training");
    legend.item(colour(kInfoR), "now");
    legend.item(colour(kHighSnr), "½ Tr(F_code⁻¹ F_cat) now");
    legend.item(ImVec4(1.0f, 0.67f, 0.24f, 0.45f), "F_cat (scaled)");
  }
  // What the reader sees, in one line, from the two maps.
  ImGui::PushTextWrapPos(0.0f);
  if (latest.epoch > 0 && b.elsewhere > b.near_boundary)
    ImGui::TextColored(colour(kHighSnr),
                       "Before training the loss was largest far from the boundary, where x alone is sure of the "
                       "class; now it is %.0fx smaller there and %.0fx smaller near the boundary, where %.0f%% of "
                       "what remains sits.",
                       b.elsewhere / a.elsewhere, b.near_boundary / a.near_boundary, 100.0 * a.share_near_boundary);
  else if (latest.epoch > 0)
    ImGui::TextColored(colour(kHighSnr),
                       "Before training the loss was largest near the boundary; now it is %.0fx smaller there and "
                       "%.0fx smaller elsewhere, and %.0f%% of what remains sits near the boundary.",
                       b.near_boundary / a.near_boundary, b.elsewhere / a.elsewhere, 100.0 * a.share_near_boundary);
  else
    ImGui::TextColored(colour(kHighSnr), "Before training the loss is largest %s.",
                       b.elsewhere > b.near_boundary ? "far from the boundary, where x alone is sure of the class"
                                                     : "near the boundary");
  ImGui::PopTextWrapPos();
  mark(TourFocus::loss_maps, group_min, ImGui::GetItemRectMax());
}

// ---------------------------------------------------------------- the width study

void StudiesPanel::follow(const RunView& view, const SendCommand& send) {
  if (!view.config.view.width_study || !view.has_run() || view.width_study.state != StudyState::idle) return;
  if (width_study_asked_ == view.config_version) return;
  width_study_asked_ = view.config_version;
  send(width_study_command(true));
}

void StudiesPanel::draw_width_study(float width, const RunView& view, const SendCommand& send,
                                    const MarkTourFocus& mark) {
  const WidthStudy& study = view.width_study;
  ImGui::Separator();
  const ImVec2 section_min = ImGui::GetCursorScreenPos();  // the tour step names the section down to its chart
  ImGui::TextUnformatted("Wide layers, little noise: the paper's condition");
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "These settings trained again at widths N = 8, 32, 128, 512 of r and at noise σ and 2σ (fresh runs, the\n"
        "same seed). For each: I(μ; r), a Monte-Carlo estimate (± 2 standard errors), and its high-SNR\n"
        "approximation I(μ; x) − ½ E Tr(F_code⁻¹ F_cat), against N/σ² on a log axis. The approximation holds\n"
        "\"for wide networks, and more generally in situations of high signal-to-noise ratio\" (the abstract).");
  const bool running = study.state == StudyState::running;
  ImGui::PushTextWrapPos(0.0f);
  switch (study.state) {
    case StudyState::unavailable: ImGui::TextDisabled("%s.", study.message.c_str()); break;
    case StudyState::idle: ImGui::TextDisabled("Starting..."); break;
    case StudyState::running:
      ImGui::Text("Training %s (%.0f%%); %zu of %d runs done.", study.message.c_str(), 100.0 * study.progress,
                  study.rows.size(), study.runs_total);
      break;
    case StudyState::cancelled: ImGui::TextDisabled("Study %s.", study.message.c_str()); break;
    case StudyState::done: ImGui::TextDisabled("%d runs, each trained to the end.", study.runs_total); break;
  }
  ImGui::PopTextWrapPos();
  if (study.state != StudyState::unavailable) {
    if (running ? ImGui::SmallButton("Cancel the study") : ImGui::SmallButton("Run the study again"))
      send(width_study_command(!running));
  }
  if (study.rows.empty()) return;
  // The chart: x = log10 N/σ², y = nats from a little below 0 to the ceiling I(μ; x); approximations below are drawn
  // as a mark on the bottom edge with their value in the table below.
  const double ceiling = study.rows.front().check.info_x;
  double x_lo = INFINITY, x_hi = -INFINITY, lo = 0.0;
  for (const WidthStudyRow& row : study.rows) {
    if (!(row.check.snr > 0)) continue;
    x_lo = std::min(x_lo, std::log10(row.check.snr));
    x_hi = std::max(x_hi, std::log10(row.check.snr));
    if (std::isfinite(row.check.info_r)) lo = std::min(lo, row.check.info_r - 2.0 * row.check.info_r_se);
  }
  if (!(x_hi > x_lo)) x_lo -= 0.5, x_hi += 0.5;
  const double x_pad = 0.05 * (x_hi - x_lo);  // the end points' marks stay inside the plot
  x_lo -= x_pad, x_hi += x_pad;
  lo -= 0.15 * ceiling;
  const ImVec2 size(width, 10.0f * ImGui::GetTextLineHeight());
  ImVec2 p0, p1;
  char line[96];
  const WidthStudyRow& last = study.rows.back();
  std::snprintf(line, sizeof line, "N/σ² %.3g: estimate %.3f, approximation %.3g", last.check.snr, last.check.info_r,
                last.check.info_r_highsnr);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  chart_box(dl, size, "I(μ; r) and its high-SNR approximation by N/σ²", "I(μ; r) by N/σ²", line, p0, p1);
  mark(TourFocus::width_study, section_min, p1);
  dl->PushClipRect(p0, p1, true);
  const ChartAxes a = draw_chart_axes(dl, p0, p1, x_lo, x_hi, "log₁₀ N/σ²", lo, ceiling, false);
  dashed_level(dl, a, ceiling, kCeiling);
  for (const WidthStudyRow& row : study.rows) {
    const HighSnrCheck& c = row.check;
    if (!(c.snr > 0) || !std::isfinite(c.info_r)) continue;
    const double x = std::log10(c.snr);
    const ImVec2 e = a.to_screen(x, c.info_r);
    const float half = std::abs(a.to_screen(x, c.info_r + 2.0 * c.info_r_se).y - e.y);
    dl->AddLine(ImVec2(e.x, e.y - half), ImVec2(e.x, e.y + half), kInfoR, 1.5f);
    dl->AddCircleFilled(e, 3.5f, kInfoR);
    if (std::isfinite(c.info_r_highsnr) && c.info_r_highsnr >= lo) {
      const ImVec2 h = a.to_screen(x, c.info_r_highsnr);
      dl->AddRect(ImVec2(h.x - 3.5f, h.y - 3.5f), ImVec2(h.x + 3.5f, h.y + 3.5f), kHighSnr, 0.0f, 0, 1.5f);
    } else {  // off the chart, far below (F_code nearly singular somewhere): a mark on the bottom edge
      const ImVec2 h = a.to_screen(x, lo);
      dl->AddTriangleFilled(ImVec2(h.x - 4.0f, h.y - 7.0f), ImVec2(h.x + 4.0f, h.y - 7.0f), h, kHighSnr);
    }
  }
  dl->PopClipRect();
  FlowingLegend legend;
  legend.item(colour(kInfoR), "● I(μ; r) ± 2 se");
  legend.item(colour(kHighSnr), "□ high-SNR approximation (▼ far below)");
  legend.item(colour(kCeiling), "– – I(μ; x)");
  if (ImGui::BeginTable("width_study", 5, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    for (const char* h : {"N", "σ", "N/σ²", "I(μ; r)", "high-SNR"}) ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const WidthStudyRow& row : study.rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d", row.check.width);
      ImGui::TableNextColumn();
      ImGui::Text("%g", row.check.sigma);
      ImGui::TableNextColumn();
      ImGui::Text("%.3g", row.check.snr);
      ImGui::TableNextColumn();
      if (row.state == "finished") ImGui::Text("%.3f ± %.3f", row.check.info_r, row.check.info_r_se);
      else ImGui::TextDisabled("%s", row.state.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%.3g", row.check.info_r_highsnr);
    }
    ImGui::EndTable();
  }
}

}  // namespace catgeo
