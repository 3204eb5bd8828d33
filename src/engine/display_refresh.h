// The display fields: the maps the view draws (the reference's and the network's fields on the display grid),
// refreshed in slices from the run's current network, with the test digest (confusion matrix, misclassified digits)
// taken on the same network. Core + std only.
#pragma once
#include <memory>
#include <vector>

#include "core/geometry/grid_fields.h"
#include "core/nn/mlp.h"
#include "core/run/experiment.h"
#include "engine/protocol.h"
#include "engine/run_digest.h"

namespace catgeo {

class DisplayRefresh {
 public:
  static constexpr int kCurvePoints1d = 401;  // points of the 1-D view's curves

  // The run's network moved on (a slice trained): the fields are stale, and a refresh comes when one is due.
  void network_moved() { stale_ = true; }
  // The fields are to show something else (another layer, another grid, a finished train command): the refresh under
  // way, if any, is dropped and the next one is due at once.
  void redo_now();
  // A new run: the old run's picture must not stand for it (no fields, no digest) and a refresh is due at once.
  void new_run();
  // Points per axis of the 2-D maps (set_option grid, clamped to 16..256): true when that changed, and redone.
  bool set_grid_points(double count);
  // Seconds between two refreshes while playing (set_option refresh_ms, clamped to 0..5 s).
  void set_interval_ms(double milliseconds);

  bool stale() const { return stale_; }        // the fields do not show the run's current network
  bool active() const { return job_.active; }  // a refresh is under way
  bool current() const { return !job_.active && !stale_; }
  bool interval_passed(double now) const { return now - last_ >= interval_; }
  // Seconds until a stale picture's interval has passed (0 if it has); negative when the fields are not stale.
  double seconds_until_due(double now) const;

  // Starts a refresh of the run's network, its F_code at hidden layer `layer` (-1: r).
  void start(const Experiment& run, int layer);
  // Works on the refresh for about budget_seconds, on the display grid of `configured` (the configuration's grid;
  // a learned projection's follows its codes). True once it is finished: see replaced().
  bool work(Experiment& run, const GridSpec& configured, double budget_seconds);
  // The finished refresh's fields replaced the picture (a non-finite one leaves the last good picture), and the
  // seconds of work it took in its slices.
  bool replaced() const { return replaced_; }
  double seconds_last() const { return job_.seconds; }

  const GridFields& fields() const { return fields_; }
  int version() const { return version_; }  // one more for each picture that replaced the one before
  int layer() const { return layer_; }      // the hidden layer whose F_code the fields hold (-1: r)

  bool changed() const { return fields_dirty_ || digest_dirty_; }
  // Puts what changed since the last call into the snapshot (the fields, the digest of `run`'s test set).
  void publish(Snapshot& s, const Experiment* run);

 private:
  struct Job {  // a refresh in slices: the training codes if needed, the fields, the test digest
    bool active = false;
    bool prepared = false;  // the codes are current and the fields are shaped
    Experiment::FieldProgress fields;  // of building_
    int test_next = 0;  // the next test sample of the digest
    RunDigest digest;
    double seconds = 0.0;
    int layer = -1;                  // the hidden layer whose F_code it fills (-1: r, the run's own evaluation)
    std::unique_ptr<Mlp> layer_net;  // that layer as r (core/analysis/layer_fisher.h network_coding_at), else null
  };

  GridSpec grid_for(Experiment& run, const GridSpec& configured) const;
  void finish();

  Job job_;
  GridFields building_;  // the refresh being filled
  GridFields fields_;    // the latest complete picture
  int version_ = 0;
  int layer_ = -1;
  bool stale_ = true;
  bool replaced_ = false;
  int grid_points_2d_ = 64;
  double interval_ = 0.2;  // seconds
  double last_ = -1e9;     // when the latest refresh finished
  NetworkFieldEvaluator layer_evaluator_;  // F_code at a layer before r
  RunDigest digest_;                       // of the picture's network
  bool fields_dirty_ = false, digest_dirty_ = false;
};

}  // namespace catgeo
