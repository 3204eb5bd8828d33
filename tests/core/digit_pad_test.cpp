// The digit pad: a blank pad is refused with a message, the pooling is the data's (a test digit upsampled to 28x28
// pools back to itself exactly), the centring is MNIST's (centre of mass at 14.5, box 20), the results are the
// network's at the drawing, and for a trained network a test digit drawn on the pad lands by its own code.
#include "core/run/digit_pad.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/data/mnist_asset.h"
#include "core/config/scenarios.h"
#include "mnist_run.h"
#include "test.h"
#include "test_assets.h"

namespace {

// A 14x14 test digit drawn on the pad: each pixel a 2x2 block.
std::vector<float> upsampled(const catgeo::Dataset& data, int index) {
  std::vector<float> pad(catgeo::kPadPixels);
  for (int i = 0; i < catgeo::kPadSide; ++i)
    for (int j = 0; j < catgeo::kPadSide; ++j) pad[i * catgeo::kPadSide + j] = data.inputs((i / 2) * 14 + j / 2, index);
  return pad;
}

// A filled rectangle of ink, rows [top, bottom) and columns [left, right).
std::vector<float> rectangle(int top, int bottom, int left, int right) {
  std::vector<float> pad(catgeo::kPadPixels, 0.0f);
  for (int i = top; i < bottom; ++i)
    for (int j = left; j < right; ++j) pad[i * catgeo::kPadSide + j] = 1.0f;
  return pad;
}

void centre_and_box(const std::vector<float>& pad, double& row, double& col, int& box) {
  double mass = 0, mr = 0, mc = 0;
  int top = 99, bottom = -1, left = 99, right = -1;
  for (int i = 0; i < catgeo::kPadSide; ++i)
    for (int j = 0; j < catgeo::kPadSide; ++j) {
      const double v = pad[i * catgeo::kPadSide + j];
      mass += v, mr += v * (i + 0.5), mc += v * (j + 0.5);
      if (v >= 0.5)
        top = std::min(top, i), bottom = std::max(bottom, i), left = std::min(left, j), right = std::max(right, j);
    }
  row = mr / mass, col = mc / mass;
  box = std::max(bottom - top + 1, right - left + 1);
}

}  // namespace

TEST_CASE("digit_pad_pools_like_the_data_and_centres_like_mnist") {
  // Shapes and the value range.
  const std::vector<float> blank(catgeo::kPadPixels, 0.0f);
  CHECK((catgeo::pool_pad(blank, 14).rows() == 196 && catgeo::pool_pad(blank, 14).cols() == 1));
  CHECK(catgeo::pool_pad(blank, 7).rows() == 49);
  CHECK(catgeo::centre_like_mnist(blank) == blank);
  std::vector<float> wild = rectangle(3, 9, 4, 7);
  wild[0] = 7.0f, wild[1] = -2.0f, wild[2] = std::nanf("");
  const catgeo::MatrixF pooled = catgeo::pool_pad(wild, 14);
  CHECK((pooled.allFinite() && pooled.minCoeff() >= 0.0f && pooled.maxCoeff() <= 1.0f));
  CHECK_NEAR(pooled(0, 0), 64.0f / 255.0f, 1e-6);  // 7 -> 1, -2 -> 0: (255 + 0 + 0 + 0 + 2) div 4 = 64
  // MNIST's centring: a small block in a corner and a large one elsewhere come out the same, box 20 at (14.5, 14.5).
  const std::vector<float> small = catgeo::centre_like_mnist(rectangle(1, 11, 2, 7));    // 10 x 5
  const std::vector<float> large = catgeo::centre_like_mnist(rectangle(4, 28, 10, 22));  // 24 x 12
  double row, col;
  int box;
  centre_and_box(small, row, col, box);
  CHECK_NEAR(row, catgeo::kMnistCentre, 0.5);  // moved by whole pixels, as MNIST
  CHECK_NEAR(col, catgeo::kMnistCentre, 0.5);
  CHECK_MESSAGE(box == catgeo::kMnistBox, "box " << box);
  double difference = 0.0, ink = 0.0;
  for (int p = 0; p < catgeo::kPadPixels; ++p) difference += std::fabs(small[p] - large[p]), ink += large[p];
  // The same picture but for the edges, which magnifying (x2) blurs more than shrinking (x0.83).
  CHECK_MESSAGE(difference < 0.1 * ink, "summed difference " << difference << " of " << ink);
}

TEST_CASE("digit_pad_is_the_network_at_the_drawing") {
  auto run = catgeo::test::mnist_run({0, 1}, 0);
  if (!run) return;
  // Blank: a message for the user, no numbers.
  auto blank = catgeo::drawn_digit(*run, std::vector<float>(catgeo::kPadPixels, 0.0f));
  CHECK((!blank.ok() && blank.status.message == "draw a digit on the pad"));
  CHECK(!catgeo::drawn_digit(*run, std::vector<float>(10, 1.0f)).ok());
  // A test digit on the pad pools back to itself exactly (before the centring moves it).
  const catgeo::Dataset& test = run->test_data();
  for (int i = 0; i < 20; ++i) CHECK(catgeo::pool_pad(upsampled(test, i), 14) == test.inputs.col(i));
  // The result is the network's at the pooled drawing: shapes, posterior, code, F_code.
  auto drawn = catgeo::drawn_digit(*run, upsampled(test, 0));
  CHECK_MESSAGE(drawn.ok(), drawn.status.message);
  if (!drawn.ok()) return;
  const catgeo::DrawnDigit& d = drawn.value;
  CHECK((d.input.rows() == 196 && d.input.cols() == 1 && d.code.rows() == 2 && d.code.cols() == 1));
  CHECK((d.fields.size() == 1 && d.fields.fcode.rows() == 3 && d.fields.network_posterior.rows() == 2));
  catgeo::MatrixF probabilities, code;
  run->network().predict(d.input, probabilities);
  run->network().project(d.input, code);
  CHECK_NEAR(d.fields.network_posterior(0, 0), probabilities(0, 0), 1e-5);
  CHECK_NEAR(d.code(1, 0), code(1, 0), 1e-9);
  CHECK(d.predicted == (probabilities(1, 0) > probabilities(0, 0) ? 1 : 0));
  catgeo::GridFields at;
  run->evaluate_at_points(d.code, at);
  CHECK_NEAR(at.fcode(1, 0), d.fields.fcode(1, 0), 1e-9 * std::fabs(at.fcode(0, 0)) + 1e-12);
  // Refused without a learned projection of images.
  auto mixture = catgeo::Experiment::create(catgeo::scenario_preset("E5").value);
  CHECK((mixture.ok() && !catgeo::drawn_digit(*mixture.value, upsampled(test, 0)).ok()));
}

TEST_CASE("science_digit_pad_test_digits_drawn_on_the_pad_land_by_their_own_codes" * SLOW) {
  auto run = catgeo::test::mnist_run({0, 1}, 3);
  if (!run) return;
  const catgeo::Dataset& test = run->test_data();
  const int n = 40;
  catgeo::MatrixF codes;  // (2, n)
  run->network().project(test.inputs.leftCols(n), codes);
  const double spread = (codes.colwise() - codes.rowwise().mean()).norm() / std::sqrt(static_cast<double>(n));
  int agree = 0;
  std::vector<double> pixels, distances;  // per digit: mean |pooled pixel difference|, code distance
  for (int i = 0; i < n; ++i) {
    auto drawn = catgeo::drawn_digit(*run, upsampled(test, i));
    CHECK_MESSAGE(drawn.ok(), drawn.status.message);
    if (!drawn.ok()) return;
    agree += drawn.value.predicted == test.labels[i];
    pixels.push_back((drawn.value.input - test.inputs.col(i)).cwiseAbs().mean());
    distances.push_back((drawn.value.code - codes.col(i).cast<double>()).norm());
  }
  std::sort(pixels.begin(), pixels.end());
  std::sort(distances.begin(), distances.end());
  // The centring moves a digit by whole 28-pixels (half a pooled pixel) and rescales its box (the upsampled box is
  // quantised to even lengths), so the pixels change somewhat; the code, what the maps show, hardly.
  std::printf(
      "    %d of %d test digits drawn on the pad keep their class; mean |pixel difference| median %.3f, worst "
      "%.3f; code distance median %.3f, worst %.3f (rms code spread %.3f)\n",
      agree, n, pixels[n / 2], pixels.back(), distances[n / 2], distances.back(), spread);
  CHECK(agree >= n - 1);
  CHECK((distances[n / 2] < 0.1 * spread && distances.back() < 0.25 * spread));
}
