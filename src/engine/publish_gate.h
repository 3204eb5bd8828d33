// When the engine may publish a snapshot (the protocol's flow control, engine/protocol.h): one snapshot in flight until
// the view acknowledges it, a completed command at once, other news at most every kPublishInterval. std only.
#pragma once
#include <cstdint>

namespace catgeo {

class PublishGate {
 public:
  // Seconds between snapshots that only report progress. Each one redraws most of the page (the epoch, the bars, the
  // read-outs): 15 a second reads as live, and leaves a software-rendered page the time to answer the mouse between
  // them while a run trains.
  static constexpr double kPublishInterval = 1.0 / 15.0;

  bool waiting_for_ack() const { return awaiting_ack_; }
  void acked() { awaiting_ack_ = false; }
  // `completed`: the commands completed so far; `news`: something changed since the last snapshot; `now` in seconds.
  bool may_publish(std::uint32_t completed, bool news, double now) const {
    if (awaiting_ack_) return false;
    return completed != published_completed_ || (news && now - last_publish_ >= kPublishInterval);
  }
  void published(std::uint32_t completed, double now) {
    awaiting_ack_ = true;
    last_publish_ = now;
    published_completed_ = completed;
  }

 private:
  bool awaiting_ack_ = false;
  double last_publish_ = -1e9;
  std::uint32_t published_completed_ = 0;
};

}  // namespace catgeo
