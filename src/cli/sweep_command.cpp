// catgeo sweep: train presets over seeds, noise levels and widths of r, one run per thread, in shards if asked, and
// print spec 3.3 metrics (and the width study) as Markdown or JSON lines; --merge makes the tables of shards' lines.
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
#include "cli/sweep_tables.h"
#include "core/run/experiment.h"
#include "core/analysis/high_snr_check.h"
#include "core/link/link_fields.h"
#include "core/link/link_text.h"
#include "core/config/parameters.h"
#include "core/formats/run_report.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"

namespace catgeo::cli {
namespace {

constexpr int kMaxJobs = 256;
constexpr std::size_t kMaxRuns = 10000;

// One run of the sweep: its place, configuration and link, then its JSON line (catgeo train --json's keys).
struct SweepRun {
  std::size_t index = 0;  // in the whole sweep (shards keep it)
  ScenarioConfig config;
  std::string link;
  bool width_study = false;  // measure I(mu; r) and its high-SNR form (--widths)
  std::string error;         // Experiment::create failed
  JsonValue line;            // link, then run_summary of the finished run (and the width study's keys)
};

// The --key VALUE options sweep takes: those of train except the swept sigma and seed (and digits, MNIST only);
// --widths then sets the width of r in the layers (the preset's or --layers').
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

Result<std::vector<int>> parse_widths(const std::string& text) {
  using R = Result<std::vector<int>>;
  const ParameterSpec& spec = parameter("layers.width");
  std::vector<int> widths;
  for (std::string_view piece : split(text, ',')) {
    long long width;
    if (!parse_int(std::string(piece), width) || width < spec.min || width > spec.max)
      return R::fail("--widths '" + text + "' must be whole numbers in " + range_text(spec) + " joined by ','");
    widths.push_back(static_cast<int>(width));
  }
  return {widths, Status::success()};
}

// "K/N": the K-th (1 to N) of N disjoint parts; run i of the sweep is in part i % N + 1.
struct Shard {
  std::size_t part = 1, parts = 1;
};
Result<Shard> parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  long long k = 0, n = 0;
  if (slash == std::string::npos || !parse_int(text.substr(0, slash), k) || !parse_int(text.substr(slash + 1), n) ||
      n < 1 || n > static_cast<long long>(kMaxRuns) || k < 1 || k > n)
    return Result<Shard>::fail("--shard " + text + " must be K/N with 1 <= K <= N, e.g. 2/3");
  return {Shard{static_cast<std::size_t>(k), static_cast<std::size_t>(n)}, Status::success()};
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

// Trains one run to the end, exactly as catgeo train does (same config, same budget loop); with the width study,
// also I(mu; r) and its high-SNR form as catgeo train --json reports them (same streams, same estimator settings).
void execute(SweepRun& run) {
  Result<std::unique_ptr<Experiment>> created = Experiment::create(run.config);
  if (!created.ok()) {
    run.error = created.status.message;
    return;
  }
  Experiment& experiment = *created.value;
  while (experiment.trainer().state() == TrainerState::training) experiment.train({1 << 20, 0.25});
  run.line = JsonValue::object();
  run.line.set("link", JsonValue::string(run.link));
  const JsonValue summary = run_summary(experiment, false);
  for (std::size_t i = 0; i < summary.keys().size(); ++i) run.line.set(summary.keys()[i], summary.items()[i]);
  if (run.width_study && run.config.network.noise == NoiseModel::gauss) {
    const HighSnrCheck check = high_snr_check(experiment);
    run.line.set("info_r", JsonValue::number(check.info_r));
    run.line.set("info_r_se", JsonValue::number(check.info_r_se));
    run.line.set("info_r_highsnr", JsonValue::number(check.info_r_highsnr));
  }
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

}  // namespace

std::string sweep_help() {
  std::string ids;
  for (const std::string& id : sweep_scenarios()) ids += (ids.empty() ? "" : ",") + id;
  std::string out =
      "usage: catgeo sweep [--scenarios IDS] [--seeds LIST] [--sigmas LIST] [--widths LIST] [--jobs N]\n"
      "                    [--key VALUE ...] [--shard K/N] [--table both|summary|full | --json]\n"
      "       catgeo sweep [--table both|summary|full | --json] --merge FILE...\n"
      "  train every scenario x sigma x width x seed to the end, one run per thread, and print the matching metrics\n"
      "  of paper-spec 3.3 before and after training as Markdown tables; each row carries the run's share link,\n"
      "  which catgeo train --link (or the page) reproduces exactly (exit 0; 1 if a run diverged; 2 bad input)\n"
      "  --scenarios IDS  presets joined by ',' (default " +
      ids +
      ")\n"
      "  --seeds LIST     training seeds: ranges and seeds joined by ',', e.g. 1-5 or 1,4,9 (default 1-5)\n"
      "  --sigmas LIST    noise sigma values joined by ',' (default 0.2,0.5,1); each preset's other defaults stay\n"
      "  --widths LIST    widths N of the noisy layer r joined by ',', e.g. 8,32,128,512: the width study. Each run\n"
      "                   also measures I(mu;r) (Monte-Carlo, with its se) and its high-SNR approximation\n"
      "                   I(mu;x) - 1/2 E Tr(F_code^-1 F_cat), as catgeo train --json does, and a first table\n"
      "                   sets them against N/sigma^2 (default: the preset's width, no width study)\n"
      "  --jobs N         runs at the same time, 1 to " +
      std::to_string(kMaxJobs) +
      " (default: the number of cores)\n"
      "  --shard K/N      run only the K-th of N disjoint parts (run i of the sweep is in part i % N + 1) and print\n"
      "                   its runs as JSON lines with their index; for a job array (docs/experiments.md)\n"
      "  --merge FILE...  (last option) read the JSON lines of every shard and print the sweep's tables (or --json\n"
      "                   lines), exactly as the unsharded sweep prints them; a missing or repeated run is an error;\n"
      "                   each file at most " + cap_text(merge_file_cap(kMaxRuns)) + "\n"
      "  --table WHICH    both (default): a summary over seeds (median [min, max]), then every run; or one of them\n"
      "  --json           one JSON object per run instead (link, then catgeo train --json's metrics without the\n"
      "                   information keys, but with info_r, info_r_se and info_r_highsnr in a width study)\n"
      "parameters applied to every run (default: each preset's; the same keys and ranges as the share link):\n";
  for (const std::string& key : override_keys()) out += option_help(key);
  const ParameterSpec& width = parameter("layers.width");
  return out + "  (layers: each width " + range_text(width) + ")\n";
}

namespace {

// Prints the runs' lines (--json) or their tables; 1 if a run diverged.
int print_runs(const std::vector<JsonValue>& lines, bool json, const std::string& table) {
  std::vector<SweepRow> rows;
  for (const JsonValue& line : lines) {
    Result<SweepRow> row = sweep_row_from_json(line);
    if (!row.ok()) return fail(row.status.message);
    rows.push_back(std::move(row.value));
  }
  if (json)
    for (const JsonValue& line : lines) std::printf("%s\n", to_json(line).c_str());
  else
    print_sweep_tables(rows, table);
  int diverged = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].state != "diverged") continue;
    ++diverged;
    const JsonValue* message = lines[i].find("message");
    std::fprintf(stderr, "catgeo: run %s diverged: %s\n", rows[i].link.c_str(),
                 message ? message->as_string().c_str() : "");
  }
  return diverged ? 1 : 0;
}

// --merge: every shard's lines, each run exactly once, in sweep order.
int merge_shards(const std::vector<std::string>& files, bool json, const std::string& table) {
  if (files.empty()) return fail("--merge needs the shards' files");
  std::vector<JsonValue> lines;
  std::vector<int> seen;
  std::size_t total = 0;
  for (const std::string& file : files) {
    Result<std::string> text = read_file("merge", file, merge_file_cap(kMaxRuns));
    if (!text.ok()) return fail(text.status.message);
    std::size_t number = 0;
    for (std::string_view piece : split(text.value, '\n')) {
      ++number;
      if (piece.empty()) continue;
      const std::string where = file + ": line " + std::to_string(number);
      Result<JsonValue> parsed = parse_json(piece);
      if (!parsed.ok()) return fail(where + ": " + parsed.status.message);
      JsonValue& line = parsed.value;
      const JsonValue *index = line.find("index"), *runs = line.find("runs");
      if (!index || !runs || !index->is_number() || !runs->is_number() || runs->as_number() < 1 ||
          runs->as_number() > static_cast<double>(kMaxRuns) || index->as_number() < 0 ||
          index->as_number() >= runs->as_number() || index->as_number() != std::floor(index->as_number()))
        return fail(where + ": not a line of catgeo sweep --shard (no index and runs)");
      if (total == 0) {
        total = static_cast<std::size_t>(runs->as_number());
        seen.assign(total, -1);
      } else if (static_cast<std::size_t>(runs->as_number()) != total) {
        return fail(where + ": a shard of another sweep (" + format_number(runs->as_number()) + " runs, not " +
                    std::to_string(total) + ")");
      }
      const auto i = static_cast<std::size_t>(index->as_number());
      if (seen[i] >= 0) return fail(where + ": run " + std::to_string(i) + " appears twice");
      JsonValue clean = JsonValue::object();  // the unsharded line: without index and runs
      for (std::size_t k = 0; k < line.keys().size(); ++k)
        if (line.keys()[k] != "index" && line.keys()[k] != "runs") clean.set(line.keys()[k], line.items()[k]);
      seen[i] = static_cast<int>(lines.size());
      lines.push_back(std::move(clean));
    }
  }
  std::size_t missing = 0;
  for (int slot : seen) missing += slot < 0;
  if (missing > 0)
    return fail(std::to_string(missing) + " of the sweep's " + std::to_string(total) +
                " runs are in none of the files: a shard is missing or unfinished");
  std::vector<JsonValue> ordered;
  for (int slot : seen) ordered.push_back(lines[static_cast<std::size_t>(slot)]);
  return print_runs(ordered, json, table);
}

}  // namespace

int run_sweep(int argc, char** argv) {
  // --merge FILE... ends the options.
  int end = argc;
  std::vector<std::string> merge_files;
  for (int i = 2; i < argc; ++i)
    if (std::string(argv[i]) == "--merge") {
      end = i;
      for (int k = i + 1; k < argc; ++k) merge_files.push_back(argv[k]);
      break;
    }
  std::vector<std::string> valued = {"scenarios", "seeds", "sigmas", "widths", "jobs", "table", "shard"};
  for (const std::string& key : override_keys()) valued.push_back(key);
  Result<Args> parsed = Args::parse(end, argv, 2, {"json"}, valued);
  if (!parsed.ok()) return fail(parsed.status.message);
  const Args& args = parsed.value;
  if (args.has("help")) {
    std::fputs(sweep_help().c_str(), stdout);
    return 0;
  }
  const std::string table = args.value("table").value_or("both");
  if (table != "both" && table != "summary" && table != "full")
    return fail("--table " + table + " must be both, summary or full");
  if (args.has("json") && args.has("table")) return fail("--json and --table exclude each other");
  if (end < argc) {
    for (const char* key : {"scenarios", "seeds", "sigmas", "widths", "jobs", "shard"})
      if (args.has(key)) return fail(std::string("--merge makes tables of finished runs: --") + key + " has no place");
    return merge_shards(merge_files, args.has("json"), table);
  }
  std::string default_ids;
  for (const std::string& id : sweep_scenarios()) default_ids += (default_ids.empty() ? "" : ",") + id;
  const Result<std::vector<std::string>> ids = parse_scenarios(args.value("scenarios").value_or(default_ids));
  if (!ids.ok()) return fail(ids.status.message);
  const Result<std::vector<std::uint64_t>> seeds = parse_seeds(args.value("seeds").value_or("1-5"));
  if (!seeds.ok()) return fail(seeds.status.message);
  const Result<std::vector<double>> sigmas = parse_sigmas(args.value("sigmas").value_or("0.2,0.5,1"));
  if (!sigmas.ok()) return fail(sigmas.status.message);
  Result<std::vector<int>> widths{{0}, Status::success()};  // 0: the preset's width
  if (auto text = args.value("widths")) widths = parse_widths(*text);
  if (!widths.ok()) return fail(widths.status.message);
  Shard shard;
  if (auto text = args.value("shard")) {
    Result<Shard> read = parse_shard(*text);
    if (!read.ok()) return fail(read.status.message);
    shard = read.value;
    if (args.has("table")) return fail("--shard prints JSON lines for --merge: --table has no place");
  }
  long long jobs = std::max(1u, std::thread::hardware_concurrency());
  if (auto text = args.value("jobs")) {
    if (!parse_int(*text, jobs) || jobs < 1 || jobs > kMaxJobs)
      return fail("--jobs " + *text + " must be a whole number from 1 to " + std::to_string(kMaxJobs));
  }
  if (ids.value.size() * seeds.value.size() * sigmas.value.size() * widths.value.size() > kMaxRuns)
    return fail("the sweep has more than " + std::to_string(kMaxRuns) + " runs; split it with --shard");

  // Every run of the whole sweep, in order (scenario, sigma, width, seed); a shard keeps its own.
  std::vector<SweepRun> runs;
  std::size_t index = 0;
  for (const std::string& id : ids.value) {
    ScenarioConfig base = scenario_preset(id).value;
    const Status set = apply_parameter_options(args, override_keys(), base);
    if (!set.ok) return fail(set.message);
    for (double sigma : sigmas.value) {
      for (int width : widths.value) {
        for (std::uint64_t seed : seeds.value) {
          SweepRun run;
          run.index = index++;
          run.config = base;
          run.config.network.noise_sigma = sigma;
          if (width > 0) representation_spec(run.config.network).width = width;
          run.config.training.seed = seed;
          run.link = encode_share_link(run.config);
          run.width_study = width > 0;
          if (run.index % shard.parts + 1 == shard.part) runs.push_back(std::move(run));
        }
      }
    }
  }
  execute_all(runs, static_cast<int>(jobs));
  for (const SweepRun& run : runs)
    if (!run.error.empty()) return fail(run.link + ": " + run.error);

  if (args.has("shard")) {
    for (const SweepRun& run : runs) {
      JsonValue line = JsonValue::object();
      line.set("index", JsonValue::number(static_cast<double>(run.index)));
      line.set("runs", JsonValue::number(static_cast<double>(index)));
      for (std::size_t i = 0; i < run.line.keys().size(); ++i) line.set(run.line.keys()[i], run.line.items()[i]);
      std::printf("%s\n", to_json(line).c_str());
    }
    return 0;
  }
  std::vector<JsonValue> lines;
  for (const SweepRun& run : runs) lines.push_back(run.line);
  return print_runs(lines, args.has("json"), table);
}

}  // namespace catgeo::cli
