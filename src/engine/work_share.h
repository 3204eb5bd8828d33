// The share of the worker's time that the work after training (an epoch's test metrics, display refreshes, background
// measurements) may take while a run trains: a bucket of credit that fills at kShare of wall time and that the work
// drains, so that over any stretch of training the work takes at most about a quarter of it; split evenly between
// the view's work (metrics, refreshes) and the background jobs when both want it. Std only.
#pragma once
#include <algorithm>

namespace catgeo {

class WorkShare {
 public:
  static constexpr double kShare = 0.25;       // of the worker's wall time while a run trains
  static constexpr double kMaxCredit = 0.050;  // seconds of work saved up at most (a pause in the work is not banked)

  enum class Kind { view, background };  // an epoch's metrics and the display refreshes; the background jobs

  // Training starts (play, train_epochs, train_for): no credit yet.
  void start(double now) {
    credit_ = lead_ = 0.0;
    last_ = now;
  }
  // Whether work of `kind` may run now: there is credit left and, unless the credit is full (the worker has time to
  // spare, as at slow paces), that kind is not ahead of the other while both want to work (the view's work wants to
  // whenever a run trains). Work that runs may overdraw the credit (a measurement, once started, finishes); training
  // then repays it.
  bool allows(double now, Kind kind, bool background_waiting) {
    credit_ = std::min(credit_ + kShare * std::max(0.0, now - last_), kMaxCredit);
    last_ = now;
    if (!background_waiting) lead_ = 0.0;
    const bool ahead = kind == Kind::view ? lead_ > 0.0 : lead_ < 0.0;
    if (ahead && credit_ < kMaxCredit) return false;
    return credit_ > 0.0;
  }
  void spend(double seconds, Kind kind) {
    credit_ -= seconds;
    lead_ = std::clamp(lead_ + (kind == Kind::view ? seconds : -seconds), -kMaxLead, kMaxLead);
  }

 private:
  static constexpr double kMaxLead = 1.0;  // seconds one kind may get ahead of the other (not banked beyond)
  double credit_ = 0.0;
  double last_ = 0.0;
  double lead_ = 0.0;  // seconds the view's work got more than the background jobs since both wanted it
};

}  // namespace catgeo
