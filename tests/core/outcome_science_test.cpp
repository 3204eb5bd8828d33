// Expected outcomes of E2, E4, E6 (two layers vs one), E7 and the E3 low-noise failure mode (paper-spec 2.3, 3.3);
// slow.
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/run/experiment.h"
#include "core/link/link_fields.h"
#include "core/config/scenarios.h"
#include "test.h"

using namespace catgeo;

namespace {

// Spec 3.3's suggested pass thresholds.
constexpr double kPeakDistancePass = 0.15;  // 1-D: F_code peaks within 0.15 of the boundaries (or F_cat maxima)
constexpr double kAnglePassDeg = 15.0;      // 2-D: angle between top eigenvectors, E5-E7
const std::uint64_t kSeeds[] = {1, 2, 3};

struct Outcome {
  MetricsSnapshot before, after;
};

// Trains the preset `id` with `seed` and the link keys of `overrides` (e.g. {"sigma", "0.2"}) to the end.
bool train(const char* id, std::uint64_t seed, const std::vector<std::pair<const char*, const char*>>& overrides,
           Outcome& out) {
  ScenarioConfig config = scenario_preset(id).value;
  config.training.seed = seed;
  for (const auto& [key, value] : overrides) {
    const Status set = set_parameter(config, key, value);
    CHECK_MESSAGE(set.ok, set.message);
    if (!set.ok) return false;
  }
  Result<std::unique_ptr<Experiment>> run = Experiment::create(config);
  CHECK_MESSAGE(run.ok(), run.status.message);
  if (!run.ok()) return false;
  while (run.value->trainer().state() == TrainerState::training) run.value->train({1 << 20, 0.0});
  CHECK_MESSAGE(run.value->trainer().state() == TrainerState::finished, id << " seed " << seed << " diverged");
  out.before = run.value->history().front();
  out.after = run.value->history().back();
  return true;
}

std::string peaks_text(const std::vector<double>& peaks) {
  std::string text;
  char item[32];
  for (double p : peaks) {
    std::snprintf(item, sizeof item, "%s%.3f", text.empty() ? "" : " ", p);
    text += item;
  }
  return text.empty() ? "none" : text;
}

void print_1d(const char* name, std::uint64_t seed, const Outcome& o) {
  const MatchMetrics &b = o.before.match, &a = o.after.match;
  std::printf(
      "    %s seed %llu: fcode peaks %s | fcat peaks %s | boundaries %s | dist %.3f | r %.3f -> %.3f | "
      "spearman %.3f -> %.3f | contrast %.2f -> %.1f | gamma %.2f | acc %.3f\n",
      name, static_cast<unsigned long long>(seed), peaks_text(a.fcode_peaks).c_str(), peaks_text(a.fcat_peaks).c_str(),
      peaks_text(a.boundaries).c_str(), a.peak_boundary_distance, b.loglog_r, a.loglog_r, b.spearman_r, a.spearman_r,
      b.contrast, a.contrast, a.exponent, o.after.test_accuracy);
}

void print_2d(const char* name, std::uint64_t seed, const Outcome& o) {
  const MatchMetrics &b = o.before.match, &a = o.after.match;
  std::printf(
      "    %s seed %llu: angle weighted %.1f -> %.1f deg, top20 %.1f -> %.1f deg | r(log Tr) %.3f -> %.3f | "
      "spearman %.3f -> %.3f | contrast %.2f -> %.1f | gamma %.2f | acc %.3f\n",
      name, static_cast<unsigned long long>(seed), b.angle_deg_weighted, a.angle_deg_weighted, b.angle_deg_top20,
      a.angle_deg_top20, b.loglog_r, a.loglog_r, b.spearman_r, a.spearman_r, b.contrast, a.contrast, a.exponent,
      o.after.test_accuracy);
}

// The before/after pair every trained case shows: F_code's contrast rises (spec 3.3 item 4). Log-log r is not
// such a pair: a nearly flat F_code at initialisation can already give r up to 0.98 (spec 3.3 item 2).
void expect_contrast_rises(const char* name, std::uint64_t seed, const Outcome& o) {
  CHECK_MESSAGE(o.after.match.contrast > o.before.match.contrast,
                name << " seed " << seed << ": contrast " << o.before.match.contrast << " -> "
                   << o.after.match.contrast);
}

// Largest distance from an F_code peak to the nearest of `targets` (NaN without peaks).
double farthest_peak(const std::vector<double>& peaks, const std::vector<double>& targets) {
  double worst = peaks.empty() ? std::nan("") : 0.0;
  for (double p : peaks) {
    double nearest = INFINITY;
    for (double t : targets) nearest = std::fmin(nearest, std::fabs(p - t));
    worst = std::fmax(worst, nearest);
  }
  return worst;
}

// 2-D cases: both angles under the spec's pass threshold after training, and lower than before.
void expect_aligned(const char* name, std::uint64_t seed, const Outcome& o) {
  const MatchMetrics &b = o.before.match, &a = o.after.match;
  CHECK_MESSAGE(a.angle_deg_weighted < kAnglePassDeg,
                name << " seed " << seed << ": weighted angle " << a.angle_deg_weighted);
  CHECK_MESSAGE(a.angle_deg_top20 < kAnglePassDeg, name << " seed " << seed << ": top-20% angle " << a.angle_deg_top20);
  CHECK_MESSAGE(a.angle_deg_weighted < b.angle_deg_weighted,
                name << " seed " << seed << ": weighted angle " << b.angle_deg_weighted << " -> "
                   << a.angle_deg_weighted);
  CHECK_MESSAGE(a.angle_deg_top20 < b.angle_deg_top20,
                name << " seed " << seed << ": top-20% angle " << b.angle_deg_top20 << " -> " << a.angle_deg_top20);
}

}  // namespace

// E2 (sigma 1): one F_code peak, shifted from the boundary (-0.170) the same way as F_cat's maximum (-0.057), and
// within spec 3.3's 0.15 of that maximum. Spec 2.3 expects the peak beyond F_cat's maximum (+0.04..+0.06); it comes
// out beyond it too, but only just (-0.04..-0.03 for seeds 1-3, 0.02-0.03 past the maximum, see docs/experiments.md):
// a miss in size, not in direction. How far beyond is not tested here.
TEST_CASE("science_e2_fcode_peak_follows_the_shifted_fcat_maximum" * SLOW) {
  for (std::uint64_t seed : kSeeds) {
    Outcome o;
    if (!train("E2", seed, {}, o)) continue;
    print_1d("E2", seed, o);
    const MatchMetrics& a = o.after.match;
    CHECK_MESSAGE((a.fcode_peaks.size() == 1 && a.fcat_peaks.size() == 1 && a.boundaries.size() == 1),
                   "seed " << seed << ": fcode peaks " << peaks_text(a.fcode_peaks));
    if (a.fcode_peaks.size() != 1 || a.fcat_peaks.size() != 1 || a.boundaries.size() != 1) continue;
    const double boundary = a.boundaries[0], fcat_max = a.fcat_peaks[0], peak = a.fcode_peaks[0];
    CHECK_MESSAGE((peak - boundary) * (fcat_max - boundary) > 0.0,
                   "seed " << seed << ": peak " << peak << " not on F_cat's side of the boundary " << boundary);
    CHECK_MESSAGE(std::fabs(peak - fcat_max) <= kPeakDistancePass,
                  "seed " << seed << ": peak " << peak << " is " << std::fabs(peak - fcat_max) << " from F_cat's max");
    expect_contrast_rises("E2", seed, o);
  }
}

// E4 (sigma 1): two F_code peaks, each within 0.15 of a boundary (+-0.5).
TEST_CASE("science_e4_fcode_peaks_at_both_close_boundaries" * SLOW) {
  for (std::uint64_t seed : kSeeds) {
    Outcome o;
    if (!train("E4", seed, {}, o)) continue;
    print_1d("E4", seed, o);
    const MatchMetrics& a = o.after.match;
    CHECK_MESSAGE(a.fcode_peaks.size() == 2, "seed " << seed << ": fcode peaks " << peaks_text(a.fcode_peaks));
    CHECK_MESSAGE(a.peak_boundary_distance <= kPeakDistancePass,
                  "seed " << seed << ": distance " << a.peak_boundary_distance);
    expect_contrast_rises("E4", seed, o);
  }
}

// E3 at sigma 0.2 with lr 1e-3 (spec 2.3): the failure mode, a single F_code peak in the middle class (about 0.01)
// instead of two at the boundaries +-0.75, so the peaks are farther than 0.15 from the boundaries.
TEST_CASE("science_e3_low_noise_fails_with_one_middle_peak" * SLOW) {
  for (std::uint64_t seed : kSeeds) {
    Outcome o;
    if (!train("E3", seed, {{"sigma", "0.2"}, {"lr", "0.001"}}, o)) continue;
    print_1d("E3 sigma 0.2", seed, o);
    const MatchMetrics& a = o.after.match;
    CHECK_MESSAGE(a.fcode_peaks.size() == 1, "seed " << seed << ": fcode peaks " << peaks_text(a.fcode_peaks));
    CHECK_MESSAGE(farthest_peak(a.fcode_peaks, {0.0}) <= kPeakDistancePass,
                  "seed " << seed << ": fcode peaks " << peaks_text(a.fcode_peaks) << " not at the middle class");
    CHECK_MESSAGE(a.peak_boundary_distance > kPeakDistancePass,
                  "seed " << seed << ": distance " << a.peak_boundary_distance << " (expected a misplaced match)");
  }
}

// E6 (curved boundary): with two hidden layers (the preset) the eigenvectors align under 15 degrees; with one hidden
// layer the spec expects a worse alignment (48 -> 24 degrees instead of 52 -> 3).
TEST_CASE("science_e6_two_layers_align_better_than_one" * SLOW) {
  for (std::uint64_t seed : kSeeds) {
    Outcome two, one;
    if (!train("E6", seed, {}, two) || !train("E6", seed, {{"layers", "128s"}}, one)) continue;
    print_2d("E6 two layers", seed, two);
    print_2d("E6 one layer", seed, one);
    expect_aligned("E6", seed, two);
    expect_contrast_rises("E6", seed, two);
    CHECK_MESSAGE(one.after.match.angle_deg_top20 > two.after.match.angle_deg_top20,
                  "seed " << seed << ": top-20% angle one layer " << one.after.match.angle_deg_top20 << ", two layers "
                          << two.after.match.angle_deg_top20);
    CHECK_MESSAGE(one.after.match.angle_deg_weighted > two.after.match.angle_deg_weighted,
                  "seed " << seed << ": weighted angle one layer " << one.after.match.angle_deg_weighted
                     << ", two layers "
                          << two.after.match.angle_deg_weighted);
  }
}

// E7 (three classes around a triple point): angles under 15 degrees, r(log Tr) rises (spec: 0.70 -> 0.90).
TEST_CASE("science_e7_eigenvectors_align_around_the_triple_point" * SLOW) {
  for (std::uint64_t seed : kSeeds) {
    Outcome o;
    if (!train("E7", seed, {}, o)) continue;
    print_2d("E7", seed, o);
    expect_aligned("E7", seed, o);
    expect_contrast_rises("E7", seed, o);
    CHECK_MESSAGE(o.after.match.loglog_r > o.before.match.loglog_r,
                  "seed " << seed << ": r(log Tr) " << o.before.match.loglog_r << " -> " << o.after.match.loglog_r);
  }
}
