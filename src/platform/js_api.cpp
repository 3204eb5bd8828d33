// The C functions behind the page's window.catgeo API, called with Module.ccall / cwrap; every export lives here.
#include <emscripten/emscripten.h>

#include "platform/web_platform.h"

extern "C" {

// Frames drawn since start (the page and the browser tests wait for the first few).
EMSCRIPTEN_KEEPALIVE int catgeo_frame_count() {
  return static_cast<int>(catgeo::platform::frames_drawn());
}

}  // extern "C"
