// One metric against epoch, drawn as a figure: value and epoch axes with ticks (a log axis labelled in powers of ten),
// the value before training as a dashed line, the history decimated to the chart's pixels, and a hover read-out.
#pragma once
#include <vector>

#include "app/chart_axes.h"
#include "core/experiment.h"
#include "imgui.h"

namespace catgeo {

struct ChartHover {
  bool active = false;  // the mouse is over the plot
  double epoch = 0.0;   // the nearest recorded epoch
  double value = 0.0;   // its value (NaN: not defined then)
};

// Draws at the cursor (an ImGui item of `size`). Returns what the mouse points at.
ChartHover metric_chart(const char* title, const std::vector<MetricsSnapshot>& history,
                        double (*get)(const MetricsSnapshot&), bool log_axis, ImVec2 size);

}  // namespace catgeo
