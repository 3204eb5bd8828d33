// Which arrangement of the panels suits a canvas, by its size in CSS px: a phone or portrait tablet gets the figure
// full width on top and a tabbed sheet below, a laptop three columns, a projector the same with larger type, an
// iframe without side panels the figure and a play bar, a lecture on a landscape screen the figure as a slide over a
// one-row control bar. Pure geometry (no ImGui state), tested natively.
#pragma once
#include "imgui.h"

namespace catgeo {

enum class ScreenKind { portrait, columns, compact, stage };
const char* to_string(ScreenKind kind);  // "portrait", "columns", "compact", "stage"

struct PanelBox {
  ImVec2 pos, size;
  bool shown() const { return size.x > 0 && size.y > 0; }
};

struct ScreenLayout {
  ScreenKind kind = ScreenKind::columns;
  float font_scale = 1.0f;
  PanelBox view;      // the figure
  PanelBox charts;    // columns: metrics under the figure
  PanelBox controls;  // columns: left column
  PanelBox readouts;  // columns: right column
  PanelBox sheet;     // portrait: run buttons and tabs (Controls, Metrics, Read-outs, About) below the figure
  PanelBox bar;       // compact, stage: the one-row play bar under the figure
  // compact: a frame too small for the caption (an article's figure on a phone): the maps, one at a time if two would
  // be small, and the step's title; the caption lives in the host page.
  bool figure_only = false;
};

struct ScreenRequest {
  ImVec2 display;            // canvas size, CSS px
  bool side_panels = true;   // false: compact (embed)
  bool run_controls = true;  // compact: whether the play bar shows
  bool lecture = false;      // larger type
  bool sheet_expanded = false;  // portrait: the sheet covers most of the figure
  float figure_header = 0.0f;   // portrait: CSS px the figure shows above its maps (a tour step's caption)
  float sheet_min = 0.0f;       // portrait: CSS px the sheet needs at least (a tour step's chart in a tab)
  float bar_height = 0.0f;   // compact, stage: the play bar's height at font scale 1 (one row and padding)
};

ScreenLayout choose_screen_layout(const ScreenRequest& request);

// Portrait: the figure's height for a canvas `width` wide, `height` tall: what its maps need (two side by side, or
// one at a time when those would be under kPortraitMinMapSize) plus `header` above them, within 40-70% of the height
// (80% with a header: a tour step's caption must not squeeze its map).
float portrait_figure_height(float width, float height, float header = 0.0f);

// How the figure's two maps are arranged in an area: side by side or one above the other, whichever gives the larger
// maps; when neither gives maps of at least `min_size` (a phone), one map at a time, as large as the area allows (if
// that is clearly larger: a short wide frame keeps both).
// `chrome` is the space one map needs besides its square (title, margins, colour bar, legend).
struct MapArrangement {
  bool stacked = false;
  bool one_at_a_time = false;
  float map_size = 0.0f;  // side of each square map
};
struct MapChrome {
  // CSS px at 13 px type: the title line above each map, the margin left of it (y tick labels), the colour bar and its
  // labels, the legend under the maps, and the band under each map for its x tick labels.
  float title = 18.0f, margin = 34.0f, color_bar = 70.0f, legend = 46.0f, ticks = 22.0f;
  static MapChrome for_type_size(float font_px);  // the same, scaled to the type size
};
constexpr float kPortraitMinMapSize = 200.0f;  // CSS px: smaller maps are shown one at a time in portrait
MapArrangement arrange_maps(ImVec2 area, int maps, const MapChrome& chrome, float min_size = 0.0f);

}  // namespace catgeo
