// The view's copy of the run, assembled from the engine's snapshots (engine/protocol.h): everything the panels and
// the JavaScript API read. Nothing here computes the science; it only keeps what the engine published.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/config/config.h"
#include "core/run/experiment.h"
#include "core/geometry/grid_fields.h"
#include "core/formats/run_report.h"
#include "core/information/information_loss_map.h"
#include "engine/protocol.h"

namespace catgeo {

struct RunView {
  // Merges a snapshot (parts it does not carry stay as they were). Returns false and changes nothing when the
  // snapshot's configuration link cannot be read back.
  bool apply(Snapshot&& snapshot);

  bool has_run() const { return facts.has_run; }
  bool fields_valid() const { return fields.size() > 0; }
  const MetricsSnapshot* latest() const { return history.empty() ? nullptr : &latest_measured(history); }
  const MetricsSnapshot* before() const { return history.empty() ? nullptr : &history.front(); }
  // The latest information row and the one of epoch 0 (nullptr until measured).
  const InformationRow* latest_information() const { return information.empty() ? nullptr : &information.back(); }
  const InformationRow* information_before() const {
    return !information.empty() && information.front().epoch == 0 ? &information.front() : nullptr;
  }
  // The digit a class index stands for (MNIST: config.mnist.digits[label]), else the label itself.
  int class_digit(int label) const;
  // How the page names a class: its digit for MNIST, else its 1-based number (class 1, 2, ...).
  int class_number(int label) const { return config.data == DataKind::mnist ? class_digit(label) : label + 1; }
  // The class's name in legends and tooltips: "digit 4" (MNIST), a table's own name ("setosa"), else "class 2".
  std::string class_name(int label) const;
  // What the run summaries (metrics(), the history export) say about the run besides its history.
  RunReportFacts report_facts() const;

  std::uint32_t completed = 0;  // every command with id <= completed has taken effect
  int snapshots = 0;            // snapshots applied so far
  ScenarioConfig config;        // what the engine runs
  int config_version = 0;       // bumps with every new configuration
  std::string share_link, share_notice;
  LoadOutcome load;
  RunFacts facts;
  RunState state = RunState::no_run;
  std::string message, status, mnist_state;
  int epoch = 0;
  double epoch_progress = 0.0;
  EnginePerf perf;
  std::vector<MetricsSnapshot> history;     // [0] is the state before training
  int history_version = 0;                  // changes with every change of history
  long measured_rows = 0;                   // rows of history the measured schedule measured
  std::vector<InformationRow> information;  // the information measures at the scheduled epochs, in epoch order
  std::vector<LayerMetricsRow> layer_metrics;  // per code layer at each measured epoch (networks with several)
  BiasVarianceMaps bias_variance;           // per grid point, of the latest information row (epoch -1: none)
  int bias_variance_version = 0;
  GridFields fields;  // display fields; size() 0 until computed
  int fields_version = 0;
  int fields_layer = -1;  // the hidden layer whose F_code fields.fcode holds (-1: r)
  std::vector<std::vector<int>> confusion;
  Eigen::MatrixXf samples;  // (K, n) training points or codes to draw
  std::vector<int> sample_labels;
  int samples_version = 0;
  int image_side = 0, gallery_total = 0, test_size = 0;
  std::vector<MisclassifiedDigit> gallery;
  ProbeResult probe;
  int probe_version = 0;
  CutResult cut;
  int cut_version = 0;
  PathResult path;
  int path_version = 0;
  DrawnResult drawn;  // the engine's reading of the digit pad's drawing
  DecoderResult decoder;  // the decoder check on the F_code map (view option decoder)
  int decoder_version = 0;
  LossMaps loss_maps;  // the information-loss maps (view option lossmap)
  int loss_maps_version = 0;
  WidthStudy width_study;  // the width study (view option widths)
};

// Readings of the copy that the panels and the scripting read-outs (app/run_json.h) share.
// Distance from A of each point of the cut, (1, P): the 1-D coordinate of its plot.
Eigen::MatrixXd cut_distances(const CutResult& cut);
// The measure the maps show (trace or largest eigenvalue) along the cut, each over its maximum on the cut.
std::vector<double> normalised_measure(const Eigen::MatrixXd& packed, const Eigen::MatrixXd& eigen,
                                       FieldMeasure measure);
// Where a loss map's loss sits, near the boundary or elsewhere (core/information/information_loss_map.h); NaN before
// its first map.
LossRegions loss_regions(const LossMap& m);

}  // namespace catgeo
