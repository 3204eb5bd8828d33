// Share and export exports behind window.catgeo.export* (web/catgeo-share.js): PNG read-back in the frame that drew
// it, fields CSV, history and config JSON, and the app's share buttons forwarded to JS. Emscripten + GL only here.
#include "platform/share_api.h"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/share_hooks.h"
#include "platform/web_platform.h"

// Hands the RGBA rows (top row first, width * height * 4 bytes) to Module.onCatgeoPixels(bytes, width, height, error).
EM_JS(void, catgeo_js_deliver_pixels, (const std::uint8_t* rgba, int width, int height, const char* error), {
  const handler = Module["onCatgeoPixels"];
  if (!handler) return;
  if (error) {
    handler(null, 0, 0, UTF8ToString(error));
  } else {
    handler(HEAPU8.slice(rgba, rgba + width * height * 4), width, height, "");
  }
});

// Runs an action of the app's share buttons in the page (window.catgeoShare.action(name)).
EM_JS(void, catgeo_js_share_action, (const char* name), {
  const share = typeof window !== "undefined" ? window["catgeoShare"] : undefined;
  if (share && share["action"]) share["action"](UTF8ToString(name));
});

namespace catgeo::platform {
namespace {

struct PngRequest {
  bool pending = false;
  int x = 0, y = 0, width = 0, height = 0;  // framebuffer pixels from the top-left; width <= 0: everything
};

PngRequest& png_request() {
  static PngRequest request;
  return request;
}

std::string& export_text() {
  static std::string text;  // returned to JS by pointer: valid until the next export call
  return text;
}

std::string& export_error() {
  static std::string text;
  return text;
}

void capture_pixels(int framebuffer_width, int framebuffer_height) {
  PngRequest& r = png_request();
  r.pending = false;
  int x0 = 0, y0 = 0, w = framebuffer_width, h = framebuffer_height;
  if (r.width > 0 && r.height > 0) {
    x0 = std::clamp(r.x, 0, framebuffer_width);
    y0 = std::clamp(r.y, 0, framebuffer_height);
    w = std::min(r.width, framebuffer_width - x0);
    h = std::min(r.height, framebuffer_height - y0);
  }
  if (w <= 0 || h <= 0) {
    catgeo_js_deliver_pixels(nullptr, 0, 0, "nothing to capture (the canvas or the region is empty)");
    return;
  }
  const std::size_t row = static_cast<std::size_t>(w) * 4;
  std::vector<std::uint8_t> pixels(row * static_cast<std::size_t>(h));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  // GL rows start at the bottom: the region's top row y0 is GL row (height - y0 - h).
  glReadPixels(x0, framebuffer_height - y0 - h, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  if (glGetError() != GL_NO_ERROR) {
    catgeo_js_deliver_pixels(nullptr, 0, 0, "could not read the canvas pixels");
    return;
  }
  std::vector<std::uint8_t> swap(row);
  for (int top = 0, bottom = h - 1; top < bottom; ++top, --bottom) {
    std::uint8_t* a = pixels.data() + row * top;
    std::uint8_t* b = pixels.data() + row * bottom;
    std::memcpy(swap.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, swap.data(), row);
  }
  for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // opaque, as seen on the page
  catgeo_js_deliver_pixels(pixels.data(), w, h, nullptr);
}

const char* hand_out(std::string text, const std::string& why) {
  export_error() = text.empty() ? why : std::string();
  export_text() = std::move(text);
  return export_text().c_str();
}

}  // namespace

void share_after_render(int framebuffer_width, int framebuffer_height) {
  if (png_request().pending) capture_pixels(framebuffer_width, framebuffer_height);
  ShareAction action;
  while (take_share_action(action)) catgeo_js_share_action(to_string(action));
}

}  // namespace catgeo::platform

extern "C" {

// Asks for the pixels of the next drawn frame; they arrive through Module.onCatgeoPixels. Region in framebuffer
// (device) pixels from the top-left; width or height <= 0 means the whole canvas.
EMSCRIPTEN_KEEPALIVE void catgeo_request_png(int x, int y, int width, int height) {
  catgeo::platform::png_request() = {true, x, y, width, height};
  catgeo::platform::request_redraw();  // the pixels come from the next drawn frame
}

// The export texts (UTF-8, valid until the next export call); "" when there is nothing to export, and then
// catgeo_export_error() says why.
EMSCRIPTEN_KEEPALIVE const char* catgeo_export_csv() {
  std::string why;
  std::string text = catgeo::export_fields_csv(catgeo::platform::app().view(), &why);
  return catgeo::platform::hand_out(std::move(text), why);
}

EMSCRIPTEN_KEEPALIVE const char* catgeo_export_history_json() {
  std::string why;
  std::string text = catgeo::export_history_json(catgeo::platform::app().view(), &why);
  return catgeo::platform::hand_out(std::move(text), why);
}

EMSCRIPTEN_KEEPALIVE const char* catgeo_export_config_json() {
  return catgeo::platform::hand_out(catgeo::export_config_json(catgeo::platform::app().view()), "");
}

EMSCRIPTEN_KEEPALIVE const char* catgeo_export_table_csv() {
  std::string why;
  std::string text = catgeo::export_table_csv(catgeo::platform::app().view(), &why);
  return catgeo::platform::hand_out(std::move(text), why);
}

EMSCRIPTEN_KEEPALIVE const char* catgeo_export_error() { return catgeo::platform::export_error().c_str(); }

}  // extern "C"
