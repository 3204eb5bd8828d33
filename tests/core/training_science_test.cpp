// Training runs checked against paper-spec 2.3/3.3 (slow: run natively in release), and determinism.
#include <cmath>
#include <cstdio>

#include "core/run/experiment.h"
#include "core/config/scenarios.h"
#include "core/geometry/slice_size.h"
#include "test.h"

using namespace catgeo;

namespace {

std::unique_ptr<Experiment> run_to_end(ScenarioConfig config) {
  Result<std::unique_ptr<Experiment>> run = Experiment::create(config);
  CHECK_MESSAGE(run.ok(), run.status.message);
  if (!run.ok()) return nullptr;
  while (run.value->trainer().state() == TrainerState::training) run.value->train({1 << 20, 0.0});
  return std::move(run.value);
}

void print_1d(const char* name, const MetricsSnapshot& before, const MetricsSnapshot& after) {
  std::printf("    %s: fcode peaks", name);
  for (double p : after.match.fcode_peaks) std::printf(" %.3f", p);
  std::printf(" | boundaries");
  for (double b : after.match.boundaries) std::printf(" %.3f", b);
  std::printf(" | dist %.3f | r %.3f -> %.3f | spearman %.3f | contrast %.1f -> %.1f | gamma %.2f | acc %.3f\n",
              after.match.peak_boundary_distance, before.match.loglog_r, after.match.loglog_r,
              after.match.spearman_r, before.match.contrast, after.match.contrast, after.match.exponent,
              after.test_accuracy);
}

void check_1d(const char* id) {
  ScenarioConfig config = scenario_preset(id).value;
  config.network.noise_sigma = 1.0;
  std::unique_ptr<Experiment> run = run_to_end(config);
  if (!run) return;
  const MetricsSnapshot& before = run->history().front();
  const MetricsSnapshot& after = run->history().back();
  print_1d(id, before, after);
  CHECK(after.match.fcode_peaks.size() == after.match.boundaries.size());
  CHECK_MESSAGE(after.match.peak_boundary_distance <= 0.1, "distance " << after.match.peak_boundary_distance);
  CHECK_MESSAGE(after.match.loglog_r >= 0.95, "log-log r " << after.match.loglog_r);
  CHECK(after.match.contrast > before.match.contrast);
  CHECK(after.match.info_loss < before.match.info_loss);
}

}  // namespace

TEST_CASE("science_e1_fcode_peaks_at_boundary" * SLOW) { check_1d("E1"); }

TEST_CASE("science_e3_fcode_peaks_at_both_boundaries" * SLOW) { check_1d("E3"); }

TEST_CASE("science_e5_eigenvectors_align" * SLOW) {
  std::unique_ptr<Experiment> run = run_to_end(scenario_preset("E5").value);
  if (!run) return;
  const MetricsSnapshot& before = run->history().front();
  const MetricsSnapshot& after = run->history().back();
  std::printf("    E5: weighted angle %.2f -> %.2f deg, top20 %.2f -> %.2f deg, r(log Tr) %.3f -> %.3f, acc %.3f\n",
              before.match.angle_deg_weighted, after.match.angle_deg_weighted, before.match.angle_deg_top20,
              after.match.angle_deg_top20, before.match.loglog_r, after.match.loglog_r, after.test_accuracy);
  CHECK_MESSAGE(after.match.angle_deg_weighted < 15.0, "weighted angle " << after.match.angle_deg_weighted);
}

TEST_CASE("training_is_bit_identical_for_a_seed") {
  ScenarioConfig config = scenario_preset("E5").value;
  config.training.epochs = 3;
  std::unique_ptr<Experiment> a = run_to_end(config);
  std::unique_ptr<Experiment> b = run_to_end(config);
  if (!a || !b) return;
  CHECK(a->network().parameters() == b->network().parameters());
  config.training.seed = 2;
  std::unique_ptr<Experiment> c = run_to_end(config);
  if (c) CHECK(a->network().parameters() != c->network().parameters());
}

TEST_CASE("deferred_metrics_in_slices_give_the_same_run") {
  // The engine measures an epoch in slices of grid points (continue_measure), between other work.
  ScenarioConfig config = scenario_preset("E5").value;
  config.training.epochs = 3;
  std::unique_ptr<Experiment> whole = run_to_end(config);
  auto created = Experiment::create(config);
  if (!whole || !created.ok()) return;
  Experiment& split = *created.value;
  int slices = 0;
  while (split.trainer().state() == TrainerState::training || split.measure_pending()) {
    if (split.measure_pending()) {
      split.continue_measure(0.0);  // one chunk of grid points per call
      ++slices;
      continue;
    }
    StepBudget budget{64, 0.0};
    budget.defer_measure = true;
    const StepReport report = split.train(budget);
    CHECK((!report.epoch_completed || split.measure_pending()));
  }
  CHECK_MESSAGE(slices >= 3 * 6, slices << " slices for 3 measurements of 41x41 points");  // 1681 points: 7 chunks each
  CHECK(split.network().parameters() == whole->network().parameters());
  CHECK(split.history().size() == whole->history().size());
  for (size_t i = 0; i < whole->history().size() && i < split.history().size(); ++i)
    CHECK((split.history()[i].test_loss == whole->history()[i].test_loss &&
           split.history()[i].info_r_lower_bound == whole->history()[i].info_r_lower_bound &&
           split.history()[i].match.angle_deg_weighted == whole->history()[i].match.angle_deg_weighted &&
           split.history()[i].epoch == whole->history()[i].epoch));
}

TEST_CASE("test_metrics_scored_in_chunks_equal_one_pass_over_the_test_set") {
  // A wide network scores its test set in chunks of a few dozen samples (core/geometry/slice_size.h), so that one slice
  // of work stays short; the chunked totals must be those of one pass over the whole test set.
  ScenarioConfig config = scenario_preset("E5").value;
  config.training.epochs = 1;
  config.network.hidden = {LayerSpec{256, Activation::sigmoid}, LayerSpec{256, Activation::sigmoid}};
  std::unique_ptr<Experiment> run = run_to_end(config);
  if (!run) return;
  const Dataset& test = run->test_data();
  const int chunk = samples_per_slice(run->network());
  CHECK_MESSAGE(test.size() > 4 * chunk, test.size() << " test samples, chunks of " << chunk);
  MatrixF probabilities;
  Rng noise(derive_seed(config.training.seed, 3));
  const double noisy_sum = run->network().predict_and_noisy_loss_sum(test.inputs, test.labels.data(), noise,
                                                                    probabilities);
  double loss = 0.0;
  int correct = 0;
  for (int i = 0; i < test.size(); ++i) {
    Eigen::Index best;
    probabilities.col(i).maxCoeff(&best);
    correct += best == test.labels[i];
    loss -= std::log(std::max(static_cast<double>(probabilities(test.labels[i], i)), 1e-30));
  }
  const MetricsSnapshot& last = run->history().back();
  CHECK_MESSAGE(last.test_loss == loss / test.size(), last.test_loss << " vs " << loss / test.size());
  CHECK(last.test_accuracy == static_cast<double>(correct) / test.size());
  const double bound = run->class_entropy() - static_cast<float>(noisy_sum / test.size());
  CHECK_MESSAGE(std::fabs(last.info_r_lower_bound - bound) < 1e-6, last.info_r_lower_bound << " vs " << bound);
}

TEST_CASE("divergence_is_reported_not_crashed") {
  ScenarioConfig config = scenario_preset("E5").value;
  config.training.learning_rate = 50.0;
  config.training.epochs = 50;
  std::unique_ptr<Experiment> run = run_to_end(config);
  if (!run) return;
  std::printf("    Adam lr 50: %s\n", run->trainer().message().c_str());
  CHECK(run->trainer().state() == TrainerState::diverged);
  CHECK(run->history().size() < 50);
  config.training.optimizer = OptimizerKind::sgd;
  config.training.learning_rate = 100.0;  // the largest lr the parameter table allows
  std::unique_ptr<Experiment> sgd = run_to_end(config);
  if (!sgd) return;
  CHECK(sgd->trainer().state() == TrainerState::diverged);
  CHECK_MESSAGE(sgd->trainer().message().find("learning rate") != std::string::npos, sgd->trainer().message());
}

TEST_CASE("every_preset_builds_and_measures") {
  for (const std::string& id : scenario_ids()) {
    if (id == "mnist") continue;
    Result<std::unique_ptr<Experiment>> run = Experiment::create(scenario_preset(id).value);
    CHECK_MESSAGE(run.ok(), id << ": " << run.status.message);
    if (!run.ok()) continue;
    const MetricsSnapshot& s = run.value->history().front();
    CHECK_MESSAGE((std::isfinite(s.match.loglog_r) && std::isfinite(s.match.info_loss)), id);
    CHECK_MESSAGE(run.value->category_information() > 0.0, id);
  }
  CHECK(!scenario_preset("E9").ok());
}
