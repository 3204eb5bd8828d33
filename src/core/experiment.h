// One CatGeo run: data, reference category model, network, trainer, metric history and field evaluation.
// The page, the CLI and the tests all drive runs through this class.
#pragma once
#include <memory>
#include <vector>

#include "core/config.h"
#include "core/dataset.h"
#include "core/grid_fields.h"
#include "core/kde_posterior.h"
#include "core/metrics.h"
#include "core/mixture.h"
#include "core/mlp.h"
#include "core/trainer.h"

namespace catgeo {

struct MetricsSnapshot {
  double epoch = 0.0;
  double train_loss = 0.0;     // mean noisy training loss of the last epoch (NaN before training)
  double test_loss = 0.0;      // clean cross-entropy on the test set
  double test_accuracy = 0.0;  // fraction correct on the test set
  double info_r_lower_bound = 0.0;  // H(mu) - noisy test cross-entropy: a lower bound on I(mu; r), nats
  MatchMetrics match;
};

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
  // I(mu; x) of the generative mixture (NaN for estimated references).
  double category_information() const { return category_information_; }

  // Trains under the budget; at each epoch end appends a snapshot to history() (with budget.defer_measure the
  // snapshot is left pending for continue_measure). A pending measurement is finished first.
  StepReport train(const StepBudget& budget);
  // The epoch ended but its metrics are not measured yet (train with defer_measure).
  bool measure_pending() const { return measure_.pending; }
  // Works on the pending measurement for about budget_seconds (at least one chunk of grid points); returns true
  // once it is finished and appended to history(). The same numbers as an undeferred measurement, bit for bit.
  bool continue_measure(double budget_seconds);
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
  // The same in slices: prepare_fields shapes `fields` for the grid and fills the reference part, then
  // evaluate_network_fields fills the network part of points [begin, end) (the network must not change meanwhile).
  void prepare_fields(const GridSpec& grid, GridFields& fields);
  void evaluate_network_fields(GridFields& fields, int begin, int end);
  // Training codes x (K, n) of the current network (the inputs themselves without a projection layer).
  const MatrixF& training_codes();
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
  MatrixF codes_;
  long long codes_stamp_ = -1;
  double category_information_ = 0.0;
  double class_entropy_ = 0.0;
  std::vector<MetricsSnapshot> history_;
  GridFields metric_fields_;
  NetworkFieldEvaluator evaluator_;
  long long steps_ = 0;  // optimiser steps taken, stamps cached codes
  struct MeasureProgress {  // a measurement in slices: the metric grid's network fields, chunk by chunk
    bool pending = false;
    bool prepared = false;
    int next = 0;
  } measure_;
  void start_measure();
  void measure_points(int end);
  MetricsSnapshot finish_measure();
};

}  // namespace catgeo
