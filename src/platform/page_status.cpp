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

}  // namespace

namespace catgeo::platform {

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
