// How a view talks to its engine: command bytes out, snapshot bytes in (engine/protocol_codec.h). The browser's link
// crosses a Web Worker boundary (src/platform/worker_link); natively InProcessLink runs the engine in the same thread.
#pragma once
#include <cstdint>
#include <vector>

namespace catgeo {

class EngineLink {
 public:
  virtual ~EngineLink() = default;
  virtual void send(std::vector<std::uint8_t> command) = 0;
  // The oldest snapshot that arrived and was not taken yet; false when none is waiting.
  virtual bool receive(std::vector<std::uint8_t>& snapshot) = 0;
};

}  // namespace catgeo
