// Two of the background jobs (issue 20): the information-loss maps of view option lossmap and the width study of
// set_option width_study.
#include <string>

#include "core/link/share_link.h"
#include "engine/background_jobs.h"
#include "engine/wall_clock.h"

namespace catgeo {
namespace {

// The settings a width study belongs to: the configuration without its view.
ScenarioConfig study_base(const ScenarioConfig& config) {
  ScenarioConfig base = config;
  base.view = ViewConfig();
  return base;
}

}  // namespace

// ---------------------------------------------------------------- the loss maps

void BackgroundJobs::reset_loss_maps() {
  loss_map_job_.reset();
  loss_maps_ = LossMaps();
  loss_map_fields_version_ = -1;
  loss_map_started_ = -1e9;
  loss_maps_dirty_ = true;
}

bool BackgroundJobs::loss_map_due(const RunScene& scene) const {
  const Experiment* run = scene.run;
  if (!scene.loss_map_wanted || !run || !run->mixture() || loss_map_job_ || !untrained_net_) return false;
  if (loss_maps_.before.epoch < 0) return true;  // the untrained network's first
  if (!scene.fields_current || scene.diverged || run->trainer().epoch() == 0) return false;
  if (loss_map_fields_version_ == scene.fields_version) return false;
  // While training, at most every kLossMapInterval; paused or finished, once for the fields shown.
  return !scene.training || wall_seconds() - loss_map_started_ >= kLossMapInterval;
}

void BackgroundJobs::start_loss_map(const RunScene& scene) {
  const Experiment& run = *scene.run;
  loss_map_job_before_ = loss_maps_.before.epoch < 0;
  const Mlp& net = loss_map_job_before_ ? *untrained_net_ : run.network();
  loss_map_job_ = std::make_unique<LossMapJob>(*run.mixture(), net, loss_map_job_before_ ? 0 : run.trainer().epoch(),
                                               run.config().training.seed);
  if (!loss_map_job_before_) loss_map_fields_version_ = scene.fields_version;
  loss_map_started_ = wall_seconds();
  loss_maps_.points_done = 0;
  loss_maps_.points_total = loss_map_job_->points_total();
  loss_maps_dirty_ = true;
}

void BackgroundJobs::continue_loss_map(double budget_seconds) {
  const double start = wall_seconds();
  do {  // at least one point
    loss_map_job_->step();
  } while (!loss_map_job_->done() && wall_seconds() - start < budget_seconds);
  loss_maps_.points_done = loss_map_job_->points_done();
  loss_maps_dirty_ = true;
  if (!loss_map_job_->done()) return;
  (loss_map_job_before_ ? loss_maps_.before : loss_maps_.latest) = loss_map_job_->result();
  loss_map_job_.reset();
  loss_maps_.points_done = loss_maps_.points_total = 0;
}

// ---------------------------------------------------------------- the width study

void BackgroundJobs::set_width_study(bool run, const ScenarioConfig& config) {
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
  width_study_base_ = study_base(config);
  const std::string why = width_study_unavailable(config);
  if (!why.empty()) {
    width_study_.state = StudyState::unavailable;
    width_study_.message = why;
    return;
  }
  width_study_job_ = std::make_unique<WidthStudyJob>(config);
  width_study_ = width_study_job_->study();
}

void BackgroundJobs::keep_or_drop_width_study(const ScenarioConfig& config) {
  if (width_study_.state == StudyState::idle || configs_equal(study_base(config), width_study_base_)) return;
  width_study_job_.reset();  // another preset or other settings: the study no longer describes the run
  width_study_ = WidthStudy();
  width_study_dirty_ = true;
}

void BackgroundJobs::continue_width_study(double budget_seconds) {
  const double start = wall_seconds();
  do {  // at least one chunk
    width_study_job_->step();
  } while (!width_study_job_->done() && wall_seconds() - start < budget_seconds);
  width_study_ = width_study_job_->study();
  width_study_dirty_ = true;
  if (width_study_job_->done()) width_study_job_.reset();
}

}  // namespace catgeo
