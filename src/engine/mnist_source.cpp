// MNIST hand-over registry: one process-wide slot for the digits or the load error; engine layer, core only.
#include "engine/mnist_source.h"

#include <utility>

#include "core/data/mnist_asset.h"

namespace catgeo {
namespace {

struct MnistSlot {
  MnistLoadState state = MnistLoadState::idle;
  Dataset digits;
  std::string error;
};

MnistSlot& slot() {
  static MnistSlot s;
  return s;
}

}  // namespace

void request_mnist() {
  MnistSlot& s = slot();
  if (s.state == MnistLoadState::idle || s.state == MnistLoadState::failed) {
    s.state = MnistLoadState::requested;
    s.error.clear();
  }
}

MnistLoadState mnist_state() { return slot().state; }

const char* mnist_state_name(MnistLoadState state) {
  switch (state) {
    case MnistLoadState::idle: return "idle";
    case MnistLoadState::requested: return "requested";
    case MnistLoadState::loading: return "loading";
    case MnistLoadState::ready: return "ready";
    case MnistLoadState::failed: return "failed";
  }
  return "idle";
}

const Dataset* mnist_dataset() { return slot().state == MnistLoadState::ready ? &slot().digits : nullptr; }

const std::string& mnist_error() { return slot().error; }

bool mnist_requested() { return slot().state == MnistLoadState::requested; }

void mark_mnist_loading() {
  if (slot().state == MnistLoadState::requested) slot().state = MnistLoadState::loading;
}

void set_mnist_bytes(const std::uint8_t* bytes, std::size_t size) {
  if (!bytes && size > 0) {
    set_mnist_failure("the MNIST digits could not be read (no data)");
    return;
  }
  Result<Dataset> loaded = load_mnist_asset(bytes, size);
  if (!loaded.ok()) loaded.status.message = "assets/mnist14.cgd: " + loaded.status.message;
  set_mnist_result(std::move(loaded));
}

void set_mnist_failure(const std::string& message) {
  MnistSlot& s = slot();
  s.state = MnistLoadState::failed;
  s.digits = Dataset();
  s.error = message.empty() ? std::string("the MNIST digits could not be loaded") : message;
}

void set_mnist_result(Result<Dataset> result) {
  if (!result.ok()) {
    set_mnist_failure(result.status.message);
    return;
  }
  MnistSlot& s = slot();
  s.digits = std::move(result.value);
  s.error.clear();
  s.state = MnistLoadState::ready;
}

}  // namespace catgeo
