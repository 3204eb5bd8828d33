// The engine's background jobs and their scheduler: the information measurements of chosen epochs (with the
// bias-variance maps), the decoder check, the per-layer metrics, the information-loss maps and the width study. Each
// works in chunks on a copy of what it measures; when several have work they take turns, tick by tick. Core + std only.
#pragma once
#include <cstddef>
#include <deque>
#include <memory>
#include <vector>

#include "core/analysis/information_progress.h"
#include "core/config/config.h"
#include "core/geometry/grid_fields.h"
#include "core/nn/mlp.h"
#include "core/run/experiment.h"
#include "engine/decoder_job.h"
#include "engine/layer_metrics_job.h"
#include "engine/loss_map_job.h"
#include "engine/protocol.h"
#include "engine/width_study_job.h"

namespace catgeo {

// What the jobs see of the engine when they decide whether to start: the run, its display fields and the view.
struct RunScene {
  Experiment* run = nullptr;           // null: no run
  const GridFields* fields = nullptr;  // the latest complete display fields
  int fields_version = 0;              // their number (a new one per refresh that replaced them)
  bool fields_current = false;         // they show the run's network: no refresh due or under way
  bool training = false;               // play, or a train_epochs / train_for
  bool diverged = false;
  bool decoder_wanted = false;   // view option decoder
  bool loss_map_wanted = false;  // view option lossmap
};

class BackgroundJobs {
 public:
  static constexpr double kDecoderInterval = 2.0;  // while training, seconds between the starts of two decoder checks
  static constexpr double kLossMapInterval = 3.0;  // while training, seconds between the starts of two loss maps

  // Out of line: inlined into Engine(), the default ScenarioConfig draws a false -Wmaybe-uninitialized from GCC 12.
  BackgroundJobs();
  ~BackgroundJobs();

  // A run is about to be built from `config`: the old run's jobs and results go (they refer to its data); the width
  // study stays if `config` has its settings.
  void clear_run(const ScenarioConfig& config);
  // The new run is built: its untrained network is kept for the loss map, and epoch 0 is measured.
  void run_built(Experiment& run, int epochs);
  // An epoch's metrics are done: its network is measured (information on its schedule, per-layer metrics), on copies
  // taken now, before training moves on. `epochs`: the run's epoch count.
  void epoch_measured(Experiment& run, int epochs);
  // The view's options changed: a decoder check or loss map turned on or off starts from nothing.
  void view_changed(const ViewConfig& before, const ViewConfig& after);
  // set_option width_study: start one with the settings of `config` (its view aside), or cancel the one running.
  void set_width_study(bool run, const ScenarioConfig& config);

  // A decoder check or a loss map would start now (the fields show a network neither has measured yet).
  bool due(const RunScene& scene) const { return decoder_due(scene) || loss_map_due(scene); }
  // Starts the decoder check and the loss map when due, on the network the display fields show.
  void start_due(const RunScene& scene);
  bool waiting() const;  // a job has work
  // The next job with work (in turn) works for about budget_seconds, at least one chunk.
  void take_turn(double budget_seconds);
  void new_tick();  // the work counters below start again

  // Something the next snapshot carries: results, progress or history rows not yet published.
  bool changed() const;
  // Puts what changed since the last call into the snapshot, and the jobs' timings into its perf.
  void publish(Snapshot& s);

  // Read-outs for tests.
  const std::vector<InformationRow>& information_history() const { return information_history_; }
  bool information_pending() const { return !information_jobs_.empty(); }
  // The work of the latest tick's information chunks (multiply-adds, core/analysis/information_progress.h), their count.
  long long information_work_last_tick() const { return information_work_last_tick_; }
  int information_chunks_last_tick() const { return information_chunks_last_tick_; }
  bool decoder_pending() const { return decoder_job_ != nullptr; }
  long long decoder_work_last_tick() const { return decoder_work_last_tick_; }
  int decoder_chunks_last_tick() const { return decoder_chunks_last_tick_; }
  const DecoderResult& decoder_result() const { return decoder_; }
  const std::vector<LayerMetricsRow>& layer_metrics_history() const { return layer_history_; }
  bool layer_metrics_pending() const { return !layer_jobs_.empty(); }
  const LossMaps& loss_maps() const { return loss_maps_; }
  bool loss_map_pending(const RunScene& scene) const { return loss_map_job_ != nullptr || loss_map_due(scene); }
  const WidthStudy& width_study() const { return width_study_; }

 private:
  static constexpr int kJobKinds = 5;  // information, decoder, layer metrics, loss map, width study: the turn order
  bool has_work(int kind) const;  // the job of that kind (0 .. kJobKinds - 1) has work

  void schedule_information(Experiment& run, int epochs);
  void continue_information(double budget_seconds);
  void reset_decoder();  // no check under way, no result (turned off, a new run)
  bool decoder_due(const RunScene& scene) const;
  void continue_decoder(double budget_seconds);
  void schedule_layer_metrics(Experiment& run);
  void continue_layer_metrics(double budget_seconds);
  // background_studies.cpp: the loss maps and the width study.
  void reset_loss_maps();  // a new run, or the option turned off
  bool loss_map_due(const RunScene& scene) const;
  void start_loss_map(const RunScene& scene);
  void continue_loss_map(double budget_seconds);
  void keep_or_drop_width_study(const ScenarioConfig& config);  // a new run: the study stays if its settings do
  void continue_width_study(double budget_seconds);

  int turn_ = 0;  // the job kind whose turn is next

  // Information measurements (epoch 0, every max(1, epochs / 10) epochs, the last epoch), each on a copy of the
  // network of its epoch; oldest first.
  std::deque<std::unique_ptr<InformationProgress>> information_jobs_;
  int information_scheduled_ = -1;    // the latest epoch queued
  double information_seconds_ = 0.0;  // of the measurement at the front
  double information_ms_last_ = 0.0;  // of the latest one finished
  long long information_work_last_tick_ = 0;
  int information_chunks_last_tick_ = 0;
  std::vector<InformationRow> information_history_;
  std::size_t information_sent_ = 0;
  BiasVarianceMaps bias_variance_;
  bool bias_variance_dirty_ = false;

  // The decoder check: one at a time, started when the display fields show a network it has not decoded (while
  // training at most every kDecoderInterval).
  std::unique_ptr<DecoderJob> decoder_job_;
  DecoderResult decoder_;
  int decoder_fields_version_ = -1;  // the display fields whose network the latest check decoded
  double decoder_started_ = -1e9;
  double decoder_seconds_ = 0.0;
  double decoder_ms_last_ = 0.0;
  long long decoder_work_last_tick_ = 0;
  int decoder_chunks_last_tick_ = 0;
  bool decoder_dirty_ = false;

  // Per-layer metrics (networks with more than one code layer): one job per measured epoch, oldest first.
  std::deque<std::unique_ptr<LayerMetricsJob>> layer_jobs_;
  std::vector<LayerMetricsRow> layer_history_;
  std::size_t layer_sent_ = 0;

  // The loss maps: one job at a time, the untrained network's first (a copy kept when the run is built), then the
  // network the display fields show when it has moved on (while training at most every kLossMapInterval).
  std::unique_ptr<Mlp> untrained_net_;
  std::unique_ptr<LossMapJob> loss_map_job_;
  bool loss_map_job_before_ = false;  // the job maps the untrained network
  int loss_map_fields_version_ = -1;  // the display fields whose network the latest map used
  double loss_map_started_ = -1e9;
  LossMaps loss_maps_;
  bool loss_maps_dirty_ = false;

  // The width study: its settings (the configuration without its view) and the job while it runs.
  ScenarioConfig width_study_base_;
  std::unique_ptr<WidthStudyJob> width_study_job_;
  WidthStudy width_study_;
  bool width_study_dirty_ = false;
};

}  // namespace catgeo
