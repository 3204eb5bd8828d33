// Dense products (the WASM SIMD kernel when the tests run under Node) against a double-precision reference.
#include <Eigen/Core>
#include <cstdlib>

#include "core/nn/dense_product.h"
#include "core/base/rng.h"
#include "test.h"

using namespace catgeo;

namespace {

MatrixF random_matrix(Eigen::Index rows, Eigen::Index cols, Rng& rng) {
  MatrixF m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<float>(rng.uniform(-1.0, 1.0));
  return m;
}

// Largest |out - reference| over all entries, relative to the inner dimension k (float sums of k terms <= 1).
double worst_error(const MatrixF& out, const Eigen::MatrixXd& reference, Eigen::Index k) {
  return (out.cast<double>() - reference).cwiseAbs().maxCoeff() / static_cast<double>(k);
}

}  // namespace

TEST_CASE("dense_products_match_reference_for_every_shape_class") {
  // Rows below, at and above the 4- and 8-row blocks, columns below and above the 4-column block,
  // inner sizes 1, 2, odd and the network's 196.
  const int rows[] = {1, 2, 3, 4, 5, 8, 10, 13}, cols[] = {1, 3, 4, 7, 32}, inner[] = {1, 2, 7, 196};
  Rng rng(5);
  for (int m : rows)
    for (int n : cols)
      for (int k : inner) {
        const MatrixF a = random_matrix(m, k, rng), b = random_matrix(k, n, rng);
        const MatrixF bt = b.transpose(), at = a.transpose();
        const Eigen::MatrixXd reference = a.cast<double>() * b.cast<double>();
        MatrixF out(m, n);
        multiply(a, b, out);
        CHECK_MESSAGE(worst_error(out, reference, k) < 1e-6, "multiply " << m << "x" << k << "x" << n);
        out.setConstant(NAN);
        multiply_by_transpose(a, bt, out);
        CHECK_MESSAGE(worst_error(out, reference, k) < 1e-6, "multiply_by_transpose " << m << "x" << k << "x" << n);
        out.setConstant(NAN);
        multiply_transpose_by(at, b, out);
        CHECK_MESSAGE(worst_error(out, reference, k) < 1e-6, "multiply_transpose_by " << m << "x" << k << "x" << n);
      }
}

TEST_CASE("dense_product_writes_into_a_strided_block_of_a_larger_matrix") {
  // The MLP writes weight gradients into maps of one flat vector, and reads operands through blocks.
  Rng rng(6);
  const MatrixF big = random_matrix(20, 12, rng);
  const MatrixF b = random_matrix(5, 9, rng);
  MatrixF target = MatrixF::Zero(30, 9);
  multiply(big.block(3, 2, 11, 5), b, target.block(4, 0, 11, 9));
  const Eigen::MatrixXd reference = big.block(3, 2, 11, 5).cast<double>() * b.cast<double>();
  CHECK(worst_error(target.block(4, 0, 11, 9), reference, 5) < 1e-6);
  CHECK((target.topRows(4).isZero() && target.bottomRows(15).isZero()));
}

TEST_CASE("dense_dot_matches_reference_for_short_and_long_vectors") {
  Rng rng(7);
  for (int k : {1, 3, 4, 7, 128, 196}) {
    const MatrixF a = random_matrix(k, 1, rng), b = random_matrix(k, 1, rng);
    const double reference = a.cast<double>().col(0).dot(b.cast<double>().col(0));
    CHECK_MESSAGE(std::fabs(dot(a.data(), b.data(), k) - reference) < 1e-6 * k, "dot of length " << k);
  }
}
