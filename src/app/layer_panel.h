// F_code at the code layers (issue 14): the picker of the layer the F_code map shows, the map's title naming it, and
// the table of the matching metrics per layer. Reads the view's copy of the run; edits go through an ApplyView.
#pragma once
#include <string>

#include "app/panel_context.h"
#include "app/run_view.h"

namespace catgeo {

// In the View options, when the network has more than one code layer (2-D maps): one radio button per layer.
void draw_layer_picker(const RunView& view, const ScenarioConfig& edited, const ApplyView& apply);
std::string fcode_map_title(const RunView& view, bool short_form);  // names the layer the F_code map shows
// Per code layer: contrast, log-log r and angle, before training and now (networks with several code layers).
void draw_layer_metrics_table(const RunView& view);

}  // namespace catgeo
