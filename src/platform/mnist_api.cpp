// JavaScript entry points for the MNIST digits: hand asset bytes to C++ and read the load state (web only).
// web/catgeo-api.js may call them with Module.ccall; asset_fetch.cpp is the normal, automatic path.
#include <emscripten/emscripten.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "app/mnist_source.h"
#include "platform/web_platform.h"

extern "C" {

// A buffer of `size` bytes for JS to fill (Module.HEAPU8.set(bytes, ptr)); pass it to catgeo_mnist_bytes,
// which frees it. Null when size is 0 or memory is short.
EMSCRIPTEN_KEEPALIVE std::uint8_t* catgeo_mnist_alloc(int size) {
  return size > 0 ? static_cast<std::uint8_t*>(std::malloc(static_cast<std::size_t>(size))) : nullptr;
}

// Validates and stores the digits (or the error), frees `bytes` (from catgeo_mnist_alloc), and returns
// catgeo_mnist_status(). A truncated or corrupt file gives "failed" and a message, never a crash.
EMSCRIPTEN_KEEPALIVE const char* catgeo_mnist_bytes(std::uint8_t* bytes, int size) {
  catgeo::platform::request_redraw();
  catgeo::mark_mnist_loading();
  catgeo::set_mnist_bytes(bytes, size > 0 ? static_cast<std::size_t>(size) : 0);
  std::free(bytes);
  return catgeo::mnist_state_name(catgeo::mnist_state());
}

// Asks for the digits (as choosing the MNIST scenario does); the frame loop's pump_asset_fetch downloads them.
EMSCRIPTEN_KEEPALIVE void catgeo_mnist_request() {
  catgeo::platform::request_redraw();
  catgeo::request_mnist();
}

// "idle", "requested", "loading", "ready" or "failed".
EMSCRIPTEN_KEEPALIVE const char* catgeo_mnist_status() { return catgeo::mnist_state_name(catgeo::mnist_state()); }

// The failure message ("" unless failed).
EMSCRIPTEN_KEEPALIVE const char* catgeo_mnist_error() { return catgeo::mnist_error().c_str(); }

}  // extern "C"
