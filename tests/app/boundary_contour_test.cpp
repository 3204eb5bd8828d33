// Reference boundary lines: drawn where the classes meet, never along the edge of a KDE reference's reach.
#include <vector>

#include "app/boundary_contour.h"
#include "core/geometry/drawn_reference.h"
#include "core/geometry/grid_fields.h"
#include "core/link/share_link.h"
#include "test.h"

using namespace catgeo;

namespace {

// The boundary segments of a drawn link's KDE reference on its grid.
std::vector<float> reference_boundary(const char* link) {
  const ScenarioConfig config = decode_share_link(link).config;
  const Result<Dataset> data = drawn_points_dataset(config);
  CHECK_MESSAGE(data.ok(), data.status.message);
  const Result<KdePosterior> kde = drawn_points_reference(config, data.value);
  GridFields fields;
  fields.reshape(config.grid, kde.value.num_classes());
  evaluate_reference_fields(kde.value, fields);
  std::vector<float> segments;
  boundary_segments(fields.reference_posterior, fields.grid, segments);
  return segments;
}

}  // namespace

TEST_CASE("boundary_is_not_drawn_where_the_kde_reference_is_undefined") {
  // Two clusters of 3 points 1.4 apart, beyond the kernels' reach: the posterior is 1 near each cluster and undefined
  // between them, so there is no boundary to draw (it used to ring one cluster).
  CHECK(reference_boundary("scenario=drawn&pts=APgA-ABm9pr5AJr5ZvYAAAgACAGaCWYGAWYGmgkB").empty());
  // Points of two classes side by side: a boundary between them, and only there (every segment between the columns).
  const ScenarioConfig two = decode_share_link("scenario=E5").config;
  ScenarioConfig drawn = two;
  drawn.id = "drawn";
  drawn.data = DataKind::drawn_points;
  drawn.classes.clear();
  for (int i = 0; i < 8; ++i) {
    drawn.points.push_back(quantize_for_link({{-0.1, -0.7 + 0.2 * i}, 0}));
    drawn.points.push_back(quantize_for_link({{0.1, -0.7 + 0.2 * i}, 1}));
  }
  const std::vector<float> segments = reference_boundary(("#" + encode_share_link(drawn)).c_str());
  CHECK(!segments.empty());
  for (std::size_t k = 0; k < segments.size(); k += 2)
    CHECK_MESSAGE((segments[k] > -0.1f && segments[k] < 0.1f), "segment end at x = " << segments[k]);
}
