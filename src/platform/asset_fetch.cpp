// Same-origin download of assets/mnist14.cgd with emscripten_async_wget_data, in the engine worker; the bytes go to
// engine/mnist_source.h.
#include "platform/asset_fetch.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include <emscripten/emscripten.h>

#include "engine/mnist_source.h"

namespace catgeo::platform {
namespace {

// The buffer belongs to Emscripten and is freed after this returns; set_mnist_bytes copies what it keeps.
void on_loaded(void* /*arg*/, void* buffer, int size) {
  set_mnist_bytes(static_cast<const std::uint8_t*>(buffer), size > 0 ? static_cast<std::size_t>(size) : 0);
}

void on_failed(void* /*arg*/) {
  set_mnist_failure(std::string("could not download ") + kMnistAssetUrl +
                    " from this page's server (missing file or network error); the build copies it next to "
                    "index.html (cmake/web_assets.cmake) and scripts/setup makes it");
}

}  // namespace

void pump_asset_fetch() {
  if (!mnist_requested()) return;
  mark_mnist_loading();
  emscripten_async_wget_data(kMnistAssetUrl, nullptr, on_loaded, on_failed);
}

}  // namespace catgeo::platform
