// What a tour step names (core/config/tour.h TourFocus): outlined where it is drawn this frame, noted for the JS API,
// and scrolled into view for the first frames of the step and again when it moves in its window's content.
#pragma once
#include "core/config/tour.h"
#include "imgui.h"

namespace catgeo {

class TourFocusMarker {
 public:
  static constexpr int kScrollFrames = 12;  // a step's charts and tabs take a few frames to take their size

  void start_frame() { min_ = max_ = ImVec2(0, 0); }
  // After drawing what step number `step_number` (`step`, null: no tour) may name: when the step names `focus`,
  // outlines [min, max] in the current window and scrolls that window to show it.
  void mark(const TourStep* step, int step_number, TourFocus focus, ImVec2 min, ImVec2 max);
  ImVec2 min() const { return min_; }  // this frame's named panel (zero size: not drawn)
  ImVec2 max() const { return max_; }

 private:
  int step_ = 0;            // the step whose named panel is being scrolled into view
  int frames_ = 0;          // frames it is still scrolled to while the layout settles (then the reader's)
  float content_y_ = -1.0f;  // its top in its window's content, when last scrolled to
  ImVec2 min_, max_;
};

}  // namespace catgeo
