// Test runner: selects the registered doctest cases by name (--filter S), leaves out the slow ones (--fast), takes
// one shard of them (--shard K/N) and runs them with doctest, printing "RUN name" before each (a hung test names
// itself in a CI log).
#define DOCTEST_CONFIG_IMPLEMENT
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "test.h"

namespace {

// Prints each test's name as it starts.
struct RunLines : doctest::IReporter {
  explicit RunLines(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats&) override {}
  void test_case_start(const doctest::TestCaseData& test) override {
    std::printf("RUN  %s\n", test.m_name);
    std::fflush(stdout);
  }
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};
REGISTER_LISTENER("run_lines", 1, RunLines);

bool is_slow(const doctest::detail::TestCase& test) { return std::strcmp(test.m_test_suite, "slow") == 0; }

}  // namespace

int main(int argc, char** argv) {
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
  // In source order (file, then line), as doctest runs them.
  std::vector<const doctest::detail::TestCase*> tests;
  for (const doctest::detail::TestCase& test : doctest::detail::getRegisteredTests()) tests.push_back(&test);
  std::sort(tests.begin(), tests.end(), [](const auto* a, const auto* b) {
    const int file = std::strcmp(a->m_file.c_str(), b->m_file.c_str());
    return file != 0 ? file < 0 : a->m_line < b->m_line;
  });
  std::string names;  // doctest's test-case filter: the selected names, comma-separated (names hold no comma)
  int selected = 0, chosen = 0;
  for (const doctest::detail::TestCase* test : tests) {
    if ((!filter.empty() && std::string(test->m_name).find(filter) == std::string::npos) || (fast && is_slow(*test)) ||
        selected++ % shards != shard - 1)
      continue;
    ++chosen;
    if (list) std::printf("%s%s\n", test->m_name, is_slow(*test) ? " [slow]" : "");
    names += (names.empty() ? "" : ",") + std::string(test->m_name);
  }
  if (list) return 0;
  if (chosen == 0) {
    std::printf("no test matches these options\n");
    return 1;
  }
  doctest::Context context;
  context.addFilter("test-case", names.c_str());
  return context.run();
}
