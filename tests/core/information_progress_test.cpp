// The information measures in chunks: bit for bit the one-shot measure_information of the same state, whatever the
// run does meanwhile (1-D, 2-D, drawn points with their NaN parts); chunks bounded by work; the page's schedule.
#include "core/analysis/information_progress.h"

#include <cmath>
#include <cstring>
#include <vector>

#include "core/run/experiment.h"
#include "core/analysis/information_summary.h"
#include "core/config/scenarios.h"
#include "core/geometry/slice_size.h"
#include "test.h"

using namespace catgeo;

namespace {

// Smaller than the defaults (the test runs under ASan too); both paths get the same settings.
InformationSettings quick_settings() {
  InformationSettings s;
  s.estimator.joint_samples = 640;
  s.noise_samples = 32;
  return s;
}

// Bit for bit, NaN included.
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof(double)) == 0; }

std::vector<double> values(const InformationSummary& i) {
  return {i.info_r,   i.info_r_se,  i.coding_cost,     i.decoding_cost,          i.decoding_cost_se,  i.bayes_cost,
          i.info_xr,  i.info_xr_se, i.info_xr_highsnr, i.info_r_bias_correction, i.ess_fraction,      i.info_r_highsnr,
          i.bv_noise, i.bv_bias,    i.bv_variance,     i.bv_cross_entropy,       i.fcode_over_fcat_cv};
}

bool same_summary(const InformationSummary& a, const InformationSummary& b) {
  const std::vector<double> x = values(a), y = values(b);
  for (std::size_t k = 0; k < x.size(); ++k)
    if (!same_bits(x[k], y[k])) return false;
  return true;
}

// Measures `config` at epoch 0 in one piece, and again in chunks on a second run that trains between the chunks
// (the chunked measurement works on its copy of the epoch-0 network); both must agree bit for bit.
void check_chunked_equals_one_shot(const ScenarioConfig& config, bool expect_info_r) {
  auto whole = Experiment::create(config);
  auto sliced = Experiment::create(config);
  CHECK((whole.ok() && sliced.ok()));
  if (!whole.ok() || !sliced.ok()) return;
  const InformationSummary one_shot = measure_information(*whole.value, quick_settings());
  InformationProgress progress(*sliced.value, quick_settings());
  CHECK(progress.epoch() == 0);
  const int parameters = static_cast<int>(sliced.value->network().parameters().size());
  long long largest = 0;
  while (!progress.done()) {
    largest = std::max(largest, progress.step());
    if (sliced.value->trainer().state() == TrainerState::training) sliced.value->train(StepBudget{64, 10.0});
  }
  CHECK_MESSAGE(sliced.value->trainer().epoch_progress() > 0.0, "the run should have trained meanwhile");
  CHECK_MESSAGE(same_summary(progress.summary(), one_shot),
                config.id << ": chunked info_r " << progress.summary().info_r << " vs " << one_shot.info_r);
  CHECK(progress.steps() > 3);
  // Every chunk bounded by work: the slice target, twice it for the estimator's batches (slice_size.h).
  CHECK_MESSAGE(largest <= 2 * kSliceMultiplyAdds,
                config.id << ": a chunk of " << largest << " multiply-adds (" << parameters << " parameters)");
  CHECK(std::isnan(one_shot.info_r) != expect_info_r);
  CHECK((std::isfinite(one_shot.bv_bias) && std::isfinite(one_shot.bv_variance)));
  const BiasVarianceField& bv = progress.bias_variance();
  CHECK((bv.noise.size() == progress.fields().size() && bv.noise_samples == 32));
}

}  // namespace

TEST_CASE("information_progress_1d_equals_one_shot") {
  check_chunked_equals_one_shot(scenario_preset("E1").value, true);
}

TEST_CASE("information_progress_2d_equals_one_shot") {
  ScenarioConfig config = scenario_preset("E7").value;  // three classes
  config.network.hidden = {{32, Activation::sigmoid}, {32, Activation::sigmoid}};
  check_chunked_equals_one_shot(config, true);
}

TEST_CASE("information_progress_drawn_points_equals_one_shot") {
  // A KDE reference: I(mu; r) and the forms that need p(x|mu) are NaN, the bias-variance part is measured.
  ScenarioConfig config = scenario_preset("E5").value;
  config.id = "drawn";
  config.data = DataKind::drawn_points;
  config.classes.clear();
  for (int i = 0; i < 8; ++i) {
    const double t = 0.4 * i;
    config.points.push_back({{-1.0 + 0.1 * std::cos(t), -0.8 + 0.3 * std::sin(t)}, 0});
    config.points.push_back({{0.9 + 0.2 * std::sin(t), 1.0 + 0.1 * std::cos(t)}, 1});
  }
  check_chunked_equals_one_shot(config, false);
}

TEST_CASE("information_schedule_epoch_zero_every_tenth_and_last") {
  CHECK((information_interval(100) == 10 && information_interval(5) == 1 && information_interval(25) == 2));
  CHECK((information_due(0, 100) && information_due(10, 100) && information_due(100, 100)));
  CHECK((!information_due(5, 100) && !information_due(99, 100)));
  CHECK((information_due(24, 25) && information_due(25, 25) && !information_due(23, 25)));
  for (int e = 0; e <= 3; ++e) CHECK(information_due(e, 3));
}
