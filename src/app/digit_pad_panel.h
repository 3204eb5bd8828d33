// Draw your own digit (MNIST): the 28x28 pad drawn with the mouse or a finger, sent to the engine while drawing; the
// panel beside it (Clear, the network's digit and posterior, what it reads, the nearest training digits) and the
// drawing's code with F_code's ellipse on the maps. Its own state; the run it reads is the view's copy.
#pragma once
#include <cstdint>
#include <vector>

#include "app/field_images.h"
#include "app/panel_context.h"
#include "app/plot_frame.h"
#include "app/run_view.h"
#include "core/run/digit_pad.h"
#include "engine/protocol.h"
#include "imgui.h"

namespace catgeo {

class DigitPadPanel {
 public:
  // Where the pad was drawn in the latest frame (zero size: not drawn), for the pointer and the layout report.
  struct Places {
    ImVec2 pad_min, pad_max;
    ImVec2 clear_min, clear_max;  // its Clear button
    bool visible = false;         // all of the pad inside its window's visible part
    ImVec2 panel_min, panel_max;  // that visible part
  };

  // Puts a drawing on the pad (kPadPixels values in [0, 1], row-major, ink 1; empty: clear) and sends it.
  std::uint32_t put(const std::vector<float>& pixels, const SendCommand& send);
  int inked() const;  // pad pixels with ink
  // The engine's reading of the pad's current drawing arrived (one sent 100 ms later may still be on its way).
  bool reading_shown(const RunView& view) const;
  void start_frame() { places_ = Places(); }
  // The pad, Clear, the posterior, what the network sees, the nearest digits; `portrait`: a phone's sheet.
  void draw(const RunView& view, const FieldImages& images, bool portrait, const SendCommand& send);
  // The drawing's code and F_code's ellipse there, on a 2-D map.
  void draw_on_map(const PlotFrame& frame, const RunView& view, const FieldImages& images) const;
  const Places& places() const { return places_; }

 private:
  void draw_reading(const RunView& view, const FieldImages& images) const;  // what it reads, under the pad

  std::vector<float> pixels_ = std::vector<float>(kPadPixels, 0.0f);  // (28 x 28) row-major, ink 1
  bool stroke_ = false;         // the pad is held
  ImVec2 last_;                 // the stroke's latest point (pad pixels)
  bool unsent_ = false;         // inked since the latest drawing sent
  bool blank_ = true;           // the latest drawing sent has no ink
  double sent_time_ = -1e9;     // ImGui time of the latest drawing sent
  std::uint32_t command_ = 0;   // its digit_pad command
  Places places_;
};

}  // namespace catgeo
