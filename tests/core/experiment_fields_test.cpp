// Experiment::evaluate_fields: cached reference fields are reused only for the same reference model and grid.
#include "core/experiment.h"
#include "core/scenarios.h"
#include "test.h"

using namespace catgeo;

namespace {

std::unique_ptr<Experiment> make_run(const char* scenario) {
  ScenarioConfig config = scenario_preset(scenario).value;
  auto run = Experiment::create(config);
  EXPECT_MSG(run.ok(), run.status.message);
  return std::move(run.value);
}

}  // namespace

TEST_CASE(reference_fields_are_reused_for_the_same_model_and_refilled_for_another, "") {
  auto e5 = make_run("E5");
  auto e6 = make_run("E6");
  if (!e5 || !e6) return;
  GridSpec grid = e5->current_grid(24);  // E5 and E6 share dims and class count; E6 gets E5's grid
  GridFields shared, fresh_e5, fresh_e6;
  e5->evaluate_fields(grid, shared);
  e5->evaluate_fields(grid, fresh_e5);
  e6->evaluate_fields(grid, fresh_e6);

  // Reused: after training, the network fields change and the reference fields stay exact.
  e5->train({1 << 20, 0.0});
  e5->evaluate_fields(grid, shared);
  EXPECT_TRUE(shared.reference_posterior == fresh_e5.reference_posterior && shared.fcat == fresh_e5.fcat &&
              shared.fcat_eigen == fresh_e5.fcat_eigen && shared.density == fresh_e5.density);
  EXPECT_TRUE(shared.fcode != fresh_e5.fcode);

  // Another run on the same grid object and grid: its own mixture, not the cached E5 one.
  e6->evaluate_fields(grid, shared);
  EXPECT_TRUE(shared.reference_posterior == fresh_e6.reference_posterior && shared.fcat == fresh_e6.fcat &&
              shared.density == fresh_e6.density);
  EXPECT_TRUE(shared.fcat != fresh_e5.fcat);

  // A reshaped grid refills everything.
  GridSpec finer = grid;
  finer.count[0] = finer.count[1] = 25;
  e6->evaluate_fields(finer, shared);
  GridFields fresh_finer;
  e6->evaluate_fields(finer, fresh_finer);
  EXPECT_TRUE(shared.fcat == fresh_finer.fcat && shared.size() == 625);

  // Same number of points, transposed shape (20 x 30, then 30 x 20): other points, so everything is refilled.
  GridSpec wide = grid, tall = grid;
  wide.count[0] = tall.count[1] = 20;
  wide.count[1] = tall.count[0] = 30;
  e6->evaluate_fields(wide, shared);
  e6->evaluate_fields(tall, shared);
  GridFields fresh_tall;
  e6->evaluate_fields(tall, fresh_tall);
  EXPECT_TRUE(shared.points == fresh_tall.points && shared.fcat == fresh_tall.fcat);
}
