// The width study job: fresh runs at each width and noise level, trained and checked in bounded chunks.
#include "engine/width_study_job.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/base/number_text.h"
#include "core/config/parameters.h"
#include "core/link/share_link.h"
#include "core/geometry/slice_size.h"
#include "core/nn/trainer.h"

namespace catgeo {

std::string width_study_unavailable(const ScenarioConfig& config) {
  if (config.data != DataKind::mixture)
    return "the width study needs the exact p(x|μ) of a Gaussian mixture (I(μ; r) is estimated from it)";
  if (config.network.noise != NoiseModel::gauss) return "the width study varies σ of Gaussian noise, not dropout";
  return "";
}

std::vector<ScenarioConfig> width_study_configs(const ScenarioConfig& base) {
  const double sigma = base.network.noise_sigma;
  std::vector<double> sigmas = {sigma, std::min(2.0 * sigma, parameter("sigma").max)};
  if (sigmas[1] == sigmas[0]) sigmas.pop_back();
  std::vector<ScenarioConfig> out;
  for (double s : sigmas)
    for (int width : kWidthStudyWidths) {
      ScenarioConfig c = base;
      c.view = ViewConfig();
      c.network.noise_sigma = s;
      representation_spec(c.network).width = width;
      out.push_back(std::move(c));
    }
  return out;
}

WidthStudyJob::WidthStudyJob(const ScenarioConfig& base, const RepresentationInformationSettings& settings)
    : configs_(width_study_configs(base)), settings_(settings) {
  study_.state = StudyState::running;
  study_.runs_total = static_cast<int>(configs_.size());
  describe_next();
}

void WidthStudyJob::describe_next() {
  const ScenarioConfig& config = configs_[next_];
  study_.message = "run " + std::to_string(next_ + 1) + " of " + std::to_string(configs_.size()) + ": N = " +
                   std::to_string(representation_spec(config.network).width) + ", σ = " +
                   format_number(config.network.noise_sigma);
  study_.progress = 0.0;
}

void WidthStudyJob::step() {
  if (done()) return;
  const ScenarioConfig& config = configs_[next_];
  if (!run_) {
    Result<std::unique_ptr<Experiment>> created = Experiment::create(config);
    if (!created.ok()) {  // the base was valid: a width cannot make it invalid, but say so if it does
      study_.rows.push_back({encode_share_link(config), "failed: " + created.status.message, HighSnrCheck{}});
      finish_run();
      return;
    }
    run_ = std::move(created.value);
    return;
  }
  if (run_->measure_pending()) {
    run_->continue_measure(0.0);  // one chunk of the epoch's metrics
    return;
  }
  if (run_->trainer().state() == TrainerState::training) {
    StepBudget budget;
    budget.max_samples = samples_per_slice(run_->network());
    budget.defer_measure = true;
    run_->train(budget);
    study_.progress = 0.9 * run_->trainer().epoch() / std::max(1, config.training.epochs);
    return;
  }
  if (run_->trainer().state() == TrainerState::diverged) {
    HighSnrCheck failed;
    failed.width = representation_spec(config.network).width;
    failed.sigma = config.network.noise_sigma;
    failed.info_x = run_->category_information();
    failed.info_r = failed.info_r_se = failed.info_r_highsnr = std::numeric_limits<double>::quiet_NaN();
    study_.rows.push_back({encode_share_link(config), "diverged", failed});
    finish_run();
    return;
  }
  if (!check_) check_ = std::make_unique<HighSnrCheckProgress>(*run_, settings_);
  check_->step();
  study_.progress = std::max(study_.progress, 0.9);
  if (!check_->done()) return;
  study_.rows.push_back({encode_share_link(config), "finished", check_->result()});
  finish_run();
}

void WidthStudyJob::finish_run() {
  check_.reset();
  run_.reset();
  ++next_;
  study_.progress = 0.0;
  if (!done()) {
    describe_next();  // the message names the run under way from the moment the previous one's row is in
  } else {
    study_.state = StudyState::done;
    study_.message.clear();
  }
}

}  // namespace catgeo
