// The engine's width study (view option widths): the run's settings at each width of kWidthStudyWidths for r and at
// noise sigma and 2 sigma, each trained to the end in a fresh run and checked (core/analysis/high_snr_check.h), one
// bounded chunk per step(): a run built, a slice of training or of its per-epoch metrics, a chunk of the check. Core +
// std.
#pragma once
#include <cstddef>
#include <memory>
#include <vector>

#include "core/config/config.h"
#include "core/run/experiment.h"
#include "core/analysis/high_snr_check.h"
#include "engine/protocol.h"

namespace catgeo {

// The study's runs for `base` (a mixture with Gaussian noise): sigma, then min(2 sigma, the table's limit), each at
// every width, the base's seed; the rest of `base` (layers other than r, epochs, data) as it is.
std::vector<ScenarioConfig> width_study_configs(const ScenarioConfig& base);
// Why the study does not apply to `config` ("" when it does): drawn points and MNIST have no exact p(x|mu); dropout
// noise has no sigma.
std::string width_study_unavailable(const ScenarioConfig& config);

class WidthStudyJob {
 public:
  // settings: of each run's I(mu; r) estimate (the default: catgeo train --json's, so each row equals that run's).
  explicit WidthStudyJob(const ScenarioConfig& base, const RepresentationInformationSettings& settings = {});
  bool done() const { return next_ >= configs_.size(); }
  void step();
  const WidthStudy& study() const { return study_; }  // the rows so far and the progress of the run under way

 private:
  void describe_next();  // the message and progress of the run under way (configs_[next_])
  void finish_run();

  std::vector<ScenarioConfig> configs_;
  RepresentationInformationSettings settings_;
  std::size_t next_ = 0;  // the run under way
  std::unique_ptr<Experiment> run_;
  std::unique_ptr<HighSnrCheckProgress> check_;
  WidthStudy study_;
};

}  // namespace catgeo
