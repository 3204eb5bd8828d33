// Drawn points as a CSV table in the table's own coordinates.
#include "core/data/table_csv.h"

#include <algorithm>
#include <vector>

#include "core/base/number_text.h"

namespace catgeo {
namespace {

// A CSV field: quoted when it holds a delimiter, a quote or surrounding spaces ("" for a quote).
std::string csv_field(const std::string& text) {
  const bool plain = text.find_first_of(",;\t\"\r\n") == std::string::npos && !text.empty() && text.front() != ' ' &&
                     text.back() != ' ' && text.front() != '#';
  if (plain) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string table_csv(const ScenarioConfig& config) {
  const int dims = config.points_dims;
  const PointScaling& s = config.scaling;
  std::string out = dims == 1 ? "x,label\n" : "x,y,label\n";
  // By class (stable): named classes are numbered by first appearance when the table is read back.
  std::vector<DrawnPoint> points = config.points;
  std::stable_sort(points.begin(), points.end(),
                   [](const DrawnPoint& a, const DrawnPoint& b) { return a.label < b.label; });
  for (const DrawnPoint& p : points) {
    for (int axis = 0; axis < dims; ++axis) {
      const double x = s.active ? p.x[axis] * s.scale + s.center[axis] : p.x[axis];
      out += format_number(x) + ",";
    }
    const bool named = p.label >= 0 && p.label < static_cast<int>(config.class_names.size());
    out += csv_field(named ? config.class_names[p.label] : std::to_string(p.label + 1)) + "\n";
  }
  return out;
}

}  // namespace catgeo
