// Lifecycle reports to the page: calls Module.onCatgeoStatus(state, message) when the page set it.
#include "platform/page_status.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <cstring>

namespace {

EM_JS(void, call_page_status_hook, (const char* state, const char* message), {
  if (Module["onCatgeoStatus"]) Module["onCatgeoStatus"](UTF8ToString(state), UTF8ToString(message));
});

EM_JS(void, set_status_element, (const char* text), {
  var element = document.getElementById('catgeo-status');
  if (element) element.textContent = UTF8ToString(text);
});

}  // namespace

namespace catgeo::platform {

void mirror_app_status(const char* text) { set_status_element(text); }

void report_page_status(const char* state, const char* message) {
  std::FILE* log = std::strcmp(state, "failed") == 0 ? stderr : stdout;
  std::fprintf(log, "catgeo: %s%s%s\n", state, message[0] ? ": " : "", message);
  call_page_status_hook(state, message);
}

}  // namespace catgeo::platform
