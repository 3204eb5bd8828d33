// The ellipse glyphs of the 2-D maps in the sensitivity convention: half-axes along the eigenvectors of a 2x2 Fisher
// information, proportional to sqrt(lambda_i / the map's largest lambda_max in the data region). Needs only ImGui.
#pragma once
#include <Eigen/Core>
#include <vector>

#include "core/geometry/grid_fields.h"
#include "imgui.h"

namespace catgeo {

// An ellipse centred at c with half-axes a (along `angle`, radians from the x axis, y up) and b (screen px).
void draw_glyph_ellipse(ImDrawList* dl, ImVec2 c, float a, float b, double angle, ImU32 color, float thickness);

// The scale of a map's glyphs: half_axis is the longer half-axis (px) of an ellipse whose lambda_max is lambda_ref,
// the largest lambda_max of `eigen` (3, P) (fields.fcat_eigen or fcode_eigen) in the data region `mask` (P);
// lambda_ref is 0 when none is positive. The glyphs sit on every stride-th grid point.
struct GlyphScale {
  int stride = 1;          // grid points between two glyphs
  float half_axis = 0.0f;  // px
  double lambda_ref = 0.0;
};
GlyphScale glyph_scale(const GridFields& fields, const Eigen::MatrixXd& eigen, const std::vector<unsigned char>& mask,
                       float map_width);

}  // namespace catgeo
