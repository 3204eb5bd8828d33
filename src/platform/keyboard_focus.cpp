// Keyboard focus between the canvas and the page: Tab leaves the canvas, and a blur releases the keys SDL holds.
#include "platform/keyboard_focus.h"

#include <SDL.h>
#include <emscripten/html5.h>

namespace catgeo::platform {
namespace {

// A capture listener on the window runs before SDL's own (on #canvas) and stops the event there without cancelling
// it: the browser then does what it does on any page (moves the focus, reloads with F5, ...).
EM_JS(void, pass_page_keys_to_browser, (), {
  var canvas = Module["canvas"];
  var pass = function(event) {
    if (event.target !== canvas || event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.key === "Tab" || /^F([1-9]|1[0-2])$/.test(event.key)) event.stopImmediatePropagation();
  };
  window.addEventListener("keydown", pass, true);
  window.addEventListener("keyup", pass, true);
});

EM_BOOL on_canvas_blur(int, const EmscriptenFocusEvent*, void*) {
  SDL_ResetKeyboard();  // key-up events for every key held, so ImGui and the shortcuts see them released
  return EM_FALSE;
}

}  // namespace

void install_keyboard_focus_policy() {
  pass_page_keys_to_browser();
  emscripten_set_blur_callback("#canvas", nullptr, EM_FALSE, on_canvas_blur);
}

}  // namespace catgeo::platform
