// Web Worker engine link: EM_JS glue to Module.catgeoEngine (created by web/catgeo-loader.js).
#include "platform/worker_link.h"

#include <emscripten/emscripten.h>

// Posts a copy of the bytes to the engine worker (the copy's buffer is transferred, not cloned).
EM_JS(void, catgeo_js_post_command, (const std::uint8_t* data, int size), {
  Module["catgeoEngine"].post(HEAPU8.slice(data, data + size));
});

// Size of the oldest queued snapshot, -1 when none is waiting.
EM_JS(int, catgeo_js_snapshot_size, (), {
  const queue = Module["catgeoEngine"].snapshots;
  return queue.length ? queue[0].byteLength : -1;
});

// Copies the oldest queued snapshot into `out` and drops it from the queue.
EM_JS(void, catgeo_js_take_snapshot, (std::uint8_t* out), {
  HEAPU8.set(new Uint8Array(Module["catgeoEngine"].snapshots.shift()), out);
});

namespace catgeo::platform {

void WorkerLink::send(std::vector<std::uint8_t> command) {
  catgeo_js_post_command(command.data(), static_cast<int>(command.size()));
}

bool WorkerLink::receive(std::vector<std::uint8_t>& snapshot) {
  const int size = catgeo_js_snapshot_size();
  if (size < 0) return false;
  snapshot.resize(static_cast<std::size_t>(size));
  if (size > 0) catgeo_js_take_snapshot(snapshot.data());
  return true;
}

}  // namespace catgeo::platform
