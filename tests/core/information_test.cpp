// I(mu; x) by quadrature (spec 3.2) and the high-SNR loss of a linear code (spec 1.7).
#include <cmath>

#include "core/geometry/fisher.h"
#include "core/geometry/grid_fields.h"
#include "core/information/information.h"
#include "core/data/mixture.h"
#include "test.h"
#include "test_mixtures.h"

using namespace catgeo;

namespace {

using test::case_a;

double expected_fcat(const Mixture& m) {
  GridFields fields;
  fields.reshape(quadrature_grid(m), m.num_classes());
  evaluate_reference_fields(m, fields);
  return fields.density.dot(fields.fcat.row(0).transpose()) * grid_cell_measure(fields.grid);
}

}  // namespace

TEST_CASE("spec_3_2_information_of_case_A") {
  const Mixture m = case_a();
  CHECK_NEAR(mutual_information(m, quadrature_grid(m)), 0.33683, 5e-6);
  CHECK_NEAR(expected_fcat(m), 1.79840, 5e-6);
}

TEST_CASE("spec_1_7_linear_code_information_loss") {
  // r = x + N(0, v): loss I(mu;x) - I(mu;r) vs the high-SNR formula v E[F_cat] / 2.
  const Mixture m = case_a();
  const double info_x = mutual_information(m, quadrature_grid(m));
  const double e_fcat = expected_fcat(m);
  const double v_values[] = {0.001, 0.01, 0.05};
  const double exact_expected[] = {0.00090, 0.00876, 0.0398};
  const double formula_expected[] = {0.00090, 0.00899, 0.0450};
  for (int k = 0; k < 3; ++k) {
    const Mixture code = m.with_added_isotropic_noise(v_values[k]);
    const double loss = info_x - mutual_information(code, quadrature_grid(code));
    const double formula = 0.5 * v_values[k] * e_fcat;
    CHECK_NEAR(loss, exact_expected[k], 5e-5);
    CHECK_NEAR(formula, formula_expected[k], 5e-5);
  }
  // The formula becomes exact as the SNR grows: relative error shrinks with v.
  const Mixture tiny = m.with_added_isotropic_noise(1e-4);
  const double tiny_loss = info_x - mutual_information(tiny, quadrature_grid(tiny));
  CHECK_NEAR(tiny_loss / (0.5 * 1e-4 * e_fcat), 1.0, 0.01);
}

TEST_CASE("information_of_2d_mixture_is_bounded_by_class_entropy") {
  std::vector<GaussianClass> classes(3);
  const double r = 1.2, deg = 3.14159265358979 / 180;
  const double angles[] = {90, 210, 330};
  for (int mu = 0; mu < 3; ++mu) {
    classes[mu].mean = Eigen::Vector2d(r * std::cos(angles[mu] * deg), r * std::sin(angles[mu] * deg));
    classes[mu].cov = 0.36 * Eigen::Matrix2d::Identity();
  }
  const Mixture m = Mixture::build(classes).value;
  const double info = mutual_information(m, quadrature_grid(m));
  CHECK((info > 0.5 && info < std::log(3.0)));
  // F_cat has rank 2 at the triple point with equal eigenvalues (spec 2.3, E7: 5.56, 5.56).
  double x[2] = {0, 0}, lj[3], sc[6], post[3];
  m.class_terms(x, lj, sc);
  posterior_from_log_joint(lj, 3, post);
  const SymEigen2 e = eigen_sym2(categorical_fisher_from_scores(post, sc, 3, 2));
  CHECK_NEAR(e.lambda_max, 5.56, 5e-3);
  CHECK_NEAR(e.lambda_min, 5.56, 5e-3);
}
