// digit_pad: MNIST's size normalisation and centring, the data's pooling, the network at the drawing's code.
#include "core/run/digit_pad.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/base/check.h"

namespace catgeo {
namespace {

constexpr int kSupersample = 4;  // samples per output pixel and axis

float clean(float v) { return std::isfinite(v) ? std::clamp(v, 0.0f, 1.0f) : 0.0f; }

// Bilinear value of the pad at a continuous point (pixel i spans [i, i+1)); zero outside.
double sample(const std::vector<float>& pad, double row, double col) {
  const double r = row - 0.5, c = col - 0.5;
  const int r0 = static_cast<int>(std::floor(r)), c0 = static_cast<int>(std::floor(c));
  const double fr = r - r0, fc = c - c0;
  const auto at = [&](int i, int j) {
    return i < 0 || j < 0 || i >= kPadSide || j >= kPadSide ? 0.0 : static_cast<double>(pad[i * kPadSide + j]);
  };
  return (1 - fr) * ((1 - fc) * at(r0, c0) + fc * at(r0, c0 + 1)) +
         fr * ((1 - fc) * at(r0 + 1, c0) + fc * at(r0 + 1, c0 + 1));
}

// The pad `scale` times larger, its point (row0, col0) (pixel i spans [i, i + 1)) moved to (out_row, out_col).
std::vector<float> resample(const std::vector<float>& in, double row0, double col0, double out_row, double out_col,
                            double scale) {
  std::vector<float> out(in.size());
  for (int i = 0; i < kPadSide; ++i)
    for (int j = 0; j < kPadSide; ++j) {
      double sum = 0.0;
      for (int a = 0; a < kSupersample; ++a)
        for (int b = 0; b < kSupersample; ++b) {
          const double row = i + (a + 0.5) / kSupersample, col = j + (b + 0.5) / kSupersample;
          sum += sample(in, row0 + (row - out_row) / scale, col0 + (col - out_col) / scale);
        }
      out[i * kPadSide + j] = clean(static_cast<float>(sum / (kSupersample * kSupersample)));
    }
  return out;
}

}  // namespace

std::vector<float> centre_like_mnist(const std::vector<float>& pad) {
  CATGEO_CHECK(static_cast<int>(pad.size()) == kPadPixels, "centre_like_mnist: the pad has 28 x 28 values");
  std::vector<float> in(pad.size());
  std::transform(pad.begin(), pad.end(), in.begin(), clean);
  double mass = 0.0;
  int top = kPadSide, bottom = -1, left = kPadSide, right = -1;  // box of the pixels >= 0.5
  for (int i = 0; i < kPadSide; ++i)
    for (int j = 0; j < kPadSide; ++j) {
      const double v = in[i * kPadSide + j];
      mass += v;
      if (v >= 0.5)
        top = std::min(top, i), bottom = std::max(bottom, i), left = std::min(left, j), right = std::max(right, j);
    }
  if (mass <= 0.0) return in;
  if (bottom < 0) top = left = 0, bottom = right = kPadSide - 1;  // faint ink only: centred, not scaled
  const int height = bottom - top + 1, width = right - left + 1;
  const double scale = static_cast<double>(kMnistBox) / std::max(height, width);
  // As MNIST: the box scaled into a 20x20 frame (here at pixels 4-23, the shorter side in its middle), then the image
  // moved by whole pixels to put its centre of mass at the centre of pixel 14.
  const double frame = 0.5 * (kPadSide - kMnistBox);
  double out_row = frame + 0.5 * (kMnistBox - scale * height), out_col = frame + 0.5 * (kMnistBox - scale * width);
  const std::vector<float> framed = resample(in, top, left, out_row, out_col, scale);
  double m = 0.0, m_row = 0.0, m_col = 0.0;
  for (int i = 0; i < kPadSide; ++i)
    for (int j = 0; j < kPadSide; ++j) {
      const double v = framed[i * kPadSide + j];
      m += v, m_row += v * (i + 0.5), m_col += v * (j + 0.5);
    }
  if (m <= 0.0) return framed;
  out_row += std::round(kMnistCentre - m_row / m), out_col += std::round(kMnistCentre - m_col / m);
  return resample(in, top, left, out_row, out_col, scale);
}

MatrixF pool_pad(const std::vector<float>& pad, int side) {
  CATGEO_CHECK(static_cast<int>(pad.size()) == kPadPixels, "pool_pad: the pad has 28 x 28 values");
  CATGEO_CHECK(side > 0 && kPadSide % side == 0, "pool_pad: side must divide 28");
  const int factor = kPadSide / side, area = factor * factor;
  MatrixF pooled(side * side, 1);  // (side * side, 1)
  for (int r = 0; r < side; ++r)
    for (int c = 0; c < side; ++c) {
      int sum = 0;
      for (int dr = 0; dr < factor; ++dr)
        for (int dc = 0; dc < factor; ++dc)
          sum += static_cast<int>(std::lround(255.0f * clean(pad[(r * factor + dr) * kPadSide + c * factor + dc])));
      pooled(r * side + c, 0) = static_cast<float>((sum + area / 2) / area) / 255.0f;
    }
  return pooled;
}

Result<DrawnDigit> drawn_digit(Experiment& run, const std::vector<float>& pad) {
  using R = Result<DrawnDigit>;
  if (static_cast<int>(pad.size()) != kPadPixels) return R::fail("the pad sends 28 x 28 pixels");
  const Mlp& net = run.network();
  const int side = static_cast<int>(std::lround(std::sqrt(static_cast<double>(net.input_dim()))));
  if (net.projection_layer() < 0 || side * side != net.input_dim() || side < 1 || kPadSide % side != 0)
    return R::fail("a drawn digit needs a network on MNIST images");
  float ink = 0.0f;
  for (float v : pad) ink += clean(v);
  if (ink < kPadMinInk) return R::fail("draw a digit on the pad");
  DrawnDigit digit;
  digit.input = pool_pad(centre_like_mnist(pad), side);
  MatrixF code;  // (K, 1)
  net.project(digit.input, code);
  digit.code = code.cast<double>();
  run.evaluate_at_points(digit.code, digit.fields);
  Eigen::Index best = 0;
  digit.fields.network_posterior.col(0).maxCoeff(&best);
  digit.predicted = static_cast<int>(best);
  return {std::move(digit), Status::success()};
}

}  // namespace catgeo
