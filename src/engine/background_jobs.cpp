// The background jobs' turns, and three of them: the information measurements, the decoder check and the per-layer
// metrics (the loss maps and the width study are background_studies.cpp).
#include "engine/background_jobs.h"

#include "engine/wall_clock.h"

namespace catgeo {

BackgroundJobs::BackgroundJobs() = default;
BackgroundJobs::~BackgroundJobs() = default;

// ---------------------------------------------------------------- runs, views and turns

void BackgroundJobs::clear_run(const ScenarioConfig& config) {
  information_jobs_.clear();  // they refer to the old run's mixture
  information_scheduled_ = -1;
  information_seconds_ = 0.0;
  information_history_.clear();
  information_sent_ = 0;
  bias_variance_ = BiasVarianceMaps();
  bias_variance_dirty_ = true;
  reset_decoder();  // of the old run's network
  reset_loss_maps();
  untrained_net_.reset();
  keep_or_drop_width_study(config);
  layer_jobs_.clear();
  layer_history_.clear();
  layer_sent_ = 0;
}

void BackgroundJobs::run_built(Experiment& run, int epochs) {
  untrained_net_ = std::make_unique<Mlp>(run.network());  // the loss map before training
  epoch_measured(run, epochs);                            // epoch 0
}

void BackgroundJobs::epoch_measured(Experiment& run, int epochs) {
  schedule_information(run, epochs);
  schedule_layer_metrics(run);
}

void BackgroundJobs::view_changed(const ViewConfig& before, const ViewConfig& after) {
  if (after.decoder != before.decoder) reset_decoder();
  if (after.loss_map != before.loss_map) reset_loss_maps();
}

void BackgroundJobs::start_due(const RunScene& scene) {
  if (decoder_due(scene)) {  // on the network the display fields show (a copy), before training moves on
    const double start = wall_seconds();
    decoder_job_ = std::make_unique<DecoderJob>(*scene.run, decoder_check_points(*scene.run, scene.fields->grid));
    decoder_fields_version_ = scene.fields_version;
    decoder_started_ = start;
    decoder_seconds_ = wall_seconds() - start;
  }
  if (loss_map_due(scene)) start_loss_map(scene);
}

bool BackgroundJobs::has_work(int kind) const {
  switch (kind) {
    case 0: return !information_jobs_.empty();
    case 1: return decoder_job_ != nullptr;
    case 2: return !layer_jobs_.empty();
    case 3: return loss_map_job_ != nullptr;
    default: return width_study_job_ != nullptr;
  }
}

bool BackgroundJobs::waiting() const {
  for (int kind = 0; kind < kJobKinds; ++kind)
    if (has_work(kind)) return true;
  return false;
}

void BackgroundJobs::take_turn(double budget_seconds) {
  int job = turn_;
  while (!has_work(job % kJobKinds)) ++job;
  turn_ = (job + 1) % kJobKinds;
  switch (job % kJobKinds) {
    case 0: continue_information(budget_seconds); break;
    case 1: continue_decoder(budget_seconds); break;
    case 2: continue_layer_metrics(budget_seconds); break;
    case 3: continue_loss_map(budget_seconds); break;
    default: continue_width_study(budget_seconds); break;
  }
}

void BackgroundJobs::new_tick() {
  information_work_last_tick_ = 0;
  information_chunks_last_tick_ = 0;
  decoder_work_last_tick_ = 0;
  decoder_chunks_last_tick_ = 0;
}

// ---------------------------------------------------------------- the information measurements

void BackgroundJobs::schedule_information(Experiment& run, int epochs) {
  const int epoch = run.trainer().epoch();
  if (epoch <= information_scheduled_ || !information_due(epoch, epochs)) return;
  information_jobs_.push_back(std::make_unique<InformationProgress>(run));
  information_scheduled_ = epoch;
}

void BackgroundJobs::continue_information(double budget_seconds) {
  const double start = wall_seconds();
  do {  // at least one chunk, so that any budget makes progress
    InformationProgress& job = *information_jobs_.front();
    const double chunk_start = wall_seconds();
    information_work_last_tick_ += job.step();
    ++information_chunks_last_tick_;
    information_seconds_ += wall_seconds() - chunk_start;
    if (!job.done()) continue;
    information_ms_last_ = 1000.0 * information_seconds_;
    information_seconds_ = 0.0;
    information_history_.push_back(InformationRow{job.epoch(), job.summary()});
    bias_variance_.epoch = job.epoch();
    bias_variance_.grid = job.fields().grid;
    bias_variance_.noise = job.bias_variance().noise;
    bias_variance_.bias = job.bias_variance().bias;
    bias_variance_.variance = job.bias_variance().variance;
    bias_variance_dirty_ = true;
    information_jobs_.pop_front();
  } while (!information_jobs_.empty() && wall_seconds() - start < budget_seconds);
}

// ---------------------------------------------------------------- the decoder check

void BackgroundJobs::reset_decoder() {
  decoder_job_.reset();
  decoder_ = DecoderResult();
  decoder_fields_version_ = -1;
  decoder_started_ = -1e9;
  decoder_seconds_ = 0.0;
  decoder_dirty_ = true;
}

bool BackgroundJobs::decoder_due(const RunScene& scene) const {
  if (!scene.decoder_wanted || !scene.run || scene.run->dims() != 2 || decoder_job_ || !scene.fields_current)
    return false;
  const GridFields& fields = *scene.fields;
  if (fields.size() == 0 || fields.dims() != 2 || decoder_fields_version_ == scene.fields_version) return false;
  if (scene.diverged) return false;
  // While training, at most every kDecoderInterval; paused or finished, once for the fields shown.
  return !scene.training || wall_seconds() - decoder_started_ >= kDecoderInterval;
}

void BackgroundJobs::continue_decoder(double budget_seconds) {
  const double start = wall_seconds();
  do {  // at least one chunk
    decoder_work_last_tick_ += decoder_job_->step();
    ++decoder_chunks_last_tick_;
  } while (!decoder_job_->done() && wall_seconds() - start < budget_seconds);
  decoder_seconds_ += wall_seconds() - start;
  if (!decoder_job_->done()) return;
  decoder_ = decoder_job_->result();
  decoder_job_.reset();
  decoder_ms_last_ = 1000.0 * decoder_seconds_;
  decoder_seconds_ = 0.0;
  decoder_dirty_ = true;
}

// ---------------------------------------------------------------- the per-layer metrics

void BackgroundJobs::schedule_layer_metrics(Experiment& run) {
  if (code_layers(run.network()).size() < 2) return;
  const int epoch = run.trainer().epoch();
  if (!layer_jobs_.empty() && layer_jobs_.back()->row().epoch == epoch) return;
  if (!layer_history_.empty() && layer_history_.back().epoch == epoch) return;
  layer_jobs_.push_back(std::make_unique<LayerMetricsJob>(run));
}

void BackgroundJobs::continue_layer_metrics(double budget_seconds) {
  const double start = wall_seconds();
  do {  // at least one chunk
    LayerMetricsJob& job = *layer_jobs_.front();
    job.step();
    if (!job.done()) continue;
    layer_history_.push_back(job.row());
    layer_jobs_.pop_front();
  } while (!layer_jobs_.empty() && wall_seconds() - start < budget_seconds);
}

// ---------------------------------------------------------------- publishing

bool BackgroundJobs::changed() const {
  return bias_variance_dirty_ || decoder_dirty_ || loss_maps_dirty_ || width_study_dirty_ ||
         layer_sent_ < layer_history_.size() || information_sent_ < information_history_.size();
}

void BackgroundJobs::publish(Snapshot& s) {
  s.perf.info_ms_last = information_ms_last_;
  s.perf.info_queued = static_cast<int>(information_jobs_.size());
  s.perf.decoder_ms_last = decoder_ms_last_;
  s.new_information.assign(information_history_.begin() + static_cast<std::ptrdiff_t>(information_sent_),
                           information_history_.end());
  information_sent_ = information_history_.size();
  s.new_layer_metrics.assign(layer_history_.begin() + static_cast<std::ptrdiff_t>(layer_sent_), layer_history_.end());
  layer_sent_ = layer_history_.size();
  if (bias_variance_dirty_) s.has_bias_variance = true, s.bias_variance = bias_variance_;
  if (decoder_dirty_) s.has_decoder = true, s.decoder = decoder_;
  if (loss_maps_dirty_) s.has_loss_maps = true, s.loss_maps = loss_maps_;
  if (width_study_dirty_) s.has_width_study = true, s.width_study = width_study_;
  bias_variance_dirty_ = decoder_dirty_ = loss_maps_dirty_ = width_study_dirty_ = false;
}

}  // namespace catgeo
