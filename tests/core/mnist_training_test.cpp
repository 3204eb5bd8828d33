// MNIST (spec 2.4, M1) science checks: the class-scale KDE bandwidth, the angle metric on an F_cat that is
// zero on most of the region, and (slow, skipped without assets/mnist14.cgd) trained runs on real digits.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/run/experiment.h"
#include "core/geometry/fisher.h"
#include "core/geometry/kde_posterior.h"
#include "core/geometry/metrics.h"
#include "core/data/mnist_asset.h"
#include "core/config/scenarios.h"
#include "test.h"
#include "test_assets.h"

namespace {

using catgeo::Dataset;


// All 10,000 digits of assets/mnist14.cgd, or false (and a printed skip notice) when the file is absent.
bool load_digits(Dataset& out) {
  std::vector<std::uint8_t> bytes;
  std::string tried;
  if (!catgeo::test::read_asset("mnist14.cgd", bytes, tried)) {
    std::printf("    skipped: mnist14.cgd not found (tried %s); run node scripts/make_mnist_asset.mjs\n",
                tried.c_str());
    return false;
  }
  auto loaded = catgeo::load_mnist_asset(bytes.data(), bytes.size());
  CHECK_MESSAGE(loaded.ok(), loaded.status.message);
  if (!loaded.ok()) return false;
  out = std::move(loaded.value);
  return true;
}

// Trains the "mnist" preset on the given digits for `epochs` epochs and returns the run (null on failure).
std::unique_ptr<catgeo::Experiment> train_digits(const Dataset& all, const std::vector<int>& digits, int epochs,
                                                 std::uint64_t seed = 0) {
  catgeo::ScenarioConfig config = catgeo::scenario_preset("mnist").value;
  config.mnist.digits = digits;
  config.training.epochs = epochs;
  if (seed != 0) config.training.seed = seed;
  auto run = catgeo::Experiment::create(config, &all);
  CHECK_MESSAGE(run.ok(), run.status.message);
  if (!run.ok()) return nullptr;
  while (run.value->trainer().state() == catgeo::TrainerState::training) run.value->train({1 << 20, 0.0});
  CHECK(run.value->trainer().state() == catgeo::TrainerState::finished);
  return std::move(run.value);
}

void print_history(const catgeo::Experiment& run) {
  std::printf("    epoch  test_acc  angle_weighted  angle_top20  loglog_r  spearman_r\n");
  for (const catgeo::MetricsSnapshot& s : run.history())
    std::printf("    %5.0f  %8.4f  %14.2f  %11.2f  %8.3f  %10.3f\n", s.epoch, s.test_accuracy,
                s.match.angle_deg_weighted, s.match.angle_deg_top20, s.match.loglog_r, s.match.spearman_r);
}

void store(Eigen::MatrixXd& packed, Eigen::MatrixXd& eigen, int i, const catgeo::Sym2& f) {
  packed(0, i) = f.f11;
  packed(1, i) = f.f12;
  packed(2, i) = f.f22;
  const catgeo::SymEigen2 e = catgeo::eigen_sym2(f);
  eigen(0, i) = e.lambda_max;
  eigen(1, i) = e.lambda_min;
  eigen(2, i) = e.angle;
}

}  // namespace

TEST_CASE("kde_class_scale_bandwidth_hand_computed") {
  // Class 0: (0,0), (2,0): tr Cov = 2, rms sd = 1. Class 1: (10,0), (10,4): tr Cov = 8, rms sd = 2.
  // h_mu = rms sd * 2^(-1/6); the median of two classes is their mean: 1.5 * 2^(-1/6).
  Eigen::MatrixXd points(2, 4);  // (K, n)
  points << 0, 2, 10, 10, 0, 0, 0, 4;
  const double h = catgeo::KdePosterior::class_scale_bandwidth(points, {0, 0, 1, 1}, 2);
  CHECK_NEAR(h, 1.5 * std::pow(2.0, -1.0 / 6.0), 1e-12);
  // Scale equivariance: codes 10x larger give a 10x larger bandwidth.
  CHECK_NEAR(catgeo::KdePosterior::class_scale_bandwidth(10.0 * points, {0, 0, 1, 1}, 2), 10.0 * h, 1e-10);
  // Collinear codes still get h > 0 (the trace, not the determinant).
  Eigen::MatrixXd line(2, 4);
  line << 0, 1, 5, 6, 0, 1, 5, 6;
  CHECK(catgeo::KdePosterior::class_scale_bandwidth(line, {0, 0, 1, 1}, 2) > 0.1);
  // No class with two points: 0, i.e. "use the default rule".
  CHECK(catgeo::KdePosterior::class_scale_bandwidth(points.leftCols(2), {0, 1}, 2) == 0.0);
}

TEST_CASE("metrics_angles_ignore_points_without_fcat_direction") {
  // 5 x 5 grid, uniform density. F_code points along y everywhere. F_cat is exactly 0 except at 3 points,
  // where it points along y too: the angles must be 0 (the zero-F_cat points have no direction; they used to
  // enter the "top 20%" with eigen_sym2's arbitrary angle 0, i.e. along x, 90 degrees from F_code).
  catgeo::GridSpec grid;
  grid.dims = 2;
  grid.count[0] = grid.count[1] = 5;
  catgeo::GridFields fields;
  fields.reshape(grid, 2);
  fields.density.setOnes();
  fields.reference_posterior.setConstant(0.5);
  fields.network_posterior.setConstant(0.5);
  fields.fcat_self.setZero();
  for (int i = 0; i < fields.size(); ++i) {
    store(fields.fcode, fields.fcode_eigen, i, {1.0, 0.0, 2.0 + 0.1 * i});
    const bool directed = i == 3 || i == 12 || i == 20;
    store(fields.fcat, fields.fcat_eigen, i, directed ? catgeo::Sym2{0.0, 0.0, 1.0 + i} : catgeo::Sym2{});
  }
  fields.has_reference = fields.has_network = true;
  const catgeo::MatchMetrics m = catgeo::compute_match_metrics(fields);
  CHECK_NEAR(m.angle_deg_top20, 0.0, 1e-9);
  CHECK_NEAR(m.angle_deg_weighted, 0.0, 1e-9);
  CHECK(m.region_points == 25);
  // The log-log fit uses only the 3 points with F_cat > 0 (trace 4, 13, 21 against F_code 3.3, 4.2, 5.0),
  // so it is a real correlation, not one dominated by a 1e-300 floor.
  CHECK((std::isfinite(m.loglog_r) && m.loglog_r > 0.9));
  CHECK((std::isfinite(m.exponent) && m.exponent > 0.0 && m.exponent < 1.0));
}

TEST_CASE("science_mnist_all_ten_digits_accuracy" * SLOW) {
  // Issue acceptance: all ten digits, test accuracy above 85% with the page's preset (30 epochs), for each of
  // three training seeds. Measured 0.9055, 0.9005, 0.9185 (seeds 1-3). After 10 epochs, seeds 1-6 spread
  // from 0.83 to 0.91: too close to the bar to test there.
  Dataset all;
  if (!load_digits(all)) return;
  for (std::uint64_t seed : {1, 2, 3}) {
    auto run = train_digits(all, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 30, seed);
    if (!run) return;
    const catgeo::MetricsSnapshot& last = run->history().back();
    std::printf("    seed %d: test accuracy %.4f after %.0f epochs\n", static_cast<int>(seed), last.test_accuracy,
                last.epoch);
    CHECK_MESSAGE(last.test_accuracy > 0.85, "seed " << seed << ": test accuracy " << last.test_accuracy);
    CHECK((run->train_data().size() == 8000 && run->test_data().size() == 2000));
    // Every metric is a number after training (no NaN from an empty or saturated F_cat region).
    for (double v : {last.match.angle_deg_weighted, last.match.angle_deg_top20, last.match.loglog_r,
                     last.match.spearman_r, last.match.exponent, last.match.contrast})
      CHECK(std::isfinite(v));
    CHECK_MESSAGE(last.match.region_points >= 100, "data region " << last.match.region_points << " grid points");
  }
}

TEST_CASE("science_mnist_49_fcode_aligns_with_kde_fcat" * SLOW) {
  // Issue acceptance: for {4, 9} the top-20% angle between the F_code and KDE F_cat eigenvectors falls below
  // 20 degrees by the end of training (30 epochs, the preset). Measured with the class-scale bandwidth: 4.8-8
  // degrees from epoch 3 on, 6.2 at epoch 30; with the old nearest-neighbour bandwidth it jumped between 1.7
  // and 83 degrees, with NaN at some epochs (see kde_posterior.h).
  Dataset all;
  if (!load_digits(all)) return;
  auto run = train_digits(all, {4, 9}, 30);
  if (!run) return;
  print_history(*run);
  const catgeo::MetricsSnapshot& first = run->history().front();
  const catgeo::MetricsSnapshot& last = run->history().back();
  CHECK_MESSAGE(last.test_accuracy > 0.9, "test accuracy " << last.test_accuracy);
  CHECK_MESSAGE(last.match.angle_deg_top20 < 20.0, "top-20% angle " << last.match.angle_deg_top20);
  CHECK_MESSAGE(first.match.angle_deg_top20 > 30.0, "angle at initialisation " << first.match.angle_deg_top20);
  // Stable, not erratic: every snapshot from epoch 3 on is finite and below 20 degrees.
  for (const catgeo::MetricsSnapshot& s : run->history())
    if (s.epoch >= 3)
      CHECK_MESSAGE((std::isfinite(s.match.angle_deg_top20) && s.match.angle_deg_top20 < 20.0),
                     "epoch " << s.epoch << ": top-20% angle " << s.match.angle_deg_top20);
  // The KDE is smooth at the metric grid's scale (the old rule gave h about 1/30 of the grid spacing).
  const catgeo::GridSpec grid = run->current_grid();
  const double spacing = (grid.hi[0] - grid.lo[0]) / (grid.count[0] - 1);
  const Eigen::MatrixXd codes = run->training_codes().cast<double>();
  const double h = catgeo::KdePosterior::class_scale_bandwidth(codes, run->train_data().labels, 2);
  CHECK_MESSAGE(h > 0.5 * spacing, "bandwidth " << h << " vs grid spacing " << spacing);
}
