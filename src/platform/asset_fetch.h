// Fetches the MNIST asset from the page's own origin when the engine asks for it (engine/mnist_source.h); web only.
#pragma once

namespace catgeo::platform {

// Call once per frame (cheap): when the engine has requested the digits and no download is under way, starts
// an asynchronous same-origin GET of the worker's Module.catgeoMnistUrl (else kMnistAssetUrl); its completion hands
// the bytes (or the HTTP failure) to engine/mnist_source.h. Nothing is downloaded unless the MNIST scenario was chosen.
void pump_asset_fetch();

// Relative to the page, so it is served by the page's own origin (copied there by cmake/web_assets.cmake).
constexpr const char* kMnistAssetUrl = "assets/mnist14.cgd";

}  // namespace catgeo::platform
