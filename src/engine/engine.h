// The engine: the one owner of a run (configuration, experiment, trainer, history, display fields, MNIST digits).
// It takes commands and publishes snapshots (engine/protocol.h); all long work is done in tick() under a time budget,
// so a command takes effect within one tick. Runs in a Web Worker in the browser, in process natively. Core + std only.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/config/config.h"
#include "core/run/experiment.h"
#include "engine/background_jobs.h"
#include "engine/display_refresh.h"
#include "engine/perf_meter.h"
#include "engine/play_pace.h"
#include "engine/point_queries.h"
#include "engine/publish_gate.h"
#include "engine/protocol.h"
#include "engine/run_digest.h"
#include "engine/work_share.h"

namespace catgeo {

class Engine {
 public:
  Engine();
  void handle(const Command& command);
  // Works for about budget_seconds: evaluates a pending probe, continues a field refresh, trains while playing or
  // training to a target, starts a field refresh when one is due, gives the background jobs (information measurements,
  // the decoder check, per-layer metrics) their share. Returns true while there is more to do at once; a paced run
  // (view speed) between its allowances returns false and says when to tick again in wake_after_seconds().
  bool tick(double budget_seconds);
  // After a tick that returned false: seconds until the next tick has work (a paced run's next batch or field
  // refresh); negative: none until a command arrives.
  double wake_after_seconds() const { return wake_after_; }
  // Something changed since the last snapshot and the view acknowledged that one.
  bool has_news() const;
  Snapshot take_snapshot();

  // Read-only views for tests and the in-process link.
  const ScenarioConfig& config() const { return config_; }
  const Experiment* run() const { return run_.get(); }
  RunState state() const;
  std::uint32_t runs_created() const { return runs_created_; }
  // The background jobs (information measurements, decoder check, per-layer metrics, loss maps, width study).
  const BackgroundJobs& jobs() const { return jobs_; }
  bool loss_map_pending() const { return jobs_.loss_map_pending(scene()); }
  // The hidden layer whose F_code the display fields hold (-1: r).
  int fields_layer() const { return refresh_.layer(); }

 private:
  // The command that has not fully taken effect yet: a load (until the new run's fields are computed) or a
  // train_epochs / train_for (until its training is done and the fields are refreshed).
  struct PendingCommand {
    std::uint32_t command = 0;  // 0: none
    bool training = false;      // still training towards the target
    int epoch = 0;              // stop at this completed epoch
    double deadline = 0.0;      // or at this wall time (seconds)
  };

  void load(const ScenarioConfig& config, std::uint32_t command, std::vector<std::string> notices, bool fell_back);
  void load_link(const std::string& link, std::uint32_t command);
  void load_table(const std::string& text, std::uint32_t command);  // a bad table keeps the run
  void set_key(const std::string& key, const std::string& value, std::uint32_t command);
  void add_points(const std::vector<DrawnPoint>& points, std::uint32_t command);
  void build_run();
  void poll_digits();
  void set_pending(std::uint32_t command) { pending_ = PendingCommand{command}; }
  void complete_pending_if_settled();
  std::uint32_t completed() const { return pending_.command ? pending_.command - 1 : received_; }
  void train_slice(double budget_seconds);
  bool refresh_due();
  // The measured schedule (engine/work_share.h): while a run trains, the work after training (an epoch's metrics,
  // refreshes, background jobs) runs when the share allows and its time is spent from it. Not training: always.
  bool work_allowed(WorkShare::Kind kind);
  void spend_work(double seconds, WorkShare::Kind kind);
  bool training_wanted() const { return playing_ || pending_.training; }  // play, or a train_epochs / train_for
  // At an epoch's end: measure its test metrics now, or leave the epoch out (Experiment::skip_measure). The run's last
  // epoch, an information epoch and a train_epochs target are always measured; every epoch with option every_epoch.
  bool measure_wanted();
  void continue_refresh(double budget_seconds);  // the display fields' refresh under way
  int displayed_layer() const;  // the view's layer option resolved against the run's network (-1: r)
  RunScene scene() const;       // what the background jobs see
  void capture_samples();  // the points to draw, from the network the latest fields show
  void start_playing();  // plays at the view's pace from now
  void load_autoplay();  // a run just built: an autoplay link plays once the figure is on screen

  ScenarioConfig config_;
  std::unique_ptr<Experiment> run_;
  std::string status_;
  bool playing_ = false;
  PlayPace pace_;                  // while playing: the link's speed (epochs per second)
  bool pace_waiting_ = false;      // the latest slice stopped for the pace
  bool on_screen_ = true;          // the page's figure is in view (set_option on_screen); autoplay and play wait for it
  bool autoplay_waiting_ = false;  // an autoplay run not started yet
  double wake_after_ = -1.0;
  bool waiting_for_digits_ = false;
  std::uint32_t runs_created_ = 0;
  std::uint32_t received_ = 0;  // the latest command id
  PendingCommand pending_;
  DisplayRefresh refresh_;  // the display fields and the test digest, refreshed from the run's network
  PerfMeter meter_;  // the timings snapshots report
  Eigen::MatrixXf samples_;  // (K or input dim, n) points to draw (engine/run_digest.h training_samples)
  std::vector<int> sample_labels_;
  WorkShare work_share_;
  bool measure_every_epoch_ = false;  // set_option every_epoch: no epoch left out
  double last_measure_ = -1e9;        // wall seconds when the latest epoch's metrics were finished
  BackgroundJobs jobs_;
  bool background_yields_tick_ = false;  // a background chunk overran its share: the next tick is the other work's

  bool changed() const;  // the next snapshot would carry something

  PublishGate gate_;  // when the next snapshot may go
  // What the next snapshot carries.
  bool config_dirty_ = true, load_dirty_ = false, facts_dirty_ = true, history_reset_ = true, samples_dirty_ = false;
  bool state_dirty_ = true;
  LoadOutcome load_;
  std::size_t history_sent_ = 0;
  PointQueries points_;  // the probe, the cut, the digit path, the pad's digit
};

}  // namespace catgeo
