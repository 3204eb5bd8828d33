// Same-origin download of the MNIST asset with emscripten_async_wget_data, in the engine worker; the bytes go to
// engine/mnist_source.h.
#include "platform/asset_fetch.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include <emscripten/emscripten.h>

#include "engine/mnist_source.h"

namespace catgeo::platform {
namespace {

// The worker's Module.catgeoMnistUrl (web/catgeo-engine-worker.js; scripts/package gives the asset a hashed name)
// into `out`; 0 when it is not set or does not fit.
EM_JS(int, catgeo_js_mnist_url, (char* out, int size), {
  const url = Module['catgeoMnistUrl'];
  if (typeof url !== 'string' || lengthBytesUTF8(url) >= size) return 0;
  stringToUTF8(url, out, size);
  return 1;
});

std::string& mnist_url() {
  static std::string url;
  return url;
}

// The buffer belongs to Emscripten and is freed after this returns; set_mnist_bytes copies what it keeps.
void on_loaded(void* /*arg*/, void* buffer, int size) {
  set_mnist_bytes(static_cast<const std::uint8_t*>(buffer), size > 0 ? static_cast<std::size_t>(size) : 0);
}

void on_failed(void* /*arg*/) {
  set_mnist_failure("could not download " + mnist_url() +
                    " from this page's server (missing file or network error); the build copies it next to "
                    "index.html (cmake/web_assets.cmake) and scripts/setup makes it");
}

}  // namespace

void pump_asset_fetch() {
  if (!mnist_requested()) return;
  mark_mnist_loading();
  char url[256];
  mnist_url() = catgeo_js_mnist_url(url, sizeof url) ? url : kMnistAssetUrl;
  emscripten_async_wget_data(mnist_url().c_str(), nullptr, on_loaded, on_failed);
}

}  // namespace catgeo::platform
