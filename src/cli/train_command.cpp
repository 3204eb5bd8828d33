// catgeo train: run a scenario or share link to the end natively and print its matching metrics.
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/experiment.h"
#include "core/mnist_asset.h"
#include "core/run_report.h"
#include "core/scenarios.h"
#include "core/share_link.h"

namespace catgeo::cli {
namespace {

// Applies --sigma/--seed/--epochs/--lr/--digits on top of the scenario; an error names the bad option.
Status apply_overrides(const Args& args, ScenarioConfig& config) {
  if (auto v = args.value("sigma")) {
    Result<double> s = parse_double_arg("sigma", *v);
    if (!s.ok()) return s.status;
    if (!(s.value > 0.0) || s.value > 100.0) return Status::error("--sigma must be in (0, 100]");
    config.network.noise_sigma = s.value;
  }
  if (auto v = args.value("lr")) {
    Result<double> lr = parse_double_arg("lr", *v);
    if (!lr.ok()) return lr.status;
    if (!(lr.value > 0.0)) return Status::error("--lr must be positive");
    config.training.learning_rate = lr.value;
  }
  if (auto v = args.value("seed")) {
    Result<std::uint64_t> seed = parse_uint_arg("seed", *v);
    if (!seed.ok()) return seed.status;
    config.training.seed = seed.value;
  }
  if (auto v = args.value("epochs")) {
    Result<std::uint64_t> epochs = parse_uint_arg("epochs", *v);
    if (!epochs.ok()) return epochs.status;
    if (epochs.value < 1 || epochs.value > 100000) return Status::error("--epochs must be 1 to 100000");
    config.training.epochs = static_cast<int>(epochs.value);
  }
  if (auto v = args.value("digits")) {
    // "49", "3,5,8" or "0123456789": distinct digits, at least two (validated again by Experiment::create).
    if (config.data != DataKind::mnist) return Status::error("--digits applies to the mnist scenario only");
    std::vector<int> digits;
    for (char ch : *v) {
      if (ch == ',') continue;
      if (ch < '0' || ch > '9') return Status::error("--digits takes digits 0-9, e.g. --digits 49 or 3,5,8");
      digits.push_back(ch - '0');
    }
    config.mnist.digits = digits;
  }
  return Status::success();
}

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

}  // namespace

int run_train(int argc, char** argv) {
  Result<Args> parsed =
      Args::parse(argc, argv, 2, {"json", "history"}, {"scenario", "link", "sigma", "seed", "epochs", "lr", "mnist", "digits"});
  if (!parsed.ok()) return fail(parsed.status.message);
  const Args& args = parsed.value;
  if (args.has("scenario") == args.has("link")) return fail("train needs exactly one of --scenario ID or --link TEXT");

  ScenarioConfig config;
  if (auto id = args.value("scenario")) {
    Result<ScenarioConfig> preset = scenario_preset(*id);
    if (!preset.ok()) return fail(preset.status.message);
    config = preset.value;
  } else {
    LinkDecodeResult link = decode_share_link(*args.value("link"));
    if (link.fell_back_to_defaults) {
      std::string why;
      for (const std::string& notice : link.notices) why += (why.empty() ? "" : "; ") + notice;
      return fail("the link was not understood: " + why);
    }
    for (const std::string& notice : link.notices) std::fprintf(stderr, "catgeo: notice: %s\n", notice.c_str());
    config = link.config;
  }
  const Status overrides = apply_overrides(args, config);
  if (!overrides.ok) return fail(overrides.message);

  Dataset mnist;
  if (config.data == DataKind::mnist) {
    const std::string path =
        args.value("mnist").value_or(config.mnist.side == 7 ? "assets/mnist7.cgd" : "assets/mnist14.cgd");
    Result<std::vector<std::uint8_t>> bytes = read_binary_file(path);
    if (!bytes.ok()) return fail(bytes.status.message + " (pass --mnist FILE.cgd; scripts/setup makes it)");
    Result<Dataset> loaded = load_mnist_asset(bytes.value.data(), bytes.value.size());
    if (!loaded.ok()) return fail(path + ": " + loaded.status.message);
    mnist = std::move(loaded.value);
  }
  Result<std::unique_ptr<Experiment>> run = Experiment::create(config, &mnist);
  if (!run.ok()) return fail(run.status.message);
  while (run.value->trainer().state() == TrainerState::training) run.value->train({1 << 20, 0.0});

  const JsonValue summary = run_summary(*run.value, args.has("history"));
  if (args.has("json")) std::printf("%s\n", to_json(summary).c_str());
  else print_readable(summary);
  if (run.value->trainer().state() == TrainerState::diverged) {
    std::fprintf(stderr, "catgeo: %s\n", run.value->trainer().message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace catgeo::cli
