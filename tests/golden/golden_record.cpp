// Records a golden run as the page shows it: the metrics JSON of the run (history, information, layers) read back
// from its text, plus the fields along its cut or digit path.
#include "golden_record.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>

#include "core/run/digit_path.h"
#include "core/run/experiment.h"
#include "core/analysis/information_progress.h"
#include "core/analysis/information_summary.h"
#include "core/analysis/layer_fisher.h"
#include "core/formats/run_report.h"
#include "core/link/share_link.h"
#include "engine/cut.h"

namespace catgeo::golden {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

void mix_bytes(std::uint64_t& hash, const unsigned char* bytes, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) hash = (hash ^ bytes[i]) * kFnvPrime;
}

void mix_u64(std::uint64_t& hash, std::uint64_t value) {
  unsigned char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(value >> (8 * i));
  mix_bytes(hash, bytes, 8);
}

// A value's numbers: a number, NaN for null (or a string), or a list's length followed by its items' numbers.
void append(const JsonValue& value, std::vector<double>& out) {
  if (!value.is_array()) {
    out.push_back(value.is_number() ? value.as_number() : std::nan(""));
    return;
  }
  out.push_back(static_cast<double>(value.size()));
  for (const JsonValue& item : value.items()) append(item, out);
}

void add_matrix(Record& record, const std::string& name, const Eigen::MatrixXd& matrix) {
  record.metrics.push_back({name, std::vector<double>(matrix.data(), matrix.data() + matrix.size())});
}

// The metrics as the page's catgeo.metrics({history: true}) holds them: the text parsed back, so that a value is the
// double the page's JSON.parse reads (a -0 written as 0 is 0 on both sides).
Result<JsonValue> page_metrics(Experiment& run) {
  JsonValue summary = run_summary(run, true);
  add_information(measure_information(run), summary);
  summary.set("layers", layers_to_json(layer_match_metrics(run), run.dims()));
  return parse_json(to_json(summary));
}

void add_page_metrics(const JsonValue& summary, Record& record) {
  const JsonValue& history = *summary.find("history");
  const JsonValue& first = history.items().front();
  for (const std::string& key : first.keys()) {
    if (key == "epoch") continue;
    Metric metric{"history." + key, {}};
    for (const JsonValue& snapshot : history.items()) append(*snapshot.find(key), metric.values);
    record.metrics.push_back(std::move(metric));
  }
  for (std::size_t i = 0; i < summary.keys().size(); ++i) {
    const std::string& key = summary.keys()[i];
    const JsonValue& value = summary.items()[i];
    if (first.find(key) || !(value.is_number() || value.is_null()) || key == "epochs") continue;
    record.metrics.push_back({key, {}});
    append(value, record.metrics.back().values);
  }
  const JsonValue& layers = *summary.find("layers");
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const JsonValue& layer = *layers.at(l);
    for (std::size_t i = 0; i < layer.keys().size(); ++i) {
      if (layer.keys()[i] == "index") continue;
      record.metrics.push_back({"layers[" + std::to_string(l) + "]." + layer.keys()[i], {}});
      append(layer.items()[i], record.metrics.back().values);
    }
  }
}

// The fields the page's cut shows (engine/cut.h): F_cat, F_code and the network's posterior at kCutPoints points.
void add_cut(const ScenarioConfig& config, Experiment& run, Record& record) {
  const std::array<double, 4>& c = config.view.cut;
  if (config.grid.dims != 2 || !std::isfinite(c[0])) return;
  GridFields fields;
  run.evaluate_at_points(cut_points({c[0], c[1], c[2], c[3]}), fields);
  add_matrix(record, "cut.fcat", fields.fcat);
  add_matrix(record, "cut.fcode", fields.fcode);
  add_matrix(record, "cut.network_posterior", fields.network_posterior);
}

// The digit path the page's read-out shows (its ends picked as the engine picks them).
Status add_path(const ScenarioConfig& config, Experiment& run, Record& record) {
  const std::array<int, 3>& p = config.view.path;
  if (config.data != DataKind::mnist || p[0] < 0) return Status::success();
  const DigitPathEnds ends = digit_path_ends(run, config.mnist.digits, p[0], p[1], p[2]);
  if (!ends.error.empty()) return Status::error(ends.error);
  Result<DigitPath> path = digit_path(run, ends.test_a, ends.test_b);
  if (!path.ok()) return path.status;
  add_matrix(record, "path.codes", path.value.codes);
  add_matrix(record, "path.fcode", path.value.fields.fcode);
  add_matrix(record, "path.network_posterior", path.value.fields.network_posterior);
  record.metrics.push_back({"path.cosine_distance", path.value.cosine_distance});
  return Status::success();
}

JsonValue readable_values(const JsonValue& summary) {
  JsonValue out = JsonValue::object();
  for (const char* key : {"test_accuracy", "test_loss", "info_r", "info_x_kde"}) {
    const JsonValue* value = summary.find(key);
    if (!value || !value->is_number()) continue;
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", value->as_number());
    out.set(key, JsonValue::string(text));
    if (std::string(key) == "info_r") break;  // info_x_kde only where I(mu; r) has no value (estimated references)
  }
  return out;
}

}  // namespace

Result<Record> record_run(const std::string& link, const Dataset& mnist) {
  const LinkDecodeResult decoded = decode_share_link(link);
  if (decoded.fell_back_to_defaults || !decoded.notices.empty())
    return Result<Record>::fail("the link gives notices: " + (decoded.notices.empty() ? "" : decoded.notices[0]));
  Result<std::unique_ptr<Experiment>> created = Experiment::create(decoded.config, &mnist);
  if (!created.ok()) return Result<Record>::fail(created.status.message);
  Experiment& run = *created.value;
  while (run.trainer().state() == TrainerState::training) run.train({1 << 20, 0.25});
  Result<JsonValue> summary = page_metrics(run);
  if (!summary.ok()) return Result<Record>::fail(summary.status.message);
  Record record;
  add_page_metrics(summary.value, record);
  add_cut(decoded.config, run, record);
  if (const Status path = add_path(decoded.config, run, record); !path.ok) return Result<Record>::fail(path.message);
  record.readable = readable_values(summary.value);
  return {std::move(record), Status::success()};
}

std::uint64_t metric_digest(const std::vector<double>& values) {
  std::uint64_t hash = kFnvOffset;
  for (const double value : values) {
    std::uint64_t bits = 0x7ff8000000000000ull;
    if (!std::isnan(value)) std::memcpy(&bits, &value, sizeof bits);
    mix_u64(hash, bits);
  }
  return hash;
}

std::uint64_t run_digest(const std::vector<Metric>& metrics) {
  std::uint64_t hash = kFnvOffset;
  for (const Metric& metric : metrics) {
    mix_bytes(hash, reinterpret_cast<const unsigned char*>(metric.name.c_str()), metric.name.size() + 1);
    mix_u64(hash, metric_digest(metric.values));
  }
  return hash;
}

std::string hex(std::uint64_t value, int digits) {
  static const char* kDigits = "0123456789abcdef";
  std::string out(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = kDigits[value & 15];
  return out;
}

}  // namespace catgeo::golden
