// catgeo sweep: train presets over seeds and noise levels, one run per thread, and print spec 3.3 metrics as Markdown.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "core/experiment.h"
#include "core/link_fields.h"
#include "core/link_text.h"
#include "core/parameters.h"
#include "core/run_report.h"
#include "core/scenarios.h"
#include "core/share_link.h"

namespace catgeo::cli {
namespace {

constexpr int kMaxJobs = 256;
constexpr std::size_t kMaxRuns = 10000;

// One run of the sweep: its configuration and link, then what the worker measured.
struct SweepRun {
  ScenarioConfig config;
  std::string link;
  std::string error;  // Experiment::create failed
  std::string state;
  int dims = 1;
  MetricsSnapshot before, after;
  JsonValue summary;  // run_summary of the finished run
};

// The --key VALUE options sweep takes: those of train except the swept sigma and seed (and digits, MNIST only).
std::vector<std::string> override_keys() {
  std::vector<std::string> keys = run_parameter_keys();
  keys.erase(std::remove_if(keys.begin(), keys.end(),
                            [](const std::string& k) { return k == "sigma" || k == "seed" || k == "digits"; }),
             keys.end());
  return keys;
}

std::vector<std::string> sweep_scenarios() {
  std::vector<std::string> ids = scenario_ids();
  ids.erase(std::remove(ids.begin(), ids.end(), "mnist"), ids.end());
  return ids;
}

Result<std::vector<std::string>> parse_scenarios(const std::string& text) {
  using R = Result<std::vector<std::string>>;
  const std::vector<std::string> known = sweep_scenarios();
  std::vector<std::string> ids;
  for (std::string_view piece : split(text, ',')) {
    const std::string id(piece);
    if (std::find(known.begin(), known.end(), id) == known.end())
      return R::fail("--scenarios: unknown or unsupported scenario '" + id + "' (sweep runs E1..E7, e.g. E1,E3)");
    ids.push_back(id);
  }
  return {ids, Status::success()};
}

// "1-5", "3" or "1-3,7,9".
Result<std::vector<std::uint64_t>> parse_seeds(const std::string& text) {
  using R = Result<std::vector<std::uint64_t>>;
  std::vector<std::uint64_t> seeds;
  for (std::string_view piece : split(text, ',')) {
    const std::size_t dash = piece.find('-');
    std::uint64_t lo, hi;
    const bool read = dash == std::string_view::npos
                          ? parse_uint64(piece, lo) && ((hi = lo), true)
                          : parse_uint64(piece.substr(0, dash), lo) && parse_uint64(piece.substr(dash + 1), hi);
    if (!read || hi < lo || hi - lo >= kMaxRuns)
      return R::fail("--seeds '" + text + "' must be seeds or ranges joined by ',', e.g. 1-5 or 1,4,9");
    for (std::uint64_t s = lo;; ++s) {
      seeds.push_back(s);
      if (s == hi) break;
    }
  }
  return {seeds, Status::success()};
}

Result<std::vector<double>> parse_sigmas(const std::string& text) {
  using R = Result<std::vector<double>>;
  std::vector<double> sigmas;
  for (std::string_view piece : split(text, ',')) {
    double sigma;
    if (!parse_number(piece, sigma)) return R::fail("--sigmas '" + text + "' must be numbers joined by ','");
    const Status range = check_range("sigma", sigma, "--sigmas value");
    if (!range.ok) return R::fail(range.message);
    sigmas.push_back(sigma);
  }
  return {sigmas, Status::success()};
}

// One line on a terminal's stderr, rewritten after each finished run; silent elsewhere.
class SweepProgress {
 public:
  explicit SweepProgress(std::size_t total)
      : enabled_(isatty(fileno(stderr)) != 0), total_(total), start_(std::chrono::steady_clock::now()) {}
  void finished_one() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++done_;
    if (!enabled_) return;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr, "\rcatgeo: sweep %zu of %zu runs done (%.0f s)   ", done_, total_, seconds);
    std::fflush(stderr);
  }
  ~SweepProgress() {
    if (enabled_ && done_ > 0) std::fputs("\r\033[K", stderr);
  }

 private:
  bool enabled_;
  std::size_t total_;
  std::size_t done_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
};

// Trains one run to the end, exactly as catgeo train does (same config, same budget loop).
void execute(SweepRun& run) {
  Result<std::unique_ptr<Experiment>> created = Experiment::create(run.config);
  if (!created.ok()) {
    run.error = created.status.message;
    return;
  }
  Experiment& experiment = *created.value;
  while (experiment.trainer().state() == TrainerState::training) experiment.train({1 << 20, 0.25});
  run.state = to_string(experiment.trainer().state());
  run.dims = experiment.dims();
  run.before = experiment.history().front();
  run.after = experiment.history().back();
  run.summary = run_summary(experiment, false);
}

// Runs every run, `jobs` at a time, each on its own thread; results stay in run order.
void execute_all(std::vector<SweepRun>& runs, int jobs) {
  SweepProgress progress(runs.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < runs.size();) {
      execute(runs[i]);
      progress.finished_one();
    }
  };
  std::vector<std::thread> threads;
  const std::size_t count = std::min<std::size_t>(static_cast<std::size_t>(jobs), runs.size());
  for (std::size_t t = 0; t < count; ++t) threads.emplace_back(worker);
  for (std::thread& thread : threads) thread.join();
}

// --- Markdown ---------------------------------------------------------------------------------------------------

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  const std::string out = text;
  return out[0] == '-' && std::strtod(text, nullptr) == 0.0 ? out.substr(1) : out;  // "0.00", not "-0.00"
}

// Three significant digits, for contrasts that range from 1.04 to thousands.
std::string general(double value) {
  if (!std::isfinite(value)) return "n/a";
  char text[64];
  std::snprintf(text, sizeof text, value >= 1000 ? "%.0f" : "%.3g", value);
  return text;
}

std::string list(const std::vector<double>& values) {
  if (values.empty()) return "none";
  std::string out;
  for (double v : values) out += (out.empty() ? "" : ", ") + fixed(v, 2);
  return out;
}

std::string pair(const std::string& before, const std::string& after) { return before + " → " + after; }

double median(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }), values.end());
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

// "median [min, max]" of the finite values, formatted by `format`.
template <class Format>
std::string spread(const std::vector<double>& values, Format format) {
  std::vector<double> finite;
  for (double v : values)
    if (std::isfinite(v)) finite.push_back(v);
  if (finite.empty()) return "n/a";
  const auto [lo, hi] = std::minmax_element(finite.begin(), finite.end());
  if (finite.size() == 1) return format(finite[0]);
  return format(median(finite)) + " [" + format(*lo) + ", " + format(*hi) + "]";
}

std::vector<double> collect(const std::vector<const SweepRun*>& group, double (*get)(const SweepRun&)) {
  std::vector<double> values;
  for (const SweepRun* run : group) values.push_back(get(*run));
  return values;
}

// F_code peak positions over a group: median and range per peak when every run has the same number of peaks.
std::string peak_spread(const std::vector<const SweepRun*>& group) {
  const std::size_t count = group.front()->after.match.fcode_peaks.size();
  std::size_t fewest = count, most = count;
  for (const SweepRun* run : group) {
    fewest = std::min(fewest, run->after.match.fcode_peaks.size());
    most = std::max(most, run->after.match.fcode_peaks.size());
  }
  if (fewest != most) return std::to_string(fewest) + " to " + std::to_string(most) + " peaks";
  if (count == 0) return "none";
  std::string out;
  for (std::size_t p = 0; p < count; ++p) {
    std::vector<double> at;
    for (const SweepRun* run : group) at.push_back(run->after.match.fcode_peaks[p]);
    out += (out.empty() ? "" : "; ") + spread(at, [](double v) { return fixed(v, 2); });
  }
  return out;
}

const char* kHeader1d =
    "| link | state | test acc | F_code peaks | boundaries | F_cat peaks | peak-boundary dist | log-log r | "
    "Spearman r | contrast | gamma |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
const char* kHeader2d =
    "| link | state | test acc | angle weighted (deg) | angle top-20% (deg) | log-log r (Tr) | Spearman r | "
    "contrast | gamma |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";

std::string full_row(const SweepRun& run) {
  const MatchMetrics& b = run.before.match;
  const MatchMetrics& a = run.after.match;
  std::string row = "| `" + run.link + "` | " + run.state + " | " +
                    pair(fixed(run.before.test_accuracy, 3), fixed(run.after.test_accuracy, 3)) + " | ";
  if (run.dims == 1) {
    row += list(a.fcode_peaks) + " | " + list(a.boundaries) + " | " + list(a.fcat_peaks) + " | " +
           pair(fixed(b.peak_boundary_distance, 3), fixed(a.peak_boundary_distance, 3)) + " | ";
  } else {
    row += pair(fixed(b.angle_deg_weighted, 1), fixed(a.angle_deg_weighted, 1)) + " | " +
           pair(fixed(b.angle_deg_top20, 1), fixed(a.angle_deg_top20, 1)) + " | ";
  }
  row += pair(fixed(b.loglog_r, 3), fixed(a.loglog_r, 3)) + " | " +
         pair(fixed(b.spearman_r, 3), fixed(a.spearman_r, 3)) + " | " + pair(general(b.contrast), general(a.contrast)) +
         " | " + pair(fixed(b.exponent, 2), fixed(a.exponent, 2)) + " |\n";
  return row;
}

// Median [min, max] over the seeds of one scenario and sigma; "before" columns give the median before training.
std::string summary_row(const std::vector<const SweepRun*>& group) {
  const SweepRun& first = *group.front();
  auto three = [](double v) { return fixed(v, 3); };
  auto one = [](double v) { return fixed(v, 1); };
  auto before_after = [&](double (*before)(const SweepRun&), double (*after)(const SweepRun&), auto format) {
    return format(median(collect(group, before))) + " → " + spread(collect(group, after), format);
  };
  std::string row = "| " + first.config.id + " | " + format_number(first.config.network.noise_sigma) + " | " +
                    std::to_string(group.size()) + " | " +
                    spread(collect(group, [](const SweepRun& r) { return r.after.test_accuracy; }), three) + " | ";
  if (first.dims == 1) {
    row += peak_spread(group) + " | " + list(first.after.match.boundaries) + " | " +
           before_after([](const SweepRun& r) { return r.before.match.peak_boundary_distance; },
                        [](const SweepRun& r) { return r.after.match.peak_boundary_distance; }, three) +
           " | ";
  } else {
    row += before_after([](const SweepRun& r) { return r.before.match.angle_deg_weighted; },
                        [](const SweepRun& r) { return r.after.match.angle_deg_weighted; }, one) +
           " | " +
           before_after([](const SweepRun& r) { return r.before.match.angle_deg_top20; },
                        [](const SweepRun& r) { return r.after.match.angle_deg_top20; }, one) +
           " | ";
  }
  row += before_after([](const SweepRun& r) { return r.before.match.loglog_r; },
                      [](const SweepRun& r) { return r.after.match.loglog_r; }, three) +
         " | " +
         before_after([](const SweepRun& r) { return r.before.match.spearman_r; },
                      [](const SweepRun& r) { return r.after.match.spearman_r; }, three) +
         " | " +
         before_after([](const SweepRun& r) { return r.before.match.contrast; },
                      [](const SweepRun& r) { return r.after.match.contrast; }, general) +
         " | " +
         spread(collect(group, [](const SweepRun& r) { return r.after.match.exponent; }),
                [](double v) { return fixed(v, 2); }) +
         " |\n";
  return row;
}

// Runs of one dimension grouped by (scenario, sigma), in sweep order.
std::vector<std::vector<const SweepRun*>> groups(const std::vector<SweepRun>& runs, int dims) {
  std::vector<std::vector<const SweepRun*>> out;
  for (const SweepRun& run : runs) {
    if (run.dims != dims) continue;
    auto same = [&](const std::vector<const SweepRun*>& g) {
      return g.front()->config.id == run.config.id &&
             g.front()->config.network.noise_sigma == run.config.network.noise_sigma;
    };
    auto found = std::find_if(out.begin(), out.end(), same);
    if (found == out.end())
      out.push_back({&run});
    else
      found->push_back(&run);
  }
  return out;
}

// The summary tables' column headers, 1-D and 2-D.
const char* kSummaryHeader1d =
    "| scenario | sigma | runs | test acc | F_code peaks | boundaries | peak-boundary dist | log-log r | "
    "Spearman r | contrast | gamma |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
const char* kSummaryHeader2d =
    "| scenario | sigma | runs | test acc | angle weighted (deg) | angle top-20% (deg) | log-log r (Tr) | "
    "Spearman r | contrast | gamma |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";

void print_summary(const std::vector<SweepRun>& runs) {
  for (int dims = 1; dims <= 2; ++dims) {
    const auto grouped = groups(runs, dims);
    if (grouped.empty()) continue;
    std::printf("### Summary, %d-D: median [min, max] over seeds (before → after training; before: median)\n\n%s", dims,
                dims == 1 ? kSummaryHeader1d : kSummaryHeader2d);
    for (const auto& g : grouped) std::fputs(summary_row(g).c_str(), stdout);
    std::printf("\n");
  }
}

void print_full(const std::vector<SweepRun>& runs) {
  for (int dims = 1; dims <= 2; ++dims) {
    bool any = false;
    for (const SweepRun& run : runs) any = any || run.dims == dims;
    if (!any) continue;
    std::printf("### Every run, %d-D (before → after training)\n\n%s", dims, dims == 1 ? kHeader1d : kHeader2d);
    for (const SweepRun& run : runs)
      if (run.dims == dims) std::fputs(full_row(run).c_str(), stdout);
    std::printf("\n");
  }
}

}  // namespace

std::string sweep_help() {
  std::string ids;
  for (const std::string& id : sweep_scenarios()) ids += (ids.empty() ? "" : ",") + id;
  std::string out =
      "usage: catgeo sweep [--scenarios IDS] [--seeds LIST] [--sigmas LIST] [--jobs N] [--key VALUE ...]\n"
      "                    [--table both|summary|full | --json]\n"
      "  train every scenario x sigma x seed to the end, one run per thread, and print the matching metrics of\n"
      "  paper-spec 3.3 before and after training as Markdown tables; each row carries the run's share link, which\n"
      "  catgeo train --link (or the page) reproduces exactly (exit 0; 1 if a run diverged; 2 bad input)\n"
      "  --scenarios IDS  presets joined by ',' (default " +
      ids +
      ")\n"
      "  --seeds LIST     training seeds: ranges and seeds joined by ',', e.g. 1-5 or 1,4,9 (default 1-5)\n"
      "  --sigmas LIST    noise sigma values joined by ',' (default 0.2,0.5,1); each preset's other defaults stay\n"
      "  --jobs N         runs at the same time, 1 to " +
      std::to_string(kMaxJobs) +
      " (default: the number of cores)\n"
      "  --table WHICH    both (default): a summary over seeds (median [min, max]), then every run; or one of them\n"
      "  --json           one JSON object per run instead (link, then catgeo train --json's metrics without the\n"
      "                   information keys)\n"
      "parameters applied to every run (default: each preset's; the same keys and ranges as the share link):\n";
  for (const std::string& key : override_keys()) out += option_help(key);
  const ParameterSpec& width = parameter("layers.width");
  return out + "  (layers: each width " + range_text(width) + ")\n";
}

int run_sweep(int argc, char** argv) {
  std::vector<std::string> valued = {"scenarios", "seeds", "sigmas", "jobs", "table"};
  for (const std::string& key : override_keys()) valued.push_back(key);
  Result<Args> parsed = Args::parse(argc, argv, 2, {"json"}, valued);
  if (!parsed.ok()) return fail(parsed.status.message);
  const Args& args = parsed.value;
  if (args.has("help")) {
    std::fputs(sweep_help().c_str(), stdout);
    return 0;
  }
  std::string default_ids;
  for (const std::string& id : sweep_scenarios()) default_ids += (default_ids.empty() ? "" : ",") + id;
  const Result<std::vector<std::string>> ids = parse_scenarios(args.value("scenarios").value_or(default_ids));
  if (!ids.ok()) return fail(ids.status.message);
  const Result<std::vector<std::uint64_t>> seeds = parse_seeds(args.value("seeds").value_or("1-5"));
  if (!seeds.ok()) return fail(seeds.status.message);
  const Result<std::vector<double>> sigmas = parse_sigmas(args.value("sigmas").value_or("0.2,0.5,1"));
  if (!sigmas.ok()) return fail(sigmas.status.message);
  long long jobs = std::max(1u, std::thread::hardware_concurrency());
  if (auto text = args.value("jobs")) {
    if (!parse_int(*text, jobs) || jobs < 1 || jobs > kMaxJobs)
      return fail("--jobs " + *text + " must be a whole number from 1 to " + std::to_string(kMaxJobs));
  }
  const std::string table = args.value("table").value_or("both");
  if (table != "both" && table != "summary" && table != "full")
    return fail("--table " + table + " must be both, summary or full");
  if (args.has("json") && args.has("table")) return fail("--json and --table exclude each other");
  if (ids.value.size() * seeds.value.size() * sigmas.value.size() > kMaxRuns)
    return fail("the sweep has more than " + std::to_string(kMaxRuns) + " runs; split it");

  std::vector<SweepRun> runs;
  for (const std::string& id : ids.value) {
    ScenarioConfig base = scenario_preset(id).value;
    const Status set = apply_parameter_options(args, override_keys(), base);
    if (!set.ok) return fail(set.message);
    for (double sigma : sigmas.value) {
      for (std::uint64_t seed : seeds.value) {
        SweepRun run;
        run.config = base;
        run.config.network.noise_sigma = sigma;
        run.config.training.seed = seed;
        run.link = encode_share_link(run.config);
        runs.push_back(std::move(run));
      }
    }
  }
  execute_all(runs, static_cast<int>(jobs));
  for (const SweepRun& run : runs)
    if (!run.error.empty()) return fail(run.link + ": " + run.error);

  if (args.has("json")) {
    for (const SweepRun& run : runs) {
      JsonValue line = JsonValue::object();
      line.set("link", JsonValue::string(run.link));
      for (std::size_t i = 0; i < run.summary.keys().size(); ++i)
        line.set(run.summary.keys()[i], run.summary.items()[i]);
      std::printf("%s\n", to_json(line).c_str());
    }
  } else {
    std::printf("## catgeo sweep: %zu runs\n\n", runs.size());
    std::printf(
        "Each run is its preset with the sigma and seed of its link (and the --key VALUE options given); "
        "`catgeo train --link LINK` reproduces its numbers.\n\n");
    if (table != "full") print_summary(runs);
    if (table != "summary") print_full(runs);
  }
  int diverged = 0;
  for (const SweepRun& run : runs) {
    if (run.state != "diverged") continue;
    ++diverged;
    std::fprintf(stderr, "catgeo: run %s diverged: %s\n", run.link.c_str(),
                 run.summary.find("message")->as_string().c_str());
  }
  return diverged ? 1 : 0;
}

}  // namespace catgeo::cli
