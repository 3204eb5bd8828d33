// catgeo sweep's Markdown tables, made from the runs' JSON lines (the link and catgeo train --json's keys), so that
// the tables of merged shards equal those of one process byte for byte.
#pragma once
#include <string>
#include <vector>

#include "core/run/experiment.h"
#include "core/base/json.h"
#include "core/base/status.h"

namespace catgeo::cli {

// A finished sweep run as the tables read it.
struct SweepRow {
  ScenarioConfig config;  // decoded from the link
  std::string link, state;
  int dims = 1;
  int width = 0;  // N, the width of r
  MetricsSnapshot before, after;
  // The width study's keys (--widths; NaN without them): I(mu; x), the I(mu; r) estimate, its se, the high-SNR form.
  double info_x = 0.0, info_r = 0.0, info_r_se = 0.0, info_r_highsnr = 0.0;
  bool has_width_study = false;
};

// A run's JSON line back into a row; fails with what is missing or wrong.
Result<SweepRow> sweep_row_from_json(const JsonValue& line);

// "both" (a summary over seeds, then every run), "summary" or "full"; the width study's table first when the rows
// carry it.
void print_sweep_tables(const std::vector<SweepRow>& rows, const std::string& table);

}  // namespace catgeo::cli
