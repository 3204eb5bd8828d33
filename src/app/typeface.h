// The labels' typeface (DejaVu Sans, cut by cmake/typeface.cmake): loaded into ImGui's font atlas at the device's
// pixel size, so text is sharp at any devicePixelRatio and lecture scale. Needs only ImGui.
#pragma once
#include "imgui.h"

namespace catgeo {

constexpr float kTypefaceCssPixels = 13.0f;  // the type size at font scale 1, in CSS pixels

// Device pixels the atlas should be rasterised at for a layout's font scale on a screen of this pixel ratio (whole
// pixels, so that a resize changes it only in steps).
int typeface_device_pixels(float font_scale, float pixel_ratio);
// Replaces the atlas's fonts with the typeface rasterised at device_pixels and builds it; the caller uploads the atlas
// (not between NewFrame and Render). Every code point the labels use is in it: Latin, Greek, sub- and superscripts,
// arrows and the mathematical operators.
void load_typeface(ImFontAtlas& atlas, int device_pixels);
// FontGlobalScale that draws the atlas's font at the layout's CSS size (whatever size the atlas was built at).
float typeface_global_scale(const ImFontAtlas& atlas, float font_scale);

}  // namespace catgeo
