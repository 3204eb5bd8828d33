// The C++ tests' framework: doctest (Debian's doctest-dev), whose CHECK(a == b) prints both sides when they differ,
// SLOW for a test that trains for seconds (skipped with --fast) and CHECK_NEAR for a value within a tolerance.
// test_main.cpp selects the tests (--fast, --filter, --shard) and runs them, natively and as WASM under Node.
#pragma once
#include <cmath>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

// The decorator of a slow test: TEST_CASE("name" * SLOW).
#define SLOW doctest::test_suite("slow")

namespace catgeo::test {
// "actual = 0.5, expected 0.25 +- 0.01", the values with 10 digits.
inline std::string near_text(const char* actual_text, double actual, double expected, double tolerance) {
  std::ostringstream out;
  out.precision(10);
  out << actual_text << " = " << actual << ", expected " << expected << " +- " << tolerance;
  return out.str();
}
}  // namespace catgeo::test

#define CHECK_NEAR(actual, expected, tol)                                                                     \
  do {                                                                                                        \
    const double check_near_a_ = (actual), check_near_e_ = (expected), check_near_t_ = (tol);                 \
    CHECK_MESSAGE(std::fabs(check_near_a_ - check_near_e_) <= check_near_t_,                                  \
                  ::catgeo::test::near_text(#actual, check_near_a_, check_near_e_, check_near_t_));              \
  } while (0)
