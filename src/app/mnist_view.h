// MNIST pieces of the view, drawn with ImDrawList: digit colours and digit images from the engine's pixels. The
// code scatter, the nearest-digit read-out and the misclassified-digit gallery are App methods (mnist_view.cpp).
#pragma once
#include <cstdint>
#include <vector>

#include "imgui.h"

namespace catgeo {

// Colour of a digit 0..9 (a fixed 10-colour palette, the same in every view), with alpha 0..255.
ImU32 digit_colour(int digit, int alpha = 255);

// Draws a side x side grey image (row-major, 0..255, white ink on black) with its top-left corner at `at`,
// `pixel` screen pixels per image pixel.
void draw_digit_image(ImDrawList* draw, const std::vector<std::uint8_t>& pixels, int side, ImVec2 at, float pixel);

}  // namespace catgeo
