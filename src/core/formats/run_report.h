// JSON views of a run (metrics snapshots, history, summary) shared by the CLI and the page's JS API.
#pragma once
#include <string>
#include <vector>

#include "core/analysis/decoder_check.h"
#include "core/run/experiment.h"
#include "core/analysis/information_summary.h"
#include "core/base/json.h"
#include "core/analysis/layer_fisher.h"

namespace catgeo {

// Flat object: epoch, train_loss, test_loss, test_accuracy, info_r_lower_bound, loglog_r, spearman_r,
// contrast, exponent, info_loss, and (1-D) fcat_peaks, fcode_peaks, boundaries, peak_boundary_distance,
// fcode_fcat_peak_distance or (2-D) angle_deg_weighted, angle_deg_top20. NaN values are written as null.
JsonValue snapshot_to_json(const MetricsSnapshot& snapshot, int dims);

// The inverse for the keys above (a missing or null value reads as NaN, a missing list as empty): what a table made
// from JSON lines needs (catgeo sweep --merge). Exact: numbers are written in their shortest exact form.
MetricsSnapshot snapshot_from_json(const JsonValue& object);

// What a summary says about the run besides its history.
struct RunReportFacts {
  std::string scenario;
  int epochs = 0;  // completed
  std::string state;
  std::string message;
  bool reference_exact = true;
  double info_x = 0.0;  // I(mu; x), NaN when estimated
  int dims = 1;
};
RunReportFacts report_facts(const Experiment& run);

// The CLI/JS summary: the latest measured snapshot's fields at top level plus scenario, epochs, state, message,
// info_x (I(mu; x), null when estimated), reference ("exact" | "kde"), "before" (the snapshot before
// training) and, with include_history, "history" (every snapshot; a row left out by the engine's measured schedule
// has "measured": false and nulls). history must not be empty.
JsonValue run_summary(const RunReportFacts& facts, const std::vector<MetricsSnapshot>& history, bool include_history);
JsonValue run_summary(const Experiment& run, bool include_history);
// The same plus the information measures (core/analysis/information_summary.h) of the latest state at top level and of
// the state before training inside "before": info_r, info_r_se, info_r_highsnr, coding_cost, decoding_cost,
// decoding_cost_se, bayes_cost, bv_noise, bv_bias, bv_variance, info_xr, info_xr_se, info_xr_highsnr,
// fcode_over_fcat_cv, info_x_kde, info_x_kde_se (nats except fcode_over_fcat_cv; null where not available, e.g. info_r
// for estimated references).
JsonValue run_summary(const Experiment& run, bool include_history, const InformationSummary& before,
                      const InformationSummary& latest);
// The information keys above, added to an object.
void add_information(const InformationSummary& info, JsonValue& object);
// info_loss_mc, info_loss_mc_se (nats, the p(x)-average of the information-loss map), info_loss_near_boundary,
// info_loss_elsewhere (nats per point, p(x)-weighted, where tr F_cat >= 25% of its largest value and elsewhere),
// info_loss_share_near_boundary; null for estimated references. Added to an object.
void add_information_checks(const InformationChecks& checks, JsonValue& object);
// A summary of run_summary(facts, history, ...) with the information keys inserted as above (the latest state's
// at top level before "before", the state before training's inside it). The page's metrics() passes
// unmeasured_information() for a state not measured yet: every key null.
JsonValue with_information(const JsonValue& summary, const InformationSummary& before,
                           const InformationSummary& latest);
InformationSummary unmeasured_information();  // every value NaN

// One object per code layer (core/analysis/layer_fisher.h): index, contrast, loglog_r and (2-D) angle_deg_weighted.
JsonValue layers_to_json(const std::vector<LayerMatch>& layers, int dims);
// points, median_rel_error, sigma (dropout: alpha), draws of a decoder check (core/analysis/decoder_check.h).
JsonValue decoder_check_to_json(const DecoderCheck& check);

const char* to_string(TrainerState state);

}  // namespace catgeo
