// MNIST views: codes scatter, nearest-digit tooltip, digit atlas and the misclassified-digit gallery.
#include "app/mnist_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace catgeo {
namespace {

int image_side(const Dataset& data) {
  const int side = static_cast<int>(std::lround(std::sqrt(static_cast<double>(data.input_dim()))));
  return side * side == data.input_dim() ? side : 0;
}

ImU32 grey(float v) {
  const int g = static_cast<int>(std::lround(255.0f * std::min(1.0f, std::max(0.0f, v))));
  return IM_COL32(g, g, g, 255);
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

int class_digit(const Experiment& run, int label) {
  const std::vector<int>& digits = run.config().mnist.digits;
  if (run.config().data == DataKind::mnist && label >= 0 && label < static_cast<int>(digits.size()))
    return digits[label];
  return label;
}

void draw_code_scatter(ImDrawList* draw, const CodePlotArea& area, const Experiment& run, const MatrixF& codes,
                       float radius, int max_points) {
  const std::vector<int>& labels = run.train_data().labels;
  const int n = std::min(static_cast<int>(codes.cols()), static_cast<int>(labels.size()));
  if (!draw || codes.rows() != 2 || n == 0) return;
  const int stride = max_points > 0 && n > max_points ? (n + max_points - 1) / max_points : 1;
  ImU32 colour[10];
  for (int d = 0; d < 10; ++d) colour[d] = digit_colour(d, 200);
  draw->PushClipRect(area.p0, area.p1, true);
  for (int i = 0; i < n; i += stride) {
    const ImVec2 s = area.to_screen(codes(0, i), codes(1, i));
    if (!area.contains(s)) continue;
    const ImU32 c = colour[((class_digit(run, labels[i]) % 10) + 10) % 10];
    draw->AddRectFilled(ImVec2(s.x - radius, s.y - radius), ImVec2(s.x + radius, s.y + radius), c);
  }
  draw->PopClipRect();
}

void draw_digit_legend(const Experiment& run) {
  const int M = run.num_classes();
  for (int mu = 0; mu < M; ++mu) {
    if (mu > 0) ImGui::SameLine();
    const int d = class_digit(run, mu);
    ImGui::PushStyleColor(ImGuiCol_Text, digit_colour(d));
    ImGui::Text("%d", d);
    ImGui::PopStyleColor();
  }
}

std::vector<int> nearest_codes(const MatrixF& codes, double x, double y, int k) {
  const int n = static_cast<int>(codes.cols());
  k = std::max(0, std::min(k, n));
  std::vector<std::pair<double, int>> best;  // (squared distance, index), kept sorted, at most k
  best.reserve(k + 1);
  for (int i = 0; i < n && k > 0; ++i) {
    const double dx = codes(0, i) - x, dy = codes(1, i) - y;
    const double d2 = dx * dx + dy * dy;
    if (static_cast<int>(best.size()) == k && d2 >= best.back().first) continue;
    best.insert(std::upper_bound(best.begin(), best.end(), std::make_pair(d2, i)), std::make_pair(d2, i));
    if (static_cast<int>(best.size()) > k) best.pop_back();
  }
  std::vector<int> out;
  for (const auto& b : best) out.push_back(b.second);
  return out;
}

void draw_digit_image(ImDrawList* draw, const Dataset& data, int index, ImVec2 at, float pixel) {
  const int side = image_side(data);
  if (!draw || side == 0 || index < 0 || index >= data.size()) return;
  draw->AddRectFilled(at, ImVec2(at.x + side * pixel, at.y + side * pixel), IM_COL32(0, 0, 0, 255));
  for (int r = 0; r < side; ++r)
    for (int c = 0; c < side; ++c) {
      const float v = data.inputs(r * side + c, index);  // row-major pixels, one column per sample
      if (v <= 0.02f) continue;                            // the background is already black
      const ImVec2 a(at.x + c * pixel, at.y + r * pixel);
      draw->AddRectFilled(a, ImVec2(a.x + pixel, a.y + pixel), grey(v));
    }
}

bool draw_nearest_digits_tooltip(ImDrawList* draw, const CodePlotArea& area, const Experiment& run,
                                 const MatrixF& codes, int count) {
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const Dataset& train = run.train_data();
  if (!area.contains(mouse) || codes.rows() != 2 || codes.cols() != train.size() || image_side(train) == 0)
    return false;
  const double x = area.data_x(mouse.x), y = area.data_y(mouse.y);
  const std::vector<int> nearest = nearest_codes(codes, x, y, count);
  if (nearest.empty()) return false;
  if (draw)
    for (int i : nearest)
      draw->AddCircle(area.to_screen(codes(0, i), codes(1, i)), 4.0f, IM_COL32(255, 255, 255, 230), 12, 1.5f);

  const int side = image_side(train);
  const float pixel = 3.0f, tile = side * pixel, gap = 6.0f;
  const int columns = std::min(4, static_cast<int>(nearest.size()));
  ImGui::BeginTooltip();
  ImGui::Text("x = (%.2f, %.2f): the %d nearest training digits", x, y, static_cast<int>(nearest.size()));
  const float label_height = ImGui::GetTextLineHeight();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const int rows = (static_cast<int>(nearest.size()) + columns - 1) / columns;
  ImDrawList* tip = ImGui::GetWindowDrawList();
  for (size_t t = 0; t < nearest.size(); ++t) {
    const int i = nearest[t];
    const ImVec2 at(origin.x + (t % columns) * (tile + gap), origin.y + (t / columns) * (tile + label_height + gap));
    draw_digit_image(tip, train, i, at, pixel);
    const double dx = codes(0, i) - x, dy = codes(1, i) - y;
    char text[32];
    std::snprintf(text, sizeof text, "%d  %.2f", class_digit(run, train.labels[i]), std::sqrt(dx * dx + dy * dy));
    tip->AddText(ImVec2(at.x, at.y + tile + 1.0f), digit_colour(class_digit(run, train.labels[i])), text);
  }
  ImGui::Dummy(ImVec2(columns * (tile + gap), rows * (tile + label_height + gap)));
  ImGui::TextDisabled("label  distance in the projection space");
  ImGui::EndTooltip();
  return true;
}

void MisclassifiedGallery::refresh(const Experiment& run) {
  const double stamp = run.trainer().epoch_progress();
  if (run_ == &run && stamp_ == stamp) return;
  run_ = &run;
  stamp_ = stamp;
  items_.clear();
  total_ = 0;
  const Dataset& test = run.test_data();
  if (test.size() == 0) return;
  run.network().predict(test.inputs, probabilities_);
  for (int i = 0; i < test.size(); ++i) {
    Eigen::Index best;
    const float p = probabilities_.col(i).maxCoeff(&best);
    if (static_cast<int>(best) == test.labels[i]) continue;
    ++total_;
    if (static_cast<int>(items_.size()) < kMaxShown)
      items_.push_back({i, test.labels[i], static_cast<int>(best), p});
  }
}

void MisclassifiedGallery::draw_window(const Experiment& run, bool* open, float pixel) {
  if (open && !*open) return;
  refresh(run);
  ImGui::SetNextWindowSize(ImVec2(440, 420), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Misclassified test digits", open)) {
    ImGui::End();
    return;
  }
  const Dataset& test = run.test_data();
  const int side = image_side(test);
  ImGui::Text("%d of %d test digits misclassified; the first %d (true -> predicted, confidence):", total_,
              test.size(), static_cast<int>(items_.size()));
  if (side == 0 || items_.empty()) {
    ImGui::TextDisabled(side == 0 ? "(these data are not images)" : "(none)");
    ImGui::End();
    return;
  }
  const float tile = side * pixel, gap = 8.0f, label_height = ImGui::GetTextLineHeight();
  const float cell_w = std::max(tile, ImGui::CalcTextSize("9 -> 9").x) + gap;
  const float cell_h = tile + 2.0f * label_height + gap;
  const int columns = std::max(1, static_cast<int>((ImGui::GetContentRegionAvail().x + gap) / cell_w));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (size_t t = 0; t < items_.size(); ++t) {
    const MisclassifiedDigit& m = items_[t];
    const ImVec2 at(origin.x + (t % columns) * cell_w, origin.y + (t / columns) * cell_h);
    draw_digit_image(draw, test, m.test_index, at, pixel);
    char text[32];
    std::snprintf(text, sizeof text, "%d -> %d", class_digit(run, m.true_label), class_digit(run, m.predicted_label));
    draw->AddText(ImVec2(at.x, at.y + tile + 1.0f), digit_colour(class_digit(run, m.predicted_label)), text);
    std::snprintf(text, sizeof text, "%.0f%%", 100.0 * m.confidence);
    draw->AddText(ImVec2(at.x, at.y + tile + 1.0f + label_height), IM_COL32(160, 160, 160, 255), text);
    if (ImGui::IsMouseHoveringRect(at, ImVec2(at.x + tile, at.y + tile)))
      ImGui::SetTooltip("test digit #%d: true %d, predicted %d (p = %.3f)", m.test_index,
                        class_digit(run, m.true_label), class_digit(run, m.predicted_label), m.confidence);
  }
  const int rows = (static_cast<int>(items_.size()) + columns - 1) / columns;
  ImGui::Dummy(ImVec2(columns * cell_w, rows * cell_h));
  ImGui::End();
}

}  // namespace catgeo
