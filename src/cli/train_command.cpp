// catgeo train: run a scenario or share link to the end natively and print its matching metrics.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/analysis/decoder_check.h"
#include "core/run/experiment.h"
#include "core/analysis/information_progress.h"
#include "core/analysis/information_summary.h"
#include "core/analysis/layer_fisher.h"
#include "core/link/link_fields.h"
#include "core/data/mnist_asset.h"
#include "core/config/parameters.h"
#include "core/data/point_table.h"
#include "core/formats/run_report.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"
#include "core/run/table_scenario.h"

namespace catgeo::cli {
namespace {

// One line on a terminal's stderr, rewritten in place; silent elsewhere and during the first second.
class Progress {
 public:
  Progress() : enabled_(isatty(fileno(stderr)) != 0), start_(std::chrono::steady_clock::now()) {}
  void show(const Experiment& run) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (!enabled_ || seconds < 1.0) return;
    std::fprintf(stderr, "\rcatgeo: training epoch %.1f of %d (%.0f s)   ", run.trainer().epoch_progress(),
                 run.config().training.epochs, seconds);
    std::fflush(stderr);
    shown_ = true;
  }
  ~Progress() {
    if (shown_) std::fputs("\r\033[K", stderr);
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
};

void print_readable(const JsonValue& summary) {
  std::printf("scenario %s: %g epochs, state %s\n", summary.find("scenario")->as_string().c_str(),
              summary.find("epochs")->as_number(), summary.find("state")->as_string().c_str());
  const JsonValue& before = *summary.find("before");
  for (size_t i = 0; i < summary.keys().size(); ++i) {
    const std::string& key = summary.keys()[i];
    if (key == "scenario" || key == "epochs" || key == "state" || key == "before") continue;
    const JsonValue* old = before.find(key);
    std::printf("  %-24s %s", key.c_str(), to_json(summary.items()[i]).c_str());
    if (old) std::printf("   (before training: %s)", to_json(*old).c_str());
    std::printf("\n");
  }
}

// The scenario of a table file: its points on `base_id` (default E5 for a 2-D table, E1 for 1-D). Every failure is
// one line, a bad table's "FILE: line N, column M: ...".
Result<ScenarioConfig> table_config(const std::string& path, const std::optional<std::string>& base_id) {
  using R = Result<ScenarioConfig>;
  const Result<std::string> text = read_file("points", path, points_file_cap());
  if (!text.ok()) return R::fail(text.status.message);
  const Result<PointTable> table = parse_point_table(text.value);
  if (!table.ok()) return R::fail(path + ": " + table.status.message);
  const Result<ScenarioConfig> base = scenario_preset(base_id.value_or(base_preset_id(table.value.dims)));
  if (!base.ok()) return R::fail(base.status.message);
  std::vector<std::string> notices;
  const Result<ScenarioConfig> config = table_scenario(table.value, base.value, &notices);
  if (!config.ok()) return R::fail(path + ": " + config.status.message);
  for (const std::string& notice : notices) std::fprintf(stderr, "catgeo: notice: %s: %s\n", path.c_str(), notice.c_str());
  return config;
}

// "table": file (--points; none from a link), points, dims, classes (the names as written, in class order) and the
// scaling statement.
JsonValue table_to_json(const std::optional<std::string>& path, const ScenarioConfig& config) {
  JsonValue names = JsonValue::array();
  for (const std::string& name : config.class_names) names.push_back(JsonValue::string(name));
  JsonValue table = JsonValue::object();
  if (path) table.set("file", JsonValue::string(*path));
  table.set("points", JsonValue::number(static_cast<double>(config.points.size())));
  table.set("dims", JsonValue::number(config.points_dims));
  table.set("classes", names);
  table.set("scaling", JsonValue::string(describe_scaling(config.scaling, config.points_dims)));
  return table;
}

}  // namespace

std::string train_help() {
  std::string ids;
  for (const std::string& id : scenario_ids()) ids += (ids.empty() ? "" : ", ") + id;
  std::string out =
      "usage: catgeo train (--scenario ID | --link TEXT | --points FILE [--scenario ID]) [--key VALUE ...]\n"
      "                    [--mnist FILE.cgd] [--json] [--history] [--decoder-check]\n"
      "  train a scenario to the end and print its matching metrics (exit 0; 1 if training diverged; 2 bad input)\n"
      "  --scenario ID    one of " + ids + "\n"
      "  --link TEXT      a share link of the page, e.g. 'scenario=E5&sigma=0.5' (the part after '#')\n"
      "  --points FILE    your own points: a CSV/TSV table of x, label or x, y, label (a header is optional; see\n"
      "                   docs/point-tables.md), up to " + limit_text(parameter("table.points").max) + " points of " +
      limit_text(parameter("table.classes").min) + " to " + limit_text(parameter("table.classes").max) +
      " classes, scaled into the grid of E5 (2-D) or E1 (1-D), or of --scenario;\n"
      "                   F_cat is the class-wise KDE estimate. A bad table: exit 2, 'FILE: line N, column M: ...'\n"
      "                   The file may have at most " + cap_text(points_file_cap()) + "\n"
      "  --mnist FILE     MNIST digits for scenario mnist (default assets/mnist14.cgd, made by scripts/setup), at\n"
      "                   most " + cap_text(mnist_file_cap()) + "\n"
      "  --json           one JSON object instead of text; --history adds the metrics of every epoch\n"
      "  link             always reported: the share link of what ran, its link version v= included, which\n"
      "                   reproduces the output (a link of another version loads with a notice on stderr)\n"

      "  layers           always reported (also before training): per hidden layer l from the one after the\n"
      "                   projection to r, F_code^(l) = J_l^T J_l / sigma^2 (J_l = dh_l/dx) against F_cat: index\n"
      "                   (hidden-layer index, from 0), contrast, loglog_r and, in 2-D, angle_deg_weighted (spec 3.3)\n"
      "  --decoder-check  also report decoder_check: the decoder estimate of F_code (NECO 2022, spec 1.6): at the\n"
      "                   data-region points of a 16-point-per-axis grid, 400 noisy r (the run's noise) decoded back\n"
      "                   to x-hat by Gauss-Newton, Cov(x-hat)^-1 against F_code from the Jacobian (J^T J / sigma^2):\n"
      "                   points, median_rel_error (median relative error of the trace), sigma (dropout: alpha),\n"
      "                   draws\n"
      "parameters (default: the scenario's; the same keys and ranges as the share link):\n";
  for (const std::string& key : run_parameter_keys()) out += option_help(key);
  const ParameterSpec& width = parameter("layers.width");
  return out + "  (layers: each width " + range_text(width) + ")\n";
}

int run_train(int argc, char** argv) {
  std::vector<std::string> valued = {"scenario", "link", "points", "mnist"};
  for (const std::string& key : run_parameter_keys()) valued.push_back(key);
  Result<Args> parsed = Args::parse(argc, argv, 2, {"json", "history", "decoder-check"}, valued);
  if (!parsed.ok()) return fail(parsed.status.message);
  const Args& args = parsed.value;
  if (args.has("help")) {
    std::fputs(train_help().c_str(), stdout);
    return 0;
  }
  if (args.has("scenario") == args.has("link") && !args.has("points"))
    return fail("train needs exactly one of --scenario ID, --link TEXT or --points FILE (try catgeo train --help)");
  if (args.has("points") && args.has("link"))
    return fail("--points and --link cannot be combined: give --points FILE with the options on top");

  ScenarioConfig config;
  if (auto path = args.value("points")) {
    Result<ScenarioConfig> made = table_config(*path, args.value("scenario"));
    if (!made.ok()) return fail(made.status.message);
    config = made.value;
  } else if (auto id = args.value("scenario")) {
    Result<ScenarioConfig> preset = scenario_preset(*id);
    if (!preset.ok()) return fail(preset.status.message);
    config = preset.value;
  } else {
    LinkDecodeResult link = decode_share_link(*args.value("link"));
    if (link.fell_back_to_defaults) {
      std::string why;
      for (const std::string& notice : link.notices) why += (why.empty() ? "" : "; ") + notice;
      return fail("--link was not understood: " + why);
    }
    for (const std::string& notice : link.notices) std::fprintf(stderr, "catgeo: notice: %s\n", notice.c_str());
    config = link.config;
  }
  const Status overrides = apply_parameter_options(args, run_parameter_keys(), config);
  if (!overrides.ok) return fail(overrides.message);

  Dataset mnist;
  if (config.data == DataKind::mnist) {
    const std::string path =
        args.value("mnist").value_or(config.mnist.side == 7 ? "assets/mnist7.cgd" : "assets/mnist14.cgd");
    Result<std::string> bytes = read_file("mnist", path, mnist_file_cap());
    if (!bytes.ok()) return fail(bytes.status.message + "; pass --mnist FILE.cgd (scripts/setup makes assets/mnist14.cgd)");
    Result<Dataset> loaded =
        load_mnist_asset(reinterpret_cast<const std::uint8_t*>(bytes.value.data()), bytes.value.size());
    if (!loaded.ok()) return fail("--mnist " + path + ": " + loaded.status.message);
    mnist = std::move(loaded.value);
  }
  Result<std::unique_ptr<Experiment>> run = Experiment::create(config, &mnist);
  if (!run.ok()) return fail(run.status.message);
  const InformationSummary before = measure_information(*run.value);
  const InformationChecks checks_before = measure_information_checks(*run.value);
  const std::vector<LayerMatch> layers_before = layer_match_metrics(*run.value);
  {
    Progress progress;
    while (run.value->trainer().state() == TrainerState::training) {
      run.value->train({1 << 20, 0.25});
      progress.show(*run.value);
    }
  }

  JsonValue summary = run_summary(*run.value, args.has("history"), before, measure_information(*run.value));
  const int dims = run.value->dims();
  add_information_checks(measure_information_checks(*run.value), summary);
  JsonValue before_training = *summary.find("before");
  add_information_checks(checks_before, before_training);
  before_training.set("layers", layers_to_json(layers_before, dims));
  summary.set("before", before_training);
  summary.set("layers", layers_to_json(layer_match_metrics(*run.value), dims));
  // The link of what ran, with its version (however long: drawn points included), so the output reproduces itself.
  summary.set("link", JsonValue::string(encode_share_link(config, nullptr, SIZE_MAX)));
  if (config.data == DataKind::drawn_points && (!config.class_names.empty() || config.scaling.active))
    summary.set("table", table_to_json(args.value("points"), config));
  if (args.has("decoder-check")) {
    Rng decoder_rng(derive_seed(config.training.seed, 13));
    summary.set("decoder_check", decoder_check_to_json(run_decoder_check(*run.value, decoder_rng)));
  }
  if (args.has("json")) std::printf("%s\n", to_json(summary).c_str());
  else print_readable(summary);
  if (run.value->trainer().state() == TrainerState::diverged) {
    const Trainer& trainer = run.value->trainer();
    std::fprintf(stderr, "catgeo: training diverged in epoch %d: %s; lower --lr (now %s)\n", trainer.epoch() + 1,
                 trainer.divergence_reason().c_str(), format_number(config.training.learning_rate).c_str());
    return 1;
  }
  return 0;
}

}  // namespace catgeo::cli
