// The lab state (AppState): the current configuration, the Experiment built from it, play/pause, the per-frame
// training budget and the display fields. Owns no UI and no GPU; panels and the JS API both drive it.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/experiment.h"
#include "core/grid_fields.h"

namespace catgeo {

enum class LabState { no_run, training, paused, finished, diverged };
const char* to_string(LabState state);

struct LabPerf {
  double train_ms_last_frame = 0.0;
  double field_ms_last = 0.0;       // last display-field evaluation
  double refreshes_per_second = 0.0;
  int refresh_count = 0;
};

class Lab {
 public:
  // Builds a new run from `config` (training restarts). On failure the config is kept (so the user's settings
  // survive), run() is null and status() says why. Returns success.
  bool load(const ScenarioConfig& config);
  bool reset();  // the same config again: same seed, same initial network, epoch 0

  void play();
  void pause() { playing_ = false; }
  bool playing() const { return playing_; }
  // Builds the pending MNIST run once the digits have arrived (or reports why they did not); per frame.
  void poll_digits();
  bool waiting_for_digits() const { return waiting_for_digits_; }
  // Trains for about budget_seconds when playing (called once per frame); pauses on divergence or at the end.
  void advance(double budget_seconds);
  // Trains synchronously until `epochs` more epochs are done, training stops, or max_seconds pass.
  void train_epochs(int epochs, double max_seconds);

  // Recomputes the display fields when forced, when something changed, or when playing and the refresh interval
  // passed; never while diverged (the last good picture stays). Returns true when the fields changed.
  bool refresh_fields(double now_seconds, bool force = false);
  void set_display_resolution(int count_2d);  // 64 or 128 points per axis
  int display_resolution() const { return display_count_2d_; }
  void set_refresh_interval(double seconds) { refresh_interval_ = seconds; }

  LabState state() const;
  // True while the picture changes by itself (training, fields not yet computed, digits on their way): the
  // platform then draws every frame instead of only on input.
  bool busy() const;
  const ScenarioConfig& config() const { return config_; }
  ScenarioConfig& edit_config() { return config_; }  // edit, then call load(config()) to apply
  Experiment* run() { return run_.get(); }
  const Experiment* run() const { return run_.get(); }
  const std::string& status() const { return status_; }  // why the last load failed, or a notice
  void set_status(std::string text) { status_ = std::move(text); }
  // The divergence message (empty unless diverged).
  std::string divergence_message() const;

  const GridFields& fields() const { return fields_; }
  bool fields_valid() const { return fields_valid_; }
  int fields_version() const { return fields_version_; }
  // The display grid (the scenario's extent, display resolution); for drawn points the drawing area.
  GridSpec display_grid() const;
  const LabPerf& perf() const { return perf_; }

  // Exact values at one point (for the hover tooltip); false without a run.
  bool probe(double x, double y, GridFields& out);

 private:
  ScenarioConfig config_;
  std::unique_ptr<Experiment> run_;
  std::string status_;
  bool playing_ = false;
  bool waiting_for_digits_ = false;
  GridFields fields_;
  bool fields_valid_ = false;
  bool fields_stale_ = true;
  int fields_version_ = 0;
  int display_count_2d_ = 64;
  double refresh_interval_ = 0.2;
  double last_refresh_ = -1e9;
  double rate_window_start_ = 0.0;
  int rate_window_count_ = 0;
  LabPerf perf_;
};

}  // namespace catgeo
