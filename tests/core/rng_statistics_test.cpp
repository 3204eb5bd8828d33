// Portable RNG (pinned stream, identical natively and in WASM), statistics and matching-metric helpers.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/geometry/fisher.h"
#include "core/geometry/metrics.h"
#include "core/base/rng.h"
#include "core/base/statistics.h"
#include "test.h"

using namespace catgeo;

TEST_CASE("rng_stream_is_pinned_across_platforms") {
  // Golden values: the same on every platform and compiler (no std:: distributions are used).
  Rng rng(42);
  std::uint64_t mix = 0;
  for (int i = 0; i < 1000; ++i) mix = mix * 31 + rng.next_u64();
  double normal_sum = 0.0;
  for (int i = 0; i < 1000; ++i) normal_sum += rng.normal();
  std::uint64_t below_sum = 0;
  for (int i = 0; i < 1000; ++i) below_sum += rng.below(1000);
  CHECK_MESSAGE(mix == 0xC7423169F915524Full, "mix = " << std::hex << mix);
  CHECK_NEAR(normal_sum, -10.1613350466366, 1e-9);
  CHECK_MESSAGE(below_sum == 498025u, "below_sum = " << below_sum);
}

TEST_CASE("rng_normal_has_unit_moments") {
  Rng rng(9);
  double s = 0.0, s2 = 0.0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double z = rng.normal();
    s += z;
    s2 += z * z;
  }
  CHECK_NEAR(s / n, 0.0, 0.01);
  CHECK_NEAR(s2 / n, 1.0, 0.01);
}

// Chi-square of 1e6 draws over 80 bins of width 0.1 on [-4, 4] plus the two outer bins (81 degrees of
// freedom: mean 81, sd 12.7); a wrong layer table or wedge test moves mass between bins and inflates it.
template <typename Draw>
double gaussian_histogram_chi_square(Draw draw) {
  const int n = 1000000, bins = 80;
  std::vector<int> counts(bins + 2, 0);
  for (int i = 0; i < n; ++i) {
    const double z = draw();
    const int bin = z < -4.0 ? 0 : z >= 4.0 ? bins + 1 : 1 + std::min(bins - 1, static_cast<int>((z + 4.0) / 0.1));
    ++counts[bin];
  }
  const auto phi = [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); };
  double chi2 = 0.0;
  for (int b = 0; b < bins + 2; ++b) {
    const double lo = b == 0 ? -INFINITY : -4.0 + 0.1 * (b - 1), hi = b == bins + 1 ? INFINITY : -4.0 + 0.1 * b;
    const double expected = n * (phi(hi) - phi(lo));
    chi2 += (counts[b] - expected) * (counts[b] - expected) / expected;
  }
  return chi2;
}

TEST_CASE("rng_normal_matches_the_gaussian_histogram_including_wedges_and_tails") {
  Rng rng(2024);
  const double chi2 = gaussian_histogram_chi_square([&] { return rng.normal(); });
  CHECK_MESSAGE(chi2 < 81.0 + 5 * 12.7, "chi-square " << chi2 << " over 82 bins");
}

TEST_CASE("rng_float_normals_match_the_gaussian_histogram_and_moments") {
  // The training noise: 24-bit float ziggurat, two per 64-bit draw, filled in odd-sized blocks.
  Rng rng(77);
  std::vector<float> block(33);
  std::size_t next = block.size();
  double s = 0.0, s2 = 0.0, s4 = 0.0;
  int draws = 0;
  const double chi2 = gaussian_histogram_chi_square([&] {
    if (next == block.size()) {
      rng.normals(block.data(), block.size());
      next = 0;
    }
    const double z = block[next++];
    s += z, s2 += z * z, s4 += z * z * z * z, ++draws;
    return z;
  });
  CHECK_MESSAGE(chi2 < 81.0 + 5 * 12.7, "chi-square " << chi2 << " over 82 bins");
  CHECK_NEAR(s / draws, 0.0, 0.005);
  CHECK_NEAR(s2 / draws, 1.0, 0.005);
  CHECK_NEAR(s4 / draws, 3.0, 0.03);
}

TEST_CASE("rng_float_normals_are_pinned_across_platforms") {
  Rng rng(42);
  std::vector<float> z(1001);
  rng.normals(z.data(), z.size());
  double sum = 0.0;
  for (float v : z) sum += v;
  CHECK_NEAR(sum, -28.461255410715239, 1e-12);
}

TEST_CASE("correlations_and_slope") {
  const std::vector<double> a = {1, 2, 3, 4, 5}, b = {2, 4, 6, 8, 10}, c = {1, 4, 9, 16, 25};
  CHECK_NEAR(pearson_correlation(a, b), 1.0, 1e-12);
  CHECK_NEAR(spearman_correlation(a, c), 1.0, 1e-12);
  CHECK(pearson_correlation(a, c) < 0.99);
  CHECK_NEAR(least_squares_slope(a, b), 2.0, 1e-12);
  CHECK_NEAR(spearman_correlation({1, 2, 2, 3}, {1, 2, 3, 4}), 0.9486832980505138, 1e-12);
  CHECK_NEAR(median({5, 1, 3}), 3.0, 0.0);
  CHECK_NEAR(quantile({0, 10}, 0.8), 8.0, 1e-12);
  CHECK(std::isnan(pearson_correlation({1, 1}, {1, 2})));
}

TEST_CASE("peaks_respect_mask_floor_and_prominence") {
  std::vector<double> xs, ys;
  for (int i = 0; i <= 400; ++i) {
    const double x = -2.0 + i * 0.01;
    xs.push_back(x);
    // Two main bumps at -1 and 1.03, a tiny ripple at 0 that must be ignored.
    ys.push_back(std::exp(-8 * (x + 1) * (x + 1)) + std::exp(-8 * (x - 1.03) * (x - 1.03)) +
                 0.02 * std::exp(-200 * x * x));
  }
  const std::vector<double> peaks = curve_peaks(xs.data(), ys.data(), 401, nullptr, 0.1);
  CHECK(peaks.size() == 2);
  if (peaks.size() == 2) {
    CHECK_NEAR(peaks[0], -1.0, 2e-3);
    CHECK_NEAR(peaks[1], 1.03, 2e-3);
  }
  std::vector<unsigned char> mask(401, 1);
  for (int i = 250; i <= 400; ++i) mask[i] = 0;
  CHECK(curve_peaks(xs.data(), ys.data(), 401, mask.data(), 0.1).size() == 1);
  CHECK_NEAR(hausdorff_distance({-1.0, 1.0}, {-0.9, 0.95, 1.2}), 0.2, 1e-12);
  CHECK(std::isnan(hausdorff_distance({}, {1.0})));
}

TEST_CASE("eigen_of_symmetric_2x2") {
  const SymEigen2 e = eigen_sym2({2.0, 1.0, 2.0});
  CHECK_NEAR(e.lambda_max, 3.0, 1e-12);
  CHECK_NEAR(e.lambda_min, 1.0, 1e-12);
  CHECK_NEAR(e.angle, 3.14159265358979 / 4, 1e-12);
  const SymEigen2 v = eigen_sym2({1.0, 0.0, 5.0});
  CHECK_NEAR(std::fabs(v.angle), 3.14159265358979 / 2, 1e-12);
  CHECK_NEAR(trace_inverse_product({2.0, 0.0, 4.0}, {1.0, 0.3, 1.0}, 2), 0.75, 1e-9);
}
