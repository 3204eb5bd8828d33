// The metric table, the metric charts against epoch and the confusion matrix (see metrics_panel.h).
#include "app/metrics_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>

#include "app/colormap.h"
#include "app/label_audit.h"
#include "app/text_fit.h"

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

void draw_metric_table(const RunView& view) {
  const int dims = view.facts.dims;
  const MetricsSnapshot& before = *view.before();
  const MetricsSnapshot& now = *view.latest();
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
}

void draw_confusion_matrix(const RunView& view) {
  const std::vector<std::vector<int>>& confusion = view.confusion;
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
      ImGui::TextColored(class_color_vec(p), "%d", view.class_number(p));
    }
    for (int t = 0; t < m; ++t) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextColored(class_color_vec(t), "%d", view.class_number(t));
      for (int p = 0; p < m; ++p) {
        ImGui::TableNextColumn();
        count_cell(confusion[t][p], t == p);
      }
    }
    ImGui::EndTable();
  }
}

void MetricChartsPanel::draw(const RunView& view, const TourStep* step, const MarkTourFocus& mark) {
  const int dims = view.facts.dims;
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
  const long measured = view.measured_rows;
  if (measured < static_cast<long>(view.history.size())) {  // the measured schedule left epochs out
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Test metrics measured at %ld of %zu epochs, to keep training fast (the loss in training at "
                        "every epoch; the last epoch always measured).",
                        measured - 1, view.history.size() - 1);  // row 0 is the state before training
    ImGui::PopTextWrapPos();
  }
  passes_.resize(std::size(kMetrics));
  int k = 0;
  for (const MetricDef& m : kMetrics) {
    if (!shown(m, dims)) continue;
    if (k % columns != 0) ImGui::SameLine(0, 6);
    const ChartHover hover = metric_chart(m.name, view.history, view.history_version, m.get, m.log_axis, size,
                                          passes_[&m - kMetrics]);
    if (step && step->claim.metric && std::string(step->claim.metric) == m.key)  // the chart the tour step names
      mark(TourFocus::claim_chart, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (hover.active)
      ImGui::SetTooltip("epoch %g: %s = %.4g\n%s\ndashed line: value before training%s", hover.epoch, m.name,
                        hover.value, m.help, m.log_axis ? "\n(log axis)" : "");
    ++k;
  }
}

}  // namespace catgeo
