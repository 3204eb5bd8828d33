// Test helper: a run of the mnist preset on some digits, trained a few epochs, from the generated MNIST asset.
#pragma once
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/run/experiment.h"
#include "core/data/mnist_asset.h"
#include "core/config/scenarios.h"
#include "test.h"
#include "test_assets.h"

namespace catgeo::test {

// The mnist preset on `digits`, trained for `epochs` epochs (0: untrained); null (with a skip notice) without the
// asset.
inline std::unique_ptr<catgeo::Experiment> mnist_run(std::vector<int> digits, int epochs) {
  std::vector<std::uint8_t> bytes;
  std::string tried;
  if (!catgeo::test::read_asset("mnist14.cgd", bytes, tried)) {
    std::printf("    skipped: mnist14.cgd not found (tried %s)\n", tried.c_str());
    return nullptr;
  }
  auto all = catgeo::load_mnist_asset(bytes.data(), bytes.size());
  CHECK_MESSAGE(all.ok(), all.status.message);
  if (!all.ok()) return nullptr;
  catgeo::ScenarioConfig config = catgeo::scenario_preset("mnist").value;
  config.mnist.digits = std::move(digits);
  config.training.epochs = std::max(epochs, 1);
  auto run = catgeo::Experiment::create(config, &all.value);
  CHECK_MESSAGE(run.ok(), run.status.message);
  if (!run.ok()) return nullptr;
  while (epochs > 0 && run.value->trainer().state() == catgeo::TrainerState::training) run.value->train({1 << 20, 0.0});
  return std::move(run.value);
}

}  // namespace catgeo::test
