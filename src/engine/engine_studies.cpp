// The engine's study jobs (issue 20): the information-loss maps of view option lossmap and the width study of
// set_option width_study, background work beside the information measurements (see Engine::tick).
#include <algorithm>
#include <chrono>

#include "core/link/share_link.h"
#include "engine/engine.h"

namespace catgeo {
namespace {

constexpr double kLossMapInterval = 3.0;  // while training, seconds between the starts of two maps of the latest network

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// The settings a width study belongs to: the configuration without its view.
ScenarioConfig study_base(const ScenarioConfig& config) {
  ScenarioConfig base = config;
  base.view = ViewConfig();
  return base;
}

}  // namespace

// ---------------------------------------------------------------- the loss maps

void Engine::reset_loss_maps() {
  loss_map_job_.reset();
  loss_maps_ = LossMaps();
  loss_map_fields_version_ = -1;
  loss_map_started_ = -1e9;
  loss_maps_dirty_ = true;
}

bool Engine::loss_map_due() const {
  if (!config_.view.loss_map || !run_ || !run_->mixture() || loss_map_job_ || !untrained_net_) return false;
  if (loss_maps_.before.epoch < 0) return true;  // the untrained network's first
  if (job_.active || fields_stale_ || state() == RunState::diverged || run_->trainer().epoch() == 0) return false;
  if (loss_map_fields_version_ == fields_version_) return false;
  // While training, at most every kLossMapInterval; paused or finished, once for the fields shown.
  return !training_wanted() || now_seconds() - loss_map_started_ >= kLossMapInterval;
}

void Engine::start_loss_map() {
  loss_map_job_before_ = loss_maps_.before.epoch < 0;
  const Mlp& net = loss_map_job_before_ ? *untrained_net_ : run_->network();
  loss_map_job_ = std::make_unique<LossMapJob>(*run_->mixture(), net, loss_map_job_before_ ? 0 : run_->trainer().epoch(),
                                               run_->config().training.seed);
  if (!loss_map_job_before_) loss_map_fields_version_ = fields_version_;
  loss_map_started_ = now_seconds();
  loss_maps_.points_done = 0;
  loss_maps_.points_total = loss_map_job_->points_total();
  loss_maps_dirty_ = true;
}

void Engine::continue_loss_map(double budget_seconds) {
  const double start = now_seconds();
  do {  // at least one point
    loss_map_job_->step();
  } while (!loss_map_job_->done() && now_seconds() - start < budget_seconds);
  loss_maps_.points_done = loss_map_job_->points_done();
  loss_maps_dirty_ = true;
  if (!loss_map_job_->done()) return;
  (loss_map_job_before_ ? loss_maps_.before : loss_maps_.latest) = loss_map_job_->result();
  loss_map_job_.reset();
  loss_maps_.points_done = loss_maps_.points_total = 0;
  state_dirty_ = true;
}

// ---------------------------------------------------------------- the width study

void Engine::set_width_study(bool run) {
  width_study_dirty_ = true;
  if (!run) {
    if (width_study_job_) {
      width_study_job_.reset();
      width_study_.state = StudyState::cancelled;
      width_study_.message = "cancelled after " + std::to_string(width_study_.rows.size()) + " of " +
                             std::to_string(width_study_.runs_total) + " runs";
      width_study_.progress = 0.0;
    }
    return;
  }
  width_study_ = WidthStudy();
  width_study_base_ = study_base(config_);
  const std::string why = width_study_unavailable(config_);
  if (!why.empty()) {
    width_study_.state = StudyState::unavailable;
    width_study_.message = why;
    return;
  }
  width_study_job_ = std::make_unique<WidthStudyJob>(config_);
  width_study_ = width_study_job_->study();
}

void Engine::keep_or_drop_width_study() {
  if (width_study_.state == StudyState::idle || configs_equal(study_base(config_), width_study_base_)) return;
  width_study_job_.reset();  // another preset or other settings: the study no longer describes the run
  width_study_ = WidthStudy();
  width_study_dirty_ = true;
}

void Engine::continue_width_study(double budget_seconds) {
  const double start = now_seconds();
  do {  // at least one chunk
    width_study_job_->step();
  } while (!width_study_job_->done() && now_seconds() - start < budget_seconds);
  width_study_ = width_study_job_->study();
  width_study_dirty_ = true;
  if (width_study_job_->done()) {
    width_study_job_.reset();
    state_dirty_ = true;
  }
}

}  // namespace catgeo
