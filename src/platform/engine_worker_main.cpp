// The engine's Web Worker module (catgeo_engine.js/.wasm): the Engine behind four C entry points that
// web/catgeo-engine-worker.js calls: hand over a command, tick under a budget, take the next snapshot.
#include <emscripten/emscripten.h>

#include <cstdint>
#include <vector>

#include "engine/engine.h"
#include "engine/protocol_codec.h"
#include "platform/asset_fetch.h"

namespace {

catgeo::Engine& engine() {
  static catgeo::Engine instance;
  return instance;
}

std::vector<std::uint8_t>& outbox() {
  static std::vector<std::uint8_t> bytes;  // the latest snapshot, valid until the next catgeo_engine_snapshot
  return bytes;
}

}  // namespace

extern "C" {

// Decodes and handles one command; returns 0 for a message that is not a command of this protocol (ignored).
EMSCRIPTEN_KEEPALIVE int catgeo_engine_command(const std::uint8_t* data, int size) {
  catgeo::Command command;
  if (size <= 0 || !catgeo::decode_command(data, static_cast<std::size_t>(size), command)) return 0;
  engine().handle(command);
  return 1;
}

// Works for about budget_ms; returns 1 while there is more to do (the worker ticks again at once), else 0.
EMSCRIPTEN_KEEPALIVE int catgeo_engine_tick(double budget_ms) {
  catgeo::platform::pump_asset_fetch();  // the MNIST digits, when the engine asked for them
  return engine().tick(budget_ms / 1000.0) ? 1 : 0;
}

// After a tick that returned 0: milliseconds until the engine has work again (a paced run's next batch); -1: none until
// a command arrives.
EMSCRIPTEN_KEEPALIVE double catgeo_engine_wake_ms() {
  const double seconds = engine().wake_after_seconds();
  return seconds < 0.0 ? -1.0 : 1000.0 * seconds;
}

// Encodes the next snapshot when one is due and returns its size (0: nothing to send); the bytes are at
// catgeo_engine_snapshot_data().
EMSCRIPTEN_KEEPALIVE int catgeo_engine_snapshot() {
  if (!engine().has_news()) return 0;
  outbox() = catgeo::encode_snapshot(engine().take_snapshot(), std::move(outbox()));
  return static_cast<int>(outbox().size());
}

EMSCRIPTEN_KEEPALIVE const std::uint8_t* catgeo_engine_snapshot_data() { return outbox().data(); }

}  // extern "C"

int main() { return 0; }  // the module stays alive for the calls above
