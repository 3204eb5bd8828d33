// The parameter table: one set of limits for the link codec, the CLI, the engine's checks and the widgets.
#include "core/config/parameters.h"

#include <cmath>

#include "core/base/check.h"
#include "core/base/number_text.h"
#include "core/config/tour.h"

namespace catgeo {
namespace {

using K = ParameterKind;
constexpr int kMaxHiddenLayers = 4;  // layers; rep and proj index them from 0

const std::vector<ParameterSpec> kTable = {
    {"n", K::integer, 10, 100000, "", "training samples", "samples drawn from the mixture for training", true},
    {"dseed", K::seed, 0, 0, "", "data seed", "seed of the sampled data set", true},
    {"sigma", K::real, 0.01, 10, "", "noise σ", "std of the Gaussian noise added to the noisy layer r", true},
    {"noise", K::choice, 0, 0, "gauss|dropout", "noise model",
     "noise of the noisy layer r: additive Gaussian r = f + sigma z, or Gaussian dropout r = f (1 + xi)", true},
    {"alpha", K::real, 0.01, 4, "", "dropout α",
     "variance of xi ~ N(0, alpha) of dropout noise (alpha = p/(1-p) for a dropout rate p); needs sigmoid units at r",
     true},
    {"layers", K::integer, 1, kMaxHiddenLayers, "", "hidden layers",
     "hidden layers: width + t/s/r/l (tanh, sigmoid, relu, linear) joined by '-', e.g. 64t-128s", true},
    {"layers.width", K::part, 1, 512, "", "layer width", "units in one hidden layer", true},
    {"layers.activation", K::part, 0, 0, "tanh|sigmoid|relu|linear", "activation",
     "activation of one hidden layer (layers writes its first letter)", true},
    {"rep", K::integer, -1, kMaxHiddenLayers - 1, "", "noisy layer", "hidden layer index (from 0) of the noisy layer r; -1 = the last", true},
    {"proj", K::integer, -1, kMaxHiddenLayers - 1, "", "projection layer",
     "hidden layer index (from 0) whose output is the projection x, before rep; -1 = the input", true},
    {"opt", K::choice, 0, 0, "adam|sgd", "optimizer", "adam or plain stochastic gradient descent", true},
    {"lr", K::real, 1e-5, 100, "", "learning rate", "optimizer step size", true},
    {"batch", K::integer, 1, 4096, "", "batch size", "samples per minibatch", true},
    {"epochs", K::integer, 1, 10000, "", "epochs", "passes over the training set", true},
    {"seed", K::seed, 0, 0, "", "training seed", "seed of initialisation, minibatch order and noise", true},
    {"classes", K::integer, 2, 6, "", "classes", "classes of a Gaussian mixture (mix)", true},
    {"mix.mean", K::part, -100, 100, "", "class mean", "each coordinate of a class mean", true},
    {"mix.var", K::part, 1e-6, 1e4, "", "class variance", "each variance (diagonal covariance entry)", true},
    {"mix.prior", K::part, 1e-6, 1e6, "", "class prior", "relative weight of a class (normalised over classes)", true},
    {"pts.label", K::part, 0, 7, "", "point class", "class label of a drawn point (0-7, shown as class 1-8)", true},
    {"pts.count", K::part, 0, 20000, "", "drawn points", "drawn points a link carries (as many as a table has)", true},
    {"table.classes", K::part, 2, 6, "", "table classes", "classes of a table of points (CSV/TSV)", true},
    {"table.points", K::part, 4, 20000, "", "table points", "points of a table (CSV/TSV), at least 2 per class", true},
    {"table.label", K::part, 1, 32, "", "table label bytes", "bytes of a class label in a table of points", true},
    {"input.link", K::part, 0, 1 << 20, "", "link bytes",
     "bytes of a share link the page reads (20000 drawn points take about 140 kB)", false},
    {"input.table", K::part, 0, 4 << 20, "", "table bytes", "bytes of a table of points the page reads", false},
    {"digits", K::integer, 2, 10, "", "MNIST digits", "different digits 0-9 kept for MNIST, in label order, e.g. 49",
     true},
    {"view", K::choice, 0, 0, "side|overlay", "view", "fields side by side or overlaid", false},
    {"measure", K::choice, 0, 0, "trace|lmax", "field measure", "trace or largest eigenvalue of the 2-D fields", false},
    {"log", K::flag, 0, 1, "0|1", "log scale", "fields on a log scale", false},
    {"glyphs", K::flag, 0, 1, "0|1", "ellipse glyphs", "Fisher ellipses on the 2-D view", false},
    {"data", K::flag, 0, 1, "0|1", "show data", "training samples on the view", false},
    {"boundary", K::flag, 0, 1, "0|1", "show boundary", "the class boundary on the view", false},
    {"decoder", K::flag, 0, 1, "0|1", "decoder check",
     "decoder estimate of F_code (NECO) as covariance ellipses (2-D)", false},
    {"layer", K::integer, -1, kMaxHiddenLayers - 1, "", "F_code at layer",
     "hidden layer index (from 0) whose F_code the F_code map shows; -1 = r", false},
    {"cut", K::part, -1000, 1000, "", "1-D cut", "segment x0,y0,x1,y1 of a 1-D cut through the 2-D view", false},
    {"path", K::part, 0, 9999, "", "digit path",
     "MNIST: from digit, to digit, which pair (e.g. 4,9,0; pairs wrap around a digit's test samples)", false},
    {"lossmap", K::flag, 0, 1, "0|1", "loss map",
     "where the noise of r costs information, before training and now, beside F_cat (mixtures)", false},
    {"widths", K::flag, 0, 1, "0|1", "width study",
     "these settings at widths 8 to 512 of r and noise sigma, 2 sigma: I(mu; r) against its high-SNR form (mixtures)",
     false},
    {"embed", K::flag, 0, 1, "0|1", "embed layout", "compact layout for an iframe", false},
    {"panels", K::choice, 0, 0, "0|1|auto", "side panels", "side panels hidden, shown, or auto (hidden in embeds)", false},
    {"controls", K::flag, 0, 1, "0|1", "run controls", "play/pause/reset, share and export buttons", false},
    {"autoplay", K::flag, 0, 1, "0|1", "autoplay", "start training as soon as the run is built", false},
    {"lecture", K::flag, 0, 1, "0|1", "lecture mode", "large fonts, explanation text hidden", false},
    {"tour", K::integer, 0, kTourSteps, "", "tour step", "guided-tour step: its settings and caption (0: none)", false},
    {"speed", K::real, 0.05, 1000, "", "speed",
     "epochs per second while playing: a number, max (as fast as possible) or auto (a reader's pace for tour steps "
     "and autoplay figures, max otherwise)", false},
    {"v", K::integer, 0, 1000000, "", "link version",
     "version of CatGeo's numbers the link reproduces (always written; a link without it is read as this version; "
     "0 is older than any written)",
     false},
    {"grid.bound", K::part, -1000, 1000, "", "grid bounds", "lo and hi of each grid axis", true},
    {"grid.count", K::part, 3, 4096, "", "grid points", "grid points per axis", true},
};

std::string choices_text(const ParameterSpec& spec) {
  const std::vector<std::string> words = choice_words(spec);
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    out += i == 0 ? "" : i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace

const std::vector<ParameterSpec>& parameter_table() { return kTable; }

std::vector<std::string> choice_words(const ParameterSpec& spec) {
  std::vector<std::string> words;
  if (*spec.choices == '\0') return words;
  const std::string all = spec.choices;
  for (std::size_t start = 0, bar = 0; bar != std::string::npos; start = bar + 1) {
    bar = all.find('|', start);
    words.push_back(all.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
  }
  return words;
}

const ParameterSpec* find_parameter(std::string_view key) {
  for (const ParameterSpec& spec : kTable) {
    if (key == spec.key) return &spec;
  }
  return nullptr;
}

namespace {

// The words of `key`, split once per program (a link reads a word for each of its choice keys).
const std::vector<std::string>& words_of(std::string_view key) {
  static const std::vector<std::vector<std::string>> words = [] {  // per table entry, in table order
    std::vector<std::vector<std::string>> all;
    for (const ParameterSpec& spec : kTable) all.push_back(choice_words(spec));
    return all;
  }();
  return words[static_cast<std::size_t>(&parameter(key) - kTable.data())];
}

}  // namespace

const std::string& choice_word(std::string_view key, int index) {
  const std::vector<std::string>& of_key = words_of(key);
  CATGEO_CHECK(index >= 0 && static_cast<std::size_t>(index) < of_key.size(), "no word for this value in the table");
  return of_key[static_cast<std::size_t>(index)];
}

int choice_index(std::string_view key, std::string_view word) {
  const std::vector<std::string>& words = words_of(key);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == word) return static_cast<int>(i);
  }
  return -1;
}

const ParameterSpec& parameter(std::string_view key) {
  const ParameterSpec* spec = find_parameter(key);
  CATGEO_CHECK(spec != nullptr, "parameter key missing from the table");
  return *spec;
}

std::string range_text(const ParameterSpec& spec) {
  switch (spec.kind) {
    case K::seed: return "0 to 2^64-1";
    default:
      if (*spec.choices != '\0') return choices_text(spec);
      return "[" + limit_text(spec.min) + ", " + limit_text(spec.max) + "]";
  }
}

std::string limit_text(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  return format_number(value);
}

bool in_range(const ParameterSpec& spec, double value) { return value >= spec.min && value <= spec.max; }

Status check_range(std::string_view key, double value, const std::string& what) {
  const ParameterSpec& spec = parameter(key);
  if (in_range(spec, value)) return Status::success();
  return Status::error((what.empty() ? std::string(key) : what) + " must be in " + range_text(spec) + ", got " +
                       limit_text(value));
}

}  // namespace catgeo
