// Lifecycle reports to the page: calls Module.onCatgeoStatus(state, message) when the page set it.
#include "platform/page_status.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

EM_JS(void, call_page_status_hook, (const char* state, const char* message), {
  if (Module["onCatgeoStatus"]) Module["onCatgeoStatus"](UTF8ToString(state), UTF8ToString(message));
});

EM_JS(void, set_status_element, (const char* text), {
  var element = document.getElementById('catgeo-status');
  if (element) element.textContent = UTF8ToString(text);
});

EM_JS(void, call_snapshot_hook, (unsigned completed, const char* link, unsigned load_command), {
  if (Module["onCatgeoSnapshot"]) Module["onCatgeoSnapshot"](completed, UTF8ToString(link), load_command);
});

EM_JS(char*, read_initial_link, (), {
  const hash = (typeof location !== "undefined" && location.hash) ? location.hash.slice(1) : "";
  const size = lengthBytesUTF8(hash) + 1;
  const out = _malloc(size);
  stringToUTF8(hash, out, size);
  return out;
});

// The page's HTML (the share bar, web/catgeo-share.js) follows the app's layout and type size.
EM_JS(void, set_page_layout, (const char* kind, float font_scale), {
  document.body.dataset.catgeoLayout = UTF8ToString(kind);
  document.body.style.setProperty('--catgeo-ui-scale', String(font_scale));
});

// A first visit to the lab itself: no link, not in a frame, and no earlier visit remembered by this browser (storage
// refused, as in a private window that blocks it: treated as a first visit). Remembers this one.
EM_JS(int, first_visit_without_link, (), {
  if (location.hash.length > 1 || window.self !== window.top) return 0;
  try {
    if (localStorage.getItem('catgeo.visited')) return 0;
    localStorage.setItem('catgeo.visited', '1');
  } catch (error) {}
  return 1;
});

}  // namespace

namespace catgeo::platform {

bool welcome_wanted() { return first_visit_without_link() != 0; }

void report_page_layout(const char* kind, float font_scale) { set_page_layout(kind, font_scale); }

void report_engine_progress(unsigned completed, const char* share_link, unsigned load_command) {
  call_snapshot_hook(completed, share_link, load_command);
}

std::string initial_page_link() {
  char* text = read_initial_link();
  std::string link(text);
  std::free(text);
  return link;
}

void mirror_app_status(const char* text) { set_status_element(text); }

void report_page_status(const char* state, const char* message) {
  std::FILE* log = std::strcmp(state, "failed") == 0 ? stderr : stdout;
  std::fprintf(log, "catgeo: %s%s%s\n", state, message[0] ? ": " : "", message);
  call_page_status_hook(state, message);
}

}  // namespace catgeo::platform
