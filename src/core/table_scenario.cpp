// Table -> drawn-points scenario: the isotropic scaling into the base grid, and its one-line statement.
#include "core/table_scenario.h"

#include <algorithm>
#include <cmath>

#include "core/config_checks.h"
#include "core/number_text.h"
#include "core/scenarios.h"
#include "core/share_link.h"

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

}  // namespace

Result<ScenarioConfig> table_scenario(const PointTable& table, const ScenarioConfig& base) {
  using R = Result<ScenarioConfig>;
  if (table.dims != 1 && table.dims != 2) return R::fail("a table of points must be 1-D or 2-D");
  if (table.x.rows() != table.dims || table.x.cols() != static_cast<Eigen::Index>(table.labels.size()) ||
      table.x.cols() == 0)
    return R::fail("the table has no points");
  ScenarioConfig c = base;
  if (c.grid.dims != table.dims) c.grid = scenario_preset(table.dims == 2 ? "E5" : "E1").value.grid;
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
    for (int k = 0; k < table.dims; ++k) p.x[k] = (table.x(k, i) - c.scaling.center[k]) / c.scaling.scale;
    p.label = table.labels[static_cast<std::size_t>(i)];
    c.points.push_back(quantize_for_link(p));
  }
  const Status valid = validate_drawn_points(c);
  if (!valid.ok) return R::fail(valid.message);
  return {std::move(c), Status::success()};
}

std::string describe_scaling(const PointScaling& s, int dims) {
  if (!s.active) return dims == 2 ? "x' = x, y' = y" : "x' = x";
  std::string out = axis_statement("x", s.center[0], s.scale);
  if (dims == 2) out += ", " + axis_statement("y", s.center[1], s.scale);
  return out;
}

}  // namespace catgeo
