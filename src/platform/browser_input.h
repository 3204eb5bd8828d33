// Browser input policies on top of SDL2's Emscripten events: wheel scrolling and touch hover.
#pragma once

#include <SDL.h>

struct ImGuiIO;

namespace catgeo::platform {

// Replaces SDL's wheel handler (which always blocks page scrolling) with one that forwards the wheel to
// SDL and prevents the page from scrolling only while ImGui wants the mouse. Call after window creation.
void install_wheel_policy(SDL_Window* window);

// Whether the page's main pointer is a finger (CSS `pointer: coarse`): touch devices get 44 px controls.
bool coarse_pointer();

// After a finger lifts, ImGui would keep "hovering" where it was; this moves the mouse off-screen once ImGui has seen
// the release where the finger was. A quick tap (press and release polled in the same frame) is seen by ImGui as
// pressed in that frame and released in the next one (the SDL backend holds a press for one frame), so the mouse
// stays one frame longer: moving it away in the release frame made every quick tap miss its button.
class TouchHoverFix {
 public:
  void observe(const SDL_Event& event);  // every polled event
  void apply(ImGuiIO& io);               // after the backends' NewFrame, before ImGui::NewFrame

 private:
  int frames_until_hide_ = -1;  // -1: no lifted finger to hide; 0: hide (until the next press or motion)
  bool pressed_this_frame_ = false;
};

}  // namespace catgeo::platform
