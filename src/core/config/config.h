// Full configuration of a CatGeo run (data, network, training, grid, view); plain structs with good defaults.
#pragma once
#include <Eigen/Core>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace catgeo {

enum class Activation { tanh, sigmoid, relu, linear };
enum class OptimizerKind { adam, sgd };
enum class DataKind { mixture, drawn_points, mnist };
// Noise of the representation layer r given its clean value f (spec 1.6): additive Gaussian r = f + sigma z, or
// Gaussian dropout r_i = f_i (1 + xi_i), xi_i ~ N(0, alpha) (alpha = p / (1 - p) of a dropout rate p).
enum class NoiseModel { gauss, dropout };

struct LayerSpec {
  int width = 128;
  Activation activation = Activation::sigmoid;
};

struct NetworkConfig {
  std::vector<LayerSpec> hidden = {LayerSpec{}};
  int representation_layer = -1;  // index into hidden of the noisy layer r; -1 = last hidden layer
  int projection_layer = -1;      // index into hidden whose output is the projection x; -1 = the input
  NoiseModel noise = NoiseModel::gauss;  // the noise on r during training (spec 2.3) and in every F_code / information
  double noise_sigma = 1.0;              // gauss: std of the additive noise
  double dropout_alpha = 0.25;           // dropout: variance of the multiplicative noise xi (needs sigmoid units at r)
};

// The hidden layer of the noisy representation r (its width is N).
inline std::size_t representation_index(const NetworkConfig& n) {
  return n.representation_layer < 0 ? n.hidden.size() - 1 : static_cast<std::size_t>(n.representation_layer);
}
inline LayerSpec& representation_spec(NetworkConfig& n) { return n.hidden[representation_index(n)]; }
inline const LayerSpec& representation_spec(const NetworkConfig& n) { return n.hidden[representation_index(n)]; }

struct TrainingConfig {
  OptimizerKind optimizer = OptimizerKind::adam;
  double learning_rate = 3e-3;
  int batch_size = 32;
  int epochs = 100;
  std::uint64_t seed = 1;
};

struct GaussianClass {
  Eigen::VectorXd mean;  // (K)
  Eigen::MatrixXd cov;   // (K, K), symmetric positive definite
  double prior = 1.0;    // normalised over classes by Mixture
};

struct GridSpec {
  int dims = 1;                     // 1 or 2
  double lo[2] = {-2.0, -2.0};
  double hi[2] = {2.0, 2.0};
  int count[2] = {401, 1};          // points per axis (count[1] is 1 in 1-D)
  int size() const { return count[0] * (dims == 2 ? count[1] : 1); }
};

// How a table's coordinates were put into the view: view = (x - center) / scale, the same scale on both axes
// (Fisher information depends on the coordinates: an isotropic map keeps the geometry's shape).
struct PointScaling {
  bool active = false;
  double center[2] = {0, 0};
  double scale = 1;
};

struct DrawnPoint {
  double x[2] = {0.0, 0.0};
  int label = 0;
};

struct MnistConfig {
  std::vector<int> digits = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};  // classes to keep, in label order
  int side = 14;                                             // 14 (2x2 pooling) or 7
  double test_fraction = 0.2;
};

constexpr double kNoCut = std::numeric_limits<double>::quiet_NaN();  // ViewConfig::cut coordinates of "no cut"

enum class ViewMode { side_by_side, overlay };
enum class FieldMeasure { trace, lambda_max };

// What the page shows; part of the shared state so that a link reproduces the picture.
struct ViewConfig {
  ViewMode mode = ViewMode::side_by_side;
  FieldMeasure measure = FieldMeasure::trace;
  bool log_scale = true;
  bool glyphs = true;
  bool show_data = true;
  bool show_boundary = true;
  // The decoder check and the layer picker (issue 14).
  bool decoder = false;  // decoder estimate of F_code (NECO) as covariance ellipses on the F_code map (2-D)
  int layer = -1;        // hidden layer (from 0) whose F_code the 2-D F_code map shows; -1 (or not a code layer) = r
  // A 1-D cut through the 2-D view, A = (x0, y0) to B = (x1, y1); NaN: none. And the MNIST digit path: from digit,
  // to digit (0-9) and which test digits of them (the n-th of each); from < 0: none.
  std::array<double, 4> cut = {kNoCut, kNoCut, kNoCut, kNoCut};
  std::array<int, 3> path = {-1, -1, 0};
  // The paper's conditions (issue 20): the information-loss map beside F_cat, and the width study.
  bool loss_map = false;
  bool width_study = false;
  // Page chrome for links, embeds and lectures (link keys embed, panels, controls, autoplay, lecture). They change
  // how the page looks and starts, never the run: the CLI reads and ignores them.
  bool embed = false;     // compact layout for an iframe: side panels hidden (unless panels=1), small overlay controls
  int panels = -1;        // side panels: -1 automatic (shown, hidden in embed mode), 0 hidden, 1 shown
  bool controls = true;   // run controls (play/pause/reset, share and export buttons); false hides them all
  bool autoplay = false;  // start training as soon as the run is built
  bool lecture = false;   // large fonts, explanation text hidden
  int tour = 0;           // guided-tour step whose caption shows (core/config/tour.h), 0 = none
  // Epochs per second while playing (link key speed): kAutoSpeed = a reader's pace for tour steps and autoplay figures,
  // as fast as the machine allows otherwise; kMaxSpeed = as fast as it allows. train_epochs is never paced.
  double speed = 0.0;
};

constexpr double kAutoSpeed = 0.0;
constexpr double kMaxSpeed = std::numeric_limits<double>::infinity();
// A reader's pace: the run of a tour step or an autoplay figure plays out over this many seconds (speed=auto).
constexpr double kReaderSeconds = 15.0;
// The pace a run of `epochs` epochs plays at, in epochs per second (kMaxSpeed: unpaced).
inline double playing_pace(const ViewConfig& view, int epochs) {
  if (view.speed != kAutoSpeed) return view.speed;
  return view.tour > 0 || view.autoplay ? epochs / kReaderSeconds : kMaxSpeed;
}

// Whether the side panels (scenario, network, read-outs) show: panels=1/0 decides, otherwise hidden only in embed mode.
inline bool side_panels_visible(const ViewConfig& view) { return view.panels < 0 ? !view.embed : view.panels == 1; }

struct ScenarioConfig {
  std::string id = "E1";                   // preset id, or "custom", "drawn", "mnist"
  std::string title;                       // what the scenario shows, for the UI
  DataKind data = DataKind::mixture;
  std::vector<GaussianClass> classes;      // DataKind::mixture
  std::vector<DrawnPoint> points;          // DataKind::drawn_points (x[1] = 0 in 1-D)
  int points_dims = 2;                     // DataKind::drawn_points: 1 or 2
  // Drawn points from a table: the class legend's names (empty = "class 1", "class 2" ...) and how the table's
  // coordinates were scaled into the view.
  std::vector<std::string> class_names;
  PointScaling scaling;
  MnistConfig mnist;                       // DataKind::mnist
  int train_samples = 5000;                // mixture data
  int test_samples = 2000;
  std::uint64_t data_seed = 1;
  NetworkConfig network;
  TrainingConfig training;
  GridSpec grid;
  ViewConfig view;
};

// Drawn points that came from a table (core/run/table_scenario.h): it names its classes and scales its coordinates.
inline bool is_table(const ScenarioConfig& c) {
  return c.data == DataKind::drawn_points && (!c.class_names.empty() || c.scaling.active);
}

// The enums' words: the parameter table's (layers.activation, opt, noise, view, measure), as links, exports and the
// CLI write them; a data kind as exports name it.
const char* to_string(Activation a);
const char* to_string(OptimizerKind o);
const char* to_string(NoiseModel n);
const char* to_string(ViewMode m);
const char* to_string(FieldMeasure m);
const char* to_string(DataKind d);
// The hidden layers as the link writes them: widths with the activation's first letter, joined by '-' ("64t-128s").
std::string layers_text(const NetworkConfig& network);

}  // namespace catgeo
