// The run's matching metrics on the page: the table of each metric before training and now, the charts of each
// against epoch (their own state: one decimated pass per chart), and the test set's confusion matrix.
#pragma once
#include <vector>

#include "app/metric_chart.h"
#include "app/panel_context.h"
#include "app/run_view.h"

namespace catgeo {

void draw_metric_table(const RunView& view);      // metric, before, now (the metrics of the run's dimension)
void draw_confusion_matrix(const RunView& view);  // true against predicted counts on the test set

class MetricChartsPanel {
 public:
  // A grid of charts in the room left in the window (at least 13 ems wide each, up to 4 columns); the chart the tour
  // step `step` (null: none) names is marked.
  void draw(const RunView& view, const TourStep* step, const MarkTourFocus& mark);

 private:
  std::vector<ChartPass> passes_;  // one per metric
};

}  // namespace catgeo
