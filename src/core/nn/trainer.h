// Minibatch trainer: step(budget) never loops unbounded, stops at epoch ends, detects divergence.
#pragma once
#include <string>
#include <vector>

#include "core/config/config.h"
#include "core/data/dataset.h"
#include "core/nn/mlp.h"
#include "core/nn/optimizer.h"
#include "core/base/rng.h"

namespace catgeo {

// How much one step() call may do. Zero means "no limit" for that field, but at least one must be set.
struct StepBudget {
  long long max_samples = 0;
  double max_seconds = 0.0;
  // Experiment::train only: leave the metrics of an epoch that ends in this call for Experiment::continue_measure,
  // so that a caller working in time slices never waits for a whole measurement.
  bool defer_measure = false;
};

struct StepReport {
  int batches = 0;
  long long samples = 0;
  bool epoch_completed = false;  // the call stopped because an epoch ended (measure now)
  double seconds = 0.0;
};

enum class TrainerState { training, finished, diverged };

class Trainer {
 public:
  // The trainer keeps pointers to net and data: both must outlive it.
  Trainer(Mlp& net, const Dataset& train, const TrainingConfig& config);

  StepReport step(const StepBudget& budget);

  int epoch() const { return epoch_; }                    // completed epochs
  double epoch_progress() const;                          // epoch() + fraction of the current one
  TrainerState state() const { return state_; }
  const std::string& message() const { return message_; }  // why it diverged, worded for the page
  const std::string& divergence_reason() const { return reason_; }  // the bare cause ("the loss became nan")
  float last_epoch_loss() const { return last_epoch_loss_; }  // mean noisy training loss

 private:
  void start_epoch();
  void diverge(const std::string& reason);  // the state, reason and message of a diverged run
  bool parameters_finite() const;

  Mlp* net_;
  const Dataset* data_;
  TrainingConfig config_;
  Optimizer optimizer_;
  Rng rng_;  // minibatch order and representation noise
  std::vector<int> order_;
  int cursor_ = 0;
  int epoch_ = 0;
  double epoch_loss_sum_ = 0.0;
  double chance_loss_ = 0.0;    // ln M
  double smoothed_loss_ = 0.0;  // exponential moving average of batch losses
  float last_epoch_loss_ = 0.0f;
  TrainerState state_ = TrainerState::training;
  std::string message_;
  std::string reason_;
  ParameterVector gradient_;
  MatrixF batch_inputs_;  // (D, B) gathered columns
  std::vector<int> batch_labels_;
};

// Independent random streams derived from one user seed (initialisation, data, training, ...).
std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream);

}  // namespace catgeo
