// Wheel and touch policies (the host page scrolls unless the lab uses the wheel or the finger), the touch hover fix and
// the key tap fix.
#include "platform/browser_input.h"

#include <emscripten/html5.h>

#include <cfloat>

#include "imgui.h"
#include "imgui_internal.h"  // the hovered window and its scroll range

namespace catgeo::platform {
namespace {

// Same step scaling as SDL's own handler: 100 pixels, 3 lines or 1/80 page per wheel step.
float wheel_steps(double delta, unsigned long mode) {
  if (mode == DOM_DELTA_PIXEL) return static_cast<float>(delta / 100.0);
  if (mode == DOM_DELTA_LINE) return static_cast<float>(delta / 3.0);
  return static_cast<float>(delta * 80.0);
}

int step_sign(float steps) { return steps > 0.0f ? 1 : (steps < 0.0f ? -1 : 0); }

// Whether ImGui will scroll a window with this wheel step (`up`: towards the top): the window under the pointer or the
// parent it passes the wheel to, as ImGui 1.86 routes it, with room left to scroll that way.
bool wheel_scrolls_a_panel(bool up) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* window = g.HoveredWindow;
  if (!window) return false;
  while ((window->Flags & ImGuiWindowFlags_ChildWindow) &&
         (window->ScrollMax.y == 0.0f || (window->Flags & ImGuiWindowFlags_NoScrollWithMouse)))
    window = window->ParentWindow;
  if (window->Flags & (ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMouseInputs)) return false;
  return up ? window->Scroll.y > 0.0f : window->Scroll.y < window->ScrollMax.y;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* wheel, void* user_data) {
  const float steps_x = wheel_steps(wheel->deltaX, wheel->deltaMode);
  const float steps_y = -wheel_steps(wheel->deltaY, wheel->deltaMode);  // SDL: positive y = away from the user
  SDL_Event event{};
  event.type = SDL_MOUSEWHEEL;
  event.wheel.windowID = SDL_GetWindowID(static_cast<SDL_Window*>(user_data));
  event.wheel.x = step_sign(steps_x);
  event.wheel.y = step_sign(steps_y);
  event.wheel.preciseX = steps_x;
  event.wheel.preciseY = steps_y;
  event.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
  SDL_PushEvent(&event);
  return wheel_scrolls_a_panel(steps_y > 0.0f) ? EM_TRUE : EM_FALSE;  // EM_TRUE = preventDefault
}

EM_JS(int, catgeo_js_coarse_pointer, (), {
  Module.catgeoCoarsePointer = Module.catgeoCoarsePointer || window.matchMedia('(pointer: coarse)');
  return Module.catgeoCoarsePointer.matches ? 1 : 0;
});

EM_JS(int, catgeo_js_in_frame, (), { return window.self !== window.top ? 1 : 0; });

}  // namespace

bool coarse_pointer() { return catgeo_js_coarse_pointer() != 0; }

void install_wheel_policy(SDL_Window* window) {
  emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, nullptr);  // removes SDL's handler
  emscripten_set_wheel_callback("#canvas", window, EM_FALSE, on_wheel);
}

void install_touch_policy() {
  // SDL prevents the default of every touchstart while its finger events are on; the app reads touches as SDL's
  // emulated mouse, which stays. Only in a frame: the lab's own page has nothing to scroll (touch-action: none).
  if (!catgeo_js_in_frame()) return;
  SDL_EventState(SDL_FINGERDOWN, SDL_IGNORE);
  SDL_EventState(SDL_FINGERUP, SDL_IGNORE);
  SDL_EventState(SDL_FINGERMOTION, SDL_IGNORE);
}

void TouchHoverFix::observe(const SDL_Event& event) {
  if (event.type == SDL_MOUSEBUTTONDOWN) taken_ = false;  // a new press: the lab's again
  if (event.type == SDL_MOUSEBUTTONUP && event.button.which == SDL_TOUCH_MOUSEID) {
    frames_until_hide_ = pressed_this_frame_ ? 2 : 1;  // ImGui sees this release in the next frame, or in this one
  } else if (event.type == SDL_MOUSEBUTTONDOWN) {
    pressed_this_frame_ = true;
    frames_until_hide_ = -1;
  } else if (event.type == SDL_MOUSEMOTION) {
    frames_until_hide_ = -1;
  }
}

void TouchHoverFix::apply(ImGuiIO& io) {
  if (taken_) {  // released away from everything until the next press
    io.MouseDown[0] = false;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    pressed_this_frame_ = false;
    frames_until_hide_ = -1;
    return;
  }
  pressed_this_frame_ = false;
  if (frames_until_hide_ < 0) return;
  if (frames_until_hide_ == 0) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  else --frames_until_hide_;
}

bool KeyTapFix::hold_back(const SDL_Event& event) {
  if (event.type == SDL_KEYDOWN) {
    pressed_this_tick_.push_back(event.key.keysym.scancode);
  } else if (event.type == SDL_KEYUP) {
    for (const SDL_Scancode pressed : pressed_this_tick_) {
      if (pressed != event.key.keysym.scancode) continue;
      held_.push_back(event);
      return true;
    }
  }
  return false;
}

std::vector<SDL_Event> KeyTapFix::take_held() {
  pressed_this_tick_.clear();
  std::vector<SDL_Event> held;
  held.swap(held_);
  return held;
}

}  // namespace catgeo::platform
