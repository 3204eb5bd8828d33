// One metric against epoch, drawn as a figure: value and epoch axes with ticks (a log axis labelled in powers of ten),
// the value before training as a dashed line, the history decimated to the chart's pixels, and a hover read-out.
#pragma once
#include <vector>

#include "app/chart_axes.h"
#include "core/run/experiment.h"
#include "imgui.h"

namespace catgeo {

struct ChartHover {
  bool active = false;  // the mouse is over the plot
  double epoch = 0.0;   // the nearest recorded epoch
  double value = 0.0;   // its value (NaN: not defined then)
};

// One chart's last pass over the history (thousands of rows are many to read every frame): its value range, latest
// value and the decimated line, kept until the history or the chart's width changes.
struct ChartPass {
  struct Column {      // one pair of pixel columns
    bool flush;        // the line breaks here (a measured epoch without a value)
    bool point;        // else: a point at (epoch, last), and a stroke from min to max when they differ
    double epoch, min, max, last;
  };
  int history_version = -1;
  double lo = 0.0, hi = 0.0, now = 0.0;  // value range (log10 on a log axis); the latest value
  int columns = 0;
  std::vector<Column> line;
};

// Draws at the cursor (an ImGui item of `size`). Returns what the mouse points at. `history_version` changes with
// every change of `history`; `pass` is this chart's own (see ChartPass).
ChartHover metric_chart(const char* title, const std::vector<MetricsSnapshot>& history, int history_version,
                        double (*get)(const MetricsSnapshot&), bool log_axis, ImVec2 size, ChartPass& pass);

}  // namespace catgeo
