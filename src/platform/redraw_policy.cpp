// Draw-on-demand decision for one browser frame tick.
#include "platform/redraw_policy.h"

namespace catgeo::platform {

bool RedrawPolicy::should_draw(bool app_animating, bool on_screen, double now_ms) {
  if (!on_screen && last_draw_ms_ > -1e300) return false;
  const bool draw = app_animating || settle_frames_ > 0 || now_ms - last_draw_ms_ >= kHeartbeatMs;
  if (!draw) return false;
  if (settle_frames_ > 0) --settle_frames_;
  last_draw_ms_ = now_ms;
  return true;
}

}  // namespace catgeo::platform
