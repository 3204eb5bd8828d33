// Tests of KdePosterior: brute force within the cutoff bound, finite differences, bandwidth rule, errors.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/geometry/kde_posterior.h"
#include "core/base/rng.h"
#include "test.h"

namespace {

using catgeo::KdePosterior;
constexpr double kPi = 3.14159265358979323846;

struct Cloud {
  Eigen::MatrixXd points;  // (K, n), one column per point
  std::vector<int> labels;
};

// Three overlapping Gaussian clusters (K = 2) or three intervals' worth of 1-D clusters (K = 1).
Cloud make_cloud(int dims, int per_class, std::uint64_t seed) {
  catgeo::Rng rng(seed);
  const double centres[3][2] = {{0.0, 0.0}, {2.0, 0.0}, {1.0, 1.5}};
  Cloud c;
  c.points.resize(dims, 3 * per_class);
  for (int j = 0; j < 3 * per_class; ++j) {
    const int mu = j % 3;
    for (int k = 0; k < dims; ++k) c.points(k, j) = centres[mu][k] + 0.6 * rng.normal();
    c.labels.push_back(mu);
  }
  return c;
}

// Brute force over every point, no cutoff, shifted log-sum-exp. Also returns what the bound needs:
// the kernel sum over points within R (kept) and the number of points beyond R (far).
struct Reference {
  std::vector<double> log_joint;  // (M)
  std::vector<double> scores;     // (M * K)
  std::vector<double> kept;       // (M)
  std::vector<int> far;           // (M)
};

Reference brute_force(const Cloud& c, int num_classes, double h, double cutoff, const double* x) {
  const int dims = static_cast<int>(c.points.rows()), n = static_cast<int>(c.points.cols());
  Reference r;
  r.log_joint.assign(num_classes, 0.0);
  r.scores.assign(num_classes * dims, 0.0);
  r.kept.assign(num_classes, 0.0);
  r.far.assign(num_classes, 0);
  std::vector<double> shift(num_classes, -std::numeric_limits<double>::infinity());
  for (int i = 0; i < n; ++i) {
    double d_sq = 0.0;
    for (int k = 0; k < dims; ++k) d_sq += (c.points(k, i) - x[k]) * (c.points(k, i) - x[k]);
    shift[c.labels[i]] = std::max(shift[c.labels[i]], -d_sq / (2 * h * h));
  }
  std::vector<double> sum(num_classes, 0.0);
  for (int i = 0; i < n; ++i) {
    const int mu = c.labels[i];
    double d_sq = 0.0;
    for (int k = 0; k < dims; ++k) d_sq += (c.points(k, i) - x[k]) * (c.points(k, i) - x[k]);
    const double w = std::exp(-d_sq / (2 * h * h) - shift[mu]);
    sum[mu] += w;
    for (int k = 0; k < dims; ++k) r.scores[mu * dims + k] += w * (c.points(k, i) - x[k]);
    if (d_sq < cutoff * cutoff) r.kept[mu] += std::exp(-d_sq / (2 * h * h));
    else ++r.far[mu];
  }
  for (int mu = 0; mu < num_classes; ++mu) {
    r.log_joint[mu] = -std::log(static_cast<double>(n)) - 0.5 * dims * std::log(2 * kPi * h * h) + shift[mu] +
                      std::log(sum[mu]);
    for (int k = 0; k < dims; ++k) r.scores[mu * dims + k] /= h * h * sum[mu];
  }
  return r;
}

// Compares the model with the reference at queries near the points and spread over the bounding box.
// Returns how many (query, class) pairs had a finite log_joint.
int check_against_reference(const Cloud& c, const KdePosterior& model, std::uint64_t seed) {
  const int dims = model.dims(), m = model.num_classes();
  const double h = model.bandwidth(), cutoff = model.cutoff_radius();
  const double ratio = cutoff / h;
  const double far_term = std::exp(-0.5 * ratio * ratio);
  catgeo::Rng rng(seed);
  std::vector<double> log_joint(m), scores(m * dims);
  int finite = 0;
  for (int q = 0; q < 600; ++q) {
    double x[2];
    const int near = static_cast<int>(rng.below(static_cast<std::uint32_t>(c.points.cols())));
    for (int k = 0; k < dims; ++k)
      x[k] = q % 2 == 0 ? c.points(k, near) + 2.0 * h * rng.normal() : rng.uniform(-2.5, 4.5);
    model.class_terms(x, log_joint.data(), scores.data());
    const Reference ref = brute_force(c, m, h, cutoff, x);
    for (int mu = 0; mu < m; ++mu) {
      if (ref.kept[mu] == 0.0) {
        CHECK((std::isinf(log_joint[mu]) && log_joint[mu] < 0));
        for (int k = 0; k < dims; ++k) CHECK_NEAR(scores[mu * dims + k], 0.0, 0.0);
        continue;
      }
      ++finite;
      // The documented bound: eps = far * e^{-R^2/2h^2} / kept, score error <= 2 (R/h) eps / h.
      const double eps = ref.far[mu] * far_term / ref.kept[mu];
      CHECK_NEAR(log_joint[mu], ref.log_joint[mu], eps + 1e-10 * (1.0 + std::fabs(ref.log_joint[mu])));
      CHECK(log_joint[mu] >= ref.log_joint[mu] - eps - 1e-10 * (1.0 + std::fabs(ref.log_joint[mu])));
      for (int k = 0; k < dims; ++k)
        CHECK_NEAR(scores[mu * dims + k], ref.scores[mu * dims + k], 2.0 * ratio * eps / h + 1e-9 / h);
      // Where the density is not negligible (kept sum >= 1 point at distance 0), the error is small outright.
      if (ref.kept[mu] >= 1.0) {
        CHECK_NEAR(log_joint[mu], ref.log_joint[mu], 1.2e-3);
        for (int k = 0; k < dims; ++k) CHECK_NEAR(scores[mu * dims + k], ref.scores[mu * dims + k], 1.2e-2 / h);
      }
    }
  }
  return finite;
}

std::string build_error(const Eigen::MatrixXd& points, const std::vector<int>& labels, int classes,
                        double bandwidth = 0.0) {
  const auto result = KdePosterior::build(points, labels, classes, bandwidth);
  return result.ok() ? std::string("(built without error)") : result.status.message;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("kde_matches_brute_force_within_cutoff_bound_2d") {
  const Cloud c = make_cloud(2, 300, 21);
  for (double bandwidth : {0.0, 0.25}) {  // the rule (narrow), and a wide kernel with many far-but-close points
    const auto built = KdePosterior::build(c.points, c.labels, 3, bandwidth);
    CHECK_MESSAGE(built.ok(), built.status.message);
    CHECK((!built.value.exact() && built.value.dims() == 2 && built.value.num_classes() == 3));
    const int finite = check_against_reference(c, built.value, 22);
    CHECK_MESSAGE(finite > 400, "only " << finite << " finite (query, class) pairs");
  }
}

TEST_CASE("kde_matches_brute_force_within_cutoff_bound_1d") {
  const Cloud c = make_cloud(1, 200, 23);
  for (double bandwidth : {0.0, 0.2}) {
    const auto built = KdePosterior::build(c.points, c.labels, 3, bandwidth);
    CHECK_MESSAGE(built.ok(), built.status.message);
    const int finite = check_against_reference(c, built.value, 24);
    CHECK_MESSAGE(finite > 400, "only " << finite << " finite (query, class) pairs");
  }
}

TEST_CASE("kde_grid_terms_equal_the_pointwise_terms") {
  // The gathered grid evaluation keeps exactly the terms class_terms keeps; only rounding may differ. The grids
  // reach far beyond the data (classes with no point within R: -inf and zero scores).
  for (int dims : {1, 2}) {
    const Cloud c = make_cloud(dims, 200, 31);
    for (double bandwidth : {0.0, 0.3}) {
      const auto built = KdePosterior::build(c.points, c.labels, 3, bandwidth);
      CHECK_MESSAGE(built.ok(), built.status.message);
      const KdePosterior& kde = built.value;
      std::vector<double> xs, ys = {0.0};
      for (int i = 0; i < 37; ++i) xs.push_back(-4.0 + 10.0 * i / 36.0);
      if (dims == 2) {
        ys.clear();
        for (int i = 0; i < 29; ++i) ys.push_back(-3.5 + 8.0 * i / 28.0);
      }
      const int nx = static_cast<int>(xs.size()), ny = static_cast<int>(ys.size()), M = 3, K = dims;
      std::vector<double> grid_joint(nx * ny * M), grid_scores(nx * ny * M * K);
      kde.class_terms_on_grid(xs.data(), nx, ys.data(), ny, grid_joint.data(), grid_scores.data());
      int mismatches = 0, finite = 0, empty = 0;
      for (int iy = 0; iy < ny; ++iy)
        for (int ix = 0; ix < nx; ++ix) {
          const int p = iy * nx + ix;
          const double x[2] = {xs[ix], ys[iy]};
          double joint[3], scores[6];
          kde.class_terms(x, joint, scores);
          for (int mu = 0; mu < M; ++mu) {
            const double g = grid_joint[p * M + mu];
            if (std::isinf(joint[mu])) {
              mismatches += !(std::isinf(g) && g < 0.0);
              ++empty;
              continue;
            }
            ++finite;
            mismatches += !(std::fabs(g - joint[mu]) <= 1e-12 * std::fmax(1.0, std::fabs(joint[mu])));
            for (int k = 0; k < K; ++k) {
              const double a = grid_scores[(p * M + mu) * K + k], b = scores[mu * K + k];
              mismatches += !(std::fabs(a - b) <= 1e-9 * std::fmax(1.0, std::fabs(b)));
            }
          }
        }
      CHECK_MESSAGE(mismatches == 0, mismatches << " mismatches, dims " << dims << ", bandwidth " << bandwidth);
      CHECK_MESSAGE((finite > 25 && empty > 10), finite << " finite and " << empty << " empty (point, class) pairs");
    }
  }
}

TEST_CASE("kde_scores_match_finite_differences") {
  for (int dims : {1, 2}) {
    const Cloud c = make_cloud(dims, 150, 25);
    const KdePosterior model = KdePosterior::build(c.points, c.labels, 3, 0.15).value;
    const double h = model.bandwidth(), step = 1e-4 * h;
    catgeo::Rng rng(26);
    std::vector<double> lj(3), scores(3 * dims), lj_plus(3), lj_minus(3), unused(3 * dims);
    int compared = 0;
    for (int q = 0; q < 200; ++q) {
      double x[2];
      const int near = static_cast<int>(rng.below(static_cast<std::uint32_t>(c.points.cols())));
      for (int k = 0; k < dims; ++k) x[k] = c.points(k, near) + h * rng.normal();
      // The truncated density jumps (by <= e^{-12.5} per point) where a point crosses the cutoff circle:
      // skip the rare queries with a point that close to it.
      bool near_cutoff = false;
      for (int i = 0; i < c.points.cols(); ++i) {
        double d_sq = 0.0;
        for (int k = 0; k < dims; ++k) d_sq += (c.points(k, i) - x[k]) * (c.points(k, i) - x[k]);
        near_cutoff = near_cutoff || std::fabs(std::sqrt(d_sq) - model.cutoff_radius()) < 4 * step;
      }
      if (near_cutoff) continue;
      model.class_terms(x, lj.data(), scores.data());
      for (int k = 0; k < dims; ++k) {
        double xp[2] = {x[0], dims == 2 ? x[1] : 0.0}, xm[2] = {x[0], dims == 2 ? x[1] : 0.0};
        xp[k] += step;
        xm[k] -= step;
        model.class_terms(xp, lj_plus.data(), unused.data());
        model.class_terms(xm, lj_minus.data(), unused.data());
        for (int mu = 0; mu < 3; ++mu) {
          if (!std::isfinite(lj_plus[mu]) || !std::isfinite(lj_minus[mu])) continue;
          ++compared;
          CHECK_NEAR(scores[mu * dims + k], (lj_plus[mu] - lj_minus[mu]) / (2 * step), 1e-5 / h);
        }
      }
    }
    CHECK_MESSAGE(compared > 200 * dims, "only " << compared << " finite-difference comparisons");
  }
}

TEST_CASE("kde_hand_computed_values") {
  // Points 0 and 1 in one class, h = 1: at x = 0.5, S = 2 e^{-1/8} and the score is 0 by symmetry;
  // at x = 0, S = 1 + e^{-1/2} and the score is e^{-1/2} / (1 + e^{-1/2}).
  Eigen::MatrixXd points(1, 2);
  points << 0.0, 1.0;
  const KdePosterior model = KdePosterior::build(points, {0, 0}, 1, 1.0).value;
  double lj, score;
  const double half = 0.5, zero = 0.0;
  model.class_terms(&half, &lj, &score);
  CHECK_NEAR(lj, -std::log(2.0) - 0.5 * std::log(2 * kPi) + std::log(2 * std::exp(-0.125)), 1e-12);
  CHECK_NEAR(score, 0.0, 1e-12);
  model.class_terms(&zero, &lj, &score);
  CHECK_NEAR(lj, -std::log(2.0) - 0.5 * std::log(2 * kPi) + std::log(1 + std::exp(-0.5)), 1e-12);
  CHECK_NEAR(score, std::exp(-0.5) / (1 + std::exp(-0.5)), 1e-12);

  // Two classes 100 apart in 2-D, h = 1: at a class-0 point class 1 has no mass (-inf, zero score) and
  // log_joint[0] = ln(1/2) + ln N(0; 0, I).
  Eigen::MatrixXd two(2, 2);
  two << 0.0, 100.0, 0.0, 0.0;
  const KdePosterior far = KdePosterior::build(two, {0, 1}, 2, 1.0).value;
  double x[2] = {0.0, 0.0}, log_joint[2], scores[4];
  far.class_terms(x, log_joint, scores);
  CHECK_NEAR(log_joint[0], std::log(0.5) - std::log(2 * kPi), 1e-12);
  CHECK((std::isinf(log_joint[1]) && log_joint[1] < 0));
  CHECK((scores[0] == 0.0 && scores[1] == 0.0 && scores[2] == 0.0 && scores[3] == 0.0));
  // Far outside the bounding box, and at a non-finite point: no class has mass.
  for (double far_x : {-1e300, 1e9, std::numeric_limits<double>::quiet_NaN()}) {
    x[0] = far_x;
    far.class_terms(x, log_joint, scores);
    CHECK((std::isinf(log_joint[0]) && std::isinf(log_joint[1])));
  }
}

TEST_CASE("kde_bandwidth_rule") {
  // 1-D {0, 1, 3, 7}: nearest-neighbour distances 1, 1, 2, 4, median 1.5, h = 0.75.
  Eigen::MatrixXd line(1, 4);
  line << 7.0, 0.0, 3.0, 1.0;
  auto built = KdePosterior::build(line, {0, 1, 0, 1}, 2);
  CHECK_NEAR(built.value.bandwidth(), 0.75, 1e-15);
  CHECK_NEAR(built.value.cutoff_radius(), 5 * 0.75, 1e-15);
  // 2-D (0,0) (3,0) (0,4) (10,10): distances 3, 3, 4, sqrt(136), median 3.5, h = 1.75.
  Eigen::MatrixXd plane(2, 4);
  plane << 0, 3, 0, 10, 0, 0, 4, 10;
  CHECK_NEAR(KdePosterior::build(plane, {0, 0, 1, 1}, 2).value.bandwidth(), 1.75, 1e-15);
  // Odd count: add (3,4), distances become 3, 3, 3, sqrt(85), 4 -> median 3, h = 1.5.
  Eigen::MatrixXd plane5(2, 5);
  plane5 << 0, 3, 0, 10, 3, 0, 0, 4, 10, 4;
  CHECK_NEAR(KdePosterior::build(plane5, {0, 0, 1, 1, 0}, 2).value.bandwidth(), 1.5, 1e-15);
  // Mostly duplicates: median distance 0, so the floor 1e-3 * spread (range 5) applies.
  Eigen::MatrixXd dup(1, 5);
  dup << 0, 0, 1, 1, 5;
  CHECK_NEAR(KdePosterior::build(dup, {0, 1, 0, 1, 0}, 2).value.bandwidth(), 5e-3, 1e-15);
  // All points equal: spread taken as 1.
  Eigen::MatrixXd same(2, 3);
  same << 2, 2, 2, 2, 2, 2;
  const auto degenerate = KdePosterior::build(same, {0, 1, 1}, 2);
  CHECK_NEAR(degenerate.value.bandwidth(), 1e-3, 1e-18);
  double x[2] = {2.0, 2.0}, lj[2], sc[4];
  degenerate.value.class_terms(x, lj, sc);
  CHECK_NEAR(lj[1] - lj[0], std::log(2.0), 1e-12);
  // An explicit bandwidth is used as given.
  CHECK_NEAR(KdePosterior::build(plane, {0, 0, 1, 1}, 2, 0.3).value.bandwidth(), 0.3, 0.0);
}

TEST_CASE("kde_build_errors") {
  Eigen::MatrixXd plane(2, 3);
  plane << 0, 1, 2, 0, 1, 2;
  CHECK(contains(build_error(Eigen::MatrixXd(2, 0), {}, 2), "KDE posterior has no points"));
  CHECK(contains(build_error(Eigen::MatrixXd::Zero(3, 4), {0, 0, 1, 1}, 2),
                 "needs 1-D or 2-D points, got 3 coordinates per point"));
  CHECK(contains(build_error(plane, {0, 1}, 2), "got 2 labels for 3 points"));
  CHECK(contains(build_error(plane, {0, 1, 0}, 4), "class 2, 3 has no points"));
  CHECK(contains(build_error(plane, {0, 0, 0}, 2), "class 1 has no points"));
  CHECK(contains(build_error(plane, {0, 5, 1}, 2), "KDE point 1 has label 5, outside 0..1"));
  CHECK(contains(build_error(plane, {0, 1, 1}, 2, -1.0), "bandwidth must be positive and finite"));
  CHECK(contains(build_error(plane, {0, 1, 1}, 2, std::nan("")), "bandwidth must be positive and finite"));
  Eigen::MatrixXd bad = plane;
  bad(1, 2) = std::numeric_limits<double>::infinity();
  CHECK(contains(build_error(bad, {0, 1, 1}, 2), "KDE point 2 has a non-finite coordinate"));
  bad(1, 2) = std::nan("");
  CHECK(contains(build_error(bad, {0, 1, 1}, 2), "KDE point 2 has a non-finite coordinate"));
  CHECK(contains(build_error(plane, {0, 0, 0}, 0), "needs at least one class"));
}
