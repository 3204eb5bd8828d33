// The engine's snapshot publisher: what changed since the last snapshot, when the next may go (engine/publish_gate.h),
// and the snapshot itself.
#include "core/link/share_link.h"
#include "engine/engine.h"
#include "engine/mnist_source.h"
#include "engine/wall_clock.h"

namespace catgeo {

bool Engine::changed() const {
  return state_dirty_ || config_dirty_ || load_dirty_ || facts_dirty_ || refresh_.changed() ||
         samples_dirty_ || points_.changed() || history_reset_ || jobs_.changed() ||
         (run_ && history_sent_ < run_->history().size());
}

bool Engine::has_news() const { return gate_.may_publish(completed(), changed(), wall_seconds()); }

Snapshot Engine::take_snapshot() {
  Snapshot s;
  s.completed = completed();
  if (config_dirty_) {
    s.has_config = true;
    s.config = config_;
    s.share_link = encode_share_link(config_, &s.share_notice);
  }
  if (load_dirty_) s.has_load = true, s.load = load_;
  if (facts_dirty_) {
    s.has_facts = true;
    s.facts.serial = runs_created_;
    s.facts.has_run = run_ != nullptr;
    if (run_) {
      s.facts.dims = run_->dims();
      s.facts.num_classes = run_->num_classes();
      s.facts.reference_exact = run_->reference_is_exact();
      s.facts.learned_projection = run_->network().projection_layer() >= 0;
      s.facts.info_x = run_->category_information();
      s.facts.class_entropy = run_->class_entropy();
    }
  }
  s.state = state();
  s.status = status_;
  s.message = status_;
  if (s.state == RunState::diverged) {
    const std::string& m = run_->trainer().message();
    s.message = m.empty() ? std::string("training diverged") : m;
  }
  if (run_) {
    s.epoch = run_->trainer().epoch();
    s.epoch_progress = run_->trainer().epoch_progress();
  }
  s.mnist_state = mnist_state_name(mnist_state());
  s.perf = meter_.perf();
  s.history_reset = history_reset_;
  if (history_reset_) history_sent_ = 0;
  if (run_) {
    const std::vector<MetricsSnapshot>& history = run_->history();
    s.new_history.assign(history.begin() + static_cast<std::ptrdiff_t>(history_sent_), history.end());
    history_sent_ = history.size();
  }
  jobs_.publish(s);
  refresh_.publish(s, run_.get());
  if (samples_dirty_) {
    s.has_samples = true;
    s.samples = samples_;
    s.sample_labels = sample_labels_;
  }
  points_.publish(s);
  config_dirty_ = load_dirty_ = facts_dirty_ = history_reset_ = samples_dirty_ = false;
  state_dirty_ = false;
  gate_.published(s.completed, wall_seconds());
  return s;
}

}  // namespace catgeo
