// The tour's named panel: its outline and the scrolling that shows it.
#include "app/tour_focus.h"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"  // the current window's title bar height

namespace catgeo {

void TourFocusMarker::mark(const TourStep* step, int step_number, TourFocus focus, ImVec2 min, ImVec2 max) {
  if (!step || step->focus != focus || max.x <= min.x || max.y <= min.y) return;
  min_ = min;
  max_ = max;
  if (focus == TourFocus::figure) return;  // the layouts keep the figure in view under its caption
  ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 2.0f, min.y - 2.0f), ImVec2(max.x + 2.0f, max.y + 2.0f),
                                      IM_COL32(255, 217, 89, 255), 3.0f, 0, 2.5f);
  // Scrolled to for the next few drawn frames of a new step, and again when it moves in its window's content (what
  // arrives later above it, such as the path's images, pushes it down); a reader's own scrolling moves nothing there.
  const float content_y = min.y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
  if (step_ != step_number || std::abs(content_y - content_y_) > 1.0f) {
    step_ = step_number;
    content_y_ = content_y;
    frames_ = kScrollFrames;
  }
  if (frames_ <= 0) return;
  --frames_;
  // Its top at the window's top (under its title bar, if any), or as much of it as fits.
  const float title = ImGui::GetCurrentWindow()->TitleBarHeight();
  const float top = min.y - ImGui::GetWindowPos().y - title - ImGui::GetStyle().WindowPadding.y;
  ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + top));
}

}  // namespace catgeo
