// The hand-over point for the MNIST digits: the engine asks for them, the platform (browser fetch) delivers them.
// Engine layer: core only; knows nothing about how the bytes arrive (src/platform/mnist_api.cpp fills it).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/data/dataset.h"
#include "core/base/status.h"

namespace catgeo {

enum class MnistLoadState {
  idle,       // nobody asked yet (the page starts here: no download unless the MNIST scenario is chosen)
  requested,  // the app asked; the platform has not started the download
  loading,    // the platform is downloading
  ready,      // mnist_dataset() is valid
  failed,     // mnist_error() says why (download failed, or the bytes did not validate)
};

// Engine side: call when the MNIST scenario is chosen (idempotent; a failed load can be retried by calling again).
void request_mnist();
MnistLoadState mnist_state();
const char* mnist_state_name(MnistLoadState state);  // "idle", "requested", "loading", "ready", "failed"
// The digits once ready (all 10,000, num_classes 10), else null. Pass it to Experiment::create.
const Dataset* mnist_dataset();
// Why the load failed ("" otherwise): a one-line message to show in the page.
const std::string& mnist_error();

// Platform side: true when the app asked and nothing is under way; the platform then starts the download
// and calls mark_mnist_loading() followed, later, by exactly one of the two setters below.
bool mnist_requested();
void mark_mnist_loading();
// Validates the asset bytes (load_mnist_asset: magic, sizes, checksum) and stores the digits or the error.
void set_mnist_bytes(const std::uint8_t* bytes, std::size_t size);
// A failure before any bytes arrived (HTTP error, offline): `message` is shown as is.
void set_mnist_failure(const std::string& message);
// Stores a loaded result directly (tests, or a platform that decodes itself).
void set_mnist_result(Result<Dataset> result);

}  // namespace catgeo
