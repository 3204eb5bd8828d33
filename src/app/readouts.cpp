// Readouts: the metric table (before training vs now), the confusion matrix, the metric charts' grid, the
// explanation panel, and the divergence banner.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/colormap.h"
#include "app/label_audit.h"
#include "app/metric_chart.h"
#include "app/text_fit.h"
#include "core/link/share_link.h"

namespace catgeo {
namespace {

struct MetricDef {
  const char* key;   // its name in metrics() (core/formats/run_report.cpp)
  const char* name;
  const char* help;
  double (*get)(const MetricsSnapshot&);
  int dims;        // 0 = both, 1 or 2 = only then
  bool log_axis;   // chart on a log axis
};

const MetricDef kMetrics[] = {
    {"train_loss", "train loss", "mean noisy cross-entropy of the last epoch (nats)", [](const MetricsSnapshot& s) { return s.train_loss; }, 0, false},
    {"test_loss", "test loss", "clean cross-entropy on the test set (nats)", [](const MetricsSnapshot& s) { return s.test_loss; }, 0, false},
    {"test_accuracy", "test accuracy", "fraction correct on the test set", [](const MetricsSnapshot& s) { return s.test_accuracy; }, 0, false},
    {"info_r_lower_bound", "I(μ; r) lower bound", "H(μ) − noisy test cross-entropy (nats)", [](const MetricsSnapshot& s) { return s.info_r_lower_bound; }, 0, false},
    {"angle_deg_weighted", "angle (weighted), deg", "angle between the top eigenvectors of F_code and F_cat, mean weighted by p · λ_max(F_cat)", [](const MetricsSnapshot& s) { return s.match.angle_deg_weighted; }, 2, false},
    {"angle_deg_top20", "angle (top 20%), deg", "median angle over the top 20% of λ_max(F_cat)", [](const MetricsSnapshot& s) { return s.match.angle_deg_top20; }, 2, false},
    {"peak_boundary_distance", "peak-boundary distance", "largest distance between an F_code peak and a decision boundary (Hausdorff)", [](const MetricsSnapshot& s) { return s.match.peak_boundary_distance; }, 1, false},
    {"fcode_fcat_peak_distance", "peak-F_cat max distance", "largest distance between an F_code peak and a maximum of F_cat (Hausdorff; F_cat's maxima can sit off the boundary)", [](const MetricsSnapshot& s) { return s.match.fcode_fcat_peak_distance; }, 1, false},
    {"loglog_r", "log-log r", "Pearson r of log F_code vs log F_cat (traces in 2-D) in the data region", [](const MetricsSnapshot& s) { return s.match.loglog_r; }, 0, false},
    {"spearman_r", "rank (Spearman) r", "Spearman correlation of F_code and F_cat (traces in 2-D)", [](const MetricsSnapshot& s) { return s.match.spearman_r; }, 0, false},
    {"contrast", "contrast", "max / min of F_code (trace) in the data region", [](const MetricsSnapshot& s) { return s.match.contrast; }, 0, true},
    {"exponent", "exponent gamma", "log F_code ~ gamma log F_cat + c", [](const MetricsSnapshot& s) { return s.match.exponent; }, 0, false},
    {"info_loss", "information loss", "½ ∫ p Tr(F_code⁻¹ F_cat) (nats, spec 1.7; a high-SNR approximation)", [](const MetricsSnapshot& s) { return s.match.info_loss; }, 0, true},
};

bool shown(const MetricDef& m, int dims) { return m.dims == 0 || m.dims == dims; }

}  // namespace

void App::draw_readouts(bool with_explanation) {
  if (!view_.has_run() || view_.history.empty()) {
    ImGui::TextWrapped("%s", view_.status.empty() ? "Starting..." : view_.status.c_str());
    return;
  }
  const int dims = view_.facts.dims;
  ImGui::Text("%s  epoch %d  (%s)", view_.config.id.c_str(), view_.epoch, to_string(view_.state));
  ImGui::TextDisabled("F_cat: %s", view_.facts.reference_exact ? "exact (generative mixture)" : "estimated (class-wise KDE)");
  if (std::isfinite(view_.facts.info_x)) ImGui::TextDisabled("I(μ; x) = %.3f nats", view_.facts.info_x);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("information of the data about the category: an upper bound for I(μ; r)");
  const MetricsSnapshot& before = *view_.before();
  const MetricsSnapshot& now = *view_.latest();
  if (ImGui::BeginTable("metrics", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("metric", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("before", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("now", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const MetricDef& m : kMetrics) {
      if (!shown(m, dims)) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string name = fit_words(m.name, ImGui::GetContentRegionAvail().x);
      note_fitted_text(name.c_str(), ImGui::GetContentRegionAvail().x);
      ImGui::TextUnformatted(name.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s", m.name, m.help);
      ImGui::TableNextColumn();
      const double b = m.get(before), v = m.get(now);
      if (std::isfinite(b)) ImGui::TextDisabled("%.3g", b);
      else ImGui::TextDisabled("-");
      ImGui::TableNextColumn();
      if (std::isfinite(v)) ImGui::Text("%.3g", v);
      else ImGui::TextUnformatted("-");
    }
    ImGui::EndTable();
  }
  draw_tour_focus(TourFocus::layer_table, [&] { draw_layer_metrics_table(view_); });
  if (dims == 1) {
    auto list = [](const std::vector<double>& v) {
      std::string s;
      char buffer[24];
      for (double x : v) std::snprintf(buffer, sizeof buffer, "%s%.3f", s.empty() ? "" : ", ", x), s += buffer;
      return s.empty() ? std::string("-") : s;
    };
    ImGui::TextDisabled("boundaries: %s", list(now.match.boundaries).c_str());
    ImGui::TextDisabled("F_cat peaks: %s", list(now.match.fcat_peaks).c_str());
    ImGui::TextDisabled("F_code peaks: %s", list(now.match.fcode_peaks).c_str());
  }
  if (ImGui::CollapsingHeader("Confusion matrix (test set)", ImGuiTreeNodeFlags_DefaultOpen)) {
    const std::vector<std::vector<int>>& confusion = view_.confusion;
    const int m = static_cast<int>(confusion.size());
    // Ten digits do not fit a narrow column: then the table scrolls sideways instead of cutting its counts.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float cell = ImGui::CalcTextSize("0000").x + 2.0f * style.CellPadding.x;
    const bool scroll = ImGui::CalcTextSize("true\\pred").x + (m + 1) * cell > ImGui::GetContentRegionAvail().x;
    const float row = ImGui::GetTextLineHeight() + 2.0f * style.CellPadding.y + 1.0f;
    const ImVec2 outer = scroll ? ImVec2(0.0f, (m + 1) * row + style.ScrollbarSize + 4.0f) : ImVec2(0.0f, 0.0f);
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | (scroll ? ImGuiTableFlags_ScrollX : 0);
    char count[16];
    const auto count_cell = [&](int value, bool diagonal) {
      std::snprintf(count, sizeof count, "%d", value);
      note_fitted_text(count, ImGui::GetContentRegionAvail().x);
      if (diagonal) ImGui::TextUnformatted(count);
      else ImGui::TextDisabled("%s", count);
    };
    if (m > 0 && ImGui::BeginTable("confusion", m + 1, flags, outer)) {
      // Fixed widths (four digits), not fitted to last frame's counts: a count that grows is never cut for a frame.
      ImGui::TableSetupColumn("##true", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("true\\pred").x);
      for (int p = 0; p < m; ++p)
        ImGui::TableSetupColumn("##pred", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000").x);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("true\\pred");
      for (int p = 0; p < m; ++p) {
        ImGui::TableNextColumn();
        ImGui::TextColored(class_color_vec(p), "%d", view_.class_number(p));
      }
      for (int t = 0; t < m; ++t) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(class_color_vec(t), "%d", view_.class_number(t));
        for (int p = 0; p < m; ++p) {
          ImGui::TableNextColumn();
          count_cell(confusion[t][p], t == p);
        }
      }
      ImGui::EndTable();
    }
  }
  // Beside the maps (the read-out column, a phone's Read-outs tab), never over them; the pad above the sections that
  // grow when a measurement arrives, so that it does not move under a stroke.
  if (view_.config.data == DataKind::mnist && view_.facts.learned_projection &&
      ImGui::CollapsingHeader("Draw a digit", ImGuiTreeNodeFlags_DefaultOpen)) {
    pad_.draw(view_, images_, layout_.kind == ScreenKind::portrait, sender());
  }
  if (ImGui::CollapsingHeader("Bias and variance of the cost", ImGuiTreeNodeFlags_DefaultOpen))
    information_.draw_bias_variance(view_, *textures_);
  if (view_.config.data == DataKind::mnist &&
      ImGui::CollapsingHeader("Misclassified test digits", ImGuiTreeNodeFlags_DefaultOpen)) {
    draw_gallery(view_);
  }
  if (view_.config.data == DataKind::mnist && view_.facts.learned_projection &&
      ImGui::CollapsingHeader("Path between two test digits", ImGuiTreeNodeFlags_DefaultOpen)) {
    DigitPathPanel(view_, edit_.view).draw_controls(view_applier(), focus_marker());
  }
  if (with_explanation && !edit_.view.lecture &&  // lecture mode: the lecturer explains
      ImGui::CollapsingHeader("What am I looking at?", ImGuiTreeNodeFlags_DefaultOpen)) {
    draw_explanation();
  }
}

void App::draw_charts() {
  if (!view_.has_run() || view_.history.empty()) return;
  if (cut_.plot_wanted(view_, edit_.grid.dims) && !cut_.plot_drawn())  // no room by the maps
    draw_tour_focus(TourFocus::cut_plot,
                    [&] { cut_.draw_plot(ImGui::GetContentRegionAvail().x, view_, edit_.view.measure); });
  const int dims = view_.facts.dims;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float em = ImGui::GetFontSize();
  const int columns = std::clamp(static_cast<int>(avail.x / (13.0f * em)), 1, 4);  // charts at least 13 ems wide
  int count = 0;
  for (const MetricDef& m : kMetrics) count += shown(m, dims) && m.get != nullptr;
  const int rows = (count + columns - 1) / columns;
  // Tall enough for their axes, short enough that the information charts below show; the panel scrolls.
  const ImVec2 size((avail.x - (columns - 1) * 6.0f) / columns,
                    std::clamp((avail.y - (rows - 1) * 6.0f) / rows, kChartLinesForAxes * ImGui::GetTextLineHeight(),
                               8.0f * ImGui::GetTextLineHeight()));  // the information charts follow
  const long measured = view_.measured_rows;
  if (measured < static_cast<long>(view_.history.size())) {  // the measured schedule left epochs out
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Test metrics measured at %ld of %zu epochs, to keep training fast (the loss in training at "
                        "every epoch; the last epoch always measured).",
                        measured - 1, view_.history.size() - 1);  // row 0 is the state before training
    ImGui::PopTextWrapPos();
  }
  chart_passes_.resize(std::size(kMetrics));
  int k = 0;
  for (const MetricDef& m : kMetrics) {
    if (!shown(m, dims)) continue;
    if (k % columns != 0) ImGui::SameLine(0, 6);
    const ChartHover hover = metric_chart(m.name, view_.history, view_.history_version, m.get, m.log_axis, size,
                                          chart_passes_[&m - kMetrics]);
    const TourStep* step = tour_step();
    if (step && step->claim.metric && std::string(step->claim.metric) == m.key)  // the chart the tour step names
      mark_tour_focus(TourFocus::claim_chart, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (hover.active)
      ImGui::SetTooltip("epoch %g: %s = %.4g\n%s\ndashed line: value before training%s", hover.epoch, m.name,
                        hover.value, m.help, m.log_axis ? "\n(log axis)" : "");
    ++k;
  }
  information_.draw_charts(avail.x, view_, *textures_, focus_marker());
  if (view_.config.view.loss_map) studies_.draw_loss_maps(avail.x, view_, *textures_, focus_marker());
  if (view_.config.view.width_study) studies_.draw_width_study(avail.x, view_, sender(), focus_marker());
}

void App::draw_explanation() {
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(
      "A network learns categories μ from points x. Two Fisher informations (2×2 matrices in 2-D) are compared at "
      "each x:");
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kFcatColor), "F_cat(x) = Σ_μ P(μ|x) ∇ln P(μ|x) ∇ln P(μ|x)ᵀ");
  ImGui::TextUnformatted(
      "how fast category membership changes when x moves. It is large near class boundaries. Exact for the "
      "Gaussian mixtures; for drawn points and for MNIST's learned 2-D codes it is estimated, from a class-wise "
      "kernel density estimate (KDE) of the points.");
  const bool dropout = view_.config.network.noise == NoiseModel::dropout;
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kFcodeColor), "%s",
                     dropout ? "F_code(x) = Σ_i (1/α + 2) ∇f_i ∇f_iᵀ / f_i²,  f = clean r"
                             : "F_code(x) = JᵀJ / σ²,  J = ∂r/∂x");
  ImGui::TextUnformatted(dropout ? "how fast the noisy layer r of the network changes when x moves, relative to "
                                   "its noise (Gaussian dropout r_i = f_i (1 + ξ_i), ξ_i ~ N(0, α)). Large F_code "
                                   "= neural space expanded there."
                                 : "how fast the noisy layer r of the network changes when x moves (σ = noise on "
                                   "r). Large F_code = neural space expanded there.");
  ImGui::TextUnformatted(
      "Claim: learning makes F_code follow F_cat: the network expands its representation near the category "
      "boundaries and its most sensitive direction (top eigenvector) crosses them. Watch the angle fall and the "
      "log-log correlation and contrast rise against their values before training.");
  ImGui::TextUnformatted(
      "Pictures: 2-D heat maps show the trace (or largest eigenvalue) of each field divided by its maximum in "
      "the data region (p(x) ≥ 5% of max; dimmed outside), on one shared colour bar. Ellipses: sensitivity "
      "convention, axes along the eigenvectors with half-lengths ∝ √(λ_i / λ_max of that field). "
      "Lines: decision boundaries (where the two largest posteriors are equal), white = reference, pink = network.");
  if (!dropout) ImGui::TextUnformatted("Noise σ matters: at 0.5–1 F_code follows F_cat in most presets; near 0.2 the match can fail.");
  ImGui::TextUnformatted(
      "Keyboard: with the lab focused (white frame), Space plays and pauses and the right arrow trains one epoch; the "
      "other arrows move a white ring over the controls, Space presses, Escape lets go. Tab and Shift+Tab leave the "
      "lab for the page's buttons (Copy link, Embed, PNG, ...); Escape there brings the focus back to the lab. Screen "
      "readers get the figure in words and a table of its numbers, kept current.");
  ImGui::TextDisabled("%s", kHonestNote);
  if (!offline_status_.empty()) ImGui::TextUnformatted(offline_status_.c_str());
  ImGui::TextDisabled("Links made here end in v=%d, this CatGeo's link version: a link of another version still "
                      "opens, with a notice that its numbers may differ from what its author saw.", kLinkVersion);
  ImGui::PopTextWrapPos();
}

void App::draw_about_button() {
  if (ImGui::Button("(i)")) ImGui::OpenPopup("##about-numbers");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Where the formulas and numbers come from");
  if (ImGui::BeginPopup("##about-numbers")) {
    ImGui::PushTextWrapPos(std::min(ImGui::GetIO().DisplaySize.x - 24.0f, 420.0f));
    ImGui::TextUnformatted(view_.facts.reference_exact ? "F_cat: exact (from the generative mixture)."
                                                       : "F_cat: estimated (class-wise kernel density estimate).");
    ImGui::TextUnformatted(kHonestNote);
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
  }
}

void App::draw_divergence_banner() {
  if (view_.state != RunState::diverged) return;
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(size.x * 0.5f, size.y * 0.3f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(440, 0), ImGuiCond_Always);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.35f, 0.06f, 0.06f, 0.97f));
  ImGui::Begin("Training diverged", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(view_.message.c_str());
  ImGui::TextUnformatted("Training is paused; the last good picture stays. Lower the learning rate, or reset.");
  ImGui::PopTextWrapPos();
  if (ImGui::Button("Reset (same seed)")) reset();
  ImGui::SameLine();
  if (ImGui::Button("Reset with learning rate 0.003")) {
    ScenarioConfig c = view_.config;
    c.training.learning_rate = 3e-3;
    apply_config(c);
  }
  ImGui::End();
  ImGui::PopStyleColor();
}

}  // namespace catgeo
