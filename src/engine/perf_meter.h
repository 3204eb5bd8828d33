// The engine's timings (EnginePerf, engine/protocol.h): the latest cost of each kind of work, and rates over windows of
// kRateWindow seconds (samples trained per second of wall time and of trainer time, field refreshes per second, the
// share of wall time in the work after training). std only.
#pragma once
#include "engine/protocol.h"

namespace catgeo {

class PerfMeter {
 public:
  static constexpr double kRateWindow = 2.0;  // seconds

  explicit PerfMeter(double now) : window_start_(now) {}
  // The trainer ran for `seconds`, and trained `samples` samples (0 when it made no batch).
  void trainer_ran(double seconds, long long samples) {
    window_trainer_seconds_ += seconds;
    window_samples_ += samples;
  }
  // A field refresh finished, after `seconds` of work in its slices.
  void refreshed(double seconds) {
    perf_.field_ms_last = 1000.0 * seconds;
    ++perf_.refresh_count;
    ++window_refreshes_;
  }
  void worked(double seconds) { window_work_seconds_ += seconds; }  // work after training
  // Closes the window into the rates once it is kRateWindow long.
  void roll(double now) {
    const double span = now - window_start_;
    if (span < kRateWindow) return;
    perf_.refreshes_per_second = window_refreshes_ / span;
    perf_.samples_per_second = static_cast<double>(window_samples_) / span;
    perf_.train_samples_per_second = window_trainer_seconds_ > 0 ? window_samples_ / window_trainer_seconds_ : 0.0;
    perf_.work_share = window_work_seconds_ / span;
    window_start_ = now;
    window_refreshes_ = 0;
    window_samples_ = 0;
    window_trainer_seconds_ = window_work_seconds_ = 0.0;
  }
  // The timings the jobs write themselves (train_ms_last_tick, info_ms_last, info_queued, decoder_ms_last).
  EnginePerf& perf() { return perf_; }
  const EnginePerf& perf() const { return perf_; }

 private:
  EnginePerf perf_;
  double window_start_;
  int window_refreshes_ = 0;
  long long window_samples_ = 0;
  double window_trainer_seconds_ = 0.0;
  double window_work_seconds_ = 0.0;
};

}  // namespace catgeo
