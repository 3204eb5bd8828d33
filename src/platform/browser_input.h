// Browser input policies on top of SDL2's Emscripten events: the wheel and a finger scroll the host page unless they
// act on the lab, touch hover and quick key taps.
#pragma once

#include <SDL.h>

#include <vector>

struct ImGuiIO;

namespace catgeo::platform {

// Replaces SDL's wheel handler (which always blocks page scrolling) with one that forwards the wheel to SDL and keeps
// it from the page only where it scrolls one of the lab's panels further (as a scrolling box inside a web page does):
// over a figure, or a panel at its end, the host page scrolls. Call after window creation.
void install_wheel_policy(SDL_Window* window);

// Touches in an iframe: SDL keeps a finger's press from the page (no scrolling); this leaves that to the canvas's CSS
// touch-action and to web/catgeo-figure.js, which keeps a finger for the lab where it acts on the figure (a class mean, a tool, the
// digit pad) and lets a swipe elsewhere scroll an embedding page. Call after window creation.
void install_touch_policy();

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
  // The browser took the finger to scroll the page (pointercancel): ImGui sees it lifted away from where it was
  // pressed, so a swipe that started on a button does not click it, and nothing follows it until the next press.
  void taken_by_page() { taken_ = true; }

 private:
  int frames_until_hide_ = -1;  // -1: no lifted finger to hide; 0: hide (until the next press or motion)
  bool pressed_this_frame_ = false;
  bool taken_ = false;
};

// Dear ImGui 1.86 reads keys as held or not once per frame: a key pressed and released between two frames (a quick tap
// while software GL draws a frame in 100+ ms) never reaches its keyboard navigation. This holds such a release back to
// the next loop tick, so that the frame drawn in between sees the key down (the shortcuts read the press itself).
class KeyTapFix {
 public:
  // Every polled event, before ImGui: true when it is a release kept for the next tick (do not pass it on now).
  bool hold_back(const SDL_Event& event);
  // At the start of a tick, before polling: the releases held back, to pass to ImGui first. Clears the list.
  std::vector<SDL_Event> take_held();

 private:
  std::vector<SDL_Scancode> pressed_this_tick_;
  std::vector<SDL_Event> held_;
};

}  // namespace catgeo::platform
