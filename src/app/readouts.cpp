// Readouts: the run's read-out column (the metric table, the confusion matrix and the panels below them), the charts'
// column, the explanation, the (i) button and the divergence banner.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/colormap.h"
#include "core/link/share_link.h"

namespace catgeo {

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
  const MetricsSnapshot& now = *view_.latest();
  draw_metric_table(view_);
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
  if (ImGui::CollapsingHeader("Confusion matrix (test set)", ImGuiTreeNodeFlags_DefaultOpen))
    draw_confusion_matrix(view_);
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
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  metric_charts_.draw(view_, tour_step(), focus_marker());
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
