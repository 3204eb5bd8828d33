// The engine's run and work: building a run, and tick(), which trains, refreshes the display fields and gives the
// background jobs their share, in slices (commands: engine_commands.cpp; snapshots: engine_snapshot.cpp).
#include "engine/engine.h"

#include <algorithm>

#include "core/analysis/layer_fisher.h"
#include "engine/mnist_source.h"
#include "engine/wall_clock.h"

namespace catgeo {

const char* to_string(RunState state) {
  switch (state) {
    case RunState::no_run: return "no_run";
    case RunState::training: return "training";
    case RunState::paused: return "paused";
    case RunState::finished: return "finished";
    case RunState::diverged: return "diverged";
  }
  return "no_run";
}

Engine::Engine() : meter_(wall_seconds()) {}

RunState Engine::state() const {
  if (!run_) return RunState::no_run;
  switch (run_->trainer().state()) {
    case TrainerState::diverged: return RunState::diverged;
    case TrainerState::finished: return RunState::finished;
    case TrainerState::training: break;
  }
  return training_wanted() ? RunState::training : RunState::paused;
}

void Engine::start_playing() {
  playing_ = true;
  pace_waiting_ = false;
  pace_.start(wall_seconds(), playing_pace(config_.view, config_.training.epochs), run_->train_data().size());
  work_share_.start(wall_seconds());
}

void Engine::build_run() {
  jobs_.clear_run(config_);  // before the old run goes: its jobs refer to its data
  run_.reset();
  refresh_.new_run();
  waiting_for_digits_ = false;
  facts_dirty_ = history_reset_ = samples_dirty_ = true;
  history_sent_ = 0;
  samples_.resize(0, 0);
  sample_labels_.clear();
  points_.new_run();
  if (config_.data == DataKind::mnist && mnist_state() != MnistLoadState::ready) {
    request_mnist();  // the platform downloads the digits; poll_digits() builds the run once they arrive
    waiting_for_digits_ = true;
    status_ = "Loading the MNIST digits...";
    return;
  }
  Result<std::unique_ptr<Experiment>> created = Experiment::create(config_, mnist_dataset());
  if (!created.ok()) {
    status_ = "Cannot start this run: " + created.status.message;
    return;
  }
  run_ = std::move(created.value);
  ++runs_created_;
  status_.clear();
  capture_samples();
  jobs_.run_built(*run_, config_.training.epochs);
}

void Engine::capture_samples() {
  training_samples(*run_, samples_, sample_labels_);
  samples_dirty_ = true;
}

void Engine::poll_digits() {
  if (!waiting_for_digits_) return;
  if (mnist_state() == MnistLoadState::ready) {
    build_run();
    load_autoplay();
    load_.pending = false;
    load_.ok = run_ != nullptr;
    load_.error = run_ ? std::string() : status_;
    load_dirty_ = state_dirty_ = true;
  } else if (mnist_state() == MnistLoadState::failed) {
    waiting_for_digits_ = false;
    status_ = "The MNIST digits could not be loaded: this page's server has no usable copy of them. Your settings are "
              "kept; reload the page (or choose MNIST again) to retry, or tell whoever hosts the page.";
    load_.pending = false;
    load_.asset_failed = true;
    load_.error = mnist_error();
    load_dirty_ = state_dirty_ = true;
  }
}

void Engine::complete_pending_if_settled() {
  if (!pending_.command || pending_.training || waiting_for_digits_) return;
  const bool settled = !run_ || state() == RunState::diverged || refresh_.current();
  if (settled) pending_ = PendingCommand{};
}

// ---------------------------------------------------------------- work

bool Engine::tick(double budget_seconds) {
  const double start = wall_seconds();
  meter_.perf().train_ms_last_tick = 0.0;
  wake_after_ = -1.0;
  poll_digits();
  if (autoplay_waiting_ && on_screen_ && run_ && run_->trainer().state() == TrainerState::training) {
    autoplay_waiting_ = false;
    start_playing();
  }
  points_.answer(run_.get(), run_ && state() != RunState::diverged, !refresh_.stale(), config_);
  // A refresh starts at the beginning of a tick, so that its unsliced preparation (the reference model) does not
  // come on top of a slice of training.
  if (!refresh_.active() && refresh_due()) refresh_.start(*run_, displayed_layer());
  jobs_.start_due(scene());  // a decoder check or a loss map of the network the display fields show
  // The background jobs, an information measurement (of a copy of an earlier epoch's network), a decoder check, the
  // per-layer metrics, a loss map and the width study (taking turns tick by tick when several have work), take half
  // of what is left when there is other work, all of it otherwise, at least one chunk. A tick whose chunk overran that
  // half gives the next tick wholly to the other work, so that on a slow device, where one chunk can outlast a tick,
  // training goes on too.
  jobs_.new_tick();
  const bool other_work = refresh_.active() || (run_ && (training_wanted() || run_->measure_pending()));
  if (jobs_.waiting() && !(other_work && background_yields_tick_) && work_allowed(WorkShare::Kind::background)) {
    const double jobs_start = wall_seconds();
    const double share = other_work ? 0.5 * (budget_seconds - (jobs_start - start)) : budget_seconds;
    jobs_.take_turn(share);
    background_yields_tick_ = wall_seconds() - jobs_start > share;
    spend_work(wall_seconds() - jobs_start, WorkShare::Kind::background);
  } else {
    background_yields_tick_ = false;
  }
  const double left = budget_seconds - (wall_seconds() - start);
  if (refresh_.active()) {
    continue_refresh(left);
  } else if (run_ && (training_wanted() || run_->measure_pending())) {
    train_slice(left);  // a paused run still finishes the metrics of the epoch it ended
  }
  complete_pending_if_settled();
  const double now = wall_seconds();
  meter_.roll(now);
  const bool diverged = state() == RunState::diverged;
  // Play that waits: a paced run between its batches (for its next allowance), or a figure out of view (until it is
  // back, a command); a field refresh of what it trained comes when it is due.
  const bool held = playing_ && !on_screen_;
  const bool play_waits = run_ && playing_ && (held || pace_waiting_) && !pending_.training && !run_->measure_pending();
  const bool busy = waiting_for_digits_ || refresh_.active() || jobs_.waiting() || jobs_.due(scene()) ||
                    (run_ && ((playing_ && !play_waits) || pending_.training || run_->measure_pending())) ||
                    (run_ && !diverged && refresh_.stale() && !(play_waits && !refresh_due())) ||
                    (!gate_.waiting_for_ack() && changed());  // news still to publish
  if (!busy && play_waits) {
    const double refresh = refresh_.seconds_until_due(now);
    const double batch = held ? -1.0 : pace_.seconds_until_allowed();
    wake_after_ = refresh < 0.0 ? batch : batch < 0.0 ? refresh : std::min(refresh, batch);
  }
  return busy;
}

bool Engine::refresh_due() {
  if (!run_ || state() == RunState::diverged || !refresh_.stale()) return false;
  // While playing, at most every refresh interval; while a train_epochs / train_for runs, once it is done (its
  // caller waits for the result); otherwise at once.
  if (pending_.training) return false;
  return !playing_ || (refresh_.interval_passed(wall_seconds()) && work_allowed(WorkShare::Kind::view));
}

bool Engine::work_allowed(WorkShare::Kind kind) {
  return !(run_ && training_wanted()) || work_share_.allows(wall_seconds(), kind, jobs_.waiting());
}

void Engine::spend_work(double seconds, WorkShare::Kind kind) {
  if (run_ && training_wanted()) work_share_.spend(seconds, kind);
  meter_.worked(seconds);
}

bool Engine::measure_wanted() {
  const Trainer& trainer = run_->trainer();
  const int epoch = trainer.epoch();
  if (measure_every_epoch_ || trainer.state() != TrainerState::training) return true;  // the run's last epoch
  if (information_due(epoch, config_.training.epochs)) return true;  // its information measurement needs its metrics
  if (pending_.training && epoch >= pending_.epoch) return true;     // where a train_epochs stops
  // More often than the view can show: no.
  if (wall_seconds() - last_measure_ < PublishGate::kPublishInterval) return false;
  return work_allowed(WorkShare::Kind::view);
}

void Engine::train_slice(double budget_seconds) {
  const double start = wall_seconds();
  bool trained = false;
  while (true) {
    const double left = budget_seconds - (wall_seconds() - start);
    if (left < 0.0005) break;
    if (run_->measure_pending()) {  // an epoch's metrics, in chunks of grid points, between the slices' other work
      const double measure_start = wall_seconds();
      const bool measured = run_->continue_measure(left);
      spend_work(wall_seconds() - measure_start, WorkShare::Kind::view);
      if (!measured) break;
      last_measure_ = wall_seconds();
      jobs_.epoch_measured(*run_, config_.training.epochs);  // before the next step: copies of this epoch's network
      trained = true;
      continue;
    }
    if (run_->trainer().state() != TrainerState::training || !training_wanted()) break;
    if (pending_.training && (run_->trainer().epoch() >= pending_.epoch || wall_seconds() >= pending_.deadline)) break;
    if (!pending_.training && !on_screen_) break;  // a figure scrolled out of view holds its play until it is back
    const long long allowance = pending_.training ? -1 : pace_.allowance(wall_seconds());
    pace_waiting_ = allowance == 0;
    if (pace_waiting_) break;
    StepBudget step{std::max(0LL, allowance), left};
    if (pending_.training) step.max_seconds = std::min(left, std::max(0.0005, pending_.deadline - wall_seconds()));
    step.defer_measure = true;
    const double train_start = wall_seconds();
    const StepReport report = run_->train(step);
    if (run_->measure_pending() && !measure_wanted()) run_->skip_measure();  // the measured schedule
    if (!pending_.training) pace_.spend(report.samples);
    meter_.trainer_ran(wall_seconds() - train_start, report.batches == 0 ? 0 : report.samples);
    if (report.batches == 0) break;
    trained = true;
  }
  meter_.perf().train_ms_last_tick = 1000.0 * (wall_seconds() - start);
  if (trained) {
    refresh_.network_moved();
    state_dirty_ = true;
  }
  if (run_->measure_pending()) return;  // the epoch is not done until its metrics are
  const bool stopped = run_->trainer().state() != TrainerState::training;
  if (stopped) playing_ = false;
  if (pending_.training &&
      (stopped || run_->trainer().epoch() >= pending_.epoch || wall_seconds() >= pending_.deadline)) {
    pending_.training = false;  // the command completes once the fields show the trained network
    refresh_.redo_now();
  }
}

void Engine::continue_refresh(double budget_seconds) {
  const double start = wall_seconds();
  const bool finished = refresh_.work(*run_, config_.grid, budget_seconds);
  spend_work(wall_seconds() - start, WorkShare::Kind::view);
  if (!finished) return;
  meter_.refreshed(refresh_.seconds_last());
  if (refresh_.replaced()) points_.follow_fields();
  // The codes move with training: those of the network just evaluated (cached by the refresh's reference).
  if (run_->network().projection_layer() >= 0) capture_samples();
  state_dirty_ = true;
}

int Engine::displayed_layer() const {
  if (!run_ || run_->dims() != 2) return -1;  // the F_code map of the 2-D view
  const Mlp& net = run_->network();
  if (config_.view.layer == net.representation_layer()) return -1;
  for (int layer : code_layers(net))
    if (layer == config_.view.layer) return layer;
  return -1;
}

RunScene Engine::scene() const {
  RunScene scene;
  scene.run = run_.get();
  scene.fields = &refresh_.fields();
  scene.fields_version = refresh_.version();
  scene.fields_current = refresh_.current();
  scene.training = training_wanted();
  scene.diverged = state() == RunState::diverged;
  scene.decoder_wanted = config_.view.decoder;
  scene.loss_map_wanted = config_.view.loss_map;
  return scene;
}

}  // namespace catgeo
