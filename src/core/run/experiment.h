// One CatGeo run: data, reference category model, network, trainer, metric history and field evaluation.
// The page, the CLI and the tests all drive runs through this class.
#pragma once
#include <memory>
#include <vector>

#include "core/config/config.h"
#include "core/data/dataset.h"
#include "core/geometry/grid_fields.h"
#include "core/geometry/kde_posterior.h"
#include "core/geometry/metrics.h"
#include "core/data/mixture.h"
#include "core/nn/mlp.h"
#include "core/nn/trainer.h"

namespace catgeo {

struct MetricsSnapshot {
  double epoch = 0.0;
  double train_loss = 0.0;     // mean noisy training loss of the last epoch (NaN before training)
  double test_loss = 0.0;      // clean cross-entropy on the test set
  double test_accuracy = 0.0;  // fraction correct on the test set
  double info_r_lower_bound = 0.0;  // H(mu) - noisy test cross-entropy: a lower bound on I(mu; r), nats
  MatchMetrics match;
  // False for an epoch whose test metrics were left out (Experiment::skip_measure, the engine's measured schedule):
  // only epoch and train_loss are set, every other value is NaN.
  bool measured = true;
};

// The latest row of a history whose test metrics were measured (the row before training always is). Not empty.
const MetricsSnapshot& latest_measured(const std::vector<MetricsSnapshot>& history);

class Experiment {
 public:
  // mnist_source: all MNIST digits (needed when config.data == DataKind::mnist, ignored otherwise).
  static Result<std::unique_ptr<Experiment>> create(const ScenarioConfig& config,
                                                    const Dataset* mnist_source = nullptr);

  const ScenarioConfig& config() const { return config_; }
  const Mlp& network() const { return net_; }
  const Trainer& trainer() const { return *trainer_; }
  const Dataset& train_data() const { return split_.train; }
  const Dataset& test_data() const { return split_.test; }
  int dims() const { return net_.projection_dim(); }
  int num_classes() const { return split_.train.num_classes; }
  // True when the reference F_cat comes from the exact generative mixture, false for a KDE estimate.
  bool reference_is_exact() const { return config_.data == DataKind::mixture; }
  // The generative mixture of x (nullptr for estimated references: drawn points, MNIST).
  const Mixture* mixture() const { return mixture_.get(); }
  // I(mu; x) of the generative mixture (NaN for estimated references).
  double category_information() const { return category_information_; }
  // H(x) of the generative mixture by quadrature (information.h; NaN for estimated references).
  double data_entropy() const { return data_entropy_; }
  // H(mu) of the class labels (nats): the lower bound on I(mu; r) is H(mu) minus the noisy test loss.
  double class_entropy() const { return class_entropy_; }

  // Trains under the budget; at each epoch end appends a snapshot to history() (with budget.defer_measure the
  // snapshot is left pending for continue_measure). A pending measurement is finished first.
  StepReport train(const StepBudget& budget);
  // The epoch ended but its metrics are not measured yet (train with defer_measure).
  bool measure_pending() const { return measure_.pending; }
  // Works on the pending measurement for about budget_seconds (at least one step: its preparation, or a chunk of
  // grid points or of test samples); returns true once it is finished and appended to history(). The same numbers
  // as an undeferred measurement, bit for bit.
  bool continue_measure(double budget_seconds);
  // Closes the pending epoch without measuring it: its row holds the epoch and the training loss only (measured =
  // false). What later epochs measure is unchanged, bit for bit: a measurement depends on the network alone.
  void skip_measure();
  // history()[0] is the state before training.
  const std::vector<MetricsSnapshot>& history() const { return history_; }
  // Metrics at the current parameters (on the metrics grid).
  MetricsSnapshot measure();

  // The grid the metrics use: config grid, or the bounding box of the training codes for a learned
  // projection (with the given counts per axis when count_override > 0).
  GridSpec current_grid(int count_override = 0);
  // Evaluates reference and network fields on a grid (display resolution is the caller's choice). The
  // reference fields are kept when `fields` already holds this reference model on this grid.
  void evaluate_fields(const GridSpec& grid, GridFields& fields);
  // The same fields at arbitrary points (K, P) of the projection space, e.g. along a 1-D cut through a 2-D view:
  // fields.grid is then a single row of P points whose coordinates are the columns of points, not a lattice.
  void evaluate_at_points(const Eigen::MatrixXd& points, GridFields& fields);
  // The same in slices: prepare_fields shapes `fields` for the grid and builds the reference model, then each
  // fill_fields_chunk fills one chunk (reference rows unless they are kept, then network points) until
  // progress.done(fields). The network and the reference must not change meanwhile. Chunk sizes come from
  // core/geometry/slice_size.h, never from a time budget, so sliced fields equal whole ones bit for bit.
  struct FieldProgress {
    int reference_row = 0;  // the next grid row of the reference part (grid_rows(fields) when kept)
    int next = 0;           // the next point of the network part
    bool done(const GridFields& fields) const { return reference_row >= grid_rows(fields) && next >= fields.size(); }
  };
  FieldProgress prepare_fields(const GridSpec& grid, GridFields& fields);
  void fill_fields_chunk(GridFields& fields, FieldProgress& progress);
  // Training codes x (K, n) of the current network (the inputs themselves without a projection layer).
  const MatrixF& training_codes();
  // The same in slices: while !codes_current(), each project_codes_chunk projects one chunk of training samples;
  // training_codes() then has nothing left to do. (It runs the same chunks itself, so the codes are the same.)
  bool codes_current() const { return codes_stamp_ == steps_; }
  // Whether fields and metrics need the training codes: a learned projection (or drawn points) sets the grid
  // from their bounding box, and a learned projection's KDE reference is built on them.
  bool fields_need_codes() const { return net_.projection_layer() >= 0 || config_.data == DataKind::drawn_points; }
  // The codes the fields need are not projected yet for this network: project_codes_chunk first.
  bool fields_wait_for_codes() const { return fields_need_codes() && !codes_current(); }
  void project_codes_chunk();
  // The reference model of the current parameters: the mixture, or the KDE on the current codes (building it if
  // needed, in one piece). Valid until the next training step.
  const CategoryModel& reference_model() { return reference(); }
  // The same when it is a KDE (drawn points, MNIST), to copy; nullptr for a mixture.
  const KdePosterior* kde_reference() {
    reference();
    return mixture_ ? nullptr : kde_.get();
  }
  // confusion[true][predicted] counts on the test set.
  std::vector<std::vector<int>> confusion_matrix() const;

 private:
  Experiment() = default;
  const CategoryModel& reference();  // rebuilds the KDE on fresh codes for learned projections
  void set_reference(std::unique_ptr<KdePosterior> kde);  // a new reference model gets a new reference_id_

  ScenarioConfig config_;
  DatasetSplit split_;
  Mlp net_;
  std::unique_ptr<Trainer> trainer_;
  std::unique_ptr<Mixture> mixture_;
  std::unique_ptr<KdePosterior> kde_;
  long long kde_stamp_ = -1;  // optimiser step count the KDE was built at
  unsigned long long reference_id_ = 0;  // unique over all runs, so cached reference fields never go stale
  MatrixF codes_;                // (K, n)
  long long codes_stamp_ = -1;   // the steps_ codes_ belongs to
  MatrixF codes_building_;       // (K, n), filled chunk by chunk
  MatrixF codes_chunk_;          // (K, chunk)
  int codes_next_ = 0;           // the next training sample of codes_building_
  long long codes_building_stamp_ = -1;
  double category_information_ = 0.0;
  double class_entropy_ = 0.0;
  double data_entropy_ = 0.0;
  std::vector<MetricsSnapshot> history_;
  GridFields metric_fields_;
  NetworkFieldEvaluator evaluator_;
  long long steps_ = 0;  // optimiser steps taken, stamps cached codes
  // A measurement in slices: the metric grid's network fields, then the test set, chunk by chunk. Chunk sizes
  // depend on the network only (core/geometry/slice_size.h), so sliced and whole measurements agree bit for bit.
  struct MeasureProgress {
    bool pending = false;
    bool prepared = false;
    FieldProgress fields;  // of metric_fields_
    int test_next = 0;  // the next test sample
    double loss_sum = 0.0, noisy_loss_sum = 0.0;
    int correct = 0;
    Rng noise = Rng(1);  // the test loss's representation noise, drawn in sample order (seeded by start_measure)
  } measure_;
  MatrixF test_probabilities_;  // (M, chunk)
  void start_measure();
  bool measure_done() const;
  void measure_chunk();  // one chunk of grid points or of test samples
  MetricsSnapshot finish_measure();
};

}  // namespace catgeo
