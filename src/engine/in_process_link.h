// An engine in the view's own thread: the native build and the headless app test. Commands and snapshots still go
// through the byte codec, so the same protocol is exercised as in the browser; run() does the engine's work.
#pragma once
#include <cstdint>
#include <deque>
#include <vector>

#include "engine/engine.h"
#include "engine/engine_link.h"

namespace catgeo {

class InProcessLink : public EngineLink {
 public:
  void send(std::vector<std::uint8_t> command) override;
  bool receive(std::vector<std::uint8_t>& snapshot) override;
  // Gives the engine about budget_seconds of work and publishes a snapshot when it has news; call once per frame.
  void run(double budget_seconds);
  const Engine& engine() const { return engine_; }
  int rejected_commands() const { return rejected_; }

 private:
  Engine engine_;
  std::deque<std::vector<std::uint8_t>> snapshots_;
  int rejected_ = 0;
};

}  // namespace catgeo
