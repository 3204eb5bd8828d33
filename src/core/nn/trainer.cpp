// Minibatch trainer: shuffled epochs, noisy forward/backward, optimiser step, budget and divergence checks.
#include "core/nn/trainer.h"

#include <chrono>
#include <cmath>
#include <sstream>

#include "core/base/check.h"

namespace catgeo {
namespace {

// A loss far above chance level, sustained over tens of batches, means the optimiser has blown up
// even when every number is still finite (saturated units keep the loss finite but huge).
constexpr double kLossSmoothing = 0.05;
constexpr double kExplodedLossFactor = 20.0;

}  // namespace

std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (stream + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

Trainer::Trainer(Mlp& net, const Dataset& train, const TrainingConfig& config)
    : net_(&net),
      data_(&train),
      config_(config),
      optimizer_(config.optimizer, config.learning_rate, net.parameters().size()),
      rng_(derive_seed(config.seed, 2)) {
  CATGEO_CHECK(train.size() > 0, "training data must not be empty");
  CATGEO_CHECK(config.batch_size > 0, "batch size must be positive");
  chance_loss_ = std::log(static_cast<double>(train.num_classes));
  smoothed_loss_ = chance_loss_;
  start_epoch();
}

void Trainer::start_epoch() {
  order_ = shuffled_indices(data_->size(), rng_);
  cursor_ = 0;
  epoch_loss_sum_ = 0.0;
}

double Trainer::epoch_progress() const {
  return epoch_ + static_cast<double>(cursor_) / static_cast<double>(data_->size());
}

bool Trainer::parameters_finite() const {
  for (float p : net_->parameters())
    if (!std::isfinite(p)) return false;
  return true;
}

void Trainer::diverge(const std::string& reason) {
  state_ = TrainerState::diverged;
  reason_ = reason;
  std::ostringstream text;
  text << "Training diverged in epoch " << epoch_ + 1 << ": " << reason << ". Lower the learning rate (now "
       << config_.learning_rate << ") and press Reset.";
  message_ = text.str();
}

StepReport Trainer::step(const StepBudget& budget) {
  CATGEO_CHECK(budget.max_samples > 0 || budget.max_seconds > 0.0, "a step budget needs a limit");
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  StepReport report;
  const int n = data_->size();
  while (state_ == TrainerState::training) {
    const int batch = std::min(config_.batch_size, n - cursor_);
    batch_inputs_.resize(data_->input_dim(), batch);
    batch_labels_.resize(batch);
    for (int j = 0; j < batch; ++j) {
      const int index = order_[cursor_ + j];
      batch_inputs_.col(j) = data_->inputs.col(index);
      batch_labels_[j] = data_->labels[index];
    }
    const float loss = net_->loss_and_gradient(batch_inputs_, batch_labels_.data(), &rng_, gradient_);
    if (!std::isfinite(loss)) {
      std::ostringstream reason;
      reason << "the loss became " << loss;
      diverge(reason.str());
      break;
    }
    smoothed_loss_ += kLossSmoothing * (loss - smoothed_loss_);
    if (smoothed_loss_ > kExplodedLossFactor * chance_loss_) {
      std::ostringstream reason;
      reason << "the loss rose to " << smoothed_loss_ << " nats per sample (chance level is " << chance_loss_ << ")";
      diverge(reason.str());
      break;
    }
    optimizer_.step(net_->parameters(), gradient_);
    epoch_loss_sum_ += static_cast<double>(loss) * batch;
    cursor_ += batch;
    ++report.batches;
    report.samples += batch;
    if (cursor_ >= n) {
      last_epoch_loss_ = static_cast<float>(epoch_loss_sum_ / n);
      ++epoch_;
      report.epoch_completed = true;
      if (epoch_ >= config_.epochs) state_ = TrainerState::finished;
      start_epoch();
      break;
    }
    if (budget.max_samples > 0 && report.samples >= budget.max_samples) break;
    if (budget.max_seconds > 0.0 &&
        std::chrono::duration<double>(Clock::now() - start).count() >= budget.max_seconds)
      break;
  }
  if (state_ != TrainerState::diverged && !parameters_finite()) {
    diverge("a weight became infinite or NaN");
  }
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return report;
}

}  // namespace catgeo
