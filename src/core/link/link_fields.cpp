// Per-key share-link codecs of the plain fields; every range and choice comes from the parameter table.
#include "core/link/link_fields.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "core/link/link_payloads.h"
#include "core/link/link_text.h"
#include "core/base/number_text.h"
#include "core/config/parameters.h"

namespace catgeo {
namespace {

// A value that is not of the key's form. The CLI (strict) message adds the range, which a link notice
// leaves to the out-of-range notice.
void kept(LinkNotices& n, const char* key, const std::string& value, const std::string& expected,
          const std::string& old, const ParameterSpec* range = nullptr) {
  const std::string where = range && n.strict() ? " in " + range_text(*range) : "";
  n.add("could not read " + n.quoted(key, value) + " (expected " + expected + where + ")", "kept " + old);
}

void out_of_range(LinkNotices& n, const char* key, const std::string& value, const ParameterSpec& spec,
                  const std::string& used) {
  n.add(n.named(key, value) + " is out of range " + range_text(spec), "using " + used);
}

void read_double(const char* key, const std::string& value, double& field, LinkNotices& n) {
  const ParameterSpec& spec = parameter(key);
  double x = 0.0;
  if (!parse_number(value, x)) {
    kept(n, key, value, "a number", format_number(field), &spec);
    return;
  }
  const double clamped = std::min(spec.max, std::max(spec.min, x));
  if (clamped != x) out_of_range(n, key, value, spec, format_number(clamped));
  field = clamped;
}

void read_int(const char* key, const std::string& value, int& field, LinkNotices& n) {
  const ParameterSpec& spec = parameter(key);
  long long x = 0;
  if (!parse_int(value, x)) {
    kept(n, key, value, "a whole number", std::to_string(field), &spec);
    return;
  }
  const long long clamped =
      std::min(static_cast<long long>(spec.max), std::max(static_cast<long long>(spec.min), x));
  if (clamped != x) out_of_range(n, key, value, spec, std::to_string(clamped));
  field = static_cast<int>(clamped);
}

// cut=x0,y0,x1,y1 (coordinates of the projection space to 3 decimals); "" = none.
std::string write_cut(const ScenarioConfig& c) {
  if (!std::isfinite(c.view.cut[0])) return "";
  std::string out;
  for (double v : c.view.cut) out += (out.empty() ? "" : ",") + format_number(std::round(v * 1000.0) / 1000.0);
  return out;
}

void read_cut(const std::string& value, ScenarioConfig& c, LinkNotices& n) {
  if (c.grid.dims != 2) {
    n.add(n.named("cut", value) + ": a cut goes through a 2-D view and " + c.id + " is 1-D", "ignored it");
    return;
  }
  const ParameterSpec& spec = parameter("cut");
  const std::vector<std::string_view> parts = split(value, ',');
  std::array<double, 4> cut{};
  bool ok = parts.size() == 4;
  for (std::size_t i = 0; ok && i < 4; ++i)
    ok = parse_number(std::string(parts[i]), cut[i]) && cut[i] >= spec.min && cut[i] <= spec.max;
  if (!ok || (cut[0] == cut[2] && cut[1] == cut[3])) {
    kept(n, "cut", value, "x0,y0,x1,y1: two different points", "no cut", &spec);
    return;
  }
  c.view.cut = cut;
}

// path=from,to,pair (digits 0-9, pair >= 0); "" = none.
std::string write_path(const ScenarioConfig& c) {
  if (c.view.path[0] < 0) return "";
  return std::to_string(c.view.path[0]) + "," + std::to_string(c.view.path[1]) + "," + std::to_string(c.view.path[2]);
}

void read_path(const std::string& value, ScenarioConfig& c, LinkNotices& n) {
  if (c.data != DataKind::mnist) {
    n.add(n.named("path", value) + ": a path between two test digits needs scenario=mnist", "ignored it");
    return;
  }
  const ParameterSpec& spec = parameter("path");
  const std::vector<std::string_view> parts = split(value, ',');
  long long v[3] = {0, 0, 0};
  bool ok = parts.size() == 3;
  for (std::size_t i = 0; ok && i < 3; ++i) ok = parse_int(std::string(parts[i]), v[i]) && v[i] >= 0;
  if (!ok || v[0] > 9 || v[1] > 9 || v[2] > spec.max) {
    kept(n, "path", value, "from,to,pair: two digits 0-9 and a pair number 0 to " + limit_text(spec.max), "no path");
    return;
  }
  c.view.path = {static_cast<int>(v[0]), static_cast<int>(v[1]), static_cast<int>(v[2])};
}

void read_seed(const char* key, const std::string& value, std::uint64_t& field, LinkNotices& n) {
  std::uint64_t x = 0;
  if (parse_uint64(value, x)) {
    field = x;
  } else {
    kept(n, key, value, "a whole number from " + range_text(parameter(key)), std::to_string(field));
  }
}

void read_flag(const char* key, const std::string& value, bool& field, LinkNotices& n) {
  if (value == "0" || value == "1") {
    field = value == "1";
  } else {
    kept(n, key, value, range_text(parameter(key)), field ? "1" : "0");
  }
}

// One of the key's words (parameters.h), in the order of the enum's values.
template <class Enum>
void read_choice(const char* key, const std::string& value, Enum& field, LinkNotices& n) {
  const int index = choice_index(key, value);
  if (index >= 0) {
    field = static_cast<Enum>(index);
  } else {
    kept(n, key, value, range_text(parameter(key)), choice_word(key, static_cast<int>(field)));
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

std::string write_layers(const ScenarioConfig& c) { return layers_text(c.network); }

void read_layers(const std::string& value, ScenarioConfig& c, LinkNotices& n) {
  const ParameterSpec& count = parameter("layers");
  const ParameterSpec& width = parameter("layers.width");
  const int min_width = static_cast<int>(width.min), max_width = static_cast<int>(width.max);
  const std::size_t max_count = static_cast<std::size_t>(count.max);
  std::vector<LayerSpec> layers;
  bool width_clamped = false;
  for (std::string_view item : split(value, '-')) {
    long long units = 0;
    LayerSpec layer;
    if (item.size() < 2 || !parse_int(item.substr(0, item.size() - 1), units) ||
        !activation_from_letter(item.back(), layer.activation)) {
      kept(n, "layers", value, "widths with t/s/r/l joined by '-', e.g. 64t-128s", write_layers(c));
      return;
    }
    width_clamped = width_clamped || units < min_width || units > max_width;
    layer.width = static_cast<int>(std::min<long long>(max_width, std::max<long long>(min_width, units)));
    layers.push_back(layer);
  }
  if (width_clamped) {
    n.add(n.named("layers", value) + ": widths must be " + std::to_string(min_width) + " to " +
              std::to_string(max_width),
          "clamped");
  }
  if (layers.size() > max_count) {
    n.add(n.named("layers", value) + ": at most " + std::to_string(max_count) + " hidden layers",
          "kept the first " + std::to_string(max_count));
    layers.resize(max_count);
  }
  c.network.hidden = layers;
}

// Layer indices must name an existing hidden layer (or -1) once the layers are known.
void fit_layer_index(const char* key, int& index, int layer_count, LinkNotices& n) {
  if (index >= -1 && index < layer_count) return;
  const int fixed = index < -1 ? -1 : layer_count - 1;
  n.add(std::string(key) + "=" + std::to_string(index) + " names no hidden layer (there are " +
            std::to_string(layer_count) + ")",
        "using " + std::to_string(fixed));
  index = fixed;
}

// ---- panels: 0 | 1 | auto (auto = shown, hidden in embed mode; never written, it is the default) --------

std::string write_panels(const ScenarioConfig& c) {
  return c.view.panels < 0 ? "auto" : c.view.panels == 1 ? "1" : "0";
}

void read_panels(const std::string& value, ScenarioConfig& c, LinkNotices& n) {
  if (value == "0" || value == "1" || value == "auto") {
    c.view.panels = value == "auto" ? -1 : value == "1" ? 1 : 0;
  } else {
    kept(n, "panels", value, range_text(parameter("panels")), write_panels(c));
  }
}

// ---- speed: epochs per second | max | auto (the default, never written) -------------------------------

std::string write_speed(const ScenarioConfig& c) {
  return c.view.speed == kAutoSpeed ? "auto" : std::isinf(c.view.speed) ? "max" : format_number(c.view.speed);
}

void read_speed(const std::string& value, ScenarioConfig& c, LinkNotices& n) {
  if (value == "auto" || value == "max") {
    c.view.speed = value == "auto" ? kAutoSpeed : kMaxSpeed;
    return;
  }
  double x = 0.0;
  if (!parse_number(value, x)) {
    kept(n, "speed", value, "a number of epochs per second, max or auto", write_speed(c), &parameter("speed"));
    return;
  }
  read_double("speed", value, c.view.speed, n);
}

// ---- the plain fields, in link order ---------------------------------------------------------

struct FieldCodec {
  const char* key;
  std::string (*write)(const ScenarioConfig&);
  void (*read)(const std::string& value, ScenarioConfig& c, LinkNotices& n);
};

std::string flag_text(bool on) { return on ? "1" : "0"; }

const FieldCodec kFields[] = {
    {"n", [](const ScenarioConfig& c) { return std::to_string(c.train_samples); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_int("n", v, c.train_samples, n); }},
    {"dseed", [](const ScenarioConfig& c) { return std::to_string(c.data_seed); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_seed("dseed", v, c.data_seed, n); }},
    {"sigma", [](const ScenarioConfig& c) { return format_number(c.network.noise_sigma); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_double("sigma", v, c.network.noise_sigma, n); }},
    {"noise", [](const ScenarioConfig& c) { return std::string(to_string(c.network.noise)); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_choice("noise", v, c.network.noise, n); }},
    {"alpha", [](const ScenarioConfig& c) { return format_number(c.network.dropout_alpha); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_double("alpha", v, c.network.dropout_alpha, n); }},
    {"layers", write_layers, read_layers},
    {"rep", [](const ScenarioConfig& c) { return std::to_string(c.network.representation_layer); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_int("rep", v, c.network.representation_layer, n); }},
    {"proj", [](const ScenarioConfig& c) { return std::to_string(c.network.projection_layer); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_int("proj", v, c.network.projection_layer, n); }},
    {"opt", [](const ScenarioConfig& c) { return std::string(to_string(c.training.optimizer)); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_choice("opt", v, c.training.optimizer, n); }},
    {"lr", [](const ScenarioConfig& c) { return format_number(c.training.learning_rate); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_double("lr", v, c.training.learning_rate, n); }},
    {"batch", [](const ScenarioConfig& c) { return std::to_string(c.training.batch_size); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_int("batch", v, c.training.batch_size, n); }},
    {"epochs", [](const ScenarioConfig& c) { return std::to_string(c.training.epochs); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_int("epochs", v, c.training.epochs, n); }},
    {"seed", [](const ScenarioConfig& c) { return std::to_string(c.training.seed); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_seed("seed", v, c.training.seed, n); }},
    {"view", [](const ScenarioConfig& c) { return std::string(to_string(c.view.mode)); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_choice("view", v, c.view.mode, n); }},
    {"measure", [](const ScenarioConfig& c) { return std::string(to_string(c.view.measure)); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_choice("measure", v, c.view.measure, n); }},
    {"log", [](const ScenarioConfig& c) { return flag_text(c.view.log_scale); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_flag("log", v, c.view.log_scale, n); }},
    {"glyphs", [](const ScenarioConfig& c) { return flag_text(c.view.glyphs); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_flag("glyphs", v, c.view.glyphs, n); }},
    {"data", [](const ScenarioConfig& c) { return flag_text(c.view.show_data); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_flag("data", v, c.view.show_data, n); }},
    {"boundary", [](const ScenarioConfig& c) { return flag_text(c.view.show_boundary); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_flag("boundary", v, c.view.show_boundary, n); }},
    {"decoder", [](const ScenarioConfig& c) { return flag_text(c.view.decoder); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_flag("decoder", v, c.view.decoder, n); }},
    {"layer", [](const ScenarioConfig& c) { return std::to_string(c.view.layer); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_int("layer", v, c.view.layer, n); }},
    {"cut", write_cut, read_cut},
    {"path", write_path, read_path},
    {"lossmap", [](const ScenarioConfig& c) { return flag_text(c.view.loss_map); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_flag("lossmap", v, c.view.loss_map, n); }},
    {"widths", [](const ScenarioConfig& c) { return flag_text(c.view.width_study); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_flag("widths", v, c.view.width_study, n); }},
    // Page chrome (embeds, lectures): view options too, so a link stays one grammar; the CLI ignores them.
    {"embed", [](const ScenarioConfig& c) { return flag_text(c.view.embed); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_flag("embed", v, c.view.embed, n); }},
    {"panels", write_panels, read_panels},
    {"controls", [](const ScenarioConfig& c) { return flag_text(c.view.controls); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_flag("controls", v, c.view.controls, n); }},
    {"autoplay", [](const ScenarioConfig& c) { return flag_text(c.view.autoplay); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_flag("autoplay", v, c.view.autoplay, n); }},
    {"lecture", [](const ScenarioConfig& c) { return flag_text(c.view.lecture); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_flag("lecture", v, c.view.lecture, n); }},
    {"tour", [](const ScenarioConfig& c) { return std::to_string(c.view.tour); },
     [](const std::string& v, ScenarioConfig& c, LinkNotices& n) { read_int("tour", v, c.view.tour, n); }},
    {"speed", write_speed, read_speed},
};

const FieldCodec* find_field(std::string_view key) {
  for (const FieldCodec& f : kFields) {
    if (key == f.key) return &f;
  }
  return nullptr;
}

}  // namespace

bool is_field_key(const std::string& key) { return find_field(key) != nullptr; }

std::vector<std::string> field_keys() {
  std::vector<std::string> keys;
  for (const FieldCodec& f : kFields) keys.push_back(f.key);
  return keys;
}

std::string write_fields(const ScenarioConfig& config, const ScenarioConfig& base) {
  std::string tail;
  for (const FieldCodec& f : kFields) {
    const std::string value = f.write(config);
    if (value != f.write(base)) tail += std::string("&") + f.key + "=" + value;
  }
  return tail;
}

void read_fields(const std::vector<LinkPair>& pairs, ScenarioConfig& config, LinkNotices& n) {
  for (const FieldCodec& f : kFields) {
    if (const std::string* value = find_value(pairs, f.key)) f.read(*value, config, n);
  }
  const int layer_count = static_cast<int>(config.network.hidden.size());
  fit_layer_index("rep", config.network.representation_layer, layer_count, n);
  fit_layer_index("proj", config.network.projection_layer, layer_count, n);
}

std::string parameter_text(const ScenarioConfig& config, std::string_view key) {
  if (key == "digits") return write_digits(config);
  const FieldCodec* f = find_field(key);
  return f ? f->write(config) : std::string();
}

Status set_parameter(ScenarioConfig& config, const std::string& key, const std::string& value) {
  const FieldCodec* f = find_field(key);
  if (!f && key != "digits") return Status::error("unknown parameter '" + shown(key) + "'");
  ScenarioConfig changed = config;
  LinkNotices problems(true);
  if (f) {
    f->read(value, changed, problems);
  } else {
    read_digits(value, changed, problems);
  }
  if (!problems.empty()) return Status::error(problems.list().front());
  config = std::move(changed);
  return Status::success();
}

}  // namespace catgeo
