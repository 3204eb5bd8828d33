// Minimal test framework shared by the native and WASM (Node) core test runners: registration and checks.
#pragma once
#include <cmath>
#include <sstream>
#include <string>

namespace catgeo::test {

using TestFunction = void (*)();
// tags: "" for fast unit tests, "slow" for training runs (skipped with --fast).
void register_test(const char* name, const char* tags, TestFunction fn);
void report_failure(const char* file, int line, const std::string& message);

struct Registrar {
  Registrar(const char* name, const char* tags, TestFunction fn) { register_test(name, tags, fn); }
};

}  // namespace catgeo::test

#define TEST_CASE(name, tags)                                                   \
  static void name();                                                           \
  static ::catgeo::test::Registrar name##_registrar(#name, tags, &name);        \
  static void name()

#define EXPECT_TRUE(cond)                                                       \
  do {                                                                          \
    if (!(cond)) ::catgeo::test::report_failure(__FILE__, __LINE__, #cond);     \
  } while (0)

#define EXPECT_MSG(cond, msg)                                                   \
  do {                                                                          \
    if (!(cond)) {                                                              \
      std::ostringstream expect_stream_;                                        \
      expect_stream_ << #cond << ": " << msg;                                   \
      ::catgeo::test::report_failure(__FILE__, __LINE__, expect_stream_.str()); \
    }                                                                           \
  } while (0)

#define EXPECT_NEAR(actual, expected, tol)                                                   \
  do {                                                                                       \
    const double expect_a_ = (actual), expect_e_ = (expected), expect_t_ = (tol);           \
    if (!(std::fabs(expect_a_ - expect_e_) <= expect_t_)) {                                  \
      std::ostringstream expect_stream_;                                                     \
      expect_stream_.precision(10);                                                          \
      expect_stream_ << #actual << " = " << expect_a_ << ", expected " << expect_e_ << " +- " \
                     << expect_t_;                                                           \
      ::catgeo::test::report_failure(__FILE__, __LINE__, expect_stream_.str());             \
    }                                                                                        \
  } while (0)
