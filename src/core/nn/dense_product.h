// Dense float matrix products of the MLP: Eigen natively, a wasm_simd128 kernel in WASM builds with -msimd128.
// Eigen 3.4 has no WASM SIMD path; these three shapes (and one dot product) are all the network needs.
// Column-major; `out` must already have the result's shape and must not alias an operand. Summation order is
// fixed, so reruns are bit-identical.
#pragma once
#include <Eigen/Core>

namespace catgeo {

using MatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic>;
using VectorF = Eigen::Matrix<float, Eigen::Dynamic, 1>;

// out (m, n) = lhs (m, k) * rhs (k, n)
void multiply(const Eigen::Ref<const MatrixF>& lhs, const Eigen::Ref<const MatrixF>& rhs, Eigen::Ref<MatrixF> out);
// out (m, n) = lhs (m, k) * rhs (n, k)^T
void multiply_by_transpose(const Eigen::Ref<const MatrixF>& lhs, const Eigen::Ref<const MatrixF>& rhs,
                           Eigen::Ref<MatrixF> out);
// out (m, n) = lhs (k, m)^T * rhs (k, n)
void multiply_transpose_by(const Eigen::Ref<const MatrixF>& lhs, const Eigen::Ref<const MatrixF>& rhs,
                           Eigen::Ref<MatrixF> out);
// sum_p a[p] * b[p] over `count` floats (Jacobian columns of the F_code field)
float dot(const float* a, const float* b, Eigen::Index count);

}  // namespace catgeo
