// Colour maps: a viridis-like scale interpolated from 9 anchors, and an 8-colour class palette.
#include "app/colormap.h"

#include <cmath>

namespace catgeo {
namespace {

constexpr float kViridis[9][3] = {
    {0.267f, 0.005f, 0.329f}, {0.282f, 0.141f, 0.458f}, {0.254f, 0.265f, 0.530f},
    {0.207f, 0.372f, 0.553f}, {0.164f, 0.471f, 0.558f}, {0.128f, 0.567f, 0.551f},
    {0.135f, 0.659f, 0.518f}, {0.478f, 0.821f, 0.318f}, {0.993f, 0.906f, 0.144f}};

constexpr float kClasses[8][3] = {
    {0.90f, 0.30f, 0.30f}, {0.30f, 0.55f, 0.95f}, {0.35f, 0.80f, 0.35f}, {0.85f, 0.55f, 0.95f},
    {0.95f, 0.75f, 0.25f}, {0.30f, 0.85f, 0.85f}, {0.95f, 0.50f, 0.70f}, {0.70f, 0.70f, 0.70f}};

}  // namespace

void heat_rgb(double t, float rgb[3]) {
  if (!(t > 0.0)) t = 0.0;  // also NaN
  if (t > 1.0) t = 1.0;
  const double s = t * 8.0;
  const int i = s >= 8.0 ? 7 : static_cast<int>(s);
  const float f = static_cast<float>(s - i);
  for (int c = 0; c < 3; ++c) rgb[c] = kViridis[i][c] + f * (kViridis[i + 1][c] - kViridis[i][c]);
}

void class_rgb(int mu, float rgb[3]) {
  const float* c = kClasses[((mu % 8) + 8) % 8];
  rgb[0] = c[0];
  rgb[1] = c[1];
  rgb[2] = c[2];
}

ImU32 heat_color(double t, int alpha) {
  float rgb[3];
  heat_rgb(t, rgb);
  return IM_COL32(int(rgb[0] * 255), int(rgb[1] * 255), int(rgb[2] * 255), alpha);
}

ImU32 class_color(int mu, int alpha) {
  float rgb[3];
  class_rgb(mu, rgb);
  return IM_COL32(int(rgb[0] * 255), int(rgb[1] * 255), int(rgb[2] * 255), alpha);
}

ImVec4 class_color_vec(int mu) {
  float rgb[3];
  class_rgb(mu, rgb);
  return ImVec4(rgb[0], rgb[1], rgb[2], 1.0f);
}

}  // namespace catgeo
