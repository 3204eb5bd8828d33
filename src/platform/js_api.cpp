// The C functions behind the page's window.catgeo API (web/catgeo-api.js calls them with Module.ccall); every
// export lives here. Commands return their id; the page waits until Module.onCatgeoSnapshot reports it completed.
// Returned strings stay valid until the next call of any catgeo_* function.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/run_json.h"
#include "core/base/json.h"
#include "core/config/parameters.h"
#include "core/link/share_link.h"
#include "platform/frame_cost.h"
#include "platform/imgui_renderer.h"
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

catgeo::App& app() { return catgeo::platform::app(); }

unsigned sent(unsigned id) {
  catgeo::platform::request_redraw();
  return id;
}

}  // namespace

extern "C" {

// Browser frames the loop has run since start (the page and the browser tests wait for the first few). A frame
// with nothing new to show draws nothing; catgeo_frames_drawn counts the drawn ones.
EMSCRIPTEN_KEEPALIVE int catgeo_frame_count() { return static_cast<int>(catgeo::platform::loop_ticks()); }
EMSCRIPTEN_KEEPALIVE int catgeo_frames_drawn() { return static_cast<int>(catgeo::platform::frames_drawn()); }
// The last drawn frame's vertices, indices, draw calls and main-thread milliseconds (JSON; scripts/bench reads it).
EMSCRIPTEN_KEEPALIVE const char* catgeo_frame_cost() { return answer(catgeo::platform::last_frame_cost().json()); }
// The partial redraw checked against a full one (tests): the next `frames` drawn frames are checked (0: none more);
// the JSON counts the frames checked so far, those that redrew part of the picture, and the pixels that differed.
EMSCRIPTEN_KEEPALIVE const char* catgeo_redraw_audit(int frames) {
  catgeo::platform::ImGuiRenderer& renderer = catgeo::platform::renderer();
  if (frames > 0) {
    renderer.audit_renders(frames);
    catgeo::platform::request_redraw();
  }
  const auto& audit = renderer.audit();
  catgeo::JsonValue out = catgeo::JsonValue::object();
  out.set("renders", catgeo::JsonValue::number(audit.renders));
  out.set("redrawn_renders", catgeo::JsonValue::number(audit.redrawn_renders));
  out.set("differing_pixels", catgeo::JsonValue::number(static_cast<double>(audit.differing_pixels)));
  return answer(catgeo::to_json(out));
}

// ---- commands (each returns its id) ----
// Links arrive as UTF-8 bytes with their length, not as C strings: a NUL byte in a link must reach the codec (which
// names it in a notice) instead of silently cutting the link short.
EMSCRIPTEN_KEEPALIVE unsigned catgeo_load(const char* link, int size) {
  return sent(app().load_link(size > 0 ? std::string(link, static_cast<std::size_t>(size)) : std::string()));
}
// A table of labelled points (CSV or TSV text, UTF-8 bytes with their length): a good one becomes the run.
EMSCRIPTEN_KEEPALIVE unsigned catgeo_load_table(const char* text, int size) {
  return sent(app().load_table(size > 0 ? std::string(text, static_cast<std::size_t>(size)) : std::string()));
}
// One share-link key on the current config (value link-encoded, so it holds no NUL); the run restarts.
EMSCRIPTEN_KEEPALIVE unsigned catgeo_set(const char* key, const char* value) { return sent(app().set_value(key, value)); }
// command: "play" | "pause" | "reset".
EMSCRIPTEN_KEEPALIVE unsigned catgeo_command(const char* command) {
  const std::string c = command;
  if (c == "play") return sent(app().play());
  if (c == "pause") return sent(app().pause());
  if (c == "reset") return sent(app().reset());
  return 0;
}
EMSCRIPTEN_KEEPALIVE unsigned catgeo_train_epochs(int epochs, double max_seconds) {
  return sent(app().train_epochs(epochs, max_seconds));
}
EMSCRIPTEN_KEEPALIVE unsigned catgeo_train_for(double seconds) { return sent(app().train_for(seconds)); }
// Drawn points as text "x,y,label;x,y,label;..." (labels are 0-based class indices).
EMSCRIPTEN_KEEPALIVE unsigned catgeo_add_points(const char* text) {
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
  return sent(app().add_points(points));
}
// Display options outside the share link: "grid" (points per axis), "refresh_ms", "tool", "draw_class".
EMSCRIPTEN_KEEPALIVE unsigned catgeo_set_option(const char* name, double value) {
  return sent(app().set_option(name, value));
}

// The digit pad's drawing: `count` floats as bytes (kPadPixels values in [0, 1], row-major, ink 1; 0: clear the pad).
EMSCRIPTEN_KEEPALIVE unsigned catgeo_draw_digit(const std::uint8_t* bytes, int count) {
  std::vector<float> pixels(static_cast<std::size_t>(std::max(0, count)));
  if (!pixels.empty()) std::memcpy(pixels.data(), bytes, sizeof(float) * pixels.size());  // the bytes may be unaligned
  return sent(app().draw_digit(pixels));
}

// The About panel's offline line, from web/catgeo-offline.js (the service worker's state in words).
EMSCRIPTEN_KEEPALIVE void catgeo_set_offline_status(const char* line) {
  app().set_offline_status(line ? line : "");
  catgeo::platform::request_redraw();
}
EMSCRIPTEN_KEEPALIVE unsigned catgeo_tour_step(int step) { return sent(app().go_to_tour_step(step)); }
// Takes the engine's snapshots now, as they arrive (web/catgeo-loader.js calls it from the worker's message event),
// so that command Promises resolve without waiting for the next frame to start.
EMSCRIPTEN_KEEPALIVE void catgeo_take_snapshots() { catgeo::platform::take_snapshots(); }

// A finger pressed at (x, y), CSS px of the canvas: 1 when it acts on the figure (a class mean, an active tool, the
// digit pad) and must be kept from the page's scrolling (web/catgeo-figure.js).
EMSCRIPTEN_KEEPALIVE int catgeo_figure_wants_touch(double x, double y) {
  return app().figure_wants_pointer_at(static_cast<float>(x), static_cast<float>(y)) ? 1 : 0;
}
// The browser took the finger to scroll the page (pointercancel): the press ends without a click.
EMSCRIPTEN_KEEPALIVE void catgeo_touch_taken_by_page() {
  catgeo::platform::touch_taken_by_page();
  catgeo::platform::request_redraw();
}

// ---- what the canvas shows ----
EMSCRIPTEN_KEEPALIVE unsigned catgeo_completed() { return app().view().completed; }
EMSCRIPTEN_KEEPALIVE unsigned catgeo_last_sent() { return app().last_sent(); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_load_result() { return answer(catgeo::load_result_json(app().view())); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_metrics(int with_history) {
  return answer(catgeo::metrics_json(app().view(), with_history != 0));
}
EMSCRIPTEN_KEEPALIVE const char* catgeo_config() { return answer(catgeo::config_json(app().view())); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_fields() { return answer(catgeo::fields_json(app().view())); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_perf() { return answer(app().perf_json()); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_view_rect() { return answer(app().view_rect_json()); }
// What a table of points may hold (the parameter table's limits), for the page's table box: {classes: [min, max],
// points_max, label_bytes}.
EMSCRIPTEN_KEEPALIVE const char* catgeo_table_format() {
  using catgeo::JsonValue;
  JsonValue classes = JsonValue::array();
  classes.push_back(JsonValue::number(catgeo::parameter("table.classes").min));
  classes.push_back(JsonValue::number(catgeo::parameter("table.classes").max));
  JsonValue out = JsonValue::object();
  out.set("classes", std::move(classes));
  out.set("points_max", JsonValue::number(catgeo::parameter("table.points").max));
  out.set("label_bytes", JsonValue::number(catgeo::parameter("table.label").max));
  return answer(catgeo::to_json(out));
}
// The largest inputs the page's API takes (web/catgeo-api.js refuses larger ones before they cross to the module):
// link and table bytes, points per addPoints call.
EMSCRIPTEN_KEEPALIVE const char* catgeo_input_limits() {
  using catgeo::JsonValue;
  JsonValue out = JsonValue::object();
  out.set("link_bytes", JsonValue::number(catgeo::parameter("input.link").max));
  out.set("table_bytes", JsonValue::number(catgeo::parameter("input.table").max));
  out.set("points", JsonValue::number(catgeo::parameter("pts.count").max));
  return answer(catgeo::to_json(out));
}
// Every key of the share-link grammar (core/link/share_link.h), in link order, with what the parameter table says of
// it: [{key, label, help, kind ("number" | "whole" | "seed" | "choice" | "text"), min, max, choices}] (min and max for
// numbers and whole numbers, choices for choices and flags; "text" for structured values such as mix or layers).
EMSCRIPTEN_KEEPALIVE const char* catgeo_link_keys() {
  using catgeo::JsonValue;
  using catgeo::ParameterKind;
  JsonValue keys = JsonValue::array();
  for (const std::string& key : catgeo::link_keys()) {
    JsonValue entry = JsonValue::object();
    entry.set("key", JsonValue::string(key));
    const catgeo::ParameterSpec* spec = catgeo::find_parameter(key);
    // layers=64t-128s is text; the table's entry for it counts the layers.
    const ParameterKind kind = spec && key != "layers" ? spec->kind : ParameterKind::part;
    const bool number = kind == ParameterKind::real || kind == ParameterKind::integer;
    const bool choice = kind == ParameterKind::choice || kind == ParameterKind::flag;
    entry.set("kind", JsonValue::string(kind == ParameterKind::real      ? "number"
                                        : kind == ParameterKind::integer ? "whole"
                                        : kind == ParameterKind::seed    ? "seed"
                                        : choice                         ? "choice"
                                                                         : "text"));
    if (spec) {
      entry.set("label", JsonValue::string(spec->label));
      entry.set("help", JsonValue::string(spec->help));
    }
    if (number) {
      entry.set("min", JsonValue::number(spec->min));
      entry.set("max", JsonValue::number(spec->max));
    }
    if (choice) {
      JsonValue words = JsonValue::array();
      for (const std::string& word : catgeo::choice_words(*spec)) words.push_back(JsonValue::string(word));
      entry.set("choices", std::move(words));
    }
    keys.push_back(std::move(entry));
  }
  return answer(catgeo::to_json(keys));
}
// The link version of this CatGeo (core/link/share_link.h): links it writes end in v= this number.
EMSCRIPTEN_KEEPALIVE int catgeo_link_version() { return catgeo::kLinkVersion; }
EMSCRIPTEN_KEEPALIVE const char* catgeo_layout_report() { return answer(app().layout_report_json()); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_cut() { return answer(catgeo::cut_json(app().view(), app().shown_measure())); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_digit_path() {
  return answer(catgeo::digit_path_json(app().view(), app().path_shown()));
}
EMSCRIPTEN_KEEPALIVE const char* catgeo_drawn_digit() {
  return answer(catgeo::drawn_digit_json(app().view(), app().pad_inked()));
}
EMSCRIPTEN_KEEPALIVE const char* catgeo_loss_maps() { return answer(catgeo::loss_maps_json(app().view())); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_width_study() { return answer(catgeo::width_study_json(app().view())); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_tour() { return answer(app().tour_json()); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_state() { return app().state_name(); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_message() { return answer(app().message()); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_offline_status() { return answer(app().offline_status()); }
EMSCRIPTEN_KEEPALIVE const char* catgeo_status_line() { return answer(app().status_line()); }

}  // extern "C"
