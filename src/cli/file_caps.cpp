// File caps of the CLI's options, from what each format allows (see file_caps.h).
#include "cli/file_caps.h"

#include <cstdio>

#include "core/data/mnist_asset.h"
#include "core/config/parameters.h"

namespace catgeo::cli {
namespace {

constexpr std::size_t kTableLineBytes = 400;     // a point's line: two coordinates in full precision, a label, quotes
constexpr std::size_t kMnistDigits = 70000;      // all of MNIST (60,000 training and 10,000 test digits)
constexpr std::size_t kMnistPixels = 14 * 14;    // the larger of the assets' image sizes
constexpr std::size_t kMixtureBytes = 1000000;   // a mixture of 6 classes is a few hundred bytes written out
constexpr std::size_t kShardLineBytes = 8000;    // a run's line of sweep --shard is about 1 kB

}  // namespace

FileCap points_file_cap() {
  const auto points = static_cast<std::size_t>(parameter("table.points").max);
  return {points * kTableLineBytes, "the most a table of " + limit_text(parameter("table.points").max) +
                                        " points needs"};
}

FileCap mnist_file_cap() {
  return {kMnistAssetHeaderBytes + kMnistDigits * (1 + kMnistPixels), "an asset of all 70,000 MNIST digits at 14x14"};
}

FileCap mixture_file_cap() { return {kMixtureBytes, "far more than a mixture of 6 classes needs"}; }

FileCap merge_file_cap(std::size_t max_runs) {
  return {max_runs * kShardLineBytes, "a shard of " + std::to_string(max_runs) + " runs"};
}

std::string cap_text(const FileCap& cap) {
  char size[32];
  std::snprintf(size, sizeof size, "%.3g MB", static_cast<double>(cap.bytes) / 1e6);
  return std::string(size) + " (" + cap.why + ")";
}

}  // namespace catgeo::cli
