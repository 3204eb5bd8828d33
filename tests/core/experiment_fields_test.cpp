// Experiment::evaluate_fields: cached reference fields are reused only for the same reference model and grid; fields
// filled in chunks equal one pass.
#include "core/run/experiment.h"
#include "core/geometry/kde_posterior.h"
#include "core/data/mixture.h"
#include "core/base/rng.h"
#include "core/config/scenarios.h"
#include "test.h"

using namespace catgeo;

namespace {

std::unique_ptr<Experiment> make_run(const char* scenario) {
  ScenarioConfig config = scenario_preset(scenario).value;
  auto run = Experiment::create(config);
  CHECK_MESSAGE(run.ok(), run.status.message);
  return std::move(run.value);
}

}  // namespace

TEST_CASE("reference_fields_are_reused_for_the_same_model_and_refilled_for_another") {
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
  CHECK((shared.reference_posterior == fresh_e5.reference_posterior && shared.fcat == fresh_e5.fcat &&
         shared.fcat_eigen == fresh_e5.fcat_eigen && shared.density == fresh_e5.density));
  CHECK(shared.fcode != fresh_e5.fcode);

  // Another run on the same grid object and grid: its own mixture, not the cached E5 one.
  e6->evaluate_fields(grid, shared);
  CHECK((shared.reference_posterior == fresh_e6.reference_posterior && shared.fcat == fresh_e6.fcat &&
         shared.density == fresh_e6.density));
  CHECK(shared.fcat != fresh_e5.fcat);

  // A reshaped grid refills everything.
  GridSpec finer = grid;
  finer.count[0] = finer.count[1] = 25;
  e6->evaluate_fields(finer, shared);
  GridFields fresh_finer;
  e6->evaluate_fields(finer, fresh_finer);
  CHECK((shared.fcat == fresh_finer.fcat && shared.size() == 625));

  // Same number of points, transposed shape (20 x 30, then 30 x 20): other points, so everything is refilled.
  GridSpec wide = grid, tall = grid;
  wide.count[0] = tall.count[1] = 20;
  wide.count[1] = tall.count[0] = 30;
  e6->evaluate_fields(wide, shared);
  e6->evaluate_fields(tall, shared);
  GridFields fresh_tall;
  e6->evaluate_fields(tall, fresh_tall);
  CHECK((shared.points == fresh_tall.points && shared.fcat == fresh_tall.fcat));
}

TEST_CASE("fields_filled_in_chunks_equal_one_pass") {
  // The engine and the per-epoch metrics fill fields chunk by chunk (reference rows, then network points); the
  // chunks must not change a single value against one pass of each evaluator over the whole grid.
  auto e7 = make_run("E7");
  if (!e7) return;
  e7->train({1 << 20, 0.0});
  const GridSpec grid = e7->current_grid(160);  // 12 reference rows and 256 network points per chunk
  GridFields chunked, whole;
  Experiment::FieldProgress progress = e7->prepare_fields(grid, chunked);
  int chunks = 0;
  while (!progress.done(chunked)) {
    e7->fill_fields_chunk(chunked, progress);
    ++chunks;
  }
  CHECK_MESSAGE(chunks > 100, chunks << " chunks");
  whole.reshape(grid, e7->num_classes());
  const Result<Mixture> mixture = Mixture::build(e7->config().classes);
  CHECK_MESSAGE(mixture.ok(), mixture.status.message);
  if (!mixture.ok()) return;
  evaluate_reference_fields(mixture.value, whole);
  NetworkFieldEvaluator evaluator;
  evaluator.evaluate(e7->network(), whole);
  CHECK((chunked.has_reference && chunked.has_network));
  CHECK((chunked.fcat == whole.fcat && chunked.density == whole.density &&
         chunked.reference_posterior == whole.reference_posterior));
  CHECK((chunked.fcode == whole.fcode && chunked.network_posterior == whole.network_posterior));

  // A KDE reference (the learned-projection path) row by row: 7 rows at a time against the whole grid at once.
  Rng rng(3);
  Eigen::MatrixXd points(2, 400);
  std::vector<int> labels(400);
  for (int i = 0; i < 400; ++i) {
    labels[i] = i % 3;
    points(0, i) = labels[i] + 0.6 * rng.normal();
    points(1, i) = 0.6 * rng.normal();
  }
  const auto kde = KdePosterior::build(points, labels, 3, 0.0);
  CHECK_MESSAGE(kde.ok(), kde.status.message);
  if (!kde.ok()) return;
  GridSpec box;
  box.dims = 2;
  box.lo[0] = -2;
  box.hi[0] = 4;
  box.lo[1] = -2;
  box.hi[1] = 2;
  box.count[0] = 50;
  box.count[1] = 45;
  GridFields rows, all;
  rows.reshape(box, 3);
  all.reshape(box, 3);
  for (int r = 0; r < grid_rows(rows); r += 7) evaluate_reference_rows(kde.value, rows, r, r + 7);
  evaluate_reference_fields(kde.value, all);
  CHECK((rows.has_reference && rows.fcat == all.fcat && rows.density == all.density &&
         rows.reference_posterior == all.reference_posterior));
}
