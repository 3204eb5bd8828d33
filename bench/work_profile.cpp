// The worker's work per unit, natively (issue 23): for a link, the milliseconds of one training epoch and of each
// piece of work after it (an epoch's metrics split into the metric grid's fields and the test set, a display refresh
// with its test-set digest, the per-layer metrics, an information measurement). Prints one JSON object per link.
// With --engine SECONDS instead: the engine trains each link for that long (train_for, 12 ms ticks, as the page's
// worker does) beside the trainer alone for as long; samples/s of each and the work share the engine reported.
// Usage: catgeo_work_profile [--mnist assets/mnist14.cgd] [--engine SECONDS] LINK...
#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "core/run/experiment.h"
#include "core/analysis/information_progress.h"
#include "core/analysis/information_summary.h"
#include "core/data/mnist_asset.h"
#include "core/link/share_link.h"
#include "core/geometry/slice_size.h"
#include "engine/engine.h"
#include "engine/layer_metrics_job.h"
#include "engine/mnist_source.h"
#include "engine/run_digest.h"

using namespace catgeo;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kDisplayGrid = 64;  // the page's display grid per axis (engine option grid)

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The median over `repeats` calls of `work`, in ms.
template <class Work>
double median_ms(int repeats, Work&& work) {
  std::vector<double> times;
  for (int k = 0; k < repeats; ++k) {
    const auto start = Clock::now();
    work();
    times.push_back(ms_since(start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

void profile(const std::string& link, const Dataset* mnist) {
  const LinkDecodeResult decoded = decode_share_link(link);
  if (!decoded.notices.empty()) {  // a profile of a run other than the one asked for would mislead
    std::printf("{\"link\": \"%s\", \"error\": \"%s\"}\n", link.c_str(), decoded.notices.front().c_str());
    return;
  }
  Result<std::unique_ptr<Experiment>> created = Experiment::create(decoded.config, mnist);
  if (!created.ok()) {
    std::printf("{\"link\": \"%s\", \"error\": \"%s\"}\n", link.c_str(), created.status.message.c_str());
    return;
  }
  Experiment& run = *created.value;
  // A few epochs first, so that the network is not the untrained one; one epoch timed (measured after it).
  StepBudget epoch_budget{0, 1e9};
  epoch_budget.defer_measure = true;
  const auto train_one_epoch = [&] {
    while (!run.train(epoch_budget).epoch_completed) {
    }
  };
  for (int k = 0; k < 2; ++k) {
    train_one_epoch();
    run.skip_measure();
  }
  const double epoch_ms = median_ms(3, [&] {
    train_one_epoch();
    run.skip_measure();
  });
  const double metrics_ms = median_ms(3, [&] { run.measure(); });
  GridFields metric_fields;
  run.evaluate_fields(run.current_grid(), metric_fields);  // the reference fields kept, as the metrics keep them
  const double metric_grid_ms = median_ms(3, [&] { run.evaluate_fields(run.current_grid(), metric_fields); });
  GridFields display;
  const GridSpec display_grid = run.current_grid(kDisplayGrid);
  run.evaluate_fields(display_grid, display);
  const double refresh_fields_ms = median_ms(3, [&] { run.evaluate_fields(display_grid, display); });
  const double digest_ms = median_ms(3, [&] {
    RunDigest digest = start_digest(run);
    digest_samples(run, 0, run.test_data().size(), digest);
  });
  const double layers_ms = median_ms(1, [&] {
    LayerMetricsJob job(run);
    while (!job.done()) job.step();
  });
  const double information_ms = median_ms(1, [&] { measure_information(run); });
  std::printf(
      "{\"link\": \"%s\", \"train_samples\": %d, \"test_samples\": %d, \"metric_grid_points\": %d, "
      "\"epoch_training_ms\": %.2f, \"epoch_metrics_ms\": %.2f, \"metric_grid_fields_ms\": %.2f, "
      "\"test_set_ms\": %.2f, \"display_refresh_fields_ms\": %.2f, \"display_refresh_digest_ms\": %.2f, "
      "\"layer_metrics_ms\": %.2f, \"information_ms\": %.2f}\n",
      link.c_str(), run.train_data().size(), run.test_data().size(), metric_fields.size(), epoch_ms, metrics_ms,
      metric_grid_ms, std::max(0.0, metrics_ms - metric_grid_ms), refresh_fields_ms, digest_ms, layers_ms,
      information_ms);
}

// The engine against its own trainer, natively: samples/s of a train_for of `seconds` (incl. the work after training
// and the final refresh) and of the trainer alone (the same link, no metrics) over as long.
void engine_against_trainer(const std::string& link, double seconds) {
  Engine engine;
  Command boot;
  boot.kind = CommandKind::boot;
  boot.id = 1;
  boot.text = link;
  engine.handle(boot);
  const auto tick_until = [&](std::uint32_t id) {
    for (int t = 0; t < 1000000; ++t) {
      engine.tick(0.012);
      if (!engine.has_news()) continue;
      const Snapshot s = engine.take_snapshot();
      Command ack;
      ack.kind = CommandKind::ack;
      engine.handle(ack);
      if (s.completed >= id) return s.perf;
    }
    return EnginePerf{};
  };
  tick_until(1);
  if (!engine.run()) return;
  const double epoch_before = engine.run()->trainer().epoch_progress();
  Command train;
  train.kind = CommandKind::train_for;
  train.id = 2;
  train.seconds = seconds;
  const auto start = Clock::now();
  engine.handle(train);
  const EnginePerf perf = tick_until(2);
  const double wall = ms_since(start) / 1000.0;
  const int n = engine.run()->train_data().size();
  const double page = (engine.run()->trainer().epoch_progress() - epoch_before) * n / wall;

  Result<std::unique_ptr<Experiment>> alone = Experiment::create(decode_share_link(link).config, mnist_dataset());
  StepBudget budget{0, 0.05};
  budget.defer_measure = true;
  long long samples = 0;
  const auto trainer_start = Clock::now();
  while (ms_since(trainer_start) < 1000.0 * seconds) {
    samples += alone.value->train(budget).samples;
    alone.value->skip_measure();
  }
  const double trainer = samples / (ms_since(trainer_start) / 1000.0);
  std::printf("{\"link\": \"%s\", \"engine_samples_per_s\": %.0f, \"trainer_samples_per_s\": %.0f, "
              "\"engine_over_trainer\": %.3f, \"work_share\": %.3f, \"measured_rows\": %ld, \"rows\": %zu}\n",
              link.c_str(), page, trainer, page / trainer, perf.work_share,
              std::count_if(engine.run()->history().begin(), engine.run()->history().end(),
                            [](const MetricsSnapshot& row) { return row.measured; }),
              engine.run()->history().size());
}

}  // namespace

int main(int argc, char** argv) {
  std::string mnist_path = "assets/mnist14.cgd";
  std::vector<std::string> links;
  double engine_seconds = 0.0;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--mnist" && i + 1 < argc) {
      mnist_path = argv[++i];
    } else if (arg == "--engine" && i + 1 < argc) {
      engine_seconds = std::atof(argv[++i]);
    } else if (!arg.empty() && arg[0] == '-') {
      std::fprintf(stderr, "usage: catgeo_work_profile [--mnist FILE] [--engine SECONDS] [LINK...]\n");
      return arg == "--help" || arg == "-h" ? 0 : 2;
    } else {
      links.push_back(arg);
    }
  }
  if (links.empty()) links = {"scenario=E5", "scenario=mnist", "scenario=E7&layers=256s-256s"};
  std::ifstream file(mnist_path, std::ios::binary);
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  set_mnist_bytes(bytes.data(), bytes.size());  // the engine's source (engine/mnist_source.h)
  for (const std::string& link : links) {
    if (engine_seconds > 0.0) {
      engine_against_trainer(link + "&epochs=10000", engine_seconds);
    } else {
      profile(link, mnist_dataset());
    }
  }
  return 0;
}
