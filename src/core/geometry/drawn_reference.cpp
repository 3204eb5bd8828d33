// Drawn points' KDE reference: data set, bandwidth choice, and the check that F_cat is not zero on the whole grid.
#include "core/geometry/drawn_reference.h"

#include <algorithm>
#include <cmath>

#include "core/config/config_checks.h"
#include "core/geometry/grid_fields.h"
#include "core/base/number_text.h"

namespace catgeo {
namespace {

// `value` to 2 significant digits (dividing by an exact power of ten, so that the text is short: 0.071, not
// 0.07100000000000001).
std::string rounded(double value) {
  if (value == 0.0 || !std::isfinite(value)) return format_number(value);
  const int exponent = static_cast<int>(std::floor(std::log10(std::fabs(value)))) - 1;
  const double power = std::pow(10.0, std::abs(exponent));
  return format_number(exponent < 0 ? std::round(value * power) / power : std::round(value / power) * power);
}

}  // namespace

Result<Dataset> drawn_points_dataset(const ScenarioConfig& config) {
  const Status valid = validate_drawn_points(config);
  if (!valid.ok) return Result<Dataset>::fail(valid.message);
  const std::vector<DrawnPoint>& points = config.points;
  Dataset data;
  int classes = static_cast<int>(config.class_names.size());
  for (const DrawnPoint& p : points) classes = std::max(classes, p.label + 1);
  data.num_classes = classes;
  data.inputs.resize(config.points_dims, static_cast<Eigen::Index>(points.size()));
  for (size_t i = 0; i < points.size(); ++i) {
    for (int k = 0; k < config.points_dims; ++k)
      data.inputs(k, static_cast<Eigen::Index>(i)) = static_cast<float>(points[i].x[k]);
    data.labels.push_back(points[i].label);
  }
  return {std::move(data), Status::success()};
}

Result<KdePosterior> drawn_points_reference(const ScenarioConfig& config, const Dataset& data) {
  const Eigen::MatrixXd points = data.inputs.cast<double>();
  const double h =
      is_table(config) ? KdePosterior::class_scale_bandwidth(points, data.labels, data.num_classes) : 0.0;
  return KdePosterior::build(points, data.labels, data.num_classes, h);
}

std::string flat_reference_notice(const ScenarioConfig& config) {
  if (config.data != DataKind::drawn_points) return "";
  const Result<Dataset> data = drawn_points_dataset(config);
  if (!data.ok() || config.grid.dims != config.points_dims) return "";
  const Result<KdePosterior> kde = drawn_points_reference(config, data.value);
  if (!kde.ok()) return "";
  GridFields fields;
  fields.reshape(config.grid, kde.value.num_classes());
  const int K = config.grid.dims, M = kde.value.num_classes();
  const int nx = static_cast<int>(fields.axis_x.size());
  bool two_classes_meet = false;  // some grid point is within the kernels' reach of two classes
  for (int row = 0; row < grid_rows(fields); ++row) {  // row by row: a usual drawing stops at its first rows
    evaluate_reference_rows(kde.value, fields, row, row + 1);
    for (int i = row * nx; i < (row + 1) * nx; ++i) {
      if (fields.fcat(0, i) + (K == 2 ? fields.fcat(2, i) : 0.0) > 0.0) return "";
      int reached = 0;
      for (int mu = 0; mu < M; ++mu) reached += std::isfinite(fields.reference_log_joint(mu, i)) ? 1 : 0;
      two_classes_meet = two_classes_meet || reached >= 2;
    }
  }
  const std::string why =
      two_classes_meet
          ? "the reference posterior does not change anywhere on the grid (points of different classes coincide)"
          : "no grid point is within the reach of two classes' kernels (bandwidth h = " +
                rounded(kde.value.bandwidth()) + ", kernels cut at 5h = " + rounded(kde.value.cutoff_radius()) +
                "), so the reference posterior is 0 or 1 wherever it is defined and the boundary between the classes, "
                "where the points give no density, is not estimated";
  return "F_cat of the reference (KDE) is 0 at every grid point: " + why +
         "; the map is blank and no reference boundary is drawn. Add points between the classes, or spread "
         "coinciding points apart";
}

}  // namespace catgeo
