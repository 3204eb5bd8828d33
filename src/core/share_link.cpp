// Share-link encoder/decoder (see share_link.h for the grammar); std only, never fails on any input.
#include "core/share_link.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>

#include "core/json.h"
#include "core/mixture_json.h"
#include "core/scenarios.h"

namespace catgeo {
namespace {

constexpr std::size_t kMaxNotices = 10;
constexpr int kMaxLayers = 4;
constexpr std::size_t kMaxLinkPoints = 4096;
constexpr int kMaxPointLabel = kMixtureMaxClasses - 1;
constexpr const char* kDefaultId = "E1";

// Collects notices, keeping the first few so that a garbage link cannot flood the UI.
class Notices {
 public:
  void add(std::string text) {
    if (list_.size() < kMaxNotices) {
      list_.push_back(std::move(text));
    } else {
      ++dropped_;
    }
  }
  std::vector<std::string> finish() {
    if (dropped_ > 0) list_.push_back("... and " + std::to_string(dropped_) + " more problems in the link");
    return std::move(list_);
  }

 private:
  std::vector<std::string> list_;
  std::size_t dropped_ = 0;
};

// Link text as it may be shown in a notice: printable ASCII, at most 40 characters.
std::string shown(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && i < 40; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    out.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '?');
  }
  if (text.size() > 40) out += "...";
  return out;
}

ScenarioConfig preset_or_default(const std::string& id) {
  Result<ScenarioConfig> preset = scenario_preset(id);
  return preset.ok() ? preset.value : ScenarioConfig{};
}

bool is_preset_id(const std::string& id) {
  const std::vector<std::string> ids = scenario_ids();
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Base presets of the non-preset scenarios: settings not carried by the link come from them.
ScenarioConfig custom_base(const std::vector<GaussianClass>& classes) {
  const bool two_d = !classes.empty() && classes[0].mean.size() == 2;
  ScenarioConfig c = preset_or_default(two_d ? "E5" : "E1");
  c.id = "custom";
  c.title = "Custom mixture";
  c.data = DataKind::mixture;
  c.classes = classes;
  return c;
}

ScenarioConfig drawn_base() {
  ScenarioConfig c = preset_or_default("E5");
  c.id = "drawn";
  c.title = "Your points (F_cat estimated by KDE)";  // as the app titles a drawing
  c.data = DataKind::drawn_points;
  c.classes.clear();
  c.points.clear();
  return c;
}

// ---- value text ----------------------------------------------------------------------------

// -?digits, saturating at +-LLONG_MAX (then the range clamp reports it).
bool parse_int(std::string_view s, long long& out) {
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  if (s.empty()) return false;
  long long value = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    const int digit = c - '0';
    value = value > (LLONG_MAX - digit) / 10 ? LLONG_MAX : value * 10 + digit;
  }
  out = negative ? -value : value;
  return true;
}

bool parse_uint64(std::string_view s, std::uint64_t& out) {
  if (s.empty()) return false;
  std::uint64_t value = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return false;
    value = value * 10 + digit;
  }
  out = value;
  return true;
}

void kept(Notices& n, const char* key, const std::string& value, const char* expected, const std::string& old) {
  n.add("could not read " + std::string(key) + "='" + shown(value) + "' (expected " + expected + "); kept " + old);
}

void read_double(const char* key, const std::string& value, double lo, double hi, double& field, Notices& n) {
  double x = 0.0;
  if (!parse_number(value, x)) {
    kept(n, key, value, "a number", format_number(field));
    return;
  }
  const double clamped = std::min(hi, std::max(lo, x));
  if (clamped != x) {
    n.add(std::string(key) + "=" + shown(value) + " is out of range [" + format_number(lo) + ", " +
          format_number(hi) + "]; using " + format_number(clamped));
  }
  field = clamped;
}

void read_int(const char* key, const std::string& value, int lo, int hi, int& field, Notices& n) {
  long long x = 0;
  if (!parse_int(value, x)) {
    kept(n, key, value, "a whole number", std::to_string(field));
    return;
  }
  const long long clamped = std::min<long long>(hi, std::max<long long>(lo, x));
  if (clamped != x) {
    n.add(std::string(key) + "=" + shown(value) + " is out of range [" + std::to_string(lo) + ", " +
          std::to_string(hi) + "]; using " + std::to_string(clamped));
  }
  field = static_cast<int>(clamped);
}

void read_seed(const char* key, const std::string& value, std::uint64_t& field, Notices& n) {
  if (!parse_uint64(value, field)) kept(n, key, value, "a whole number from 0 to 2^64-1", std::to_string(field));
}

void read_flag(const char* key, const std::string& value, bool& field, Notices& n) {
  if (value == "0" || value == "1") {
    field = value == "1";
  } else {
    kept(n, key, value, "0 or 1", field ? "1" : "0");
  }
}

template <class Enum>
void read_choice(const char* key, const std::string& value, const char* first, Enum first_value,
                 const char* second, Enum second_value, Enum& field, Notices& n) {
  if (value == first) {
    field = first_value;
  } else if (value == second) {
    field = second_value;
  } else {
    kept(n, key, value, (std::string(first) + " or " + second).c_str(),
         field == first_value ? first : second);
  }
}

// ---- layers: "128s" or "64t-128s" (width + t/s/r/l) ----------------------------------------

char activation_letter(Activation a) { return to_string(a)[0]; }

bool activation_from_letter(char c, Activation& out) {
  for (Activation a : {Activation::tanh, Activation::sigmoid, Activation::relu, Activation::linear}) {
    if (activation_letter(a) == c) {
      out = a;
      return true;
    }
  }
  return false;
}

std::string write_layers(const ScenarioConfig& c) {
  std::string out;
  for (const LayerSpec& layer : c.network.hidden) {
    if (!out.empty()) out.push_back('-');
    out += std::to_string(layer.width);
    out.push_back(activation_letter(layer.activation));
  }
  return out;
}

void read_layers(const std::string& value, ScenarioConfig& c, Notices& n) {
  std::vector<LayerSpec> layers;
  bool width_clamped = false;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find('-', start);
    if (end == std::string::npos) end = value.size();
    const std::string_view item = std::string_view(value).substr(start, end - start);
    long long width = 0;
    LayerSpec layer;
    if (item.size() < 2 || !parse_int(item.substr(0, item.size() - 1), width) ||
        !activation_from_letter(item.back(), layer.activation)) {
      kept(n, "layers", value, "widths with t/s/r/l joined by '-', e.g. 64t-128s", write_layers(c));
      return;
    }
    width_clamped = width_clamped || width < 1 || width > 512;
    layer.width = static_cast<int>(std::min<long long>(512, std::max<long long>(1, width)));
    layers.push_back(layer);
    start = end + 1;
  }
  if (width_clamped) n.add("layers=" + shown(value) + ": widths must be 1 to 512; clamped");
  if (layers.size() > static_cast<std::size_t>(kMaxLayers)) {
    n.add("layers=" + shown(value) + ": at most 4 hidden layers; kept the first 4");
    layers.resize(kMaxLayers);
  }
  c.network.hidden = layers;
}

// Layer indices must name an existing hidden layer (or -1) once the layers are known.
void fit_layer_index(const char* key, int& index, int layer_count, Notices& n) {
  if (index >= -1 && index < layer_count) return;
  const int fixed = index < -1 ? -1 : layer_count - 1;
  n.add(std::string(key) + "=" + std::to_string(index) + " names no hidden layer (there are " +
        std::to_string(layer_count) + "); using " + std::to_string(fixed));
  index = fixed;
}

// ---- mix: classes joined by ';', each "mean:cov[:prior]", numbers joined by ',' -------------
// mean = m1[,m2]; cov = the upper triangle row by row (1-D: v; 2-D: vxx,vxy,vyy); prior default 1.

std::string write_numbers(const std::vector<double>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out.push_back(',');
    out += format_number(values[i]);
  }
  return out;
}

std::string write_mix(const std::vector<GaussianClass>& classes) {
  const bool all_default_priors =
      std::all_of(classes.begin(), classes.end(), [](const GaussianClass& g) { return g.prior == 1.0; });
  std::string out;
  for (const GaussianClass& g : classes) {
    if (!out.empty()) out.push_back(';');
    std::vector<double> mean(g.mean.data(), g.mean.data() + g.mean.size()), cov;
    for (Eigen::Index r = 0; r < g.cov.rows(); ++r) {
      for (Eigen::Index col = r; col < g.cov.cols(); ++col) cov.push_back(g.cov(r, col));
    }
    out += write_numbers(mean) + ":" + write_numbers(cov);
    if (!all_default_priors) out += ":" + format_number(g.prior);
  }
  return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool read_numbers(std::string_view text, std::vector<double>& out) {
  out.clear();
  for (std::string_view part : split(text, ',')) {
    double x = 0.0;
    if (!parse_number(part, x)) return false;
    out.push_back(x);
  }
  return true;
}

Result<std::vector<GaussianClass>> read_mix(const std::string& value) {
  using R = Result<std::vector<GaussianClass>>;
  R result;
  const std::vector<std::string_view> parts = split(value, ';');
  if (parts.size() > static_cast<std::size_t>(kMixtureMaxClasses)) {
    return R::fail("more than " + std::to_string(kMixtureMaxClasses) + " classes");
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::vector<std::string_view> fields = split(parts[i], ':');
    std::vector<double> mean, cov, prior;
    if (fields.size() < 2 || fields.size() > 3 || !read_numbers(fields[0], mean) || !read_numbers(fields[1], cov) ||
        (fields.size() == 3 && (!read_numbers(fields[2], prior) || prior.size() != 1)) || mean.size() > 2 ||
        cov.size() != mean.size() * (mean.size() + 1) / 2) {
      return R::fail("class " + std::to_string(i) + " is not mean:cov[:prior], e.g. -1,0:0.25,0,1");
    }
    GaussianClass g;
    const Eigen::Index k = static_cast<Eigen::Index>(mean.size());
    g.mean = Eigen::Map<const Eigen::VectorXd>(mean.data(), k);
    g.cov.resize(k, k);
    std::size_t next = 0;
    for (Eigen::Index r = 0; r < k; ++r) {
      for (Eigen::Index col = r; col < k; ++col) g.cov(r, col) = g.cov(col, r) = cov[next++];
    }
    if (!prior.empty()) g.prior = prior[0];
    result.value.push_back(std::move(g));
  }
  result.status = validate_mixture(result.value);
  return result.ok() ? result : R::fail(result.status.message);
}

// ---- pts: base64url (no padding) of 5 bytes per point ---------------------------------------
// int16 little-endian round(x * 4096), int16 little-endian round(y * 4096), uint8 label.

constexpr char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::int16_t quantize_coordinate(double x) {
  const double q = std::isfinite(x) ? std::round(x * kLinkPointScale) : 0.0;
  return static_cast<std::int16_t>(std::min(32767.0, std::max(-32767.0, q)));
}

std::string base64url(const std::vector<std::uint8_t>& bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t left = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t chunk = static_cast<std::uint32_t>(bytes[i]) << 16;
    if (left > 1) chunk |= static_cast<std::uint32_t>(bytes[i + 1]) << 8;
    if (left > 2) chunk |= bytes[i + 2];
    for (std::size_t k = 0; k < left + 1; ++k) out.push_back(kBase64Alphabet[(chunk >> (18 - 6 * k)) & 63]);
  }
  return out;
}

bool from_base64url(std::string_view text, std::vector<std::uint8_t>& out) {
  if (text.size() % 4 == 1) return false;
  std::uint32_t bits = 0;
  int bit_count = 0;
  for (const char c : text) {
    const char* at = std::find(kBase64Alphabet, kBase64Alphabet + 64, c);
    if (at == kBase64Alphabet + 64) return false;
    bits = (bits << 6) | static_cast<std::uint32_t>(at - kBase64Alphabet);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      out.push_back(static_cast<std::uint8_t>((bits >> bit_count) & 0xFF));
    }
  }
  return true;
}

std::string write_points(const std::vector<DrawnPoint>& points) {
  std::vector<std::uint8_t> bytes;
  for (const DrawnPoint& p : points) {
    for (const double x : p.x) {
      const std::uint16_t q = static_cast<std::uint16_t>(quantize_coordinate(x));
      bytes.push_back(static_cast<std::uint8_t>(q & 0xFF));
      bytes.push_back(static_cast<std::uint8_t>(q >> 8));
    }
    bytes.push_back(static_cast<std::uint8_t>(std::min(255, std::max(0, p.label))));
  }
  return base64url(bytes);
}

void read_points(const std::string& value, ScenarioConfig& c, Notices& n) {
  std::vector<std::uint8_t> bytes;
  if (!from_base64url(value, bytes) || bytes.size() % 5 != 0) {
    n.add("could not read the drawn points (pts is damaged); draw them again");
    return;
  }
  std::size_t bad_labels = 0, too_many = 0;
  for (std::size_t i = 0; i + 5 <= bytes.size(); i += 5) {
    DrawnPoint p;
    for (int k = 0; k < 2; ++k) {
      const std::uint16_t q = static_cast<std::uint16_t>(bytes[i + 2 * k] | (bytes[i + 2 * k + 1] << 8));
      p.x[k] = static_cast<std::int16_t>(q) / kLinkPointScale;
    }
    p.label = bytes[i + 4];
    if (p.label > kMaxPointLabel) {
      ++bad_labels;
    } else if (c.points.size() >= kMaxLinkPoints) {
      ++too_many;
    } else {
      c.points.push_back(quantize_for_link(p));
    }
  }
  if (bad_labels) n.add("ignored " + std::to_string(bad_labels) + " drawn points with a class label above 7");
  if (too_many) n.add("ignored " + std::to_string(too_many) + " drawn points beyond the first 4096");
}

// ---- digits: the kept MNIST digits in label order, e.g. 49 ----------------------------------

std::string write_digits(const ScenarioConfig& c) {
  std::string out;
  for (const int d : c.mnist.digits) out += std::to_string(d);
  return out;
}

void read_digits(const std::string& value, ScenarioConfig& c, Notices& n) {
  std::vector<int> digits;
  for (const char ch : value) {
    const int d = ch - '0';
    if (ch < '0' || ch > '9' || std::find(digits.begin(), digits.end(), d) != digits.end()) {
      digits.clear();
      break;
    }
    digits.push_back(d);
  }
  if (digits.size() < 2) {
    kept(n, "digits", value, "2 to 10 different digits, e.g. 49", write_digits(c));
    return;
  }
  c.mnist.digits = digits;
}

// ---- panels: 0 | 1 | auto (auto = shown, hidden in embed mode; never written, it is the default) --------

std::string write_panels(const ScenarioConfig& c) {
  return c.view.panels < 0 ? "auto" : c.view.panels == 1 ? "1" : "0";
}

void read_panels(const std::string& value, ScenarioConfig& c, Notices& n) {
  if (value == "0" || value == "1" || value == "auto") {
    c.view.panels = value == "auto" ? -1 : value == "1" ? 1 : 0;
  } else {
    kept(n, "panels", value, "0, 1 or auto", write_panels(c));
  }
}

// ---- the plain fields, in link order ---------------------------------------------------------

struct FieldCodec {
  const char* key;
  std::string (*write)(const ScenarioConfig&);
  void (*read)(const std::string& value, ScenarioConfig& c, Notices& n);
};

const FieldCodec kFields[] = {
    {"n", [](const ScenarioConfig& c) { return std::to_string(c.train_samples); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_int("n", v, 10, 100000, c.train_samples, n); }},
    {"dseed", [](const ScenarioConfig& c) { return std::to_string(c.data_seed); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_seed("dseed", v, c.data_seed, n); }},
    {"sigma", [](const ScenarioConfig& c) { return format_number(c.network.noise_sigma); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) {
       read_double("sigma", v, 0.01, 10.0, c.network.noise_sigma, n);
     }},
    {"layers", write_layers, read_layers},
    {"rep", [](const ScenarioConfig& c) { return std::to_string(c.network.representation_layer); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) {
       read_int("rep", v, -1, kMaxLayers - 1, c.network.representation_layer, n);
     }},
    {"proj", [](const ScenarioConfig& c) { return std::to_string(c.network.projection_layer); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) {
       read_int("proj", v, -1, kMaxLayers - 1, c.network.projection_layer, n);
     }},
    {"opt", [](const ScenarioConfig& c) { return std::string(to_string(c.training.optimizer)); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) {
       read_choice("opt", v, "adam", OptimizerKind::adam, "sgd", OptimizerKind::sgd, c.training.optimizer, n);
     }},
    {"lr", [](const ScenarioConfig& c) { return format_number(c.training.learning_rate); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) {
       read_double("lr", v, 1e-5, 100.0, c.training.learning_rate, n);
     }},
    {"batch", [](const ScenarioConfig& c) { return std::to_string(c.training.batch_size); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_int("batch", v, 1, 4096, c.training.batch_size, n); }},
    {"epochs", [](const ScenarioConfig& c) { return std::to_string(c.training.epochs); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_int("epochs", v, 1, 10000, c.training.epochs, n); }},
    {"seed", [](const ScenarioConfig& c) { return std::to_string(c.training.seed); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_seed("seed", v, c.training.seed, n); }},
    {"view", [](const ScenarioConfig& c) { return std::string(c.view.mode == ViewMode::overlay ? "overlay" : "side"); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) {
       read_choice("view", v, "side", ViewMode::side_by_side, "overlay", ViewMode::overlay, c.view.mode, n);
     }},
    {"measure", [](const ScenarioConfig& c) { return std::string(c.view.measure == FieldMeasure::trace ? "trace" : "lmax"); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) {
       read_choice("measure", v, "trace", FieldMeasure::trace, "lmax", FieldMeasure::lambda_max, c.view.measure, n);
     }},
    {"log", [](const ScenarioConfig& c) { return std::string(c.view.log_scale ? "1" : "0"); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_flag("log", v, c.view.log_scale, n); }},
    {"glyphs", [](const ScenarioConfig& c) { return std::string(c.view.glyphs ? "1" : "0"); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_flag("glyphs", v, c.view.glyphs, n); }},
    {"data", [](const ScenarioConfig& c) { return std::string(c.view.show_data ? "1" : "0"); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_flag("data", v, c.view.show_data, n); }},
    {"boundary", [](const ScenarioConfig& c) { return std::string(c.view.show_boundary ? "1" : "0"); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_flag("boundary", v, c.view.show_boundary, n); }},
    // Page chrome (embeds, lectures): view options too, so a link stays one grammar; the CLI ignores them.
    {"embed", [](const ScenarioConfig& c) { return std::string(c.view.embed ? "1" : "0"); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_flag("embed", v, c.view.embed, n); }},
    {"panels", write_panels, read_panels},
    {"controls", [](const ScenarioConfig& c) { return std::string(c.view.controls ? "1" : "0"); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_flag("controls", v, c.view.controls, n); }},
    {"autoplay", [](const ScenarioConfig& c) { return std::string(c.view.autoplay ? "1" : "0"); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_flag("autoplay", v, c.view.autoplay, n); }},
    {"lecture", [](const ScenarioConfig& c) { return std::string(c.view.lecture ? "1" : "0"); },
     [](const std::string& v, ScenarioConfig& c, Notices& n) { read_flag("lecture", v, c.view.lecture, n); }},
};

constexpr const char* kPayloadKeys[] = {"scenario", "mix", "pts", "digits"};

bool is_known_key(const std::string& key) {
  for (const char* k : kPayloadKeys) {
    if (key == k) return true;
  }
  for (const FieldCodec& f : kFields) {
    if (key == f.key) return true;
  }
  return false;
}

// ---- link text -------------------------------------------------------------------------------

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX becomes the byte; a '%' not followed by two hex digits stays as it is.
std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string_view link_body(std::string_view link) {
  const std::size_t hash = link.find('#');
  if (hash != std::string_view::npos) {
    link.remove_prefix(hash + 1);
  } else if (!link.empty() && link[0] == '?') {
    link.remove_prefix(1);
  }
  while (!link.empty() && (link.front() == ' ' || link.front() == '\t')) link.remove_prefix(1);
  while (!link.empty() && (link.back() == ' ' || link.back() == '\n' || link.back() == '\r' || link.back() == '\t')) {
    link.remove_suffix(1);
  }
  return link;
}

struct Pair {
  std::string key;
  std::string value;
};

const std::string* find_value(const std::vector<Pair>& pairs, const char* key) {
  for (const Pair& p : pairs) {
    if (p.key == key) return &p.value;
  }
  return nullptr;
}

std::vector<Pair> read_pairs(std::string_view body, Notices& n) {
  std::vector<Pair> pairs;
  for (std::string_view segment : split(body, '&')) {
    if (segment.empty()) continue;
    const std::size_t eq = segment.find('=');
    const std::string key = percent_decode(segment.substr(0, eq));
    if (eq == std::string_view::npos) {
      n.add("ignored '" + shown(key) + "' (expected key=value)");
      continue;
    }
    if (!is_known_key(key)) {
      n.add("ignored unknown key '" + shown(key) + "'");
      continue;
    }
    std::string value = percent_decode(segment.substr(eq + 1));
    auto same = std::find_if(pairs.begin(), pairs.end(), [&](const Pair& p) { return p.key == key; });
    if (same != pairs.end()) {
      n.add("key '" + key + "' appears twice; used the last value");
      same->value = std::move(value);
    } else {
      pairs.push_back({key, std::move(value)});
    }
  }
  return pairs;
}

LinkDecodeResult fall_back(std::string message) {
  LinkDecodeResult result;
  result.config = preset_or_default(kDefaultId);
  result.notices.push_back(std::move(message));
  result.fell_back_to_defaults = true;
  return result;
}

std::string known_scenarios() {
  std::string out;
  for (const std::string& id : scenario_ids()) out += id + ", ";
  return out + "custom, drawn";
}

// An edited preset mixture keeps the preset (its grid, title, ...); another dimension makes it custom.
void apply_mix_to_preset(const std::string& mix, ScenarioConfig& config, Notices& n) {
  if (config.data != DataKind::mixture) return;
  const Result<std::vector<GaussianClass>> classes = read_mix(mix);
  if (!classes.ok()) {
    n.add("could not read mix (" + classes.status.message + "); kept the mixture of " + config.id);
  } else if (classes.value[0].mean.size() != config.grid.dims) {
    n.add("mix is " + std::to_string(classes.value[0].mean.size()) + "-D but " + config.id + " is " +
          std::to_string(config.grid.dims) + "-D; showing it as scenario=custom");
    config = custom_base(classes.value);
  } else {
    config.classes = classes.value;
  }
}

// The scenario named (or implied) by the link, with mix / pts applied; false for an unknown id.
bool base_config(const std::vector<Pair>& pairs, ScenarioConfig& config, Notices& n) {
  const std::string* scenario = find_value(pairs, "scenario");
  std::string id;
  if (scenario) {
    id = *scenario;
  } else if (find_value(pairs, "mix")) {
    id = "custom";
  } else if (find_value(pairs, "pts")) {
    id = "drawn";
  } else if (find_value(pairs, "digits")) {
    id = "mnist";
  } else {
    id = kDefaultId;
    n.add(std::string("the link names no scenario; using ") + kDefaultId);
  }
  if (id == "custom") {
    const std::string* mix = find_value(pairs, "mix");
    const Result<std::vector<GaussianClass>> classes = mix ? read_mix(*mix) : Result<std::vector<GaussianClass>>::fail("it is missing");
    if (classes.ok()) {
      config = custom_base(classes.value);
    } else {
      config = preset_or_default(kDefaultId);
      n.add("could not read the custom mixture (mix: " + classes.status.message + "); showing " + kDefaultId +
            " instead");
    }
  } else if (id == "drawn") {
    config = drawn_base();
    if (const std::string* pts = find_value(pairs, "pts")) {
      read_points(*pts, config, n);
    } else {
      n.add("the link carries no drawn points (too many for a link); draw them again");
    }
  } else if (is_preset_id(id)) {
    config = preset_or_default(id);
    if (const std::string* mix = find_value(pairs, "mix")) apply_mix_to_preset(*mix, config, n);
  } else {
    return false;
  }
  if (config.data != DataKind::mixture && find_value(pairs, "mix")) {
    n.add("ignored 'mix': scenario=" + id + " has no Gaussian mixture");
  }
  if (config.id != "drawn" && find_value(pairs, "pts")) n.add("ignored 'pts': it needs scenario=drawn");
  return true;
}

}  // namespace

DrawnPoint quantize_for_link(const DrawnPoint& point) {
  DrawnPoint q = point;
  for (double& x : q.x) x = quantize_coordinate(x) / kLinkPointScale;
  return q;
}

std::string encode_share_link(const ScenarioConfig& config, std::string* notice) {
  if (notice) notice->clear();
  ScenarioConfig base;
  std::string head;
  if (config.data == DataKind::drawn_points) {
    base = drawn_base();
    head = "scenario=drawn";
  } else if (config.data == DataKind::mnist) {
    base = preset_or_default("mnist");
    head = "scenario=mnist";
    if (write_digits(config) != write_digits(base)) head += "&digits=" + write_digits(config);
  } else {
    base = preset_or_default(config.id);
    const bool same_dims = !config.classes.empty() && config.classes[0].mean.size() == base.grid.dims;
    if (is_preset_id(config.id) && base.data == DataKind::mixture && same_dims) {
      head = "scenario=" + config.id;
      if (write_mix(config.classes) != write_mix(base.classes)) head += "&mix=" + write_mix(config.classes);
    } else {
      base = custom_base(config.classes);
      head = "scenario=custom&mix=" + write_mix(config.classes);
    }
  }
  std::string tail;
  for (const FieldCodec& f : kFields) {
    const std::string value = f.write(config);
    if (value != f.write(base)) tail += std::string("&") + f.key + "=" + value;
  }
  if (config.data == DataKind::drawn_points) {
    const std::string points = "&pts=" + write_points(config.points);
    if (head.size() + points.size() + tail.size() <= kShareLinkMaxLength) {
      head += points;
    } else if (notice) {
      *notice = "drawn points too many for a link (" + std::to_string(config.points.size()) +
                " points); the link leaves them out";
    }
  }
  return head + tail;
}

LinkDecodeResult decode_share_link(std::string_view link) {
  const std::string_view body = link_body(link);
  LinkDecodeResult result;
  if (body.empty()) {
    result.config = preset_or_default(kDefaultId);
    return result;
  }
  Notices notices;
  const std::vector<Pair> pairs = read_pairs(body, notices);
  if (pairs.empty()) {
    return fall_back(std::string("could not read the link (no known key such as scenario=E5); showing the default "
                                 "scenario ") + kDefaultId);
  }
  if (!base_config(pairs, result.config, notices)) {
    return fall_back("unknown scenario '" + shown(*find_value(pairs, "scenario")) + "' (known: " + known_scenarios() +
                     "); showing " + kDefaultId);
  }
  if (const std::string* digits = find_value(pairs, "digits")) {
    if (result.config.data == DataKind::mnist) {
      read_digits(*digits, result.config, notices);
    } else {
      notices.add("ignored 'digits': it needs scenario=mnist");
    }
  }
  for (const FieldCodec& f : kFields) {
    if (const std::string* value = find_value(pairs, f.key)) f.read(*value, result.config, notices);
  }
  const int layer_count = static_cast<int>(result.config.network.hidden.size());
  fit_layer_index("rep", result.config.network.representation_layer, layer_count, notices);
  fit_layer_index("proj", result.config.network.projection_layer, layer_count, notices);
  result.notices = notices.finish();
  return result;
}

bool configs_equal(const ScenarioConfig& a, const ScenarioConfig& b) {
  auto same_class = [](const GaussianClass& x, const GaussianClass& y) {
    return x.mean.size() == y.mean.size() && x.cov.rows() == y.cov.rows() && x.cov.cols() == y.cov.cols() &&
           x.mean == y.mean && x.cov == y.cov && x.prior == y.prior;
  };
  auto same_point = [](const DrawnPoint& x, const DrawnPoint& y) {
    return x.x[0] == y.x[0] && x.x[1] == y.x[1] && x.label == y.label;
  };
  auto same_layer = [](const LayerSpec& x, const LayerSpec& y) {
    return x.width == y.width && x.activation == y.activation;
  };
  const GridSpec& ga = a.grid;
  const GridSpec& gb = b.grid;
  return a.id == b.id && a.title == b.title && a.data == b.data &&
         std::equal(a.classes.begin(), a.classes.end(), b.classes.begin(), b.classes.end(), same_class) &&
         std::equal(a.points.begin(), a.points.end(), b.points.begin(), b.points.end(), same_point) &&
         a.mnist.digits == b.mnist.digits && a.mnist.side == b.mnist.side &&
         a.mnist.test_fraction == b.mnist.test_fraction && a.train_samples == b.train_samples &&
         a.test_samples == b.test_samples && a.data_seed == b.data_seed &&
         std::equal(a.network.hidden.begin(), a.network.hidden.end(), b.network.hidden.begin(),
                    b.network.hidden.end(), same_layer) &&
         a.network.representation_layer == b.network.representation_layer &&
         a.network.projection_layer == b.network.projection_layer && a.network.noise_sigma == b.network.noise_sigma &&
         a.training.optimizer == b.training.optimizer && a.training.learning_rate == b.training.learning_rate &&
         a.training.batch_size == b.training.batch_size && a.training.epochs == b.training.epochs &&
         a.training.seed == b.training.seed && ga.dims == gb.dims && ga.lo[0] == gb.lo[0] && ga.lo[1] == gb.lo[1] &&
         ga.hi[0] == gb.hi[0] && ga.hi[1] == gb.hi[1] && ga.count[0] == gb.count[0] && ga.count[1] == gb.count[1] &&
         a.view.mode == b.view.mode && a.view.measure == b.view.measure && a.view.log_scale == b.view.log_scale &&
         a.view.glyphs == b.view.glyphs && a.view.show_data == b.view.show_data &&
         a.view.show_boundary == b.view.show_boundary && a.view.embed == b.view.embed &&
         a.view.panels == b.view.panels && a.view.controls == b.view.controls && a.view.autoplay == b.view.autoplay &&
         a.view.lecture == b.view.lecture;
}

}  // namespace catgeo
