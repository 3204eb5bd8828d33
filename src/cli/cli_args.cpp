// Command-line argument helpers: option parsing, grid specs, whole-file reads and help lines from the table.
#include "cli/cli_args.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/config/config_checks.h"
#include "core/base/json.h"
#include "core/link/link_text.h"
#include "core/link/link_fields.h"
#include "core/config/parameters.h"

namespace catgeo::cli {

Result<Args> Args::parse(int argc, char** argv, int first, const std::vector<std::string>& switches,
                         const std::vector<std::string>& valued) {
  Args args;
  for (int i = first; i < argc; ++i) {
    const std::string word = argv[i];
    if (word.rfind("--", 0) != 0) return Result<Args>::fail("unexpected argument '" + word + "' (try --help)");
    const std::string name = word.substr(2);
    if (name == "help" || std::find(switches.begin(), switches.end(), name) != switches.end()) {
      args.entries_.push_back({name, ""});
    } else if (std::find(valued.begin(), valued.end(), name) != valued.end()) {
      if (i + 1 >= argc) return Result<Args>::fail("option --" + name + " needs a value (try --help)");
      const std::string value = argv[++i];
      auto same = std::find_if(args.entries_.begin(), args.entries_.end(), [&](const auto& e) { return e.first == name; });
      if (same == args.entries_.end()) {
        args.entries_.push_back({name, value});
      } else {  // the share link's rule and words (core/link/link_text.cpp)
        std::fprintf(stderr, "catgeo: notice: option --%s appears twice; used the last value\n", name.c_str());
        same->second = value;
      }
    } else {
      return Result<Args>::fail("unknown option --" + name + " (try --help)");
    }
  }
  return {args, Status::success()};
}

bool Args::has(const std::string& name) const {
  for (const auto& e : entries_)
    if (e.first == name) return true;
  return false;
}

std::optional<std::string> Args::value(const std::string& name) const {
  for (const auto& e : entries_)
    if (e.first == name) return e.second;
  return std::nullopt;
}

std::string grid_form() {
  const ParameterSpec& bound = parameter("grid.bound");
  const ParameterSpec& count = parameter("grid.count");
  return "lo:hi:count or lo:hi:count,lo:hi:count with " + limit_text(bound.min) + " <= lo < hi <= " +
         limit_text(bound.max) + " and count " + limit_text(count.min) + " to " + limit_text(count.max);
}

Result<GridSpec> parse_grid_spec(const std::string& text) {
  using R = Result<GridSpec>;
  GridSpec grid;
  const std::vector<std::string_view> axes = split(text, ',');
  if (axes.size() > 2) return R::fail("--grid '" + text + "' has more than 2 axes; it must be " + grid_form());
  grid.dims = static_cast<int>(axes.size());
  grid.count[1] = 1;
  for (int axis = 0; axis < grid.dims; ++axis) {
    const std::vector<std::string_view> fields = split(axes[axis], ':');
    double lo, hi, n;
    if (fields.size() != 3 || !parse_number(fields[0], lo) || !parse_number(fields[1], hi) ||
        !parse_number(fields[2], n) || n != static_cast<double>(static_cast<long long>(n)))
      return R::fail("--grid axis '" + std::string(axes[axis]) + "' must be " + grid_form());
    grid.lo[axis] = lo;
    grid.hi[axis] = hi;
    grid.count[axis] = static_cast<int>(std::max(-1.0, std::min(1e9, n)));
  }
  const Status valid = validate_grid(grid, grid.dims);
  if (!valid.ok) return R::fail("--grid '" + text + "': " + valid.message + " (form: " + grid_form() + ")");
  return {grid, Status::success()};
}

namespace {

// What a file that is not a regular file is, for the message.
const char* file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

Result<std::string> read_file(const std::string& option, const std::string& path, const FileCap& cap) {
  using R = Result<std::string>;
  const std::string where = "--" + option + " " + path + ": ";
  const auto refuse = [&](const struct stat& info) -> std::optional<std::string> {
    if (!S_ISREG(info.st_mode))
      return where + "is " + file_kind(info.st_mode) + ", not a regular file; give a file of at most " + cap_text(cap);
    if (static_cast<std::uintmax_t>(info.st_size) > cap.bytes)
      return where + "is larger than " + cap_text(cap) + "; give a smaller file";
    return std::nullopt;
  };
  // The type and size before opening (a device or FIFO is never opened), then again on the opened file (it may have
  // been replaced meanwhile); O_NONBLOCK keeps that open from waiting for a FIFO's writer.
  struct stat info;
  if (stat(path.c_str(), &info) != 0) return R::fail(where + "cannot open (" + std::strerror(errno) + ")");
  if (auto why = refuse(info)) return R::fail(*why);
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return R::fail(where + "cannot open (" + std::strerror(errno) + ")");
  std::optional<std::string> why = fstat(fd, &info) != 0 ? where + "cannot be read" : refuse(info);
  std::string text;
  if (!why) {
    text.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[65536];
    while (text.size() <= cap.bytes) {  // one byte over the cap tells a file that grew past it
      const ssize_t n = read(fd, buffer, std::min(sizeof buffer, cap.bytes + 1 - text.size()));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) why = where + "cannot be read (" + std::strerror(errno) + ")";
      if (n <= 0) break;
      text.append(buffer, static_cast<std::size_t>(n));
    }
    if (!why && text.size() > cap.bytes) why = where + "is larger than " + cap_text(cap) + "; give a smaller file";
  }
  close(fd);
  if (why) return R::fail(*why);
  return {text, Status::success()};
}

std::string option_help(const std::string& key) {
  const ParameterSpec& spec = parameter(key);
  const std::string range = range_text(spec);
  char line[320];
  const std::string allowed = spec.kind == ParameterKind::choice ? "one of " + range : range;
  std::snprintf(line, sizeof line, "  --%-12s %s; %s\n", (key + " X").c_str(), spec.help, allowed.c_str());
  return line;
}

std::vector<std::string> run_parameter_keys() {
  std::vector<std::string> keys;
  for (const ParameterSpec& spec : parameter_table()) {
    const std::string key = spec.key;
    if (spec.affects_run && spec.kind != ParameterKind::part && key != "classes") keys.push_back(key);
  }
  return keys;
}

Status apply_parameter_options(const Args& args, const std::vector<std::string>& keys, ScenarioConfig& config) {
  for (const std::string& key : keys) {
    std::optional<std::string> value = args.value(key);
    if (!value) continue;
    if (key == "digits") {
      if (config.data != DataKind::mnist) return Status::error("--digits applies to the mnist scenario only");
      value->erase(std::remove(value->begin(), value->end(), ','), value->end());
    }
    const Status set = set_parameter(config, key, *value);
    if (!set.ok) return set;
  }
  return Status::success();
}

}  // namespace catgeo::cli
