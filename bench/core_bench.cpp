// Core benchmark: training samples/s (the E1, E5 and MNIST preset networks and E7 with 256s-256s, batch 32), overlay
// evaluation time, the decoder check on its 16 x 16 grid and the F_code fields at a layer before r.
// Prints one JSON object; built natively and as WASM (run under Node) so the two can be compared.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <memory>
#include <vector>

#include "core/analysis/decoder_check.h"
#include "core/run/experiment.h"
#include "core/analysis/layer_fisher.h"
#include "core/nn/mlp.h"
#include "core/nn/optimizer.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"

using namespace catgeo;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Samples per second of noisy forward + backward + Adam at batch 32 on random data, for ~min_seconds.
double training_throughput(const NetworkConfig& config, int input_dim, int classes, double min_seconds) {
  Mlp net = Mlp::create(config, input_dim, classes).value;
  Rng rng(1);
  net.initialize(rng);
  Optimizer adam(OptimizerKind::adam, 3e-3, net.parameters().size());
  const int batch = 32;
  MatrixF inputs(input_dim, batch);
  std::vector<int> labels(batch);
  for (int j = 0; j < batch; ++j) {
    for (int i = 0; i < input_dim; ++i) inputs(i, j) = static_cast<float>(rng.uniform());
    labels[j] = static_cast<int>(rng.below(classes));
  }
  ParameterVector gradient;
  long long samples = 0;
  const auto start = Clock::now();
  while (seconds_since(start) < min_seconds) {
    for (int k = 0; k < 20; ++k) {
      net.loss_and_gradient(inputs, labels.data(), &rng, gradient);
      adam.step(net.parameters(), gradient);
      samples += batch;
    }
  }
  return samples / seconds_since(start);
}

// Median milliseconds per overlay refresh of a scenario at count x count: a full one (reference + network
// fields), or, with keep_reference, the refresh while training (the reference fields of a fixed grid are kept).
double overlay_ms(const char* scenario, int count, int repeats, bool keep_reference = false) {
  std::unique_ptr<Experiment> run = Experiment::create(scenario_preset(scenario).value).value;
  const GridSpec grid = run->current_grid(count);
  GridFields fields;
  run->evaluate_fields(grid, fields);  // warm-up and allocation
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    if (!keep_reference) fields.reference_id = 0;  // forget the cached reference fields
    const auto start = Clock::now();
    run->evaluate_fields(grid, fields);
    times.push_back(1000.0 * seconds_since(start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// Median milliseconds of the decoder check (core/analysis/decoder_check.h: 16 x 16 grid over the metric grid, its
// data-region points, T = 400 draws each) on a link's untrained network, and the points it decoded.
double decoder_ms(const char* link, int repeats, int* points) {
  std::unique_ptr<Experiment> run = Experiment::create(decode_share_link(link).config).value;
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    Rng rng(1);
    const auto start = Clock::now();
    *points = run_decoder_check(*run, rng).points;
    times.push_back(1000.0 * seconds_since(start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// Median milliseconds of the network part of a count x count refresh with F_code at hidden layer `layer` (the page's
// layer picker: network_coding_at and NetworkFieldEvaluator), reference fields kept.
double layer_fields_ms(const char* scenario, int count, int layer, int repeats) {
  std::unique_ptr<Experiment> run = Experiment::create(scenario_preset(scenario).value).value;
  GridFields fields;
  run->evaluate_fields(run->current_grid(count), fields);
  NetworkFieldEvaluator evaluator;
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    const auto start = Clock::now();
    evaluator.evaluate(network_coding_at(run->network(), run->config().network, layer), fields);
    times.push_back(1000.0 * seconds_since(start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// Training throughput of a scenario preset's own network (input width and class count from its data).
double preset_throughput(const char* scenario, int input_dim, int classes, double seconds) {
  return training_throughput(scenario_preset(scenario).value.network, input_dim, classes, seconds);
}

// Training throughput of a link's network (input width and class count from its data).
double link_throughput(const char* link, double seconds) {
  const ScenarioConfig config = decode_share_link(link).config;
  const std::unique_ptr<Experiment> run = Experiment::create(config).value;
  return training_throughput(config.network, run->train_data().input_dim(), run->num_classes(), seconds);
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
  const double e1_rate = preset_throughput("E1", 1, 2, seconds);
  const double e5_rate = preset_throughput("E5", 2, 2, seconds);
  const double mnist_rate = preset_throughput("mnist", 196, 10, seconds);
  std::printf("{\"e7_256s_256s_samples_per_s\": %.0f, ", link_throughput("scenario=E7&layers=256s-256s", seconds));
  std::printf(
      "\"e1_samples_per_s\": %.0f, \"e5_samples_per_s\": %.0f, \"mnist_samples_per_s\": %.0f, "
      "\"overlay_e5_64_ms\": %.2f, \"overlay_e5_128_ms\": %.2f, \"overlay_e5_128_training_ms\": %.2f, "
      "\"overlay_e6_128_ms\": %.2f, ",
      e1_rate, e5_rate, mnist_rate, overlay_ms("E5", 64, 21), overlay_ms("E5", 128, 11),
      overlay_ms("E5", 128, 11, true), overlay_ms("E6", 128, 5));
  int e5_points = 0, e6_points = 0, e7_points = 0;
  const double e5_decoder = decoder_ms("scenario=E5", 3, &e5_points);
  const double e6_decoder = decoder_ms("scenario=E6", 3, &e6_points);
  const double e7_decoder = decoder_ms("scenario=E7&layers=256s-256s", 1, &e7_points);
  std::printf(
      "\"decoder_e5_16_ms\": %.1f, \"decoder_e5_points\": %d, \"decoder_e6_16_ms\": %.1f, \"decoder_e6_points\": %d, "
      "\"decoder_e7_256s_256s_16_ms\": %.1f, \"decoder_e7_256s_256s_points\": %d, "
      "\"fields_e6_128_layer1_network_ms\": %.2f, \"fields_e6_128_layer2_network_ms\": %.2f}\n",
      e5_decoder, e5_points, e6_decoder, e6_points, e7_decoder, e7_points, layer_fields_ms("E6", 128, 0, 5),
      layer_fields_ms("E6", 128, 1, 5));
  return 0;
}
