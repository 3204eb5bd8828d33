// A golden run: every metric a share link gives after its epochs, by name, and the digests that pin them; test code.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/base/json.h"
#include "core/base/status.h"

namespace catgeo::golden {

// One metric's values: a per-epoch metric over every epoch ("history.test_loss", epoch 0 first), a final one
// ("info_r", "layers[0].contrast"), or a field along the link's cut or digit path ("cut.fcode", "path.codes").
// NaN stands for a value the page reports as null; a list is its length followed by its items.
struct Metric {
  std::string name;
  std::vector<double> values;
};

struct Record {
  std::vector<Metric> metrics;  // in a fixed order: history, final values, layers, cut, path
  JsonValue readable;           // a few values for people: test_accuracy, test_loss, info_r or info_x_kde
};

// Trains the link's configuration to its last epoch and records it. `mnist` is read only for MNIST links.
Result<Record> record_run(const std::string& link, const Dataset& mnist);

// FNV-1a 64 over each value's IEEE-754 bits, little-endian, every NaN as the quiet NaN 0x7ff8000000000000; the page's
// test (tests/browser/golden.test.mjs) computes the same from catgeo.metrics().
std::uint64_t metric_digest(const std::vector<double>& values);
// FNV-1a 64 over each metric's name bytes, a 0 byte and its digest's 8 bytes, little-endian.
std::uint64_t run_digest(const std::vector<Metric>& metrics);
std::string hex(std::uint64_t value, int digits = 16);

}  // namespace catgeo::golden
