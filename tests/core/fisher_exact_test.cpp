// Exact F_cat of Gaussian mixtures: finite-difference check and every row of paper-spec 3.1.
#include <cmath>
#include <vector>

#include "core/geometry/fisher.h"
#include "core/geometry/metrics.h"
#include "core/data/mixture.h"
#include "core/base/rng.h"
#include "test.h"

using namespace catgeo;

namespace {

GaussianClass g1(double mean, double sd, double prior = 1.0) {
  GaussianClass c;
  c.mean = Eigen::VectorXd::Constant(1, mean);
  c.cov = Eigen::MatrixXd::Constant(1, 1, sd * sd);
  c.prior = prior;
  return c;
}

GaussianClass g2(double m1, double m2, double c11, double c12, double c22, double prior = 1.0) {
  GaussianClass c;
  c.mean = Eigen::Vector2d(m1, m2);
  c.cov.resize(2, 2);
  c.cov << c11, c12, c12, c22;
  c.prior = prior;
  return c;
}

Mixture mixture(const std::vector<GaussianClass>& classes) {
  Result<Mixture> m = Mixture::build(classes);
  CHECK_MESSAGE(m.ok(), m.status.message);
  return m.value;
}

struct PointFisher {
  double posterior[kMaxClasses];
  Sym2 fcat;
};

PointFisher fisher_at(const Mixture& m, double x0, double x1 = 0.0) {
  double x[2] = {x0, x1}, log_joint[kMaxClasses], scores[2 * kMaxClasses];
  PointFisher out;
  m.class_terms(x, log_joint, scores);
  posterior_from_log_joint(log_joint, m.num_classes(), out.posterior);
  out.fcat = categorical_fisher_from_scores(out.posterior, scores, m.num_classes(), m.dims());
  return out;
}

// F_cat(x) on a fine 1-D grid, and its local maxima (all of them, refined by parabola).
struct Curve {
  std::vector<double> xs, values;
};
Curve fcat_curve(const Mixture& m, double lo, double hi, double step) {
  Curve c;
  for (double x = lo; x <= hi + 1e-12; x += step) {
    c.xs.push_back(x);
    c.values.push_back(fisher_at(m, x).fcat.f11);
  }
  return c;
}
std::vector<double> all_peaks(const Curve& c) {
  return curve_peaks(c.xs.data(), c.values.data(), static_cast<int>(c.xs.size()), nullptr, 1e-6);
}

}  // namespace

TEST_CASE("fcat_matches_finite_differences_of_posterior") {
  // 4-class anisotropic 2-D mixture (spec 2.5): F = sum grad P grad P^T / P with central differences.
  const Mixture m = mixture({g2(-1, 0, 0.5, 0.2, 0.3, 0.4), g2(1, 0.5, 0.3, -0.1, 0.6, 0.2),
                             g2(0, 1.2, 0.8, 0.3, 0.4, 0.25), g2(0.3, -1, 0.2, 0.0, 0.9, 0.15)});
  Rng rng(7);
  const double h = 1e-5;
  double worst = 0.0, largest = 0.0;
  for (int trial = 0; trial < 500; ++trial) {
    const double x = rng.uniform(-2, 2), y = rng.uniform(-2, 2);
    const PointFisher at = fisher_at(m, x, y);
    double grad[kMaxClasses][2];
    for (int k = 0; k < 2; ++k) {
      const PointFisher plus = fisher_at(m, x + (k == 0 ? h : 0), y + (k == 1 ? h : 0));
      const PointFisher minus = fisher_at(m, x - (k == 0 ? h : 0), y - (k == 1 ? h : 0));
      for (int mu = 0; mu < 4; ++mu) grad[mu][k] = (plus.posterior[mu] - minus.posterior[mu]) / (2 * h);
    }
    Sym2 fd;
    for (int mu = 0; mu < 4; ++mu) {
      if (at.posterior[mu] < 1e-12) continue;
      fd.f11 += grad[mu][0] * grad[mu][0] / at.posterior[mu];
      fd.f12 += grad[mu][0] * grad[mu][1] / at.posterior[mu];
      fd.f22 += grad[mu][1] * grad[mu][1] / at.posterior[mu];
    }
    worst = std::max({worst, std::fabs(fd.f11 - at.fcat.f11), std::fabs(fd.f12 - at.fcat.f12),
                      std::fabs(fd.f22 - at.fcat.f22)});
    largest = std::max(largest, at.fcat.trace());
  }
  CHECK_MESSAGE(worst < 1e-5, "largest |F_fd - F_exact| = " << worst);
  CHECK(largest > 1.0);
}

TEST_CASE("spec_3_1_case_A_equal_variance") {
  const Mixture m = mixture({g1(-0.5, 0.5), g1(0.5, 0.5)});
  const Curve c = fcat_curve(m, -3, 3, 5e-5);
  const std::vector<double> peaks = all_peaks(c);
  CHECK(peaks.size() == 1);
  if (!peaks.empty()) CHECK_NEAR(peaks[0], 0.0, 5e-4);
  CHECK_NEAR(fisher_at(m, 0.0).fcat.f11, 4.000, 5e-4);
}

TEST_CASE("spec_3_1_case_B_priors_do_not_move_peak") {
  const Mixture m = mixture({g1(-0.5, 0.5, 0.8), g1(0.5, 0.5, 0.2)});
  const double boundary = std::log(4.0) * 0.25;
  CHECK_NEAR(boundary, 0.3466, 5e-5);
  const PointFisher at = fisher_at(m, boundary);
  CHECK_NEAR(at.posterior[0], 0.5, 1e-12);
  CHECK_NEAR(at.fcat.f11, 4.000, 5e-4);
  const std::vector<double> peaks = all_peaks(fcat_curve(m, -3, 3, 5e-5));
  CHECK(peaks.size() == 1);
  if (!peaks.empty()) CHECK_NEAR(peaks[0], 0.3466, 5e-4);
}

TEST_CASE("spec_3_1_case_C_unequal_variance") {
  const Mixture m = mixture({g1(-1.0, 0.5), g1(1.0, 1.0)});
  const std::vector<double> peaks = all_peaks(fcat_curve(m, -5, 3, 5e-5));
  CHECK_MESSAGE(peaks.size() == 2, "peaks found: " << peaks.size());
  if (peaks.size() == 2) {
    CHECK_NEAR(peaks[0], -3.276, 5e-4);
    CHECK_NEAR(peaks[1], -0.057, 5e-4);
    CHECK_NEAR(fisher_at(m, peaks[0]).fcat.f11, 5.443, 5e-4);
    CHECK_NEAR(fisher_at(m, peaks[1]).fcat.f11, 5.443, 5e-4);
  }
  // Bayes boundaries: where the posteriors cross.
  Eigen::MatrixXd posterior(2, 0), points(1, 0);
  std::vector<double> xs;
  for (double x = -5; x <= 3; x += 5e-5) xs.push_back(x);
  posterior.resize(2, static_cast<Eigen::Index>(xs.size()));
  points.resize(1, static_cast<Eigen::Index>(xs.size()));
  for (size_t i = 0; i < xs.size(); ++i) {
    const PointFisher at = fisher_at(m, xs[i]);
    posterior(0, i) = at.posterior[0];
    posterior(1, i) = at.posterior[1];
    points(0, i) = xs[i];
  }
  const std::vector<double> boundaries = decision_boundaries_1d(posterior, points, nullptr);
  CHECK(boundaries.size() == 2);
  if (boundaries.size() == 2) {
    CHECK_NEAR(boundaries[0], -3.163, 5e-4);
    CHECK_NEAR(boundaries[1], -0.170, 5e-4);
    CHECK_NEAR(fisher_at(m, boundaries[1]).fcat.f11, 5.040, 5e-4);
  }
}

TEST_CASE("spec_3_1_case_D_three_separated_classes") {
  const Mixture m = mixture({g1(-1.5, 0.5), g1(0.0, 0.5), g1(1.5, 0.5)});
  const std::vector<double> peaks = all_peaks(fcat_curve(m, -3, 3, 5e-5));
  CHECK(peaks.size() == 2);
  if (peaks.size() == 2) {
    CHECK_NEAR(peaks[0], -0.7498, 5e-4);
    CHECK_NEAR(peaks[1], 0.7498, 5e-4);
    CHECK_NEAR(fisher_at(m, peaks[1]).fcat.f11, 9.004, 5e-4);
  }
  CHECK_NEAR(fisher_at(m, 0.75).fcat.f11, 9.004, 5e-4);
  CHECK_NEAR(fisher_at(m, 0.0).fcat.f11, 0.78, 5e-3);
}

TEST_CASE("spec_3_1_case_E_peaks_shift_toward_middle") {
  const Mixture m = mixture({g1(-1.0, 0.5), g1(0.0, 0.5), g1(1.0, 0.5)});
  const std::vector<double> peaks = all_peaks(fcat_curve(m, -2.5, 2.5, 5e-5));
  CHECK(peaks.size() == 2);
  if (peaks.size() == 2) {
    CHECK_NEAR(peaks[0], -0.454, 5e-4);
    CHECK_NEAR(peaks[1], 0.454, 5e-4);
    CHECK_NEAR(fisher_at(m, peaks[1]).fcat.f11, 4.316, 5e-4);
  }
  CHECK_NEAR(fisher_at(m, 0.5).fcat.f11, 4.287, 5e-4);
}

TEST_CASE("spec_3_1_case_F_peaks_merge") {
  const Mixture m = mixture({g1(-1.0, 1.0), g1(0.0, 1.0), g1(1.0, 1.0)});
  const std::vector<double> peaks = all_peaks(fcat_curve(m, -4, 4, 5e-5));
  CHECK(peaks.size() == 1);
  if (!peaks.empty()) CHECK_NEAR(peaks[0], 0.0, 5e-4);
  CHECK_NEAR(fisher_at(m, 0.0).fcat.f11, 0.548, 5e-4);
  CHECK_NEAR(fisher_at(m, 0.5).fcat.f11, 0.506, 5e-4);
}

TEST_CASE("spec_3_1_n2_line_and_equal_covariance_rule") {
  const Mixture m = mixture({g2(-0.5, -0.5, 0.5, 0, 0.5), g2(0.5, 0.5, 0.5, 0, 0.5)});
  for (double t = -2.0; t <= 2.0; t += 0.25) {
    const PointFisher at = fisher_at(m, t, -t);
    const SymEigen2 e = eigen_sym2(at.fcat);
    CHECK_NEAR(e.lambda_max, 2.000, 5e-4);
    CHECK_NEAR(e.lambda_min, 0.0, 1e-9);
    CHECK_NEAR(std::fabs(std::cos(e.angle - 3.14159265358979 / 4)), 1.0, 1e-9);  // (1,1)/sqrt 2
  }
  // Rule: with equal covariances the maximum is |Sigma^-1 (m1 - m2)|^2 / 4 whatever the priors.
  const Mixture skewed = mixture({g2(-0.5, -0.5, 0.5, 0, 0.5, 0.9), g2(0.5, 0.5, 0.5, 0, 0.5, 0.1)});
  double best = 0.0;
  for (double s = -2.0; s <= 2.0; s += 1e-3) best = std::max(best, fisher_at(skewed, s, s).fcat.trace());
  CHECK_NEAR(best, 2.000, 5e-4);  // w = (2, 2): |w|^2 / 4 = 2
}

TEST_CASE("spec_3_1_e6_cut") {
  const Mixture m = mixture({g2(-1, 0, 0.25, 0, 1.0), g2(1, 0, 1.0, 0, 0.25)});
  Curve c;
  for (double x = -3; x <= 3 + 1e-12; x += 1e-3) {
    c.xs.push_back(x);
    c.values.push_back(fisher_at(m, x, 0.0).fcat.trace());
  }
  int best = 0;
  for (size_t i = 0; i < c.values.size(); ++i)
    if (c.values[i] > c.values[best]) best = static_cast<int>(i);
  CHECK_NEAR(c.xs[best], -0.185, 1.5e-3);
  CHECK_NEAR(c.values[best], 4.485, 5e-4);
  // Boundary on the axis: posterior crossing.
  double lo = -1.0, hi = 0.0;
  for (int it = 0; it < 60; ++it) {
    const double mid = 0.5 * (lo + hi);
    (fisher_at(m, mid, 0.0).posterior[0] > 0.5 ? lo : hi) = mid;
  }
  // Exactly -1/3 (4(x+1)^2 = (x-1)^2); the spec's -0.334 is that crossing read off a 1e-3 grid.
  CHECK_NEAR(0.5 * (lo + hi), -1.0 / 3.0, 1e-9);
  CHECK_NEAR(0.5 * (lo + hi), -0.334, 1e-3);
}

TEST_CASE("mixture_rejects_bad_covariances") {
  CHECK(!Mixture::build({g2(0, 0, 1, 2, 1), g2(1, 1, 1, 0, 1)}).ok());     // indefinite
  CHECK(!Mixture::build({g2(0, 0, 1, 0.5, 1), g2(1, 1, 1, 0, 0)}).ok());   // singular
  CHECK(!Mixture::build({g1(0, 1)}).ok());                                  // one class
  CHECK(!Mixture::build({g1(0, 1), g2(0, 0, 1, 0, 1)}).ok());                // mixed dims
  GaussianClass bad_prior = g1(0, 1, -1.0);
  CHECK(!Mixture::build({bad_prior, g1(1, 1)}).ok());
  const Result<Mixture> r = Mixture::build({g2(0, 0, 1, 2, 1), g2(1, 1, 1, 0, 1)});
  CHECK_MESSAGE(r.status.message.find("class 1") != std::string::npos, r.status.message);
}

TEST_CASE("mixture_sampling_follows_priors_and_moments") {
  const Mixture m = mixture({g2(-1, 0, 0.25, 0.1, 1.0, 0.3), g2(1, 0, 1.0, 0, 0.25, 0.7)});
  Rng rng(3);
  const Dataset d = m.sample(20000, rng);
  const std::vector<int> counts = d.class_counts();
  CHECK((counts[0] == 6000 && counts[1] == 14000));
  Eigen::Vector2d mean = Eigen::Vector2d::Zero();
  Eigen::Matrix2d cov = Eigen::Matrix2d::Zero();
  for (int i = 0; i < d.size(); ++i)
    if (d.labels[i] == 0) mean += d.inputs.col(i).cast<double>();
  mean /= counts[0];
  for (int i = 0; i < d.size(); ++i)
    if (d.labels[i] == 0) {
      const Eigen::Vector2d v = d.inputs.col(i).cast<double>() - mean;
      cov += v * v.transpose();
    }
  cov /= counts[0];
  CHECK_NEAR(mean(0), -1.0, 0.03);
  CHECK_NEAR(cov(0, 0), 0.25, 0.02);
  CHECK_NEAR(cov(0, 1), 0.1, 0.02);
  CHECK_NEAR(cov(1, 1), 1.0, 0.05);
}
