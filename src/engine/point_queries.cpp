// The probe, the cut, the digit path and the pad's digit (see point_queries.h).
#include "engine/point_queries.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "core/run/digit_path.h"
#include "engine/cut.h"
#include "engine/drawn_digit.h"
#include "engine/run_digest.h"

namespace catgeo {

void PointQueries::ask_probe(double x, double y) {
  probe_wanted_ = true;
  probe_x_ = x;
  probe_y_ = y;
}

void PointQueries::ask_cut(const CutSegment& segment) {
  cut_ = CutResult();
  cut_.segment = segment;
  cut_.active = segment.usable();
  cut_wanted_ = cut_dirty_ = true;
}

void PointQueries::ask_drawn(std::vector<float> pixels, std::uint32_t command) {
  drawn_pixels_ = std::move(pixels);
  drawn_asked_ = command;
  drawn_wanted_ = true;
}

void PointQueries::take_view(const ViewConfig& view) {
  const CutSegment segment{view.cut[0], view.cut[1], view.cut[2], view.cut[3]};
  const CutSegment& now = cut_.segment;
  const bool same_segment =
      now.x0 == segment.x0 && now.y0 == segment.y0 && now.x1 == segment.x1 && now.y1 == segment.y1;
  if (segment.usable() != cut_.active || (segment.usable() && !same_segment)) ask_cut(segment);
  const std::array<int, 3> asked = {path_.digit_a, path_.digit_b, path_.pair};
  if ((view.path[0] >= 0) != path_.active || (path_.active && asked != view.path)) {
    path_ = PathResult();
    path_.active = view.path[0] >= 0;
    path_.digit_a = view.path[0], path_.digit_b = view.path[1], path_.pair = view.path[2];
    path_wanted_ = path_dirty_ = true;
  }
}

void PointQueries::new_run() {
  probe_ = ProbeResult();
  cut_.valid = false;
  path_.valid = false;
  cut_dirty_ = path_dirty_ = true;
  drawn_.valid = false;
  drawn_wanted_ = drawn_dirty_ = true;
}

void PointQueries::follow_fields() {
  cut_wanted_ = cut_.active;
  path_wanted_ = path_.active;
  drawn_wanted_ = !drawn_pixels_.empty();
}

void PointQueries::answer(Experiment* run, bool usable, bool fields_current, const ScenarioConfig& config) {
  if (probe_wanted_) answer_probe(run, usable);
  if (cut_wanted_) answer_cut(run, usable);
  // The path is drawn over the maps: it waits for the fields of the network it uses (a moving projection would put
  // it off the maps otherwise); the cut, a separate plot dragged live, does not.
  if (path_wanted_ && (fields_current || !usable)) answer_path(run, usable, config);
  if (drawn_wanted_ && (fields_current || !usable)) answer_drawn(run, usable);  // the same
}

void PointQueries::publish(Snapshot& s) {
  if (probe_dirty_) s.has_probe = true, s.probe = probe_;
  if (cut_dirty_) s.has_cut = true, s.cut = cut_;
  if (path_dirty_) s.has_path = true, s.path = path_;
  if (drawn_dirty_) s.has_drawn = true, s.drawn = drawn_;
  probe_dirty_ = cut_dirty_ = path_dirty_ = drawn_dirty_ = false;
}

void PointQueries::answer_probe(Experiment* run, bool usable) {
  probe_wanted_ = false;
  probe_dirty_ = true;
  probe_ = ProbeResult();
  probe_.x = probe_x_;
  probe_.y = probe_y_;
  if (!usable || !std::isfinite(probe_x_) || !std::isfinite(probe_y_)) return;
  GridSpec grid;  // one point (current_grid() would project every training digit just for its extent)
  grid.dims = run->dims();
  grid.lo[0] = grid.hi[0] = probe_x_;
  grid.lo[1] = grid.hi[1] = probe_y_;
  grid.count[0] = grid.count[1] = 1;
  run->evaluate_fields(grid, probe_.fields);
  probe_.valid = probe_.fields.finite();
  probe_.nearest = nearest_digits(*run, probe_x_, probe_y_);
}

void PointQueries::answer_cut(Experiment* run, bool usable) {
  cut_wanted_ = false;
  cut_dirty_ = true;
  cut_.valid = false;
  if (!cut_.active || !usable || run->dims() != 2) return;
  run->evaluate_at_points(cut_points(cut_.segment), cut_.fields);
  cut_.valid = cut_.fields.finite();
}

void PointQueries::answer_path(Experiment* run, bool usable, const ScenarioConfig& config) {
  path_wanted_ = false;
  path_dirty_ = true;
  path_.valid = false;
  path_.error.clear();
  if (!path_.active || !usable) return;
  if (config.data != DataKind::mnist) {
    path_.error = "a digit path needs the MNIST digits";
    return;
  }
  const DigitPathEnds ends = digit_path_ends(*run, config.mnist.digits, path_.digit_a, path_.digit_b, path_.pair);
  path_.class_a = ends.class_a, path_.class_b = ends.class_b;
  if (!ends.error.empty()) {
    path_.error = ends.error;
    return;
  }
  path_.test_a = ends.test_a, path_.test_b = ends.test_b;
  Result<DigitPath> path = digit_path(*run, path_.test_a, path_.test_b);
  if (!path.ok()) {
    path_.error = path.status.message;
    return;
  }
  path_.image_side = image_side(run->test_data());
  path_.images.clear();
  for (int s = 0; s < path.value.images.cols(); ++s) {
    std::vector<std::uint8_t> pixels(path.value.images.rows());
    for (Eigen::Index p = 0; p < path.value.images.rows(); ++p)
      pixels[p] = static_cast<std::uint8_t>(std::lround(255.0f * std::clamp(path.value.images(p, s), 0.0f, 1.0f)));
    path_.images.push_back(std::move(pixels));
  }
  path_.codes = path.value.codes;
  path_.fields = std::move(path.value.fields);
  path_.cosine_distance = std::move(path.value.cosine_distance);
  path_.valid = path_.fields.finite();
}

void PointQueries::answer_drawn(Experiment* run, bool usable) {
  drawn_wanted_ = false;
  drawn_dirty_ = true;
  drawn_.command = drawn_asked_;
  drawn_.active = !drawn_pixels_.empty();
  drawn_.valid = false;
  drawn_.error.clear();
  if (!drawn_.active || !usable) return;
  read_drawn_digit(*run, drawn_pixels_, drawn_);
}

}  // namespace catgeo
