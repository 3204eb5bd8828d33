// Table -> drawn-points scenario: the isotropic scaling into the base grid, and its one-line statement.
#include "core/run/table_scenario.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/config/config_checks.h"
#include "core/geometry/drawn_reference.h"
#include "core/link/link_payloads.h"
#include "core/base/number_text.h"
#include "core/config/scenarios.h"

namespace catgeo {
namespace {

constexpr double kFill = 0.9;  // the points span this fraction of the grid's range on their widest axis

// view = (x - center) / scale, the same scale on every axis: the data's midpoint goes to the grid's midpoint and its
// widest axis (relative to the grid) spans kFill of the grid.
PointScaling fit_scaling(const Eigen::MatrixXd& x, const GridSpec& grid) {  // x: (dims, N)
  PointScaling s;
  s.active = true;
  const int dims = static_cast<int>(x.rows());
  double scale = 0.0;
  for (int k = 0; k < dims; ++k) {
    const double range = x.row(k).maxCoeff() - x.row(k).minCoeff();
    scale = std::max(scale, range / (kFill * (grid.hi[k] - grid.lo[k])));
  }
  s.scale = scale > 0.0 && std::isfinite(scale) ? scale : 1.0;
  for (int k = 0; k < dims; ++k) {
    const double data_mid = 0.5 * x.row(k).maxCoeff() + 0.5 * x.row(k).minCoeff();
    const double grid_mid = 0.5 * (grid.lo[k] + grid.hi[k]);
    s.center[k] = data_mid - grid_mid * s.scale;
  }
  return s;
}

// `value` to 3 significant digits, in JSON number grammar.
std::string short_number(double value) {
  if (value == 0.0 || !std::isfinite(value)) return format_number(value);
  const int digits = 2 - static_cast<int>(std::floor(std::log10(std::fabs(value))));  // decimals to keep
  const double power = std::pow(10.0, std::abs(digits));  // exact for the powers that matter
  return format_number(digits >= 0 ? std::round(value * power) / power : std::round(value / power) * power);
}

std::string axis_statement(const char* name, double center, double scale) {
  const std::string c = short_number(std::fabs(center));
  std::string shifted = name;
  if (c != "0") shifted = "(" + shifted + (center < 0 ? " + " : " - ") + c + ")";
  return std::string(name) + "' = " + shifted + " / " + short_number(scale);
}

const char* axis_name(int k) { return k == 0 ? "x" : "y"; }

// How many of the table's distinct points share a point of the link's lattice with another distinct point, said for
// the reader; "" when none do. c.points: the table's points in the view, quantized, in table order.
std::string merged_points_notice(const PointTable& table, const ScenarioConfig& c) {
  struct Entry {
    std::array<double, 2> lattice, original;
  };
  std::vector<Entry> entries;
  for (std::size_t i = 0; i < c.points.size(); ++i) {
    const Eigen::Index col = static_cast<Eigen::Index>(i);
    entries.push_back({{c.points[i].x[0], c.points[i].x[1]},
                       {table.x(0, col), table.dims == 2 ? table.x(1, col) : 0.0}});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.lattice != b.lattice ? a.lattice < b.lattice : a.original < b.original;
  });
  std::size_t distinct = 0, merged = 0, shared_lattice_points = 0;
  for (std::size_t start = 0; start < entries.size();) {
    std::size_t end = start, originals = 0;
    for (; end < entries.size() && entries[end].lattice == entries[start].lattice; ++end)
      if (end == start || entries[end].original != entries[end - 1].original) ++originals;
    distinct += originals;
    if (originals > 1) merged += originals, ++shared_lattice_points;
    start = end;
  }
  if (merged == 0) return "";
  const double step = c.scaling.scale / kLinkPointScale;  // the lattice step in the table's units
  const double percent = 100.0 * static_cast<double>(merged) / static_cast<double>(distinct);
  return std::to_string(merged) + " of the table's " + std::to_string(distinct) + " distinct points (" +
         short_number(percent) + "%) merge onto " + std::to_string(shared_lattice_points) +
         (shared_lattice_points == 1 ? " point" : " points") + " of the view's lattice (steps of " + short_number(step) +
         " in the table's units, as the link stores them): points closer than that are not told apart. If far "
         "outliers stretch the scaling, remove them or load the dense part on its own";
}

}  // namespace

Result<ScenarioConfig> table_scenario(const PointTable& table, const ScenarioConfig& base,
                                      std::vector<std::string>* notices) {
  using R = Result<ScenarioConfig>;
  if (table.dims != 1 && table.dims != 2) return R::fail("a table of points must be 1-D or 2-D");
  if (table.x.rows() != table.dims || table.x.cols() != static_cast<Eigen::Index>(table.labels.size()) ||
      table.x.cols() == 0)
    return R::fail("the table has no points");
  for (int k = 0; k < table.dims; ++k) {
    const double lo = table.x.row(k).minCoeff(), hi = table.x.row(k).maxCoeff();
    if (!std::isfinite(hi - lo))
      return R::fail(std::string("the ") + axis_name(k) + " values span " + format_number(lo) + " to " +
                     format_number(hi) + ", a range wider than a double holds, so no scaling fits them into the "
                     "view: divide the column by a power of ten (e.g. 1e300) and load it again");
  }
  ScenarioConfig c = base;
  if (c.grid.dims != table.dims) c.grid = scenario_preset(base_preset_id(table.dims)).value.grid;
  c.id = "drawn";
  c.title = kTableScenarioTitle;
  c.data = DataKind::drawn_points;
  c.classes.clear();
  c.points_dims = table.dims;
  c.class_names = table.class_names;
  c.scaling = fit_scaling(table.x, c.grid);
  c.points.clear();
  c.points.reserve(table.labels.size());
  for (Eigen::Index i = 0; i < table.x.cols(); ++i) {
    DrawnPoint p;
    for (int k = 0; k < table.dims; ++k) {
      p.x[k] = (table.x(k, i) - c.scaling.center[k]) / c.scaling.scale;
      const double margin = 1e-9 * (c.grid.hi[k] - c.grid.lo[k]);  // rounding of the scaling
      if (!(p.x[k] >= c.grid.lo[k] - margin && p.x[k] <= c.grid.hi[k] + margin))
        return R::fail("point " + std::to_string(i + 1) + " (" + axis_name(k) + " = " + format_number(table.x(k, i)) +
                       ") lands outside the view at " + format_number(p.x[k]) + " after scaling (" +
                       describe_scaling(c.scaling, table.dims) + "): its coordinates are too far apart for a "
                       "double to scale exactly; rescale the table (divide it by a power of ten) and load it again");
    }
    p.label = table.labels[static_cast<std::size_t>(i)];
    c.points.push_back(quantize_for_link(p));
  }
  const Status valid = validate_drawn_points(c);
  if (!valid.ok) return R::fail(valid.message);
  if (notices) {
    if (std::string merged = merged_points_notice(table, c); !merged.empty()) notices->push_back(std::move(merged));
    if (std::string flat = flat_reference_notice(c); !flat.empty()) notices->push_back(std::move(flat));
  }
  return {std::move(c), Status::success()};
}

std::string describe_scaling(const PointScaling& s, int dims) {
  if (!s.active) return dims == 2 ? "x' = x, y' = y" : "x' = x";
  std::string out = axis_statement("x", s.center[0], s.scale);
  if (dims == 2) out += ", " + axis_statement("y", s.center[1], s.scale);
  return out;
}

}  // namespace catgeo
