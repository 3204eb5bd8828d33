// The MNIST digit path: pick two digit classes, the engine morphs a test digit of one into one of the other in pixel
// space; the pickers, the path's images, its chart and its trajectory over the maps. Reads the view's copy of the run
// and the edited view options; no state of its own, so a frame makes one where it draws.
#pragma once
#include "app/panel_context.h"
#include "app/plot_frame.h"
#include "app/run_view.h"

namespace catgeo {

// The view options with a digit path asked (link key path; from_digit < 0: none), for the engine to compute.
ViewConfig with_digit_path(const ViewConfig& edited, int from_digit, int to_digit, int pair);

class DigitPathPanel {
 public:
  DigitPathPanel(const RunView& view, const ViewConfig& edited) : view_(view), edited_(edited) {}
  bool shown() const;  // a path is asked and its answer arrived (MNIST)
  // The pickers, the images along the path and its chart (P(digit|x), F_code, the distance between steps' codes).
  void draw_controls(const ApplyView& apply, const MarkTourFocus& mark) const;
  void draw_on_map(const PlotFrame& frame) const;  // the path's codes as a line of dots

 private:
  void draw_chart(float width, const MarkTourFocus& mark) const;

  const RunView& view_;
  const ViewConfig& edited_;
};

}  // namespace catgeo
