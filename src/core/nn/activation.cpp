// Activations: scalar definitions, and in WASM an f32x4 version of the same operation sequence (bit-identical).
#include "core/nn/activation.h"

#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace catgeo {
namespace {

// exp(x) for x clamped to [-87, 88]: Cephes expf (n = round(x log2 e), degree-6 polynomial in the remainder).
constexpr float kExpLo = -87.0f, kExpHi = 88.0f;
constexpr float kLog2e = 1.44269504088896341f, kLn2Hi = 0.693359375f, kLn2Lo = -2.12194440e-4f;
// Adding and subtracting 1.5 * 2^23 rounds a float of magnitude below 2^22 to the nearest integer (ties to
// even): the same result as rint, in plain arithmetic every compiler vectorises.
constexpr float kRoundMagic = 12582912.0f;
constexpr float kExpP[6] = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f,
                            4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f};
// tanh(x) ~ x P(x^2) / Q(x^2) on [-c, c] (Eigen 3.4 generic_fast_tanh_float), x itself below kTanhTiny.
constexpr float kTanhClamp = 7.90531110763549805f, kTanhTiny = 0.0004f;
constexpr float kTanhP[7] = {-2.76076847742355e-16f, 2.00018790482477e-13f, -8.60467152213735e-11f,
                             5.12229709037114e-08f,  1.48572235717979e-05f, 6.37261928875436e-04f,
                             4.89352455891786e-03f};
constexpr float kTanhQ[4] = {1.19825839466702e-06f, 1.18534705686654e-04f, 2.26843463243900e-03f,
                             4.89352518554385e-03f};

// NaN stays NaN (both comparisons are false), as in the SIMD pmin/pmax version.
float clamp(float x, float lo, float hi) { return hi < x ? hi : (x < lo ? lo : x); }

float exp_clamped(float x) {
  x = clamp(x, kExpLo, kExpHi);
  const float n = (x * kLog2e + kRoundMagic) - kRoundMagic;
  float r = x - n * kLn2Hi;
  r = r - n * kLn2Lo;
  // Horner written out: a loop here would keep compilers from vectorising the callers' loops.
  const float p = ((((kExpP[0] * r + kExpP[1]) * r + kExpP[2]) * r + kExpP[3]) * r + kExpP[4]) * r + kExpP[5];
  const float y = p * (r * r) + r + 1.0f;
  const std::int32_t k = n == n ? static_cast<std::int32_t>(n) : 0;  // NaN: 0, like wasm's saturating truncation
  const std::int32_t bits = (k + 127) << 23;
  float scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return y * scale;
}

#if defined(__wasm_simd128__)
v128_t clamp4(v128_t x, float lo, float hi) {
  return wasm_f32x4_pmax(wasm_f32x4_pmin(x, wasm_f32x4_splat(hi)), wasm_f32x4_splat(lo));
}

v128_t exp4_clamped(v128_t x) {
  x = clamp4(x, kExpLo, kExpHi);
  const v128_t magic = wasm_f32x4_splat(kRoundMagic);
  const v128_t n = wasm_f32x4_sub(wasm_f32x4_add(wasm_f32x4_mul(x, wasm_f32x4_splat(kLog2e)), magic), magic);
  v128_t r = wasm_f32x4_sub(x, wasm_f32x4_mul(n, wasm_f32x4_splat(kLn2Hi)));
  r = wasm_f32x4_sub(r, wasm_f32x4_mul(n, wasm_f32x4_splat(kLn2Lo)));
  v128_t p = wasm_f32x4_splat(kExpP[0]);
  for (int i = 1; i < 6; ++i) p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(kExpP[i]));
  const v128_t y = wasm_f32x4_add(wasm_f32x4_add(wasm_f32x4_mul(p, wasm_f32x4_mul(r, r)), r), wasm_f32x4_splat(1.0f));
  const v128_t scale = wasm_i32x4_shl(wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4(n), wasm_i32x4_splat(127)), 23);
  return wasm_f32x4_mul(y, scale);
}

#endif

}  // namespace

float sigmoid(float z) { return 1.0f / (1.0f + exp_clamped(-z)); }

float tanh_approx(float z) {
  const float x = clamp(z, -kTanhClamp, kTanhClamp);
  const float x2 = x * x;
  const float p =
      x * (x2 * (x2 * (x2 * (x2 * (x2 * (x2 * kTanhP[0] + kTanhP[1]) + kTanhP[2]) + kTanhP[3]) + kTanhP[4]) +
                 kTanhP[5]) +
           kTanhP[6]);
  const float q = x2 * (x2 * (x2 * kTanhQ[0] + kTanhQ[1]) + kTanhQ[2]) + kTanhQ[3];
  return __builtin_fabsf(z) < kTanhTiny ? z : p / q;  // a select, not a branch, so loops vectorise
}

namespace {

// Each activation as a functor on one float and, in WASM, on four lanes (the same operations in the same order).
struct Sigmoid {
  float operator()(float z) const { return sigmoid(z); }
#if defined(__wasm_simd128__)
  v128_t operator()(v128_t z) const {
    const v128_t one = wasm_f32x4_splat(1.0f);
    return wasm_f32x4_div(one, wasm_f32x4_add(one, exp4_clamped(wasm_f32x4_neg(z))));
  }
#endif
};

struct Tanh {
  float operator()(float z) const { return tanh_approx(z); }
#if defined(__wasm_simd128__)
  v128_t operator()(v128_t z) const {
    const v128_t x = clamp4(z, -kTanhClamp, kTanhClamp);
    const v128_t x2 = wasm_f32x4_mul(x, x);
    v128_t p = wasm_f32x4_splat(kTanhP[0]);
    for (int i = 1; i < 7; ++i) p = wasm_f32x4_add(wasm_f32x4_mul(x2, p), wasm_f32x4_splat(kTanhP[i]));
    p = wasm_f32x4_mul(x, p);
    v128_t q = wasm_f32x4_splat(kTanhQ[0]);
    for (int i = 1; i < 4; ++i) q = wasm_f32x4_add(wasm_f32x4_mul(x2, q), wasm_f32x4_splat(kTanhQ[i]));
    const v128_t tiny = wasm_f32x4_lt(wasm_f32x4_abs(z), wasm_f32x4_splat(kTanhTiny));
    return wasm_v128_bitselect(z, wasm_f32x4_div(p, q), tiny);
  }
#endif
};

struct Relu {
  float operator()(float z) const { return z < 0.0f ? 0.0f : z; }
#if defined(__wasm_simd128__)
  v128_t operator()(v128_t z) const { return wasm_f32x4_pmax(z, wasm_f32x4_splat(0.0f)); }
#endif
};

// values (n, B): column j becomes phi(column j + bias), four rows at a time in WASM.
template <typename Phi>
void activate_columns(MatrixF& values, const float* bias, Phi phi) {
  const Eigen::Index n = values.rows();
  for (Eigen::Index j = 0; j < values.cols(); ++j) {
    float* column = values.data() + j * n;
    Eigen::Index i = 0;
#if defined(__wasm_simd128__)
    for (; i + 4 <= n; i += 4)
      wasm_v128_store(column + i, phi(wasm_f32x4_add(wasm_v128_load(column + i), wasm_v128_load(bias + i))));
#endif
    for (; i < n; ++i) column[i] = phi(column[i] + bias[i]);
  }
}

}  // namespace

void add_bias_and_activate(Activation activation, const Eigen::Ref<const VectorF>& bias, MatrixF& values) {
  const float* b = bias.data();
  switch (activation) {
    case Activation::sigmoid: activate_columns(values, b, Sigmoid{}); break;
    case Activation::tanh: activate_columns(values, b, Tanh{}); break;
    case Activation::relu: activate_columns(values, b, Relu{}); break;
    case Activation::linear: values.colwise() += bias; break;
  }
}

void activation_slope(Activation activation, const MatrixF& outputs, MatrixF& slope) {
  slope.resize(outputs.rows(), outputs.cols());
  const auto a = outputs.array();
  switch (activation) {
    case Activation::tanh: slope = 1.0f - a.square(); break;
    case Activation::sigmoid: slope = a * (1.0f - a); break;
    case Activation::relu: slope = (a > 0.0f).cast<float>(); break;
    case Activation::linear: slope.setOnes(); break;
  }
}

void multiply_by_slope(Activation activation, const MatrixF& outputs, MatrixF& delta) {
  const float* a = outputs.data();
  float* d = delta.data();
  const Eigen::Index count = delta.size();
  switch (activation) {
    case Activation::tanh:
      for (Eigen::Index i = 0; i < count; ++i) d[i] *= 1.0f - a[i] * a[i];
      break;
    case Activation::sigmoid:
      for (Eigen::Index i = 0; i < count; ++i) d[i] *= a[i] * (1.0f - a[i]);
      break;
    case Activation::relu:
      for (Eigen::Index i = 0; i < count; ++i) d[i] = a[i] > 0.0f ? d[i] : 0.0f;
      break;
    case Activation::linear: break;
  }
}

}  // namespace catgeo
