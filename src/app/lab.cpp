// The lab state: builds runs, trains under a time budget, refreshes the display fields at a bounded rate.
#include "app/lab.h"

#include <chrono>
#include <cmath>

#include "app/mnist_source.h"

namespace catgeo {
namespace {

double wall_seconds() {
  using clock = std::chrono::steady_clock;
  static const clock::time_point start = clock::now();
  return std::chrono::duration<double>(clock::now() - start).count();
}

bool all_finite(const Eigen::MatrixXd& m) { return m.size() == 0 || m.allFinite(); }

}  // namespace

const char* to_string(LabState state) {
  switch (state) {
    case LabState::no_run: return "no_run";
    case LabState::training: return "training";
    case LabState::paused: return "paused";
    case LabState::finished: return "finished";
    case LabState::diverged: return "diverged";
  }
  return "no_run";
}

bool Lab::load(const ScenarioConfig& config) {
  config_ = config;
  playing_ = false;
  fields_stale_ = true;
  waiting_for_digits_ = false;
  if (config_.data == DataKind::mnist && mnist_state() != MnistLoadState::ready) {
    // The digits are fetched on first use; poll_digits() builds the run once they arrive.
    request_mnist();
    run_.reset();
    fields_valid_ = false;
    waiting_for_digits_ = true;
    status_ = "Loading the MNIST digits...";
    return false;
  }
  Result<std::unique_ptr<Experiment>> created = Experiment::create(config_, mnist_dataset());
  if (!created.ok()) {
    run_.reset();
    fields_valid_ = false;
    status_ = "Cannot start this run: " + created.status.message;
    return false;
  }
  run_ = std::move(created.value);
  status_.clear();
  return true;
}

bool Lab::reset() { return load(ScenarioConfig(config_)); }

void Lab::play() {
  if (run_ && run_->trainer().state() == TrainerState::training) playing_ = true;
}

LabState Lab::state() const {
  if (!run_) return LabState::no_run;
  switch (run_->trainer().state()) {
    case TrainerState::diverged: return LabState::diverged;
    case TrainerState::finished: return LabState::finished;
    case TrainerState::training: break;
  }
  return playing_ ? LabState::training : LabState::paused;
}

bool Lab::busy() const {
  const LabState now = state();
  const bool fields_pending = fields_stale_ && now != LabState::no_run && now != LabState::diverged;
  return now == LabState::training || waiting_for_digits_ || fields_pending;
}

std::string Lab::divergence_message() const {
  if (state() != LabState::diverged) return {};
  const std::string& m = run_->trainer().message();
  return m.empty() ? std::string("training diverged") : m;
}

void Lab::poll_digits() {
  if (!waiting_for_digits_) return;
  if (mnist_state() == MnistLoadState::ready) {
    const bool autoplay = config_.view.autoplay;
    if (load(ScenarioConfig(config_)) && autoplay) play();
  } else if (mnist_state() == MnistLoadState::failed) {
    waiting_for_digits_ = false;
    status_ = "Cannot load the MNIST digits: " + mnist_error() + " Choose MNIST again to retry.";
  }
}

void Lab::advance(double budget_seconds) {
  perf_.train_ms_last_frame = 0.0;
  poll_digits();
  if (!run_ || !playing_) return;
  const double start = wall_seconds();
  bool trained = false;
  while (run_->trainer().state() == TrainerState::training) {
    const double left = budget_seconds - (wall_seconds() - start);
    if (left < 0.0005) break;
    StepBudget step{0, left};
    // An epoch end costs its metrics as well: when they no longer fit in this frame, the next frame starts with
    // them (a frame that has trained nothing yet always goes ahead, so training cannot stall).
    step.stop_before_epoch_end = trained && left < run_->last_measure_seconds();
    if (run_->train(step).batches == 0) break;
    trained = true;
  }
  perf_.train_ms_last_frame = 1000.0 * (wall_seconds() - start);
  fields_stale_ = true;
  if (run_->trainer().state() != TrainerState::training) playing_ = false;
}

void Lab::train_epochs(int epochs, double max_seconds) {
  if (!run_ || epochs <= 0) return;
  const int target = run_->trainer().epoch() + epochs;
  const double start = wall_seconds();
  while (run_->trainer().state() == TrainerState::training && run_->trainer().epoch() < target &&
         wall_seconds() - start < max_seconds)
    run_->train(StepBudget{0, 0.05});
  fields_stale_ = true;
  if (run_->trainer().state() != TrainerState::training) playing_ = false;
}

GridSpec Lab::display_grid() const {
  if (run_ && run_->network().projection_layer() >= 0) return run_->current_grid(display_count_2d_);
  GridSpec grid = config_.grid;
  if (grid.dims == 1) {
    grid.count[0] = 401;
    grid.count[1] = 1;
  } else {
    grid.count[0] = grid.count[1] = display_count_2d_;
  }
  return grid;
}

void Lab::set_display_resolution(int count_2d) {
  const int clamped = count_2d < 16 ? 16 : count_2d > 256 ? 256 : count_2d;
  if (clamped != display_count_2d_) {
    display_count_2d_ = clamped;
    fields_stale_ = true;
    last_refresh_ = -1e9;
  }
}

bool Lab::refresh_fields(double now_seconds, bool force) {
  if (!run_) return false;
  if (run_->trainer().state() == TrainerState::diverged) return false;  // keep the last good picture
  if (!force && !fields_stale_ && fields_valid_) return false;
  if (!force && fields_valid_ && playing_ && now_seconds - last_refresh_ < refresh_interval_) return false;
  const double start = wall_seconds();
  run_->evaluate_fields(display_grid(), fields_);
  perf_.field_ms_last = 1000.0 * (wall_seconds() - start);
  const bool finite = all_finite(fields_.network_posterior) && all_finite(fields_.fcode) &&
                      all_finite(fields_.reference_posterior) && all_finite(fields_.fcat);
  fields_valid_ = finite;
  fields_stale_ = false;
  last_refresh_ = now_seconds;
  ++fields_version_;
  ++perf_.refresh_count;
  ++rate_window_count_;
  if (now_seconds - rate_window_start_ >= 2.0) {
    perf_.refreshes_per_second = rate_window_count_ / (now_seconds - rate_window_start_);
    rate_window_start_ = now_seconds;
    rate_window_count_ = 0;
  }
  return true;
}

bool Lab::probe(double x, double y, GridFields& out) {
  if (!run_ || run_->trainer().state() == TrainerState::diverged) return false;
  GridSpec grid = config_.grid;
  grid.lo[0] = grid.hi[0] = x;
  grid.lo[1] = grid.hi[1] = y;
  grid.count[0] = 1;
  grid.count[1] = 1;
  run_->evaluate_fields(grid, out);
  return all_finite(out.fcode) && all_finite(out.fcat);
}

}  // namespace catgeo
