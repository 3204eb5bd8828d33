// Confusion matrix, misclassified-digit gallery, points to draw and nearest digits of a run (see run_digest.h).
#include "engine/run_digest.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace catgeo {
namespace {

std::vector<std::uint8_t> image_pixels(const Dataset& data, int index, int side) {
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(side) * side);
  for (int p = 0; p < side * side; ++p) {
    const float v = std::clamp(data.inputs(p, index), 0.0f, 1.0f);  // row-major pixels, one column per sample
    pixels[p] = static_cast<std::uint8_t>(std::lround(255.0f * v));
  }
  return pixels;
}

}  // namespace

int image_side(const Dataset& data) {
  const int side = static_cast<int>(std::lround(std::sqrt(static_cast<double>(data.input_dim()))));
  return side > 2 && side * side == data.input_dim() ? side : 0;
}

RunDigest start_digest(const Experiment& run) {
  RunDigest d;
  const int M = run.num_classes();
  d.confusion.assign(M, std::vector<int>(M, 0));
  return d;
}

void digest_samples(const Experiment& run, int begin, int end, RunDigest& d) {
  const Dataset& test = run.test_data();
  if (end <= begin) return;
  MatrixF probabilities;  // (M, end - begin)
  run.network().predict(test.inputs.middleCols(begin, end - begin), probabilities);
  const int side = run.network().projection_layer() >= 0 ? image_side(test) : 0;
  for (int i = begin; i < end; ++i) {
    Eigen::Index best;
    const float p = probabilities.col(i - begin).maxCoeff(&best);
    ++d.confusion[test.labels[i]][best];
    if (side == 0 || static_cast<int>(best) == test.labels[i]) continue;
    ++d.gallery_total;
    if (static_cast<int>(d.gallery.size()) < kGalleryMaxShown)
      d.gallery.push_back({i, test.labels[i], static_cast<int>(best), p, image_pixels(test, i, side)});
  }
}

void training_samples(Experiment& run, Eigen::MatrixXf& points, std::vector<int>& labels) {
  const Dataset& train = run.train_data();
  if (run.config().data == DataKind::drawn_points && run.dims() == 2) {  // the 2-D view draws the configured points
    points.resize(2, 0);
    labels.clear();
    return;
  }
  if (run.network().projection_layer() >= 0) {
    points = run.training_codes();
    labels = train.labels;
    return;
  }
  const int n = train.size();
  const int shown = run.dims() == 1 ? n : std::min(n, kMaxSamplesShown2d);
  const double step = shown > 0 ? static_cast<double>(n) / shown : 1.0;
  points.resize(train.input_dim(), shown);
  labels.resize(shown);
  for (int k = 0; k < shown; ++k) {
    const int j = static_cast<int>(k * step);
    points.col(k) = train.inputs.col(j);
    labels[k] = train.labels[j];
  }
}

std::vector<NearestDigit> nearest_digits(Experiment& run, double x, double y) {
  std::vector<NearestDigit> out;
  const Dataset& train = run.train_data();
  const int side = image_side(train);
  if (run.network().projection_layer() < 0 || side == 0) return out;
  const MatrixF& codes = run.training_codes();  // (2, n)
  std::vector<std::pair<double, int>> best;       // (squared distance, index), sorted, at most kNearestDigits
  for (int i = 0; i < static_cast<int>(codes.cols()); ++i) {
    const double dx = codes(0, i) - x, dy = codes(1, i) - y;
    const double d2 = dx * dx + dy * dy;
    if (static_cast<int>(best.size()) == kNearestDigits && d2 >= best.back().first) continue;
    best.insert(std::upper_bound(best.begin(), best.end(), std::make_pair(d2, i)), std::make_pair(d2, i));
    if (static_cast<int>(best.size()) > kNearestDigits) best.pop_back();
  }
  for (const auto& [d2, i] : best)
    out.push_back({i, train.labels[i], static_cast<float>(std::sqrt(d2)), image_pixels(train, i, side)});
  return out;
}

}  // namespace catgeo
