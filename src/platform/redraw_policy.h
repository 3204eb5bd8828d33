// Draw on demand: the browser loop draws a frame only when something can have changed, so an idle page costs
// almost nothing (software WebGL redrawing an unchanged UI took 3-6x a bare ImGui frame).
#pragma once

namespace catgeo::platform {

class RedrawPolicy {
 public:
  // Something changed (input, a resize, a JS API call): draw the next few frames, so ImGui settles
  // (hover states and auto-sized windows need a frame or two after the change).
  void request() { settle_frames_ = kSettleFrames; }
  // Whether this tick draws. Draws while the app animates, during settle frames, and at least once a second; a canvas
  // out of view (an embed scrolled away) draws its first frame and then nothing until it is back.
  bool should_draw(bool app_animating, bool on_screen, double now_ms);

 private:
  static constexpr int kSettleFrames = 4;
  static constexpr double kHeartbeatMs = 1000.0;
  int settle_frames_ = kSettleFrames;
  double last_draw_ms_ = -1e300;
};

}  // namespace catgeo::platform
