// The decoder check on the F_code map (issue 14): the covariance ellipses of the decoded x-hat beside those of
// J^T J / sigma^2, their legend and the note on how well they agree. Reads the view's copy of the run; no state of its
// own, so a frame makes one where it draws the maps.
#pragma once
#include "app/flow_layout.h"
#include "app/plot_frame.h"
#include "app/run_view.h"

namespace catgeo {

class DecoderOverlay {
 public:
  // `edited`: the configuration as edited; `map_grid`: the 2-D maps' grid (its spacing sets the ellipses' scale).
  DecoderOverlay(const RunView& view, const ScenarioConfig& edited, const GridSpec& map_grid)
      : view_(view), edited_(edited), map_grid_(map_grid) {}
  bool shown() const;  // the decoder option is on and its result arrived (2-D maps)
  void draw_ellipses(const PlotFrame& frame) const;
  void draw_legend(FlowingLegend& legend) const;
  void draw_note() const;  // the median relative trace error, the scale, the capped ellipses

 private:
  double cell() const;  // the coarse grid's spacing (data units)

  const RunView& view_;
  const ScenarioConfig& edited_;
  const GridSpec& map_grid_;
};

}  // namespace catgeo
