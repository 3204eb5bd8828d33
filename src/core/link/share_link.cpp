// Share-link encoder/decoder (see share_link.h for the grammar): scenario and payloads, then the plain fields.
#include "core/link/share_link.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/geometry/drawn_reference.h"
#include "core/link/link_fields.h"
#include "core/link/link_notices.h"
#include "core/link/link_payloads.h"
#include "core/link/link_text.h"
#include "core/base/number_text.h"
#include "core/config/parameters.h"
#include "core/config/scenarios.h"
#include "core/config/tour.h"

namespace catgeo {
namespace {

constexpr const char* kPayloadKeys[] = {"scenario", "mix", "pts", "pdims", "names", "scale", "digits"};

constexpr const char* kVersionKey = "v";

bool is_known_key(const std::string& key) {
  for (const char* k : kPayloadKeys) {
    if (key == k) return true;
  }
  return key == kVersionKey || is_field_key(key);
}

// v=N: a whole number from 1; a link of another version loads with a notice that its numbers may differ.
int read_version(const std::string& value, LinkNotices& n) {
  long long version = 0;
  const ParameterSpec& spec = parameter(kVersionKey);
  if (!parse_int(value, version) || version < spec.min || version > spec.max) {
    n.add("could not read " + n.quoted(kVersionKey, value) + " (expected a link version, a whole number " +
              range_text(spec) + ")",
          "read it as this CatGeo's version " + std::to_string(kLinkVersion));
    return kLinkVersion;
  }
  if (version != kLinkVersion) {
    n.add("this link was made by " + std::string(version > kLinkVersion ? "a newer" : "an older") +
          " CatGeo (link version " + std::to_string(version) + "; this one is version " +
          std::to_string(kLinkVersion) + "): it is loaded with today's trainer and estimators, so its numbers may "
          "differ from what its author saw");
  }
  return static_cast<int>(version);
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
  ScenarioConfig c = preset_or_default(base_preset_id(two_d ? 2 : 1));
  c.id = "custom";
  c.title = custom_mixture_title(two_d ? 2 : 1);
  c.data = DataKind::mixture;
  c.classes = classes;
  return c;
}

// Drawn points in 2-D (E5's grid and network), or in 1-D (E1's: pdims=1, a table of x, label).
ScenarioConfig drawn_base(int dims) {
  ScenarioConfig c = preset_or_default(base_preset_id(dims));
  c.id = "drawn";
  c.title = "Your points (F_cat estimated by KDE)";  // as the app titles a drawing
  c.data = DataKind::drawn_points;
  c.classes.clear();
  c.points.clear();
  c.points_dims = dims;
  return c;
}

// pdims=1|2 (default 2).
int read_points_dims(const std::vector<LinkPair>& pairs, LinkNotices& n) {
  const std::string* value = find_value(pairs, "pdims");
  if (!value || *value == "2") return 2;
  if (*value == "1") return 1;
  n.add("could not read " + n.quoted("pdims", *value) + " (expected 1 or 2)", "using 2");
  return 2;
}

// The drawn points and, for a table, its class names and scaling (names and scale need the points read first).
void read_drawn(const std::vector<LinkPair>& pairs, ScenarioConfig& config, LinkNotices& n) {
  config = drawn_base(read_points_dims(pairs, n));
  const std::string* pts = find_value(pairs, "pts");
  if (!pts) {
    n.add("the link carries no drawn points (too many for a link); draw them again");
    return;
  }
  read_points(*pts, config, n);
  if (config.points_dims == 1)
    for (DrawnPoint& p : config.points) p.x[1] = 0.0;
  if (const std::string* names = find_value(pairs, "names")) read_names(*names, config, n);
  if (const std::string* scale = find_value(pairs, "scale")) read_scale(*scale, config, n);
  if (!config.class_names.empty() || config.scaling.active) config.title = kTableScenarioTitle;
}

// "&pts=...", with a table's "&names=..." and "&scale=...".
std::string drawn_payload(const ScenarioConfig& config) {
  std::string out = "&pts=" + write_points(config.points);
  if (!config.class_names.empty()) out += "&names=" + write_names(config.class_names);
  if (config.scaling.active) out += "&scale=" + write_scale(config.scaling);
  return out;
}


// The fallback preset (kFallbackScenarioId), with the notices about the link text itself (control bytes) and why it
// was not understood.
LinkDecodeResult fall_back(std::vector<std::string> text_notices, std::string message) {
  LinkDecodeResult result;
  result.config = preset_or_default(kFallbackScenarioId);
  result.notices = std::move(text_notices);
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
void apply_mix_to_preset(const std::string& mix, ScenarioConfig& config, LinkNotices& n) {
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
bool base_config(const std::vector<LinkPair>& pairs, ScenarioConfig& config, LinkNotices& n) {
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
    id = kFallbackScenarioId;
    n.add(std::string("the link names no scenario; using ") + kFallbackScenarioId);
  }
  if (id == "custom") {
    const std::string* mix = find_value(pairs, "mix");
    const Result<std::vector<GaussianClass>> classes = mix ? read_mix(*mix) : Result<std::vector<GaussianClass>>::fail("it is missing");
    if (classes.ok()) {
      config = custom_base(classes.value);
    } else {
      config = preset_or_default(kFallbackScenarioId);
      n.add("could not read the custom mixture (mix: " + classes.status.message + "); showing " +
            kFallbackScenarioId + " instead");
    }
  } else if (id == "drawn") {
    read_drawn(pairs, config, n);
  } else if (is_preset_id(id)) {
    config = preset_or_default(id);
    if (const std::string* mix = find_value(pairs, "mix")) apply_mix_to_preset(*mix, config, n);
  } else {
    return false;
  }
  if (config.data != DataKind::mixture && find_value(pairs, "mix")) {
    n.add("ignored 'mix': scenario=" + id + " has no Gaussian mixture");
  }
  for (const char* key : {"pts", "pdims", "names", "scale"}) {
    if (config.id != "drawn" && find_value(pairs, key))
      n.add(std::string("ignored '") + key + "': it needs scenario=drawn");
  }
  return true;
}

// Cut coordinates, where NaN (no cut) equals NaN.
bool same_cut(const std::array<double, 4>& a, const std::array<double, 4>& b) {
  for (int i = 0; i < 4; ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

}  // namespace

std::string encode_share_link(const ScenarioConfig& config, std::string* notice, std::size_t max_length) {
  if (notice) notice->clear();
  ScenarioConfig base;
  std::string head;
  if (config.data == DataKind::drawn_points) {
    base = drawn_base(config.points_dims);
    head = config.points_dims == 1 ? "scenario=drawn&pdims=1" : "scenario=drawn";
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
  const std::string tail = write_fields(config, base) + "&" + kVersionKey + "=" + std::to_string(kLinkVersion);
  if (config.data == DataKind::drawn_points) {
    const std::string points = drawn_payload(config);
    if (head.size() + points.size() + tail.size() <= max_length) {
      head += points;
    } else if (notice) {
      const bool table = is_table(config);
      *notice = "drawn points too many for a link (" + std::to_string(config.points.size()) +
                " points); the link leaves them out" +
                (table ? ", with the table's class names and scaling: export the table beside the link" : "");
    }
  }
  return head + tail;
}

LinkDecodeResult decode_share_link(std::string_view link) {
  LinkDecodeResult result;
  LinkNotices text_notices;
  const std::string body = without_control_bytes(link_body(link), text_notices);
  if (body.empty())
    return fall_back(text_notices.finish(), std::string("the link is empty; showing ") + kFallbackScenarioId);
  LinkNotices notices;
  const std::vector<LinkPair> pairs = read_pairs(body, is_known_key, notices);
  if (pairs.empty()) {
    return fall_back(text_notices.finish(),
                     std::string("could not read the link (no known key such as scenario=E5); showing the default "
                                 "scenario ") + kFallbackScenarioId);
  }
  // tour=N without a scenario stands for step N's settings with this link's other keys on top (core/config/tour.h). A
  // value that is not a step's number is left to the strict reading of the plain fields below, which names it.
  long long step = 0;
  if (const std::string* tour = find_value(pairs, "tour");
      tour && !find_value(pairs, "scenario") && parse_int(*tour, step) && step >= 1 && step <= kTourSteps) {
    std::string rest;  // the other pairs as they were written (still encoded)
    int tours = 0;
    for (std::string_view pair : split(body, '&')) {
      if (pair.empty()) continue;
      if (percent_decode(pair.substr(0, pair.find('='))) == "tour") {
        ++tours;
      } else {
        rest += (rest.empty() ? "" : "&") + std::string(pair);
      }
    }
    LinkDecodeResult expanded = decode_share_link(tour_link(static_cast<int>(step), rest));
    // What only this reading saw: control bytes, and a repeated tour (the expansion holds the last value only).
    std::vector<std::string> seen = text_notices.finish();
    if (tours > 1) seen.push_back("key 'tour' appears " + std::to_string(tours) + " times; used the last value");
    expanded.notices.insert(expanded.notices.begin(), seen.begin(), seen.end());
    return expanded;
  }
  if (!base_config(pairs, result.config, notices)) {
    return fall_back(text_notices.finish(), "unknown scenario '" + shown(*find_value(pairs, "scenario")) +
                                                "' (known: " + known_scenarios() + "); showing " +
                                                kFallbackScenarioId);
  }
  if (const std::string* digits = find_value(pairs, "digits")) {
    if (result.config.data == DataKind::mnist) {
      read_digits(*digits, result.config, notices);
    } else {
      notices.add("ignored 'digits': it needs scenario=mnist");
    }
  }
  read_fields(pairs, result.config, notices);
  if (const std::string* version = find_value(pairs, kVersionKey)) result.version = read_version(*version, notices);
  if (const std::string flat = flat_reference_notice(result.config); !flat.empty()) notices.add(flat);
  result.notices = text_notices.finish();
  for (std::string& notice : notices.finish()) result.notices.push_back(std::move(notice));
  return result;
}

std::vector<std::string> link_keys() {
  std::vector<std::string> keys(std::begin(kPayloadKeys), std::end(kPayloadKeys));
  for (const std::string& key : field_keys()) keys.push_back(key);
  keys.push_back(kVersionKey);
  return keys;
}

ScenarioConfig as_link_reads(const ScenarioConfig& config) {
  ScenarioConfig read = decode_share_link(encode_share_link(config, nullptr, SIZE_MAX)).config;
  if (read.id == config.id) read.title = config.title;
  return read;
}

LinkDecodeResult with_link_pair(const ScenarioConfig& config, const std::string& key, const std::string& value) {
  LinkDecodeResult set = decode_share_link(with_pair(encode_share_link(config, nullptr, SIZE_MAX), key, value));
  if (set.config.id == config.id) set.config.title = config.title;
  return set;
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
  const PointScaling& sa = a.scaling;
  const PointScaling& sb = b.scaling;
  return a.id == b.id && a.title == b.title && a.data == b.data &&
         std::equal(a.classes.begin(), a.classes.end(), b.classes.begin(), b.classes.end(), same_class) &&
         std::equal(a.points.begin(), a.points.end(), b.points.begin(), b.points.end(), same_point) &&
         a.points_dims == b.points_dims && a.class_names == b.class_names && sa.active == sb.active &&
         sa.center[0] == sb.center[0] && sa.center[1] == sb.center[1] && sa.scale == sb.scale &&
         a.mnist.digits == b.mnist.digits && a.mnist.side == b.mnist.side &&
         a.mnist.test_fraction == b.mnist.test_fraction && a.train_samples == b.train_samples &&
         a.test_samples == b.test_samples && a.data_seed == b.data_seed &&
         std::equal(a.network.hidden.begin(), a.network.hidden.end(), b.network.hidden.begin(),
                    b.network.hidden.end(), same_layer) &&
         a.network.representation_layer == b.network.representation_layer &&
         a.network.projection_layer == b.network.projection_layer && a.network.noise_sigma == b.network.noise_sigma &&
         a.network.noise == b.network.noise && a.network.dropout_alpha == b.network.dropout_alpha &&
         a.training.optimizer == b.training.optimizer && a.training.learning_rate == b.training.learning_rate &&
         a.training.batch_size == b.training.batch_size && a.training.epochs == b.training.epochs &&
         a.training.seed == b.training.seed && ga.dims == gb.dims && ga.lo[0] == gb.lo[0] && ga.lo[1] == gb.lo[1] &&
         ga.hi[0] == gb.hi[0] && ga.hi[1] == gb.hi[1] && ga.count[0] == gb.count[0] && ga.count[1] == gb.count[1] &&
         a.view.mode == b.view.mode && a.view.measure == b.view.measure && a.view.log_scale == b.view.log_scale &&
         a.view.glyphs == b.view.glyphs && a.view.show_data == b.view.show_data &&
         a.view.show_boundary == b.view.show_boundary && a.view.decoder == b.view.decoder &&
         a.view.layer == b.view.layer && same_cut(a.view.cut, b.view.cut) && a.view.path == b.view.path &&
         a.view.loss_map == b.view.loss_map && a.view.width_study == b.view.width_study &&
         a.view.embed == b.view.embed &&
         a.view.panels == b.view.panels && a.view.controls == b.view.controls && a.view.autoplay == b.view.autoplay &&
         a.view.lecture == b.view.lecture && a.view.tour == b.view.tour && a.view.speed == b.view.speed;
}

}  // namespace catgeo

