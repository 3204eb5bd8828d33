// Element-wise layer activations fused with the bias add, and their slopes; f32x4 SIMD in WASM builds.
// Sigmoid and tanh are polynomial approximations (Cephes expf, Eigen's rational tanh) evaluated with the same
// operations on every platform, accurate to a few float ulps (tests/core/activation_test.cpp).
#pragma once
#include "core/config/config.h"
#include "core/nn/dense_product.h"

namespace catgeo {

float sigmoid(float z);      // 1 / (1 + exp(-z)), exp clamped to [-87, 88]
float tanh_approx(float z);  // tanh, |error| < 1e-6

// values (N, B): each column becomes phi(column + bias), bias (N).
void add_bias_and_activate(Activation activation, const Eigen::Ref<const VectorF>& bias, MatrixF& values);
// slope (N, B) = phi'(z) written through the layer's outputs a = phi(z) (N, B).
void activation_slope(Activation activation, const MatrixF& outputs, MatrixF& slope);
// delta (N, B) *= phi'(z), the slope taken from the outputs a = phi(z) (N, B) without a temporary.
void multiply_by_slope(Activation activation, const MatrixF& outputs, MatrixF& delta);

}  // namespace catgeo
