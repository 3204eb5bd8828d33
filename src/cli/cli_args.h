// Command-line argument helpers: --option value lookup, numbers, grid specs, file reading, help from the table.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/file_caps.h"
#include "core/config/config.h"
#include "core/base/status.h"

namespace catgeo::cli {

// Options after the command word: "--name value" pairs and bare "--switch" flags ("--help" is always a switch). A
// repeated option keeps its last value with a notice on stderr, as the share link does; a repeated switch is harmless.
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

// "x0:x1:n" (1-D) or "x0:x1:n,y0:y1:m" (2-D) within the parameter table's grid.bound and grid.count.
Result<GridSpec> parse_grid_spec(const std::string& text);
// The form --grid takes, with the table's limits (for messages and help).
std::string grid_form();
// Whole file of at most cap.bytes; never blocks. A message names the option and what is wrong with the file: missing,
// unreadable, not a regular file (a directory, a device such as /dev/zero, a FIFO, a socket) or over the cap.
Result<std::string> read_file(const std::string& option, const std::string& path, const FileCap& cap);
// "  --key VALUE   label: help [range]" for a parameter-table key.
std::string option_help(const std::string& key);
// The parameter-table keys a command takes as --key VALUE: every key that changes the run and has a codec.
std::vector<std::string> run_parameter_keys();
// Applies every --key VALUE of `keys` given in args on top of the scenario, strictly; an error names the option and
// its range. --digits (the link form "49", or "3,5,8") applies to the mnist scenario only.
Status apply_parameter_options(const Args& args, const std::vector<std::string>& keys, ScenarioConfig& config);

}  // namespace catgeo::cli
