// Test runner: runs registered core tests, filters by name (--filter S), skips slow ones (--fast), runs a shard.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "test.h"

namespace catgeo::test {
namespace {

struct Entry {
  const char* name;
  const char* tags;
  TestFunction fn;
};

std::vector<Entry>& registry() {
  static std::vector<Entry> entries;
  return entries;
}

int g_failures_in_current = 0;

}  // namespace

void register_test(const char* name, const char* tags, TestFunction fn) {
  registry().push_back({name, tags, fn});
}

void report_failure(const char* file, int line, const std::string& message) {
  ++g_failures_in_current;
  std::printf("    %s:%d: %s\n", file, line, message.c_str());
}

}  // namespace catgeo::test

int main(int argc, char** argv) {
  using namespace catgeo::test;
  std::string filter;
  bool fast = false, list = false;
  int shard = 1, shards = 1;  // --shard K/N: the K-th of every N selected tests, so that ctest can run N at once
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--fast")) fast = true;
    else if (!std::strcmp(argv[i], "--list")) list = true;
    else if (!std::strcmp(argv[i], "--filter") && i + 1 < argc) filter = argv[++i];
    else if (!std::strcmp(argv[i], "--shard") && i + 1 < argc &&
             std::sscanf(argv[++i], "%d/%d", &shard, &shards) == 2 && shard >= 1 && shard <= shards) continue;
    else {
      std::printf("usage: %s [--fast] [--list] [--filter SUBSTRING] [--shard K/N]\n", argv[0]);
      return 2;
    }
  }
  int passed = 0, failed = 0, skipped = 0, selected = 0;
  for (const Entry& e : registry()) {
    const bool slow = std::strstr(e.tags, "slow") != nullptr;
    if ((!filter.empty() && std::string(e.name).find(filter) == std::string::npos) || (fast && slow) ||
        selected++ % shards != shard - 1) {
      ++skipped;
      continue;
    }
    if (list) {
      std::printf("%s%s\n", e.name, slow ? " [slow]" : "");
      continue;
    }
    g_failures_in_current = 0;
    std::printf("RUN  %s\n", e.name);
    std::fflush(stdout);
    e.fn();
    if (g_failures_in_current == 0) {
      ++passed;
      std::printf("PASS %s\n", e.name);
    } else {
      ++failed;
      std::printf("FAIL %s\n", e.name);
    }
    std::fflush(stdout);
  }
  if (list) return 0;
  std::printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
  return failed == 0 && passed > 0 ? 0 : 1;
}
