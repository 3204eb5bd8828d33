// The 1-D cut through the 2-D view (issue 11): the tool that drags a segment A→B on a map, the segment on the maps and
// the plot along it. Its own state: whether the tool is on, the segment being dragged, where its button is.
#pragma once
#include "app/panel_context.h"
#include "app/plot_frame.h"
#include "app/run_view.h"
#include "imgui.h"

namespace catgeo {

class CutTool {
 public:
  void start_frame();  // nothing of the last frame's places stays
  bool on() const { return on_; }  // dragging on a map draws a cut instead of editing the data
  // "1-D cut" (the tool on or off) and, when the view has a cut, "Clear cut". `edited`: the view options as edited;
  // `drawing_points`: what the maps' input goes back to (drawing points, or dragging the class means).
  void draw_button(const RunView& view, const ViewConfig& edited, bool drawing_points, const ApplyView& apply);
  // The maps' input while the tool is on: a drag on map `map` previews its cut and commits it (link key cut) on
  // release. False when the tool is off (the input is the data's).
  bool handle_input(const PlotFrame& frame, int map, const ViewConfig& edited, const ApplyView& apply,
                    const SendCommand& send);
  void draw_segment(const PlotFrame& frame, const RunView& view) const;  // the committed or dragged A→B
  // A cut is shown or dragged (2-D maps only).
  bool plot_wanted(const RunView& view, int dims) const { return dims == 2 && (view.cut.active || drag_map_ >= 0); }
  float plot_height() const;
  // The posteriors, F_cat and F_code along the cut, and where it crosses the boundaries; `measure` as edited.
  void draw_plot(float width, const RunView& view, FieldMeasure measure);
  // The plot found room by the maps this frame (else the read-outs show it).
  void set_plot_drawn() { plot_drawn_ = true; }
  bool plot_drawn() const { return plot_drawn_; }
  ImVec2 button_min() const { return button_min_; }  // zero size: not drawn this frame
  ImVec2 button_max() const { return button_max_; }

 private:
  void commit(const CutSegment& segment, const ViewConfig& edited, const ApplyView& apply);  // NaN ends: no cut
  void request(const CutSegment& segment, const SendCommand& send);  // a preview while it is dragged

  bool on_ = false;
  CutSegment drag_;         // the segment being dragged
  int drag_map_ = -1;       // the map it is dragged on (-1: none)
  double sent_time_ = -1e9;  // ImGui time of the latest cut command
  bool plot_drawn_ = false;
  ImVec2 button_min_, button_max_;
};

}  // namespace catgeo
