// Command-line argument helpers: option parsing, numbers, grid specs and whole-file reads.
#include "cli/cli_args.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/json.h"

namespace catgeo::cli {

Result<Args> Args::parse(int argc, char** argv, int first, const std::vector<std::string>& switches,
                         const std::vector<std::string>& valued) {
  Args args;
  for (int i = first; i < argc; ++i) {
    const std::string word = argv[i];
    if (word.rfind("--", 0) != 0) return Result<Args>::fail("unexpected argument '" + word + "'");
    const std::string name = word.substr(2);
    if (std::find(switches.begin(), switches.end(), name) != switches.end()) {
      args.entries_.push_back({name, ""});
    } else if (std::find(valued.begin(), valued.end(), name) != valued.end()) {
      if (i + 1 >= argc) return Result<Args>::fail("option --" + name + " needs a value");
      args.entries_.push_back({name, argv[++i]});
    } else {
      return Result<Args>::fail("unknown option --" + name);
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

Result<double> parse_double_arg(const std::string& name, const std::string& text) {
  double value = 0.0;
  if (!parse_number(text, value)) return Result<double>::fail("--" + name + " needs a number, got '" + text + "'");
  return {value, Status::success()};
}

Result<std::uint64_t> parse_uint_arg(const std::string& name, const std::string& text) {
  if (text.empty() || text.size() > 19 || !std::all_of(text.begin(), text.end(), ::isdigit))
    return Result<std::uint64_t>::fail("--" + name + " needs a non-negative integer, got '" + text + "'");
  return {std::stoull(text), Status::success()};
}

Result<GridSpec> parse_grid_spec(const std::string& text) {
  using R = Result<GridSpec>;
  GridSpec grid;
  std::vector<std::string> axes;
  std::stringstream split(text);
  for (std::string part; std::getline(split, part, ',');) axes.push_back(part);
  if (axes.empty() || axes.size() > 2) return R::fail("grid spec must be x0:x1:n or x0:x1:n,y0:y1:m");
  grid.dims = static_cast<int>(axes.size());
  grid.count[1] = 1;
  for (int axis = 0; axis < grid.dims; ++axis) {
    std::vector<std::string> fields;
    std::stringstream parts(axes[axis]);
    for (std::string f; std::getline(parts, f, ':');) fields.push_back(f);
    double lo, hi, n;
    if (fields.size() != 3 || !parse_number(fields[0], lo) || !parse_number(fields[1], hi) ||
        !parse_number(fields[2], n))
      return R::fail("grid axis '" + axes[axis] + "' must be lo:hi:count with numbers");
    if (!(lo < hi)) return R::fail("grid axis '" + axes[axis] + "' needs lo < hi");
    if (n != static_cast<int>(n) || n < 2 || n > 4096)
      return R::fail("grid axis '" + axes[axis] + "' needs a whole count between 2 and 4096");
    grid.lo[axis] = lo;
    grid.hi[axis] = hi;
    grid.count[axis] = static_cast<int>(n);
  }
  return {grid, Status::success()};
}

Result<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<std::string>::fail("cannot open '" + path + "'");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return {text, Status::success()};
}

Result<std::vector<std::uint8_t>> read_binary_file(const std::string& path) {
  Result<std::string> text = read_text_file(path);
  if (!text.ok()) return Result<std::vector<std::uint8_t>>::fail(text.status.message);
  return {std::vector<std::uint8_t>(text.value.begin(), text.value.end()), Status::success()};
}

}  // namespace catgeo::cli
