// The engine: one run per link, commands that complete in order, slices that change nothing about the numbers.
#include <cmath>
#include <cstdint>
#include <string>

#include "core/experiment.h"
#include "core/scenarios.h"
#include "core/share_link.h"
#include "engine/engine.h"
#include "engine/mnist_source.h"
#include "test.h"

namespace {

using catgeo::Command;
using catgeo::CommandKind;
using catgeo::Engine;

Command command(CommandKind kind, std::uint32_t id, const std::string& text = "") {
  Command c;
  c.kind = kind;
  c.id = id;
  c.text = text;
  return c;
}

// Ticks (slices of `budget` seconds) and takes snapshots until every command up to `id` completed; returns the
// snapshot that said so (empty if it never did within the tick limit).
catgeo::Snapshot run_until(Engine& engine, std::uint32_t id, double budget = 0.01, int max_ticks = 20000) {
  for (int t = 0; t < max_ticks; ++t) {
    engine.tick(budget);
    if (engine.has_news()) {
      catgeo::Snapshot s = engine.take_snapshot();
      engine.handle(command(CommandKind::ack, 0));
      if (s.completed >= id) return s;
    }
  }
  return catgeo::Snapshot();
}

}  // namespace

TEST_CASE(engine_boot_builds_one_run_from_the_link, "") {
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E3&seed=9"));
  const catgeo::Snapshot s = run_until(engine, 1);
  EXPECT_TRUE(s.completed == 1);
  EXPECT_TRUE(engine.runs_created() == 1);
  EXPECT_TRUE(engine.config().id == "E3" && engine.config().training.seed == 9);
  Engine plain;
  plain.handle(command(CommandKind::boot, 1, ""));
  run_until(plain, 1);
  EXPECT_TRUE(plain.runs_created() == 1 && plain.config().id == "E5");  // the page's default scenario
}

TEST_CASE(engine_train_epochs_completes_after_the_target_and_a_refresh, "") {
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E1&seed=2"));
  Command train = command(CommandKind::train_epochs, 2);
  train.number = 3;
  train.seconds = 60;
  engine.handle(train);
  const catgeo::Snapshot s = run_until(engine, 2, 0.002);
  EXPECT_TRUE(s.completed == 2);
  EXPECT_TRUE(engine.run() && engine.run()->trainer().epoch() == 3);
  EXPECT_TRUE(engine.state() == catgeo::RunState::paused);
}

TEST_CASE(engine_slices_give_the_same_run_as_one_call, "") {
  // 1 ms slices (many cut epochs, sliced field refreshes) against one Experiment trained in one go.
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E5&seed=4&n=600"));
  Command train = command(CommandKind::train_epochs, 2);
  train.number = 4;
  train.seconds = 600;
  engine.handle(train);
  run_until(engine, 2, 0.001, 200000);
  auto direct = catgeo::Experiment::create(catgeo::decode_share_link("scenario=E5&seed=4&n=600").config);
  EXPECT_TRUE(direct.ok());
  while (direct.value->trainer().epoch() < 4) direct.value->train(catgeo::StepBudget{0, 10.0});
  const auto& a = engine.run()->history();
  const auto& b = direct.value->history();
  EXPECT_TRUE(a.size() == b.size() && a.size() == 5);
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    EXPECT_MSG(a[i].train_loss == b[i].train_loss || (std::isnan(a[i].train_loss) && std::isnan(b[i].train_loss)),
               "epoch " << i << ": " << a[i].train_loss << " vs " << b[i].train_loss);
    EXPECT_TRUE(a[i].test_loss == b[i].test_loss);
    EXPECT_TRUE(a[i].match.angle_deg_weighted == b[i].match.angle_deg_weighted);
  }
}

TEST_CASE(engine_sliced_fields_equal_whole_fields, "") {
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E7&layers=32s-32s&seed=5"));
  Command grid = command(CommandKind::set_option, 2);
  grid.key = "grid";
  grid.number = 96;
  engine.handle(grid);
  catgeo::Snapshot s;
  for (int t = 0; t < 1000 && !(s.has_fields && s.fields.size() == 96 * 96); ++t) {
    engine.tick(0.0001);  // slices of one chunk of points
    if (engine.has_news()) {
      s = engine.take_snapshot();
      engine.handle(command(CommandKind::ack, 0));
    }
  }
  EXPECT_TRUE(s.has_fields && s.fields.size() == 96 * 96);
  auto direct = catgeo::Experiment::create(engine.config());
  catgeo::GridFields whole;
  catgeo::GridSpec g = engine.config().grid;
  g.count[0] = g.count[1] = 96;
  direct.value->evaluate_fields(g, whole);
  EXPECT_TRUE(whole.fcode == s.fields.fcode && whole.network_posterior == s.fields.network_posterior);
  EXPECT_TRUE(whole.fcat == s.fields.fcat);
}

TEST_CASE(engine_pause_takes_effect_in_the_next_snapshot, "") {
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E5"));
  run_until(engine, 1);
  engine.handle(command(CommandKind::play, 2));
  engine.tick(0.02);
  EXPECT_TRUE(engine.state() == catgeo::RunState::training);
  engine.handle(command(CommandKind::pause, 3));
  EXPECT_TRUE(engine.state() == catgeo::RunState::paused);
  const catgeo::Snapshot s = run_until(engine, 3);
  EXPECT_TRUE(s.state == catgeo::RunState::paused);
}

TEST_CASE(engine_keeps_the_settings_of_a_run_that_cannot_start, "") {
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E5&sigma=0.5"));
  run_until(engine, 1);
  // Drawn data with one class cannot train: the configuration stays, the message says why, no run.
  catgeo::Command bad = command(CommandKind::load_link, 2, "scenario=drawn&pts=AAAAAAAA&sigma=0.7");
  engine.handle(bad);
  const catgeo::Snapshot s = run_until(engine, 2);
  EXPECT_TRUE(s.completed == 2 && !engine.run());
  EXPECT_TRUE(s.has_load && !s.load.ok && !s.load.error.empty());
  EXPECT_TRUE(engine.config().network.noise_sigma == 0.7);
  EXPECT_MSG(s.status.find("Cannot start") != std::string::npos, s.status);
}

TEST_CASE(engine_at_rest_publishes_nothing, "") {
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E2"));
  run_until(engine, 1);
  for (int t = 0; t < 20; ++t) {  // paused, fields fresh, every snapshot acknowledged: no news, however often acked
    engine.tick(0.001);
    EXPECT_TRUE(!engine.has_news());
    engine.handle(command(CommandKind::ack, 0));
  }
}

TEST_CASE(engine_runs_what_its_link_says, "") {
  // Points added on top of another 2-D scenario: the run must be the one its own link rebuilds.
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E7&seed=3"));
  Command add = command(CommandKind::add_points, 2);
  add.points = {{{-1.0, -1.0}, 0}, {{-1.2, -0.7}, 0}, {{1.0, 1.0}, 1}, {{1.1, 0.8}, 1}};
  engine.handle(add);
  const catgeo::Snapshot s = run_until(engine, 2);
  EXPECT_TRUE(s.completed == 2 && engine.run());
  const std::string link = catgeo::encode_share_link(engine.config(), nullptr, SIZE_MAX);
  const catgeo::ScenarioConfig again = catgeo::decode_share_link(link).config;
  EXPECT_MSG(catgeo::configs_equal(again, engine.config()), "the link " << link << " rebuilds another run");
  EXPECT_TRUE(engine.config().points.size() == 4 && engine.config().training.seed == 3);
}
