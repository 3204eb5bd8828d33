// Export formats of a run for papers and slides: grid fields as CSV, metric history and config as JSON; std only.
#pragma once
#include <string>

#include "core/config/config.h"
#include "core/run/experiment.h"
#include "core/geometry/grid_fields.h"
#include "core/base/json.h"

namespace catgeo {

// The grid fields as CSV: one header line, then one line per grid point in grid order (x fastest, then y), '\n'
// line ends, numbers in the shortest form that reads back exactly. M = fields.num_classes; classes are numbered
// 1..M in label order (for MNIST: the kept digits in order).
//   1-D columns: x, p_1..p_M, fcat, q_1..q_M, fcode, fcat_self
//   2-D columns: x1, x2, p_1..p_M, f11, f12, f22, q_1..q_M, c11, c12, c22, s11, s12, s22
// p_m = P(m|x) of the reference model, fcat / f.. = its categorical Fisher information F_cat (2-D: the upper
// triangle of the 2x2 matrix), q_m = the network's noiseless posterior, fcode / c.. = F_code (J^T J / sigma^2;
// for dropout noise sum_i (1/alpha + 2) grad f_i grad f_i^T / f_i^2), fcat_self / s.. = F_cat computed from the
// network's own posterior q. Cells of a group that was not evaluated (no reference or no network yet) and non-finite
// values are left empty.
std::string fields_to_csv(const GridFields& fields);

// Every metric snapshot of the run: run_summary(run, true) (core/formats/run_report.h) as compact JSON; "history"[0] is
// the state before training.
std::string history_to_json(const Experiment& run);

// Every field of the configuration, readable: link (the exact share link), id, title, data, classes (mean, cov,
// prior), points ([x, y, label] each), mnist, train_samples, test_samples, data_seed, network, training, grid, view.
// Seeds above 2^53 are written as decimal strings (a JSON number could not hold them exactly).
JsonValue config_to_json_value(const ScenarioConfig& config);
// A seed as JSON: a number up to 2^53, above that a decimal string (a JSON number could not hold it exactly).
JsonValue seed_json(std::uint64_t seed);
// [{width, activation}] of the hidden layers (shared by the config export and the page's config()).
JsonValue hidden_layers_json(const std::vector<LayerSpec>& hidden);
std::string config_to_json(const ScenarioConfig& config);

}  // namespace catgeo
