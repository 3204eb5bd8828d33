// Activations against their closed forms, and the fused bias + activation pass against the scalar functions.
#include <cmath>
#include <limits>

#include "core/nn/activation.h"
#include "test.h"

using namespace catgeo;

TEST_CASE("sigmoid_matches_the_closed_form") {
  double worst_relative = 0.0;
  for (int i = -40000; i <= 40000; ++i) {
    const float z = 0.001f * static_cast<float>(i);  // [-40, 40]
    const double exact = 1.0 / (1.0 + std::exp(-static_cast<double>(z)));
    worst_relative = std::fmax(worst_relative, std::fabs(sigmoid(z) - exact) / exact);
  }
  CHECK_MESSAGE(worst_relative < 5e-7, "worst relative error " << worst_relative);
  CHECK(sigmoid(std::numeric_limits<float>::infinity()) == 1.0f);
  CHECK(sigmoid(-std::numeric_limits<float>::infinity()) < 1e-37f);
  CHECK(sigmoid(-std::numeric_limits<float>::infinity()) >= 0.0f);
  CHECK(std::isnan(sigmoid(std::numeric_limits<float>::quiet_NaN())));
}

TEST_CASE("tanh_approx_matches_the_closed_form") {
  double worst_absolute = 0.0, worst_relative_small = 0.0;
  for (int i = -20000; i <= 20000; ++i) {
    const float z = 0.001f * static_cast<float>(i);  // [-20, 20]
    const double exact = std::tanh(static_cast<double>(z));
    const double error = std::fabs(tanh_approx(z) - exact);
    worst_absolute = std::fmax(worst_absolute, error);
    if (z != 0.0f && std::fabs(z) < 1.0f) worst_relative_small = std::fmax(worst_relative_small, error / std::fabs(exact));
  }
  CHECK_MESSAGE(worst_absolute < 1e-6, "worst absolute error " << worst_absolute);
  CHECK_MESSAGE(worst_relative_small < 1e-6, "worst relative error on (-1, 1) " << worst_relative_small);
  CHECK(tanh_approx(1e-5f) == 1e-5f);
  CHECK(std::fabs(tanh_approx(std::numeric_limits<float>::infinity()) - 1.0f) < 1e-7f);
  CHECK(std::isnan(tanh_approx(std::numeric_limits<float>::quiet_NaN())));
}

TEST_CASE("fused_bias_activation_equals_the_scalar_functions_bit_for_bit") {
  // 11 rows: two full f32x4 groups in WASM and a 3-row scalar tail, which must agree exactly.
  const int rows = 11, cols = 5;
  VectorF bias(rows);
  MatrixF z(rows, cols);
  for (int i = 0; i < rows; ++i) bias(i) = 0.37f * static_cast<float>(i) - 2.0f;
  for (int j = 0; j < cols; ++j)
    for (int i = 0; i < rows; ++i) z(i, j) = 1.9f * std::sin(1.3f * static_cast<float>(i * cols + j)) * (j + 1);
  z(4, 2) = std::numeric_limits<float>::quiet_NaN();
  const Activation kinds[] = {Activation::sigmoid, Activation::tanh, Activation::relu, Activation::linear};
  for (Activation kind : kinds) {
    MatrixF a = z;
    add_bias_and_activate(kind, bias, a);
    int mismatches = 0;
    for (int j = 0; j < cols; ++j)
      for (int i = 0; i < rows; ++i) {
        const float pre = z(i, j) + bias(i);
        const float expected = kind == Activation::sigmoid ? sigmoid(pre)
                               : kind == Activation::tanh  ? tanh_approx(pre)
                               : kind == Activation::relu  ? (pre < 0.0f ? 0.0f : pre)
                                                           : pre;
        const bool same = std::isnan(expected) ? std::isnan(a(i, j)) : a(i, j) == expected;
        mismatches += !same;
      }
    CHECK_MESSAGE(mismatches == 0, mismatches << " mismatches for activation " << static_cast<int>(kind));
    // The slope applied in place equals the slope matrix times delta.
    MatrixF delta = MatrixF::Constant(rows, cols, 0.5f), slope;
    activation_slope(kind, a, slope);
    const MatrixF expected_delta = (delta.array() * slope.array()).matrix();
    multiply_by_slope(kind, a, delta);
    CHECK(delta.cwiseEqual(expected_delta).count() + delta.array().isNaN().count() == rows * cols);
  }
}
