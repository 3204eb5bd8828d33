// The layer picker: which code layer's F_code (J_l^T J_l / sigma^2, core/analysis/layer_fisher.h) the F_code map shows,
// and the map's title naming it.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/layer_panel.h"

#include "app/flow_layout.h"
#include "app/label_audit.h"
#include "app/text_fit.h"

namespace catgeo {
namespace {

// The hidden layers l with projection < l <= r of a configuration (as core/analysis/layer_fisher.h code_layers), and r.
std::vector<int> configured_code_layers(const NetworkConfig& network, int* representation) {
  const int count = static_cast<int>(network.hidden.size());
  const int rep = network.representation_layer < 0 ? count - 1 : network.representation_layer;
  if (representation) *representation = rep;
  std::vector<int> layers;
  for (int l = network.projection_layer + 1; l <= rep && l < count; ++l) layers.push_back(l);
  return layers;
}

std::string layer_label(const NetworkConfig& network, int layer, bool is_r) {
  char text[64];
  const LayerSpec& h = network.hidden[layer];
  std::snprintf(text, sizeof text, "%d%s (%d %s)", layer + 1, is_r ? " = r" : "", h.width, to_string(h.activation));
  return text;
}

}  // namespace

void draw_layer_picker(const RunView& view, const ScenarioConfig& edited, const ApplyView& apply) {
  const NetworkConfig& network = view.config.network;
  int rep = 0;
  const std::vector<int> layers = configured_code_layers(network, &rep);
  if (layers.size() < 2 || !view.has_run() || edited.grid.dims != 2) return;
  int chosen = rep;
  for (int l : layers)
    if (l == edited.view.layer) chosen = l;
  ImGui::TextUnformatted("F_code at layer:");
  for (int l : layers) {
    const std::string label = layer_label(network, l, l == rep);
    same_line_or_wrap(toggle_width(label.c_str()));
    if (ImGui::RadioButton(label.c_str(), chosen == l) && chosen != l) {
      ViewConfig changed = edited.view;
      changed.layer = l == rep ? -1 : l;
      apply(changed);
    }
  }
}

void draw_layer_metrics_table(const RunView& view) {
  if (view.layer_metrics.empty()) return;
  const LayerMetricsRow& now = view.layer_metrics.back();
  const LayerMetricsRow* before = view.layer_metrics.front().epoch == 0 ? &view.layer_metrics.front() : nullptr;
  const bool two_d = view.facts.dims == 2;
  ImGui::TextDisabled("F_code per layer (epoch %d; JᵀJ/σ² with σ of r):", now.epoch);
  if (!ImGui::BeginTable("layers", 3,
                         ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp))
    return;
  ImGui::TableSetupColumn("layer", ImGuiTableColumnFlags_WidthStretch, 2.2f);
  ImGui::TableSetupColumn("before", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("now", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableHeadersRow();
  struct Column {
    const char* name;
    double (*get)(const MatchMetrics&);
  };
  const Column columns[] = {{"contrast", [](const MatchMetrics& m) { return m.contrast; }},
                            {"log-log r", [](const MatchMetrics& m) { return m.loglog_r; }},
                            {"angle, deg", [](const MatchMetrics& m) { return m.angle_deg_weighted; }}};
  for (std::size_t i = 0; i < now.layers.size(); ++i) {
    const LayerMatch& layer = now.layers[i];
    const LayerMatch* was = before && i < before->layers.size() ? &before->layers[i] : nullptr;
    for (const Column& c : columns) {
      if (!two_d && c.name[0] == 'a') continue;  // the angle is 2-D only
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      char label[48];
      std::snprintf(label, sizeof label, "layer %d%s %s", layer.index + 1, i + 1 == now.layers.size() ? " = r" : "",
                    c.name);
      const std::string name = fit_words(label, ImGui::GetContentRegionAvail().x);
      note_fitted_text(name.c_str(), ImGui::GetContentRegionAvail().x);
      ImGui::TextUnformatted(name.c_str());
      ImGui::TableNextColumn();
      const double b = was ? c.get(was->match) : NAN, v = c.get(layer.match);
      if (std::isfinite(b))
        ImGui::TextDisabled("%.3g", b);
      else
        ImGui::TextDisabled("-");
      ImGui::TableNextColumn();
      if (std::isfinite(v))
        ImGui::Text("%.3g", v);
      else
        ImGui::TextUnformatted("-");
    }
  }
  ImGui::EndTable();
}

std::string fcode_map_title(const RunView& view, bool short_form) {
  const NetworkConfig& network = view.config.network;
  const int layer = view.fields_layer;
  if (layer >= 0 && layer < static_cast<int>(network.hidden.size())) {
    const LayerSpec& h = network.hidden[layer];
    char text[96];
    if (short_form)
      std::snprintf(text, sizeof text, "F_code, layer %d", layer + 1);
    else
      std::snprintf(text, sizeof text, "F_code at layer %d (%d %s), JᵀJ/σ² with σ of r", layer + 1, h.width,
                    to_string(h.activation));
    return text;
  }
  if (network.noise == NoiseModel::dropout)
    return short_form ? "F_code (dropout)" : "F_code = Σ (1/α + 2) ∇f ∇fᵀ / f² (dropout)";
  return short_form ? "F_code (network)" : "F_code = JᵀJ / σ² (network)";
}

}  // namespace catgeo
