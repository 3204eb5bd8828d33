// H(x) by quadrature, the high-SNR I(x; r) of spec 1.11 against the linear code's exact value, and the F_code / F_cat
// spread (zero when F_code = beta F_cat).
#include "core/information/information_plane.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/geometry/grid_fields.h"
#include "core/information/information.h"
#include "core/geometry/metrics.h"
#include "core/data/mixture.h"
#include "test.h"

using namespace catgeo;

namespace {

constexpr double kLog2PiE = 2.8378770664093454836;  // ln(2 pi e)

Mixture two_classes(double m0, double m1, double variance) {
  std::vector<GaussianClass> classes(2);
  classes[0].mean = Eigen::VectorXd::Constant(1, m0);
  classes[1].mean = Eigen::VectorXd::Constant(1, m1);
  classes[0].cov = classes[1].cov = Eigen::MatrixXd::Constant(1, 1, variance);
  return Mixture::build(classes).value;
}

// Reference fields of the mixture on its quadrature range, with a network part filled by hand.
GridFields fields_of(const Mixture& m) {
  GridSpec grid = quadrature_grid(m);
  grid.count[0] = 2001;
  GridFields fields;
  fields.reshape(grid, m.num_classes());
  evaluate_reference_fields(m, fields);
  fields.has_network = true;
  return fields;
}

}  // namespace

TEST_CASE("differential_entropy_of_gaussians") {
  // Two identical classes: p(x) is one Gaussian, H(x) = 1/2 ln(2 pi e s^2) (1-D), 1/2 ln((2 pi e)^2 det) (2-D).
  const Mixture one = two_classes(0.3, 0.3, 0.49);
  CHECK_NEAR(differential_entropy(one, quadrature_grid(one)), 0.5 * (kLog2PiE + std::log(0.49)), 1e-9);
  std::vector<GaussianClass> classes(2);
  for (GaussianClass& c : classes) {
    c.mean = Eigen::Vector2d(0.1, -0.2);
    c.cov = Eigen::Matrix2d{{0.5, 0.1}, {0.1, 0.3}};
  }
  const Mixture plane = Mixture::build(classes).value;
  CHECK_NEAR(differential_entropy(plane, quadrature_grid(plane)), kLog2PiE + 0.5 * std::log(0.5 * 0.3 - 0.01), 1e-6);
}

TEST_CASE("high_snr_information_xr_of_linear_code") {
  // r = x + N(0, v): F_code = 1/v, so the high-SNR form is H(x) - 1/2 ln(2 pi e v); the exact I(x; r) is
  // H(x + noise) - 1/2 ln(2 pi e v). They agree as v -> 0 (the gap is H(x + noise) - H(x) ~ v/2 E[(ln p)'^2]).
  const Mixture m = two_classes(-0.5, 0.5, 0.25);
  GridFields fields = fields_of(m);
  const double h = differential_entropy(m, quadrature_grid(m));
  const double v_values[] = {1e-4, 1e-2};
  for (double v : v_values) {
    fields.fcode.setZero();
    fields.fcode.row(0).setConstant(1.0 / v);
    const double high_snr = information_xr_high_snr(fields, h);
    const Mixture noisy = m.with_added_isotropic_noise(v);
    const double exact = differential_entropy(noisy, quadrature_grid(noisy)) - 0.5 * (kLog2PiE + std::log(v));
    std::printf("    v = %g: high-SNR I(x;r) %.6f, exact %.6f\n", v, high_snr, exact);
    CHECK_NEAR(high_snr, h - 0.5 * (kLog2PiE + std::log(v)), 1e-9);
    CHECK(high_snr < exact);
    CHECK_NEAR(high_snr, exact, v * 2.0);  // E[(ln p)'^2] < 4 for this mixture
  }
  fields.fcode(0, fields.size() / 2) = 0.0;  // singular F_code inside the data: the form is undefined
  CHECK(std::isnan(information_xr_high_snr(fields, h)));
}

TEST_CASE("fcode_over_fcat_cv_is_zero_when_fcode_follows_fcat") {
  const Mixture m = two_classes(-1.0, 1.0, 0.5);
  GridFields fields = fields_of(m);
  fields.fcode = 3.0 * fields.fcat;  // F_code = beta F_cat, the IB optimum
  CHECK_NEAR(fcode_over_fcat_cv(fields), 0.0, 1e-9);
  fields.fcode.setZero();
  fields.fcode.row(0).setConstant(2.0);  // a flat code: rho = 2 / F_cat varies with F_cat
  const double flat = fcode_over_fcat_cv(fields);
  fields.fcode.row(0).setConstant(20.0);
  CHECK_NEAR(fcode_over_fcat_cv(fields), flat, 1e-12);  // scale-free
  // The weighted CV of 1/F_cat over the region, recomputed here.
  const std::vector<unsigned char> region = data_region_mask(fields);
  double top = 0.0, w = 0.0, s1 = 0.0, s2 = 0.0;
  for (int i = 0; i < fields.size(); ++i)
    if (region[i]) top = std::max(top, fields.fcat(0, i));
  for (int i = 0; i < fields.size(); ++i) {
    if (!region[i] || fields.fcat(0, i) < 0.01 * top) continue;
    const double rho = 1.0 / fields.fcat(0, i);
    w += fields.density(i);
    s1 += fields.density(i) * rho;
    s2 += fields.density(i) * rho * rho;
  }
  const double mean = s1 / w;
  std::printf("    flat code: CV %.4f\n", flat);
  CHECK_NEAR(flat, std::sqrt(s2 / w - mean * mean) / mean, 1e-9);
  CHECK(flat > 0.1);
}
