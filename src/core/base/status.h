// Status and Result: how the core reports expected failures (no exceptions cross the core API).
#pragma once
#include <string>
#include <utility>

namespace catgeo {

struct Status {
  bool ok = true;
  std::string message;  // empty when ok; one line, names the problem and how to recover

  static Status success() { return {}; }
  static Status error(std::string text) { return {false, std::move(text)}; }
};

// A value or an error message; `value` is default-constructed when !status.ok.
template <class T>
struct Result {
  T value{};
  Status status;

  static Result fail(std::string text) { return {T{}, Status::error(std::move(text))}; }
  bool ok() const { return status.ok; }
};

}  // namespace catgeo
