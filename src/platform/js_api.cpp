// The C functions behind the page's window.catgeo API (web/catgeo-api.js calls them with Module.ccall); every
// export lives here. Returned strings stay valid until the next call of any catgeo_* function.
#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "app/app.h"
#include "platform/web_platform.h"

namespace {

std::string& reply() {
  static std::string text;
  return text;
}

const char* answer(std::string text) {
  reply() = std::move(text);
  return reply().c_str();
}

}  // namespace

extern "C" {

// Browser frames the loop has run since start (the page and the browser tests wait for the first few). A frame
// with nothing new to show draws nothing; catgeo_frames_drawn counts the drawn ones.
EMSCRIPTEN_KEEPALIVE int catgeo_frame_count() { return static_cast<int>(catgeo::platform::loop_ticks()); }
EMSCRIPTEN_KEEPALIVE int catgeo_frames_drawn() { return static_cast<int>(catgeo::platform::frames_drawn()); }

// Loads a share link (scenario=E5&sigma=1&...); returns {"ok","error","notices","link"}.
EMSCRIPTEN_KEEPALIVE const char* catgeo_load(const char* link) {
  catgeo::platform::request_redraw();
  return answer(catgeo::platform::app().load_link(link));
}

// Sets one share-link key on the current config and reloads (training restarts).
EMSCRIPTEN_KEEPALIVE const char* catgeo_set(const char* key, const char* value) {
  catgeo::platform::request_redraw();
  return answer(catgeo::platform::app().set_value(key, value));
}

EMSCRIPTEN_KEEPALIVE const char* catgeo_metrics(int with_history) {
  return answer(catgeo::platform::app().metrics_json(with_history != 0));
}

EMSCRIPTEN_KEEPALIVE const char* catgeo_config() { return answer(catgeo::platform::app().config_json()); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_fields() { return answer(catgeo::platform::app().fields_json()); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_perf() { return answer(catgeo::platform::app().perf_json()); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_view_rect() { return answer(catgeo::platform::app().view_rect_json()); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_state() { return catgeo::platform::app().state_name(); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_message() { return answer(catgeo::platform::app().message()); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_status_line() { return answer(catgeo::platform::app().status_line()); }

// command: "play" | "pause" | "reset" | "step" (arg = epochs).
EMSCRIPTEN_KEEPALIVE void catgeo_command(const char* command, int arg) {
  catgeo::platform::request_redraw();
  catgeo::App& app = catgeo::platform::app();
  const std::string c = command;
  if (c == "play") app.play();
  else if (c == "pause") app.pause();
  else if (c == "reset") app.reset();
  else if (c == "step") app.step_epochs(arg > 0 ? arg : 1);
}

// Trains synchronously (inside the call) for `epochs` epochs or max_seconds; returns the metrics.
EMSCRIPTEN_KEEPALIVE const char* catgeo_train_epochs(int epochs, double max_seconds) {
  catgeo::platform::request_redraw();
  return answer(catgeo::platform::app().train_epochs(epochs, max_seconds));
}

// Adds drawn points given as text "x,y,label;x,y,label;..." (labels are 0-based class indices); returns the config.
EMSCRIPTEN_KEEPALIVE const char* catgeo_add_points(const char* text) {
  catgeo::platform::request_redraw();
  std::vector<catgeo::DrawnPoint> points;
  const char* p = text;
  while (*p) {
    catgeo::DrawnPoint point;
    char* end = nullptr;
    point.x[0] = std::strtod(p, &end);
    if (end == p || *end != ',') break;
    p = end + 1;
    point.x[1] = std::strtod(p, &end);
    if (end == p || *end != ',') break;
    p = end + 1;
    point.label = static_cast<int>(std::strtol(p, &end, 10));
    if (end == p) break;
    points.push_back(point);
    p = *end == ';' ? end + 1 : end;
    if (*end != ';') break;
  }
  return answer(catgeo::platform::app().add_points(points));
}

// Display options that are not part of a share link: "grid" (64|128), "speed", "refresh_ms", "budget_ms".
EMSCRIPTEN_KEEPALIVE void catgeo_set_option(const char* name, double value) {
  catgeo::platform::request_redraw();
  catgeo::platform::app().set_option(name, value);
}

}  // extern "C"
