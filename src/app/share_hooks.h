// Share and export hand-over between the app (ImGui buttons, lab state) and the platform (browser glue); no SDL, no
// Emscripten, no GL here. The app queues requests; the platform takes them once per frame after rendering.
#pragma once
#include <string>

#include "app/run_view.h"

namespace catgeo {

// open_table opens the page's table box (web/catgeo-table.js): a text field of the page, not of ImGui, so that
// phone keyboards and pasting work.
enum class ShareAction {
  copy_link,
  embed_snippet,
  export_png,
  export_csv,
  export_history_json,
  export_config_json,
  export_table_csv,
  open_table,
};
// "copy_link", "embed", "png", "csv", "history", "config", "table", "open_table"
const char* to_string(ShareAction action);

// App side: queue an action (e.g. from an ImGui button). The browser runs it from the next frame's end, still inside
// the transient user activation of the click, so the clipboard and downloads are allowed.
void request_share_action(ShareAction action);
// Platform side: takes the oldest queued action; false when none is left.
bool take_share_action(ShareAction& out);

// A row of small ImGui buttons (Copy link, Embed, PNG, CSV, History, Config) that queue the actions above.
// Call inside an ImGui window, e.g. in the "Share link" section of the controls.
void draw_share_buttons();

// Export texts of the run the view shows (see core/formats/field_export.h for the formats). Empty when there is nothing
// to export yet (no run, or no display fields); `why` then says so.
std::string export_fields_csv(const RunView& view, std::string* why = nullptr);
std::string export_history_json(const RunView& view, std::string* why = nullptr);
std::string export_config_json(const RunView& view);
// The run's points as a table in their own coordinates (core/data/table_csv.h); empty unless the data are points.
std::string export_table_csv(const RunView& view, std::string* why = nullptr);

}  // namespace catgeo
