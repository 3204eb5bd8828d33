// The engine/view message protocol (version kProtocolVersion): commands in, snapshots out; plain data, std + core only.
// The view sends Commands; the engine answers with Snapshots that carry only what changed since the previous one.
// Both cross the Web Worker boundary as bytes (engine/protocol_codec.h); natively they cross in process the same way.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/config/config.h"
#include "core/run/experiment.h"
#include "core/geometry/grid_fields.h"
#include "core/analysis/high_snr_check.h"
#include "core/analysis/information_summary.h"
#include "core/analysis/layer_fisher.h"
#include "core/information/information_loss_map.h"
#include "engine/cut.h"

namespace catgeo {

constexpr std::uint32_t kProtocolVersion = 8;  // 2: information rows, bias-variance maps; 3: the 1-D cut, digit paths,
                                               // the decoder check, F_code at a chosen layer, per-layer metrics;
                                               // 4: the digit pad, tables of points; 5: the KDE I(mu; x) in the
                                               // information rows, the loss maps, the width study;
                                               // 6: a load's asset_failed (the server's file, not the link);
                                               // 7: history rows say whether they were measured, perf's work_share;
                                               // 8: the configuration as data (load_config, set_view, snapshots)

enum class CommandKind : std::uint8_t {
  boot,          // text = the page's initial link ("" = the page's default scenario); builds the first run
  load_link,     // text = a share link (the page's address, the tour, the API); the run restarts (paused unless
                 // autoplay=1)
  load_config,   // config = the whole configuration (the widgets' edit); the run restarts as load_link
  set_key,       // key = one share-link key, text = its value (link-encoded, as the API's setValue takes it); the run
                 // restarts
  set_view,      // config.view (view, measure, log, glyphs, data, boundary, ...) replaces the current one; the run
                 // goes on
  play,
  pause,
  reset,         // the same configuration again: epoch 0, same seed
  train_epochs,  // number = epochs, seconds = wall-time limit; pauses first; completes when done
  train_for,     // seconds = wall time to train; completes when done
  add_points,    // points = drawn points to add (switches to drawn data if needed)
  set_option,    // key = grid | refresh_ms | on_screen | width_study, number = value (display options outside the link;
                 // on_screen 0 holds an autoplay link until the page says its figure is in view; width_study 1 starts
                 // the width study of the current settings, 0 cancels it)
  probe,         // x, y = a point of the projection space: exact values there in the next snapshot
  cut,           // x, y -> x_end, y_end = a segment of a 2-D projection space (NaN x: no cut): the fields along it
                 // in the next snapshot and after every field refresh; a preview while it is dragged (the view's
                 // committed cut, link key cut, arrives with set_view like the digit path, link key path)
  digit_pad,     // pixels = the digit drawn on the pad (core/run/digit_pad.h: kPadPixels values in [0, 1], row-major,
                 // ink 1; none: the pad is cleared): the network's reading of it once the display fields show the
                 // network it reads with, and again after every field refresh
  load_table,    // text = a table of labelled points (core/data/point_table.h); a good one becomes the run (drawn points,
                 // the current network and training); a bad one leaves the run as it is and its load outcome says why
  ack,           // the view applied the latest snapshot; the engine may publish the next one
};

struct Command {
  CommandKind kind = CommandKind::ack;
  std::uint32_t id = 0;  // increasing per view; snapshots report the commands completed so far
  std::string key;
  std::string text;
  double number = 0.0;
  double seconds = 0.0;
  double x = 0.0, y = 0.0;
  double x_end = 0.0, y_end = 0.0;
  std::vector<DrawnPoint> points;
  std::vector<float> pixels;  // digit_pad
  ScenarioConfig config;      // load_config, set_view (its view part); on the wire only for those
};

// Whether a command of this kind carries its config.
inline bool carries_config(CommandKind kind) {
  return kind == CommandKind::load_config || kind == CommandKind::set_view;
}

enum class RunState : std::uint8_t { no_run, training, paused, finished, diverged };
const char* to_string(RunState state);

// What a load told the user: the link's notices and, when no run could be built, why.
struct LoadOutcome {
  std::uint32_t command = 0;  // the command that loaded (0: none yet)
  bool ok = false;
  bool pending = false;  // MNIST digits on their way: the run starts when they arrive
  bool asset_failed = false;  // the error is the server's: its MNIST file is missing or damaged, not the link
  std::string error;
  std::vector<std::string> notices;
};

// Facts about the current run that change only when a run is built.
struct RunFacts {
  std::uint32_t serial = 0;   // runs created by this engine so far (the current run's number; 0 = none)
  bool has_run = false;
  int dims = 0;               // K of the projection space
  int num_classes = 0;
  bool reference_exact = false;  // F_cat from the generative mixture (else a KDE estimate)
  bool learned_projection = false;
  double info_x = 0.0;        // I(mu; x) of the mixture, NaN when estimated
  double class_entropy = 0.0;  // H(mu) of the class priors (training frequencies for data sets): I's ceiling
};

struct EnginePerf {
  double train_ms_last_tick = 0.0;
  double field_ms_last = 0.0;  // compute time of the latest field refresh (summed over its slices)
  double refreshes_per_second = 0.0;
  int refresh_count = 0;
  double samples_per_second = 0.0;        // training throughput incl. the per-epoch metrics, over the last 2 s
  double train_samples_per_second = 0.0;  // the same samples over the time spent in the trainer alone
  double info_ms_last = 0.0;              // compute time of the latest information measurement (its slices)
  int info_queued = 0;                    // information measurements waiting or under way
  double decoder_ms_last = 0.0;           // compute time of the latest decoder check (its chunks)
  // Share of the worker's wall time over the last 2 s spent in the work after training (an epoch's metrics, field
  // refreshes, background jobs); while a run trains the measured schedule keeps it at most about 0.25.
  double work_share = 0.0;
};

// The information measures (core/analysis/information_summary.h) of the network at one epoch (the schedule of
// core/analysis/information_progress.h: epoch 0, every max(1, epochs / 10) epochs, the last epoch).
struct InformationRow {
  int epoch = 0;
  InformationSummary summary;
};

// The bias-variance decomposition per grid point of the latest information measurement, on its grid (the
// information grid: for a mixture every class to +-5 sd, 401 or 61 x 61 points; otherwise the metric grid), points in
// GridFields order (x fastest). Nats.
struct BiasVarianceMaps {
  int epoch = -1;  // -1: none yet
  GridSpec grid;
  Eigen::VectorXd noise, bias, variance;  // (P) H(mu|x), KL(P || gbar), -ln Z
};

struct MisclassifiedDigit {
  int test_index = 0;
  int true_label = 0;       // class index
  int predicted_label = 0;  // class index
  float confidence = 0.f;   // the network's probability of the predicted class
  std::vector<std::uint8_t> pixels;  // side*side grey levels, row-major
};

struct NearestDigit {
  int index = 0;  // training sample
  int label = 0;  // class index
  float distance = 0.f;
  std::vector<std::uint8_t> pixels;
};

struct ProbeResult {
  double x = 0.0, y = 0.0;
  bool valid = false;
  GridFields fields;  // one point
  std::vector<NearestDigit> nearest;  // MNIST: the training digits whose codes are nearest
};

// The fields at kCutPoints evenly spaced points of a segment (engine/cut.h), from the network the display fields
// show; fields.points are the segment's points, fields.grid a single row of them (not a lattice).
struct CutResult {
  bool active = false;  // a cut is set
  bool valid = false;   // its fields are computed and finite
  CutSegment segment;
  GridFields fields;
};

// The digit path (core/run/digit_path.h) the view asks for (link key path), from the network the display fields show.
struct PathResult {
  bool active = false;  // a path is asked for
  bool valid = false;   // computed and finite
  std::string error;    // why not (not MNIST, a digit the run does not keep)
  int digit_a = -1, digit_b = -1, pair = 0;  // as asked: digits 0-9, the pair-th test digit of each
  int class_a = -1, class_b = -1;            // their class indices in the run
  int test_a = -1, test_b = -1;              // the test digits it runs between
  int image_side = 0;
  std::vector<std::vector<std::uint8_t>> images;  // per step, side * side grey levels, row-major
  Eigen::MatrixXd codes;                          // (2, S) their points in the projection space
  GridFields fields;                              // at the codes (fields.points = codes)
  std::vector<double> cosine_distance;            // (S - 1) between neighbouring steps' clean r
};

// The digit drawn on the pad (core/run/digit_pad.h) as the network the display fields show reads it.
struct DrawnResult {
  std::uint32_t command = 0;  // the digit_pad command whose drawing this is (0: none yet)
  bool active = false;        // the pad holds a drawing
  bool valid = false;         // read and finite
  std::string error;          // why not ("draw a digit on the pad", not MNIST)
  int image_side = 0;
  std::vector<std::uint8_t> image;    // side * side grey levels, row-major: the centred, pooled drawing it reads
  int predicted = -1;                 // class index of the network's largest posterior
  Eigen::MatrixXd code;               // (K, 1) its point in the learned projection
  GridFields fields;                  // at the code (fields.points = code): the network's posterior, F_code, the KDE
  std::vector<NearestDigit> nearest;  // the training digits whose codes are nearest
};

// The matching metrics of F_code at every code layer (core/analysis/layer_fisher.h; the last is r) of the network at an
// epoch whose metrics were measured, on the metric grid; only for networks with more than one code layer.
struct LayerMetricsRow {
  int epoch = 0;
  std::vector<LayerMatch> layers;  // shallow to deep
};

// The decoder check on the F_code map (view option decoder, 2-D): the decoder estimate of F_code
// (core/geometry/decoder_fisher.h, NECO 2022) at the data-region points (p(x) >= 5% of its max) of a
// kDecoderGridPerAxis^2 grid over the display grid, for the network the display fields showed when it started; at r,
// whichever layer the map shows.
constexpr int kDecoderGridPerAxis = 16;
struct DecoderResult {
  bool valid = false;  // computed (turned off, or not yet: false)
  int epoch = 0;       // of the network it decoded
  int draws = 0;       // T noisy r per point
  Eigen::MatrixXd points;           // (2, P) the data-region points
  Eigen::MatrixXd covariance;       // (3, P) packed f11, f12, f22: Cov(x-hat) over the draws
  Eigen::MatrixXd fisher;           // (3, P) its estimate of F_code (Cov^-1, bias-corrected)
  Eigen::MatrixXd jacobian_fisher;  // (3, P) F_code from the Jacobian at the point (J^T J / sigma^2)
  double median_rel_error = 0.0;    // median over the points of trace_relative_error (NaN: no points)
};

// The information-loss map (core/information/information_loss_map.h: its grid, the loss with its standard error,
// p(x), tr F_cat, the p(x)-average; its points stay in the engine) of one network state, with the high-SNR form
// 1/2 Tr(F_code^-1 F_cat) at the same points (view option lossmap): the untrained network's and the latest one's.
struct LossMap : InformationLossMap {
  int epoch = -1;            // of the network mapped; -1: none yet
  Eigen::VectorXd high_snr;  // (P) 1/2 Tr(F_code^-1 F_cat), nats (fisher.h trace_inverse_product)
};
struct LossMaps {
  LossMap before, latest;
  int points_done = 0, points_total = 0;  // of the map under way; 0 of 0: none
};

// The width study (view option widths): the run's settings at each width of kWidthStudyWidths for r and noise sigma and
// 2 sigma, each run trained to the end and checked (core/analysis/high_snr_check.h).
constexpr int kWidthStudyWidths[] = {8, 32, 128, 512};
enum class StudyState : std::uint8_t { idle, running, done, cancelled, unavailable };
struct WidthStudyRow {
  std::string link;   // the run's share link (catgeo train --link reproduces it)
  std::string state;  // finished | diverged
  HighSnrCheck check;  // NaN values when diverged
};
struct WidthStudy {
  StudyState state = StudyState::idle;
  std::string message;  // unavailable: why; running: the run under way
  int runs_total = 0;
  double progress = 0.0;  // of the run under way, 0-1
  std::vector<WidthStudyRow> rows;  // finished runs, in study order
};

struct Snapshot {
  std::uint32_t protocol = kProtocolVersion;
  std::uint32_t completed = 0;  // every command with id <= completed has taken effect

  bool has_config = false;      // config etc. changed
  ScenarioConfig config;        // the whole configuration the engine runs (as_link_reads: core/link/share_link.h)
  std::string share_link;       // the share link (drawn points left out when too long)
  std::string share_notice;     // why the share link leaves something out
  bool has_load = false;
  LoadOutcome load;
  bool has_facts = false;
  RunFacts facts;

  RunState state = RunState::no_run;
  std::string message;  // divergence message, else the status
  std::string status;   // why the last load failed, or a notice
  int epoch = 0;
  double epoch_progress = 0.0;
  std::string mnist_state;  // idle | requested | loading | ready | failed
  EnginePerf perf;

  bool history_reset = false;               // drop the view's history first (a new run)
  std::vector<MetricsSnapshot> new_history;  // rows appended since the previous snapshot

  // Information rows appended since the previous snapshot (dropped with the history on history_reset), and the
  // maps of a measurement that finished.
  std::vector<InformationRow> new_information;
  bool has_bias_variance = false;
  BiasVarianceMaps bias_variance;
  std::vector<LayerMetricsRow> new_layer_metrics;  // per-layer rows appended since (dropped on history_reset)

  bool has_fields = false;
  int fields_version = 0;
  GridFields fields;  // display fields (no scores, no log-joint)
  int fields_layer = -1;  // the hidden layer whose F_code fields.fcode holds (-1: r; view option layer)
  bool has_confusion = false;
  std::vector<std::vector<int>> confusion;  // [true][predicted] on the test set

  bool has_samples = false;   // training points to draw (mixtures: a subsample; MNIST: every code), (K, n)
  Eigen::MatrixXf samples;
  std::vector<int> sample_labels;

  bool has_gallery = false;
  int image_side = 0;
  int gallery_total = 0;  // misclassified over the whole test set
  int test_size = 0;
  std::vector<MisclassifiedDigit> gallery;

  bool has_probe = false;
  ProbeResult probe;

  bool has_cut = false;
  CutResult cut;

  bool has_path = false;
  PathResult path;

  bool has_drawn = false;
  DrawnResult drawn;

  bool has_decoder = false;
  DecoderResult decoder;
  bool has_loss_maps = false;
  LossMaps loss_maps;
  bool has_width_study = false;
  WidthStudy width_study;
};

}  // namespace catgeo
