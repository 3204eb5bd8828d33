// The pace of play: how many training samples a paced run may take now (a token bucket in samples), so that a tour
// step or an autoplay figure unfolds over seconds a reader can follow. Std only.
#pragma once
#include <algorithm>
#include <cmath>

namespace catgeo {

class PlayPace {
 public:
  // From now on, at `epochs_per_second` (infinite: unpaced) over epochs of `epoch_samples` samples.
  void start(double now, double epochs_per_second, long long epoch_samples) {
    samples_per_second_ = epochs_per_second * static_cast<double>(epoch_samples);
    credit_ = 0.0;
    last_ = now;
  }
  bool paced() const { return std::isfinite(samples_per_second_); }
  // Samples the run may train now (0: none yet); unpaced: -1, no limit. Credit builds up for at most a quarter of a
  // second, so a run held up by other work does not rush to catch up.
  long long allowance(double now) {
    if (!paced()) return -1;
    credit_ = std::min(credit_ + samples_per_second_ * std::max(0.0, now - last_), 0.25 * samples_per_second_ + 1.0);
    last_ = now;
    return credit_ > 0.0 ? static_cast<long long>(std::ceil(credit_)) : 0;
  }
  // Seconds until allowance() gives samples again (0: now).
  double seconds_until_allowed() const {
    return !paced() || credit_ > 0.0 ? 0.0 : (1.0 - credit_) / samples_per_second_;
  }
  // A step trains whole batches: the overshoot of the last one is paid back before the next.
  void spend(long long samples) {
    if (paced()) credit_ -= static_cast<double>(samples);
  }

 private:
  double samples_per_second_ = INFINITY;
  double credit_ = 0.0;
  double last_ = 0.0;
};

}  // namespace catgeo
