// The browser's engine link: commands go to the engine's dedicated Web Worker (web/catgeo-engine-worker.js) as
// transferred ArrayBuffers, snapshots come back the same way and wait in a JavaScript queue until poll() takes them.
#pragma once
#include <cstdint>
#include <vector>

#include "engine/engine_link.h"

namespace catgeo::platform {

class WorkerLink : public EngineLink {
 public:
  void send(std::vector<std::uint8_t> command) override;
  bool receive(std::vector<std::uint8_t>& snapshot) override;
};

}  // namespace catgeo::platform
