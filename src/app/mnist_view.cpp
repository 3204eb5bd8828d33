// MNIST views: codes scatter, nearest-digit read-out and the misclassified-digit gallery, from the engine's snapshot.
#include "app/mnist_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/label_audit.h"

namespace catgeo {
namespace {

constexpr int kMaxScatterPoints = 8000;  // codes drawn per frame (an even stride beyond)

int side_of(const std::vector<std::uint8_t>& pixels) {
  const int side = static_cast<int>(std::lround(std::sqrt(static_cast<double>(pixels.size()))));
  return side * side == static_cast<int>(pixels.size()) ? side : 0;
}

}  // namespace

ImU32 digit_colour(int digit, int alpha) {
  // Tableau 10: distinct in hue and lightness, readable on the dark ImGui background.
  static const unsigned char kPalette[10][3] = {{31, 119, 180}, {255, 127, 14}, {44, 160, 44},  {214, 39, 40},
                                                {148, 103, 189}, {140, 86, 75}, {227, 119, 194}, {127, 127, 127},
                                                {188, 189, 34},  {23, 190, 207}};
  const unsigned char* c = kPalette[((digit % 10) + 10) % 10];
  return IM_COL32(c[0], c[1], c[2], std::min(255, std::max(0, alpha)));
}

void draw_digit_image(ImDrawList* draw, const std::vector<std::uint8_t>& pixels, int side, ImVec2 at, float pixel) {
  if (!draw || side == 0 || static_cast<int>(pixels.size()) != side * side) return;
  draw->AddRectFilled(at, ImVec2(at.x + side * pixel, at.y + side * pixel), IM_COL32(0, 0, 0, 255));
  for (int r = 0; r < side; ++r)
    for (int c = 0; c < side; ++c) {
      const int v = pixels[r * side + c];
      if (v <= 5) continue;  // the background is already black
      const ImVec2 a(at.x + c * pixel, at.y + r * pixel);
      draw->AddRectFilled(a, ImVec2(a.x + pixel, a.y + pixel), IM_COL32(v, v, v, 255));
    }
}

void CodeScatter::draw(const PlotFrame& frame, const RunView& view, TextureStore& textures) {
  const Eigen::MatrixXf& codes = view.samples;  // (2, n)
  const int n = std::min(static_cast<int>(codes.cols()), static_cast<int>(view.sample_labels.size()));
  if (codes.rows() != 2 || n == 0) return;
  // Rasterised at the plot's device-pixel size whenever the codes, the extent or the size change.
  const float scale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
  const int w = std::max(1, static_cast<int>(std::lround(frame.width() * scale)));
  const int h = std::max(1, static_cast<int>(std::lround(frame.height() * scale)));
  const double extent[4] = {frame.lo[0], frame.hi[0], frame.lo[1], frame.hi[1]};
  if (samples_version_ != view.samples_version || width_ != w || height_ != h ||
      !std::equal(extent, extent + 4, extent_)) {
    samples_version_ = view.samples_version;
    width_ = w;
    height_ = h;
    std::copy(extent, extent + 4, extent_);
    pixels_.assign(static_cast<std::size_t>(w) * h, 0u);
    const int stride = n > kMaxScatterPoints ? (n + kMaxScatterPoints - 1) / kMaxScatterPoints : 1;
    const int r = std::max(1, static_cast<int>(std::lround(1.5f * scale)));  // a 3-CSS-pixel dot
    for (int i = 0; i < n; i += stride) {
      const ImVec2 p = frame.to_screen(codes(0, i), codes(1, i));
      const int cx = static_cast<int>((p.x - frame.p0.x) * scale), cy = static_cast<int>((p.y - frame.p0.y) * scale);
      const ImU32 c = digit_colour(view.class_digit(view.sample_labels[i]), 200);  // RGBA bytes in memory order
      for (int y = std::max(0, cy - r); y < std::min(h, cy + r); ++y)
        for (int x = std::max(0, cx - r); x < std::min(w, cx + r); ++x)
          pixels_[static_cast<std::size_t>(y) * w + x] = c;
    }
    texture_ = textures.upload(kSlotCodeScatter, w, h, pixels_.data());
  }
  if (texture_) ImGui::GetWindowDrawList()->AddImage(texture_, frame.p0, frame.p1);
}

void draw_nearest_digits(const PlotFrame& frame, double x, double y, const ProbeResult* probe, const RunView& view) {
  if (!probe || probe->nearest.empty()) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const Eigen::MatrixXf& codes = view.samples;
  for (const NearestDigit& d : probe->nearest)
    if (d.index < codes.cols())
      draw->AddCircle(frame.to_screen(codes(0, d.index), codes(1, d.index)), 4.0f, IM_COL32(255, 255, 255, 230), 12,
                      1.5f);
  const int side = side_of(probe->nearest.front().pixels);
  const float pixel = 3.0f, tile = side * pixel, gap = 6.0f;
  const int count = static_cast<int>(probe->nearest.size());
  const int columns = std::min(4, count);
  ImGui::BeginTooltip();
  ImGui::Text("x = (%.2f, %.2f): the %d nearest training digits", x, y, count);
  const float label_height = ImGui::GetTextLineHeight();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const int rows = (count + columns - 1) / columns;
  ImDrawList* tip = ImGui::GetWindowDrawList();
  for (int t = 0; t < count; ++t) {
    const NearestDigit& d = probe->nearest[t];
    const ImVec2 at(origin.x + (t % columns) * (tile + gap), origin.y + (t / columns) * (tile + label_height + gap));
    draw_digit_image(tip, d.pixels, side, at, pixel);
    char text[32];
    std::snprintf(text, sizeof text, "%d  %.2f", view.class_digit(d.label), d.distance);
    tip->AddText(ImVec2(at.x, at.y + tile + 1.0f), digit_colour(view.class_digit(d.label)), text);
  }
  ImGui::Dummy(ImVec2(columns * (tile + gap), rows * (tile + label_height + gap)));
  ImGui::TextDisabled("label  distance in the projection space");
  ImGui::EndTooltip();
}

void draw_gallery(const RunView& view) {
  const float pixel = 2.0f;
  const int side = view.image_side;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::Text("%d of %d test digits misclassified; the first %d (true → predicted, confidence):",
              view.gallery_total, view.test_size, static_cast<int>(view.gallery.size()));
  ImGui::PopTextWrapPos();
  if (side == 0 || view.gallery.empty()) {
    ImGui::TextDisabled(side == 0 ? "(these data are not images)" : "(none)");
    return;
  }
  const float tile = side * pixel, gap = 8.0f, label_height = ImGui::GetTextLineHeight();
  const float cell_w = std::max(tile, ImGui::CalcTextSize("9 → 9").x) + gap;
  const float cell_h = tile + 2.0f * label_height + gap;
  const int columns = std::max(1, static_cast<int>((ImGui::GetContentRegionAvail().x + gap) / cell_w));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (size_t t = 0; t < view.gallery.size(); ++t) {
    const MisclassifiedDigit& m = view.gallery[t];
    const ImVec2 at(origin.x + (t % columns) * cell_w, origin.y + (t / columns) * cell_h);
    draw_digit_image(draw, m.pixels, side, at, pixel);
    const int truth = view.class_digit(m.true_label), predicted = view.class_digit(m.predicted_label);
    char text[32];
    std::snprintf(text, sizeof text, "%d → %d", truth, predicted);
    draw_label(draw, ImVec2(at.x, at.y + tile + 1.0f), digit_colour(predicted), text);
    std::snprintf(text, sizeof text, "%.0f%%", 100.0 * m.confidence);
    draw_label(draw, ImVec2(at.x, at.y + tile + 1.0f + label_height), IM_COL32(160, 160, 160, 255), text);
    if (ImGui::IsMouseHoveringRect(at, ImVec2(at.x + tile, at.y + tile)))
      ImGui::SetTooltip("test digit #%d: true %d, predicted %d (p = %.3f)", m.test_index, truth, predicted,
                        m.confidence);
  }
  const int rows = (static_cast<int>(view.gallery.size()) + columns - 1) / columns;
  ImGui::Dummy(ImVec2(columns * cell_w - gap, rows * cell_h));  // no gap after the last column
}

}  // namespace catgeo
