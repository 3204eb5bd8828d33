// Browser input policies on top of SDL2's Emscripten events: wheel scrolling and touch hover.
#pragma once

#include <SDL.h>

struct ImGuiIO;

namespace catgeo::platform {

// Replaces SDL's wheel handler (which always blocks page scrolling) with one that forwards the wheel to
// SDL and prevents the page from scrolling only while ImGui wants the mouse. Call after window creation.
void install_wheel_policy(SDL_Window* window);

// After a finger lifts, ImGui would keep "hovering" where it was; this moves the mouse off-screen
// one frame after the lift (the lift frame still delivers the click).
class TouchHoverFix {
 public:
  void observe(const SDL_Event& event);  // every polled event
  void apply(ImGuiIO& io);               // after the backends' NewFrame, before ImGui::NewFrame

 private:
  int frames_since_lift_ = -1;  // -1: no lifted finger to hide
};

}  // namespace catgeo::platform
