// Share/export request queue, the ImGui share buttons and the export texts of the lab (see share_hooks.h).
#include "app/share_hooks.h"

#include <deque>

#include "core/formats/field_export.h"
#include "core/formats/run_report.h"
#include "core/data/table_csv.h"
#include "imgui.h"

namespace catgeo {
namespace {

std::deque<ShareAction>& queue() {
  static std::deque<ShareAction> pending;
  return pending;
}

}  // namespace

const char* to_string(ShareAction action) {
  switch (action) {
    case ShareAction::copy_link: return "copy_link";
    case ShareAction::embed_snippet: return "embed";
    case ShareAction::export_png: return "png";
    case ShareAction::export_csv: return "csv";
    case ShareAction::export_history_json: return "history";
    case ShareAction::export_config_json: return "config";
    case ShareAction::export_table_csv: return "table";
    case ShareAction::open_table: return "open_table";
  }
  return "none";
}

void request_share_action(ShareAction action) {
  if (queue().size() < 8) queue().push_back(action);  // a held-down key cannot pile up downloads
}

bool take_share_action(ShareAction& out) {
  if (queue().empty()) return false;
  out = queue().front();
  queue().pop_front();
  return true;
}

namespace {

// One export button on the current line, with its tooltip.
void export_button(const char* label, ShareAction action, const char* tooltip) {
  ImGui::SameLine();
  if (ImGui::SmallButton(label)) request_share_action(action);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
}

}  // namespace

void draw_share_buttons() {
  if (ImGui::SmallButton("Copy link")) request_share_action(ShareAction::copy_link);
  ImGui::SameLine();
  if (ImGui::SmallButton("Embed")) request_share_action(ShareAction::embed_snippet);
  ImGui::TextUnformatted("Export:");
  export_button("PNG", ShareAction::export_png, "Picture of the page as drawn now");
  export_button("CSV", ShareAction::export_csv, "Grid fields: x, posteriors, F_cat, network posterior, F_code");
  export_button("History", ShareAction::export_history_json, "Metric history as JSON");
  export_button("Config", ShareAction::export_config_json, "Full configuration as JSON");
}

std::string export_fields_csv(const RunView& view, std::string* why) {
  if (!view.fields_valid()) {
    if (why) *why = view.has_run() ? "the fields are not computed yet" : "there is no run: " + view.status;
    return {};
  }
  return fields_to_csv(view.fields);
}

std::string export_history_json(const RunView& view, std::string* why) {
  if (!view.has_run() || view.history.empty()) {
    if (why) *why = "there is no run: " + view.status;
    return {};
  }
  return to_json(run_summary(view.report_facts(), view.history, true));
}

std::string export_config_json(const RunView& view) { return config_to_json(view.config); }

std::string export_table_csv(const RunView& view, std::string* why) {
  if (view.config.data != DataKind::drawn_points || view.config.points.empty()) {
    if (why) *why = "the run's data are not points (drawn, or from a table)";
    return {};
  }
  return table_csv(view.config);
}

}  // namespace catgeo
