// catgeo_golden check|bless FILE: runs the golden links of FILE (tests/golden/golden_runs.json) natively or as WASM
// under Node and compares every metric's digest with this platform's, or rewrites this platform's (bless).
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "core/data/mnist_asset.h"
#include "core/link/share_link.h"
#include "golden_record.h"
#include "test_assets.h"

namespace catgeo::golden {
namespace {

#ifdef __EMSCRIPTEN__
constexpr const char* kPlatform = "wasm";  // the page's engine: Node and every browser give the same numbers
#else
constexpr const char* kPlatform = "native";
#endif

const char* kWhatToDo =
    "If the change is intended, bump kLinkVersion in src/core/link/share_link.h and run scripts/bless-golden; if not, "
    "find its cause.";

Result<std::string> read_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Result<std::string>::fail("cannot read " + path);
  return {std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()), Status::success()};
}

// The MNIST digits at the side a configuration asks for, read once.
const Dataset& mnist_for(const std::string& link) {
  static Dataset digits;
  static bool read = false;
  const ScenarioConfig config = decode_share_link(link).config;
  if (read || config.data != DataKind::mnist) return digits;
  read = true;
  std::vector<std::uint8_t> bytes;
  std::string tried;
  if (!test::read_asset(config.mnist.side == 7 ? "mnist7.cgd" : "mnist14.cgd", bytes, tried)) {
    std::fprintf(stderr, "golden: no MNIST asset (tried %s); run scripts/setup\n", tried.c_str());
    return digits;
  }
  Result<Dataset> loaded = load_mnist_asset(bytes.data(), bytes.size());
  if (loaded.ok()) digits = std::move(loaded.value);
  return digits;
}

JsonValue digests_of(const Record& record) {
  JsonValue metrics = JsonValue::object();
  for (const Metric& metric : record.metrics)
    metrics.set(metric.name, JsonValue::string(hex(metric_digest(metric.values), 8)));  // the low 32 bits
  JsonValue out = JsonValue::object();
  out.set("digest", JsonValue::string(hex(run_digest(record.metrics))));
  out.set("metrics", metrics);
  return out;
}

// "" when the record has this platform's digests; otherwise what moved, for people.
std::string difference(const JsonValue& run, const Record& record, const JsonValue& now) {
  const JsonValue* stored = run.find(kPlatform);
  if (!stored) return std::string("no ") + kPlatform + " digests (run scripts/bless-golden)";
  if (stored->find("digest")->as_string() == now.find("digest")->as_string()) return "";
  const JsonValue& old_metrics = *stored->find("metrics");
  const JsonValue& new_metrics = *now.find("metrics");
  std::string what;
  for (std::size_t i = 0; i < new_metrics.keys().size() && what.empty(); ++i) {
    const std::string& name = new_metrics.keys()[i];
    const JsonValue* old = old_metrics.find(name);
    if (!old) what = "a new metric '" + name + "'";
    else if (old->as_string() != new_metrics.items()[i].as_string()) what = "'" + name + "' moved first";
  }
  for (std::size_t i = 0; i < old_metrics.keys().size() && what.empty(); ++i) {
    if (!new_metrics.find(old_metrics.keys()[i])) what = "metric '" + old_metrics.keys()[i] + "' is gone";
  }
  if (what.empty()) what = "the metrics came in another order";
  return what + "; readable values were " + to_json(*run.find("readable")) + ", now " + to_json(record.readable);
}

// One run per line, so that a bless shows as a readable diff.
std::string write_file(const JsonValue& file) {
  std::string out = "{\"about\": " + to_json(*file.find("about")) + ",\n";
  out += " \"link_version\": " + std::to_string(kLinkVersion) + ",\n \"runs\": [\n";
  const JsonValue& runs = *file.find("runs");
  for (std::size_t i = 0; i < runs.size(); ++i)
    out += "  " + to_json(*runs.at(i)) + (i + 1 < runs.size() ? ",\n" : "\n");
  return out + " ]}\n";
}

int run(const std::string& mode, const std::string& path) {
  const Result<std::string> text = read_text(path);
  if (!text.ok()) return std::fprintf(stderr, "golden: %s\n", text.status.message.c_str()), 2;
  Result<JsonValue> file = parse_json(text.value);
  if (!file.ok() || !file.value.find("runs"))
    return std::fprintf(stderr, "golden: %s is not a golden file\n", path.c_str()), 2;
  const bool bless = mode == "bless";
  const int version = static_cast<int>(file.value.find("link_version")->as_number());
  int failed = 0;
  if (!bless && version != kLinkVersion) {
    std::fprintf(stderr, "golden: %s was blessed for link version %d; this is version %d: run scripts/bless-golden\n",
                 path.c_str(), version, kLinkVersion);
    return 1;
  }
  JsonValue runs = JsonValue::array();
  for (const JsonValue& stored : file.value.find("runs")->items()) {
    // Blessing natively writes each link as today's encoder does (its version included).
    std::string link = stored.find("link")->as_string();
    if (bless && std::string(kPlatform) == "native") link = encode_share_link(decode_share_link(link).config);
    const Result<Record> record = record_run(link, mnist_for(link));
    if (!record.ok()) {
      std::fprintf(stderr, "golden: %s: %s\n", link.c_str(), record.status.message.c_str());
      return 2;
    }
    const JsonValue digests = digests_of(record.value);
    JsonValue updated = stored;
    updated.set("link", JsonValue::string(link));
    if (bless) {
      if (std::string(kPlatform) == "native") updated.set("readable", record.value.readable);
      updated.set(kPlatform, digests);
      std::printf("golden: blessed %s (%s %s)\n", link.c_str(), kPlatform, digests.find("digest")->as_string().c_str());
    } else if (const std::string diff = difference(stored, record.value, digests); !diff.empty()) {
      std::printf("FAIL golden %s (%s): %s. %s\n", link.c_str(), kPlatform, diff.c_str(), kWhatToDo);
      ++failed;
    } else {
      std::printf("PASS golden %s (%s)\n", link.c_str(), kPlatform);
    }
    runs.push_back(updated);
  }
  if (bless) {
    file.value.set("runs", runs);
    std::ofstream(path, std::ios::binary) << write_file(file.value);
    return 0;
  }
  std::printf("%zu passed, %d failed\n", runs.size() - static_cast<std::size_t>(failed), failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace
}  // namespace catgeo::golden

int main(int argc, char** argv) {
  const std::string mode = argc == 3 ? argv[1] : "";
  if (mode != "check" && mode != "bless") {
    std::fprintf(stderr, "usage: catgeo_golden check|bless FILE\n");
    return 2;
  }
  return catgeo::golden::run(mode, argv[2]);
}
