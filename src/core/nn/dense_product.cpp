// Dense products: Eigen's GEMM natively; in WASM a register-blocked f32x4 kernel (8 rows x 4 columns of out).
#include "core/nn/dense_product.h"

#include <vector>

#include "core/base/check.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace catgeo {
namespace {

void check_shapes(Eigen::Index m, Eigen::Index n, Eigen::Index k_lhs, Eigen::Index k_rhs, const Eigen::Ref<MatrixF>& out) {
  CATGEO_CHECK(k_lhs == k_rhs, "inner dimensions of a product must agree");
  CATGEO_CHECK(out.rows() == m && out.cols() == n, "the product's output must be sized by the caller");
}

#if defined(__wasm_simd128__)
// Right operand element (p, j) of the product lives at data[p * step_p + j * step_j].
struct RightOperand {
  const float* data;
  Eigen::Index step_p, step_j;
  float at(Eigen::Index p, Eigen::Index j) const { return data[p * step_p + j * step_j]; }
};

// out(i0 .. i0 + 4 * V, j0 .. j0 + J) = lhs rows i0.. times right columns j0..; V vectors of 4 rows, J columns.
template <int V, int J>
void block(const float* lhs, Eigen::Index lhs_stride, Eigen::Index k, RightOperand rhs, float* out,
           Eigen::Index out_stride, Eigen::Index i0, Eigen::Index j0) {
  v128_t acc[J][V];
  for (int j = 0; j < J; ++j)
    for (int v = 0; v < V; ++v) acc[j][v] = wasm_f32x4_splat(0.0f);
  for (Eigen::Index p = 0; p < k; ++p) {
    v128_t a[V];
    for (int v = 0; v < V; ++v) a[v] = wasm_v128_load(lhs + p * lhs_stride + i0 + 4 * v);
    for (int j = 0; j < J; ++j) {
      const v128_t b = wasm_f32x4_splat(rhs.at(p, j0 + j));
      for (int v = 0; v < V; ++v) acc[j][v] = wasm_f32x4_add(acc[j][v], wasm_f32x4_mul(a[v], b));
    }
  }
  for (int j = 0; j < J; ++j)
    for (int v = 0; v < V; ++v) wasm_v128_store(out + (j0 + j) * out_stride + i0 + 4 * v, acc[j][v]);
}

// Needs m >= 4: leftover rows are covered by one last 4-row block that overlaps rows already done (it
// recomputes them with the same summation order, so the values are unchanged).
template <int J>
void column_block(const float* lhs, Eigen::Index lhs_stride, Eigen::Index m, Eigen::Index k, RightOperand rhs,
                  float* out, Eigen::Index out_stride, Eigen::Index j0) {
  Eigen::Index i = 0;
  for (; i + 8 <= m; i += 8) block<2, J>(lhs, lhs_stride, k, rhs, out, out_stride, i, j0);
  for (; i + 4 <= m; i += 4) block<1, J>(lhs, lhs_stride, k, rhs, out, out_stride, i, j0);
  if (i < m) block<1, J>(lhs, lhs_stride, k, rhs, out, out_stride, m - 4, j0);
}

// out (m >= 4, n) = lhs (m, k) * right operand (k, n).
void simd_multiply(const float* lhs, Eigen::Index lhs_stride, Eigen::Index m, Eigen::Index k, RightOperand rhs,
                   Eigen::Index n, float* out, Eigen::Index out_stride) {
  Eigen::Index j = 0;
  for (; j + 4 <= n; j += 4) column_block<4>(lhs, lhs_stride, m, k, rhs, out, out_stride, j);
  for (; j < n; ++j) column_block<1>(lhs, lhs_stride, m, k, rhs, out, out_stride, j);
}

// sum_p x[p] * y[p] with four partial sums (a float reduction the compiler may not reorder by itself).
float simd_dot(const float* x, const float* y, Eigen::Index k) {
  v128_t acc = wasm_f32x4_splat(0.0f);
  Eigen::Index p = 0;
  for (; p + 4 <= k; p += 4) acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(x + p), wasm_v128_load(y + p)));
  float sum = (wasm_f32x4_extract_lane(acc, 0) + wasm_f32x4_extract_lane(acc, 1)) +
              (wasm_f32x4_extract_lane(acc, 2) + wasm_f32x4_extract_lane(acc, 3));
  for (; p < k; ++p) sum += x[p] * y[p];
  return sum;
}

// out(i, j) = dot(column i of a (k, m), column j of b (k, n)).
void simd_dot_products(const float* a, Eigen::Index a_stride, const float* b, Eigen::Index b_stride, Eigen::Index k,
                       Eigen::Ref<MatrixF>& out) {
  for (Eigen::Index j = 0; j < out.cols(); ++j)
    for (Eigen::Index i = 0; i < out.rows(); ++i) out(i, j) = simd_dot(a + i * a_stride, b + j * b_stride, k);
}

// Reused scratch for the few-row shapes (outputs with fewer than 4 rows: the 2-unit projection layer and
// two-class read-outs); it only grows, so steady-state training does not allocate.
std::vector<float>& scratch(Eigen::Index size) {
  static thread_local std::vector<float> buffer;
  if (static_cast<Eigen::Index>(buffer.size()) < size) buffer.resize(static_cast<size_t>(size));
  return buffer;
}
#endif

}  // namespace

void multiply(const Eigen::Ref<const MatrixF>& lhs, const Eigen::Ref<const MatrixF>& rhs, Eigen::Ref<MatrixF> out) {
  check_shapes(lhs.rows(), rhs.cols(), lhs.cols(), rhs.rows(), out);
#if defined(__wasm_simd128__)
  const Eigen::Index m = lhs.rows(), k = lhs.cols();
  if (m >= 4) {
    simd_multiply(lhs.data(), lhs.outerStride(), m, k, RightOperand{rhs.data(), 1, rhs.outerStride()}, rhs.cols(),
                  out.data(), out.outerStride());
    return;
  }
  // Few rows: dot products of the rows of lhs (copied into contiguous columns) with the columns of rhs.
  std::vector<float>& rows = scratch(m * k);
  Eigen::Map<MatrixF>(rows.data(), k, m) = lhs.transpose();
  simd_dot_products(rows.data(), k, rhs.data(), rhs.outerStride(), k, out);
#else
  out.noalias() = lhs * rhs;
#endif
}

void multiply_by_transpose(const Eigen::Ref<const MatrixF>& lhs, const Eigen::Ref<const MatrixF>& rhs,
                           Eigen::Ref<MatrixF> out) {
  check_shapes(lhs.rows(), rhs.rows(), lhs.cols(), rhs.cols(), out);
#if defined(__wasm_simd128__)
  const Eigen::Index m = lhs.rows(), n = rhs.rows(), k = lhs.cols();
  if (m >= 4) {
    simd_multiply(lhs.data(), lhs.outerStride(), m, k, RightOperand{rhs.data(), rhs.outerStride(), 1}, n, out.data(),
                  out.outerStride());
    return;
  }
  if (n >= 4) {
    // Few rows: out^T (n, m) = rhs (n, k) * lhs^T (k, m) into scratch, then transposed into out.
    std::vector<float>& transposed = scratch(n * m);
    simd_multiply(rhs.data(), rhs.outerStride(), n, k, RightOperand{lhs.data(), lhs.outerStride(), 1}, m,
                  transposed.data(), n);
    out = Eigen::Map<const MatrixF>(transposed.data(), n, m).transpose();
    return;
  }
#endif
  out.noalias() = lhs * rhs.transpose();
}

void multiply_transpose_by(const Eigen::Ref<const MatrixF>& lhs, const Eigen::Ref<const MatrixF>& rhs,
                           Eigen::Ref<MatrixF> out) {
  check_shapes(lhs.cols(), rhs.cols(), lhs.rows(), rhs.rows(), out);
#if defined(__wasm_simd128__)
  const Eigen::Index m = lhs.cols(), k = lhs.rows();
  if (m >= 4) {
    // lhs^T copied into contiguous (m, k) scratch feeds the blocked kernel (short k, e.g. a 2-unit layer's
    // back-propagation, would waste dot products on their scalar tails).
    std::vector<float>& transposed = scratch(m * k);
    Eigen::Map<MatrixF>(transposed.data(), m, k) = lhs.transpose();
    simd_multiply(transposed.data(), m, m, k, RightOperand{rhs.data(), 1, rhs.outerStride()}, rhs.cols(), out.data(),
                  out.outerStride());
    return;
  }
  simd_dot_products(lhs.data(), lhs.outerStride(), rhs.data(), rhs.outerStride(), k, out);
#else
  out.noalias() = lhs.transpose() * rhs;
#endif
}

float dot(const float* a, const float* b, Eigen::Index count) {
#if defined(__wasm_simd128__)
  return simd_dot(a, b, count);
#else
  return Eigen::Map<const Eigen::VectorXf>(a, count).dot(Eigen::Map<const Eigen::VectorXf>(b, count));
#endif
}

}  // namespace catgeo
