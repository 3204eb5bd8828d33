// The in-process engine link (see in_process_link.h).
#include "engine/in_process_link.h"

#include "engine/protocol_codec.h"

namespace catgeo {

void InProcessLink::send(std::vector<std::uint8_t> bytes) {
  Command command;
  if (decode_command(bytes.data(), bytes.size(), command)) {
    engine_.handle(command);
  } else {
    ++rejected_;
  }
}

bool InProcessLink::receive(std::vector<std::uint8_t>& snapshot) {
  if (snapshots_.empty()) return false;
  snapshot = std::move(snapshots_.front());
  snapshots_.pop_front();
  return true;
}

void InProcessLink::run(double budget_seconds) {
  engine_.tick(budget_seconds);
  if (engine_.has_news()) snapshots_.push_back(encode_snapshot(engine_.take_snapshot()));
}

}  // namespace catgeo
