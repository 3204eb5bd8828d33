// Command-line argument helpers: --flag value lookup, number parsing, grid specs, file reading.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/status.h"

namespace catgeo::cli {

// Options after the command word: "--name value" pairs and bare "--switch" flags.
class Args {
 public:
  // switches: names that take no value (e.g. "json").
  static Result<Args> parse(int argc, char** argv, int first, const std::vector<std::string>& switches,
                            const std::vector<std::string>& valued);
  bool has(const std::string& name) const;
  std::optional<std::string> value(const std::string& name) const;

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

Result<double> parse_double_arg(const std::string& name, const std::string& text);
Result<std::uint64_t> parse_uint_arg(const std::string& name, const std::string& text);
// "x0:x1:n" (1-D) or "x0:x1:n,y0:y1:m" (2-D), n and m in [2, 4096], x0 < x1.
Result<GridSpec> parse_grid_spec(const std::string& text);
Result<std::string> read_text_file(const std::string& path);
Result<std::vector<std::uint8_t>> read_binary_file(const std::string& path);

}  // namespace catgeo::cli
