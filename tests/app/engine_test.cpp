// The engine: one run per link, commands that complete in order, slices that change nothing about the numbers.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "core/run/experiment.h"
#include "core/analysis/information_progress.h"
#include "core/analysis/information_summary.h"
#include "core/analysis/layer_fisher.h"
#include "core/geometry/decoder_fisher.h"
#include "core/geometry/metrics.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"
#include "core/geometry/slice_size.h"
#include "engine/decoder_job.h"
#include "engine/engine.h"
#include "core/run/digit_path.h"
#include "core/run/digit_pad.h"
#include "engine/mnist_source.h"
#include "test_assets.h"
#include "mnist_digits.h"
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

// set_view with the view part of `config`, as the widgets send it.
Command view_command(std::uint32_t id, const catgeo::ScenarioConfig& config) {
  Command c = command(CommandKind::set_view, id);
  c.config.view = config.view;
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

// As run_until, but returns the latest snapshot that carried the configuration (it may go out before the command
// completes, in a snapshot of its own).
catgeo::Snapshot config_until(Engine& engine, std::uint32_t id, double budget = 0.01, int max_ticks = 20000) {
  catgeo::Snapshot with_config;
  for (int t = 0; t < max_ticks; ++t) {
    engine.tick(budget);
    if (!engine.has_news()) continue;
    catgeo::Snapshot s = engine.take_snapshot();
    engine.handle(command(CommandKind::ack, 0));
    const bool done = s.completed >= id;
    if (s.has_config) with_config = std::move(s);
    if (done) return with_config;
  }
  return catgeo::Snapshot();
}

// Ticks, acknowledging every snapshot, until the engine has nothing left to do (training, fields, information).
void run_until_idle(Engine& engine, double budget = 0.01, int max_ticks = 20000) {
  for (int t = 0; t < max_ticks; ++t) {
    const bool more = engine.tick(budget);
    if (engine.has_news()) {
      engine.take_snapshot();
      engine.handle(command(CommandKind::ack, 0));
    }
    if (!more) return;
  }
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof(double)) == 0; }

std::vector<double> information_values(const catgeo::InformationSummary& i) {
  return {i.info_r,     i.info_r_se, i.coding_cost, i.decoding_cost,     i.decoding_cost_se,
          i.bayes_cost, i.info_xr,   i.info_xr_se,  i.info_xr_highsnr,   i.info_r_highsnr,
          i.bv_noise,   i.bv_bias,   i.bv_variance, i.fcode_over_fcat_cv, i.info_x_kde, i.info_x_kde_se};
}

bool same_information(const catgeo::InformationSummary& a, const catgeo::InformationSummary& b) {
  const std::vector<double> x = information_values(a), y = information_values(b);
  for (std::size_t k = 0; k < x.size(); ++k)
    if (!same_bits(x[k], y[k])) return false;
  return true;
}

}  // namespace

TEST_CASE("engine_boot_builds_one_run_from_the_link") {
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E3&seed=9"));
  const catgeo::Snapshot s = run_until(engine, 1);
  CHECK(s.completed == 1);
  CHECK(engine.runs_created() == 1);
  CHECK((engine.config().id == "E3" && engine.config().training.seed == 9));
  Engine plain;
  plain.handle(command(CommandKind::boot, 1, ""));
  run_until(plain, 1);
  CHECK((plain.runs_created() == 1 && plain.config().id == "E5"));  // the page's default scenario
}

TEST_CASE("engine_train_epochs_completes_after_the_target_and_a_refresh") {
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E1&seed=2"));
  Command train = command(CommandKind::train_epochs, 2);
  train.number = 3;
  train.seconds = 60;
  engine.handle(train);
  const catgeo::Snapshot s = run_until(engine, 2, 0.002);
  CHECK(s.completed == 2);
  CHECK((engine.run() && engine.run()->trainer().epoch() == 3));
  CHECK(engine.state() == catgeo::RunState::paused);
}

TEST_CASE("engine_slices_give_the_same_run_as_one_call") {
  // 1 ms slices (many cut epochs, sliced field refreshes) against one Experiment trained in one go, with every epoch
  // measured (option every_epoch) and under the measured schedule: an epoch it measures gives the same numbers, an
  // epoch it leaves out keeps its training loss, and the target epoch is measured.
  auto direct = catgeo::Experiment::create(catgeo::decode_share_link("scenario=E5&seed=4&n=600").config);
  CHECK(direct.ok());
  while (direct.value->trainer().epoch() < 12) direct.value->train(catgeo::StepBudget{0, 10.0});
  const auto& b = direct.value->history();
  for (const bool every_epoch : {true, false}) {
    Engine engine;
    engine.handle(command(CommandKind::boot, 1, "scenario=E5&seed=4&n=600"));
    Command option = command(CommandKind::set_option, 2);
    option.key = "every_epoch";
    option.number = every_epoch ? 1 : 0;
    engine.handle(option);
    Command train = command(CommandKind::train_epochs, 3);
    train.number = 12;
    train.seconds = 600;
    engine.handle(train);
    run_until(engine, 3, 0.001, 400000);
    const auto& a = engine.run()->history();
    CHECK_MESSAGE((a.size() == b.size() && a.size() == 13),
                     "every_epoch " << every_epoch << ": " << a.size() << " rows");
    int measured = 0;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
      CHECK_MESSAGE((same_bits(a[i].epoch, b[i].epoch) && same_bits(a[i].train_loss, b[i].train_loss)),
                     "epoch " << i << ": " << a[i].train_loss << " vs " << b[i].train_loss);
      measured += a[i].measured;
      if (a[i].measured) {
        CHECK_MESSAGE((same_bits(a[i].test_loss, b[i].test_loss) && same_bits(a[i].test_accuracy, b[i].test_accuracy) &&
                          same_bits(a[i].match.angle_deg_weighted, b[i].match.angle_deg_weighted) &&
                          same_bits(a[i].match.info_loss, b[i].match.info_loss)),
                       "epoch " << i << " (every_epoch " << every_epoch << "): test loss " << a[i].test_loss << " vs "
                               << b[i].test_loss);
      } else {
        CHECK_MESSAGE((!every_epoch && std::isnan(a[i].test_loss) && std::isnan(a[i].match.info_loss)),
                       "epoch " << i << " left out, with test loss " << a[i].test_loss);
      }
    }
    CHECK_MESSAGE((a.front().measured && a.back().measured), "the first and the target epoch are measured");
    CHECK_MESSAGE((!every_epoch || measured == 13), measured << " of 13 rows measured with every_epoch");
  }
}

TEST_CASE("work_share_keeps_the_work_after_training_to_a_quarter") {
  // Work that always wants to run, in units of 3 ms (an epoch's metrics) and 40 ms (a refresh), against 10 s of
  // training in 1 ms steps: it takes at most a quarter of the time plus one unit, and close to a quarter. With
  // background jobs waiting too (units of 5 ms), each kind gets about half of that.
  using Kind = catgeo::WorkShare::Kind;
  for (const bool background : {false, true}) {
    for (const double unit : {0.003, 0.040}) {
      catgeo::WorkShare share;
      double now = 0.0, view = 0.0, behind = 0.0;
      share.start(now);
      while (now < 10.0) {
        if (background && share.allows(now, Kind::background, true)) {
          share.spend(0.005, Kind::background);
          behind += 0.005;
          now += 0.005;
        }
        if (share.allows(now, Kind::view, background)) {
          share.spend(unit, Kind::view);
          view += unit;
          now += unit;
        } else {
          now += 0.001;  // training
        }
      }
      const double work = view + behind, quarter = catgeo::WorkShare::kShare * now;
      CHECK_MESSAGE((work <= quarter + unit + 0.005 + 1e-9 && work >= 0.9 * quarter),
                     "units of " << unit << " s: " << work << " s of work in " << now << " s");
      CHECK_MESSAGE((!background || (view >= 0.4 * quarter && behind >= 0.4 * quarter)),
                     "units of " << unit << " s: view " << view << " s, background " << behind << " s in " << now
                        << " s");
    }
  }
}

TEST_CASE("engine_sliced_fields_equal_whole_fields") {
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
  CHECK((s.has_fields && s.fields.size() == 96 * 96));
  auto direct = catgeo::Experiment::create(engine.config());
  catgeo::GridFields whole;
  catgeo::GridSpec g = engine.config().grid;
  g.count[0] = g.count[1] = 96;
  direct.value->evaluate_fields(g, whole);
  CHECK((whole.fcode == s.fields.fcode && whole.network_posterior == s.fields.network_posterior));
  CHECK(whole.fcat == s.fields.fcat);
}

TEST_CASE("engine_options_that_are_not_numbers_change_nothing") {
  // A grid of NaN points per axis once stopped the page (the float to int conversion trapped in WebAssembly).
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E5&epochs=2"));
  run_until(engine, 1);
  std::uint32_t id = 1;
  for (const char* key : {"grid", "refresh_ms", "on_screen", "every_epoch", "width_study"}) {
    for (double value : {std::nan(""), HUGE_VAL, -HUGE_VAL}) {
      Command option = command(CommandKind::set_option, ++id);
      option.key = key;
      option.number = value;
      engine.handle(option);
      run_until(engine, id);
    }
  }
  CHECK_EQ(engine.jobs().width_study().state, catgeo::StudyState::idle);
  Command train = command(CommandKind::train_epochs, ++id);
  train.number = 2;
  train.seconds = 60;
  engine.handle(train);
  const catgeo::Snapshot s = run_until(engine, id);
  CHECK_EQ(engine.state(), catgeo::RunState::finished);
  CHECK_EQ(engine.fields_layer(), -1);
  CHECK_MESSAGE((s.has_fields && s.fields.size() == 64 * 64), "the fields keep the default grid of 64 x 64 points");
}

TEST_CASE("engine_pause_takes_effect_in_the_next_snapshot") {
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E5"));
  run_until(engine, 1);
  engine.handle(command(CommandKind::play, 2));
  engine.tick(0.02);
  CHECK(engine.state() == catgeo::RunState::training);
  engine.handle(command(CommandKind::pause, 3));
  CHECK(engine.state() == catgeo::RunState::paused);
  const catgeo::Snapshot s = run_until(engine, 3);
  CHECK(s.state == catgeo::RunState::paused);
}

// Ticks for about `seconds` of wall time as the worker does: at once while the engine is busy, else after the wait
// it asks for (counted in `sleeps`).
void run_for(Engine& engine, double seconds, int* sleeps = nullptr) {
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  while (elapsed() < seconds) {
    const bool more = engine.tick(0.01);
    if (engine.has_news()) {
      engine.take_snapshot();
      engine.handle(command(CommandKind::ack, 0));
    }
    if (!more && engine.wake_after_seconds() >= 0.0) {
      if (sleeps) ++*sleeps;
      std::this_thread::sleep_for(std::chrono::duration<double>(std::min(engine.wake_after_seconds(), 0.05)));
    }
  }
}

TEST_CASE("engine_plays_at_the_links_speed_and_sleeps_between_batches") {
  // E5 at 2 epochs per second: after 1.5 s of play at most 2 x 1.5 epochs plus the quarter second of credit and one
  // batch, however fast the machine; and the engine asked to sleep rather than spin. The epoch-0 information
  // measurement is done first (the next is due at epoch 20): background work keeps the engine busy, paced or not.
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E5&n=600&speed=2"));
  run_until_idle(engine, 0.01, 1000000);
  engine.handle(command(CommandKind::play, 2));
  int sleeps = 0;
  const auto start = std::chrono::steady_clock::now();
  run_for(engine, 1.5, &sleeps);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double progress = engine.run()->trainer().epoch_progress();
  CHECK_MESSAGE(progress > 0.1, "paced play trained " << progress << " epochs in " << seconds << " s");
  const double batch = engine.config().training.batch_size / 600.0;
  CHECK_MESSAGE(progress <= 2.0 * (seconds + 0.25) + batch + 1e-9,
                "paced play at 2 epochs/s trained " << progress << " epochs in " << seconds << " s");
  CHECK_MESSAGE(sleeps > 0, "the engine never asked to sleep while paced");

  // speed=max (and the lab's auto): no pace, the engine never sleeps while playing.
  Engine fast;
  fast.handle(command(CommandKind::boot, 1, "scenario=E5&n=600&speed=max&epochs=1000"));
  run_until(fast, 1);
  fast.handle(command(CommandKind::play, 2));
  int fast_sleeps = 0;
  run_for(fast, 0.5, &fast_sleeps);
  CHECK_MESSAGE(fast_sleeps == 0, "an unpaced run slept " << fast_sleeps << " times");
}

TEST_CASE("engine_autoplay_waits_until_the_figure_is_on_screen") {
  Engine engine;
  catgeo::Command hidden = command(CommandKind::set_option, 1);
  hidden.key = "on_screen";
  hidden.number = 0;
  engine.handle(hidden);
  engine.handle(command(CommandKind::boot, 2, "scenario=E5&n=600&autoplay=1"));
  run_until_idle(engine);
  CHECK((engine.state() == catgeo::RunState::paused && engine.run()->trainer().epoch_progress() == 0.0));
  catgeo::Command shown = hidden;
  shown.id = 3;
  shown.number = 1;
  engine.handle(shown);
  engine.tick(0.01);
  CHECK(engine.state() == catgeo::RunState::training);
  // Out of view it holds its play (state training, no epochs) without spinning; back in view it goes on.
  hidden.id = 31;
  engine.handle(hidden);
  run_for(engine, 0.1);
  const double held_at = engine.run()->trainer().epoch_progress();
  int sleeps = 0;
  run_for(engine, 0.3, &sleeps);
  CHECK((engine.state() == catgeo::RunState::training && engine.run()->trainer().epoch_progress() == held_at));
  CHECK((!engine.tick(0.01) && engine.wake_after_seconds() < 0.0));  // nothing to do until a command arrives
  shown.id = 32;
  engine.handle(shown);
  run_for(engine, 0.3);
  CHECK(engine.run()->trainer().epoch_progress() > held_at);
  // Paused by the reader, it stays paused when the figure scrolls away and back.
  engine.handle(command(CommandKind::pause, 4));
  hidden.id = 5;
  engine.handle(hidden);
  shown.id = 6;
  engine.handle(shown);
  engine.tick(0.01);
  CHECK(engine.state() == catgeo::RunState::paused);
}

TEST_CASE("engine_keeps_the_settings_of_a_run_that_cannot_start") {
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E5&sigma=0.5"));
  run_until(engine, 1);
  // Drawn data with one class cannot train: the configuration stays, the message says why, no run.
  catgeo::Command bad = command(CommandKind::load_link, 2, "scenario=drawn&pts=AAAAAAAA&sigma=0.7");
  engine.handle(bad);
  const catgeo::Snapshot s = run_until(engine, 2);
  CHECK((s.completed == 2 && !engine.run()));
  CHECK((s.has_load && !s.load.ok && !s.load.error.empty()));
  CHECK(engine.config().network.noise_sigma == 0.7);
  CHECK_MESSAGE(s.status.find("Cannot start") != std::string::npos, s.status);
}

TEST_CASE("engine_at_rest_publishes_nothing") {
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E2"));
  run_until(engine, 1);
  run_until_idle(engine);  // the epoch-0 information measurement
  CHECK(engine.jobs().information_history().size() == 1);
  for (int t = 0; t < 20; ++t) {  // paused, fields fresh, every snapshot acknowledged: no news, however often acked
    engine.tick(0.001);
    CHECK(!engine.has_news());
    engine.handle(command(CommandKind::ack, 0));
  }
}

TEST_CASE("engine_runs_what_its_link_says") {
  // Points added on top of another 2-D scenario: the run must be the one its own link rebuilds.
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E7&seed=3"));
  Command add = command(CommandKind::add_points, 2);
  add.points = {{{-1.0, -1.0}, 0}, {{-1.2, -0.7}, 0}, {{1.0, 1.0}, 1}, {{1.1, 0.8}, 1}};
  engine.handle(add);
  const catgeo::Snapshot s = run_until(engine, 2);
  CHECK((s.completed == 2 && engine.run()));
  const std::string link = catgeo::encode_share_link(engine.config(), nullptr, SIZE_MAX);
  const catgeo::ScenarioConfig again = catgeo::decode_share_link(link).config;
  CHECK_MESSAGE(catgeo::configs_equal(again, engine.config()), "the link " << link << " rebuilds another run");
  CHECK((engine.config().points.size() == 4 && engine.config().training.seed == 3));
}

TEST_CASE("engine_runs_a_configuration_sent_as_data_as_its_link_reads_and_keeps_its_title") {
  // The widgets send the configuration itself: a title no link carries, a learning rate and a drawn point off the
  // link's lattice.
  catgeo::ScenarioConfig config = catgeo::scenario_preset("E5").value;
  config.title = "A mixture of my own";
  config.training.learning_rate = 0.0031234567890123;
  config.training.epochs = 3;
  Engine engine;
  Command load = command(CommandKind::load_config, 1);
  load.config = config;
  engine.handle(load);
  const catgeo::Snapshot s = config_until(engine, 1);
  CHECK((s.has_config && s.config.title == "A mixture of my own" && engine.config().title == s.config.title));
  CHECK(engine.config().training.learning_rate == config.training.learning_rate);
  CHECK(catgeo::configs_equal(s.config, engine.config()));
  // What the link rebuilds is the run, all but the title (the link names the preset's).
  catgeo::ScenarioConfig again = catgeo::decode_share_link(s.share_link).config;
  CHECK(again.title == catgeo::scenario_preset("E5").value.title);
  again.title = config.title;
  CHECK_MESSAGE(catgeo::configs_equal(again, engine.config()), "the link " << s.share_link << " rebuilds another run");
  // One key set through the API (setValue) keeps the title too; another scenario brings its own.
  Command sigma = command(CommandKind::set_key, 2, "0.5");
  sigma.key = "sigma";
  engine.handle(sigma);
  run_until(engine, 2);
  CHECK((engine.config().network.noise_sigma == 0.5 && engine.config().title == "A mixture of my own"));
  Command scenario = command(CommandKind::set_key, 3, "E1");
  scenario.key = "scenario";
  engine.handle(scenario);
  run_until(engine, 3);
  CHECK((engine.config().id == "E1" && engine.config().title == catgeo::scenario_preset("E1").value.title));
  // Drawn points go onto the link's lattice, as the link writes them.
  config.data = catgeo::DataKind::drawn_points, config.id = "drawn", config.classes.clear();
  config.points = {{{0.1, 0.2}, 0}, {{-0.7, 0.3}, 1}, {{0.4, -0.45}, 1}, {{-0.2, -0.9}, 0}};
  load.id = 4, load.config = config;
  engine.handle(load);
  run_until(engine, 4);
  CHECK(engine.config().points.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    const catgeo::DrawnPoint on_lattice = catgeo::quantize_for_link(config.points[i]);
    CHECK((engine.config().points[i].x[0] == on_lattice.x[0] && engine.config().points[i].x[1] == on_lattice.x[1]));
  }
  CHECK(engine.config().title == "A mixture of my own");
}

TEST_CASE("engine_measures_information_on_its_schedule_with_the_clis_numbers") {
  // Rows at epoch 0, at every due epoch and at the last; the first and the last equal what the CLI computes for the
  // same link (measure_information before and after training), bit for bit, and reach the view in the snapshots.
  const std::string link = "scenario=E1&seed=2&epochs=2";
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, link));
  engine.handle(command(CommandKind::play, 2));
  std::vector<catgeo::InformationRow> received;
  for (int t = 0; t < 20000; ++t) {
    const bool more = engine.tick(0.005);
    if (engine.has_news()) {
      catgeo::Snapshot s = engine.take_snapshot();
      if (s.history_reset) received.clear();
      received.insert(received.end(), s.new_information.begin(), s.new_information.end());
      engine.handle(command(CommandKind::ack, 0));
    }
    if (!more) break;
  }
  CHECK((engine.state() == catgeo::RunState::finished && !engine.jobs().information_pending()));
  const std::vector<catgeo::InformationRow>& rows = engine.jobs().information_history();
  std::vector<int> due;
  for (int e = 0; e <= 2; ++e)
    if (catgeo::information_due(e, 2)) due.push_back(e);
  CHECK((due.front() == 0 && due.back() == 2));
  CHECK_MESSAGE(rows.size() == due.size(), rows.size() << " rows for " << due.size() << " due epochs");
  for (std::size_t i = 0; i < rows.size() && i < due.size(); ++i) CHECK(rows[i].epoch == due[i]);
  CHECK(received.size() == rows.size());
  for (std::size_t i = 0; i < rows.size() && i < received.size(); ++i)
    CHECK((received[i].epoch == rows[i].epoch && same_information(received[i].summary, rows[i].summary)));

  auto cli = catgeo::Experiment::create(catgeo::decode_share_link(link).config);  // what train_command does
  const catgeo::InformationSummary before = catgeo::measure_information(*cli.value);
  while (cli.value->trainer().state() == catgeo::TrainerState::training) cli.value->train({1 << 20, 0.25});
  const catgeo::InformationSummary after = catgeo::measure_information(*cli.value);
  CHECK((!rows.empty() && std::isfinite(before.info_r) && std::isfinite(after.info_r)));
  if (rows.empty()) return;
  CHECK_MESSAGE(same_information(rows.front().summary, before),
                "before: " << rows.front().summary.info_r << " vs " << before.info_r);
  CHECK_MESSAGE(same_information(rows.back().summary, after),
                "after: " << rows.back().summary.info_r << " vs " << after.info_r);
}

TEST_CASE("engine_information_ticks_do_bounded_work_and_pause_is_answered_at_once") {
  for (const char* link : {"scenario=E5&seed=3", "scenario=E7&layers=256s-256s&seed=1"}) {
    Engine engine;
    engine.handle(command(CommandKind::boot, 1, link));
    run_until(engine, 1);  // built, fields shown; the epoch-0 measurement under way
    CHECK(engine.jobs().information_pending());
    engine.handle(command(CommandKind::play, 2));
    // Tiny budgets: one chunk per tick, whatever else the tick does. Such ticks leave no time to train, so the work
    // share's credit (engine/work_share.h) fills only with wall time, and the background jobs (information, decoder
    // check, layer metrics) take turns in it: a few turns a second. 200 ticks once gave information no turn (ASan),
    // so tick until two of its chunks have run, for at most a minute.
    const auto start = std::chrono::steady_clock::now();
    const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    long long largest = 0;
    int ticks_with_chunks = 0;
    while (ticks_with_chunks < 2 && elapsed() < 60.0) {
      engine.tick(1e-6);
      CHECK(engine.jobs().information_chunks_last_tick() <= 1);
      if (engine.jobs().information_chunks_last_tick() > 0) ++ticks_with_chunks;
      largest = std::max(largest, engine.jobs().information_work_last_tick());
      if (engine.has_news()) engine.take_snapshot(), engine.handle(command(CommandKind::ack, 0));
    }
    CHECK_MESSAGE(ticks_with_chunks == 2,
                     link << ": " << ticks_with_chunks << " ticks ran an information chunk in a minute");
    CHECK_MESSAGE((largest > 0 && largest <= 2 * catgeo::kSliceMultiplyAdds),
                     link << ": " << largest << " multiply-adds");
    for (int t = 0; t < 5; ++t) engine.tick(0.01);  // trains alongside the measurement
    CHECK(engine.jobs().information_pending());
    engine.handle(command(CommandKind::pause, 3));
    engine.tick(0.01);
    CHECK(engine.state() == catgeo::RunState::paused);
    const catgeo::Snapshot s = run_until(engine, 3);
    CHECK((s.completed >= 3 && s.state == catgeo::RunState::paused));
    const double progress = engine.run()->trainer().epoch_progress();
    for (int t = 0; t < 5; ++t) engine.tick(0.01);  // paused: the measurement goes on, training does not
    CHECK(engine.run()->trainer().epoch_progress() == progress);
  }
}

TEST_CASE("engine_trains_while_measuring_when_one_information_chunk_outlasts_a_tick") {
  // A slow device: a tick barely longer than the trainer's smallest slice, shorter than one information chunk. The
  // measurement and the training take turns instead of the measurement taking every tick until it is done.
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E7&layers=256s-256s&seed=1"));
  run_until(engine, 1);
  engine.handle(command(CommandKind::play, 2));
  long long measured = 0;
  int ticks = 0;
  for (; ticks < 400 && engine.jobs().information_pending(); ++ticks) {
    engine.tick(0.0006);
    measured += engine.jobs().information_work_last_tick();
    if (engine.has_news()) engine.take_snapshot(), engine.handle(command(CommandKind::ack, 0));
  }
  CHECK_MESSAGE(measured > 0, "no information work in " << ticks << " ticks");
  CHECK_MESSAGE(engine.run()->trainer().epoch_progress() > 0.0, "no training in " << ticks << " ticks");
}

TEST_CASE("engine_cut_gives_the_fields_along_a_segment_and_follows_training") {
  // E5's reference boundary is the line x1 + x2 = 0 (equal priors and covariances): a cut from (-1.5, -1.5) to
  // (1.5, 1.5) crosses it at its middle. The cut's values are the fields at its points (the same as a probe there),
  // and it is evaluated again whenever the fields show a newer network.
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E5&seed=3&epochs=3"));
  run_until(engine, 1);
  Command cut = command(CommandKind::cut, 2);
  cut.x = -1.5, cut.y = -1.5, cut.x_end = 1.5, cut.y_end = 1.5;
  engine.handle(cut);
  catgeo::CutResult first;
  for (int t = 0; t < 100 && !first.valid; ++t) {
    engine.tick(0.01);
    if (!engine.has_news()) continue;
    catgeo::Snapshot s = engine.take_snapshot();
    engine.handle(command(CommandKind::ack, 0));
    if (s.has_cut) first = s.cut;
  }
  CHECK((first.active && first.valid && first.fields.size() == catgeo::kCutPoints));
  if (!first.valid) return;
  const catgeo::GridFields& f = first.fields;
  Eigen::MatrixXd t(1, f.size());
  for (int i = 0; i < f.size(); ++i) t(0, i) = first.segment.length() * i / (f.size() - 1);
  const std::vector<double> crossings = catgeo::decision_boundaries_1d(f.reference_posterior, t, nullptr);
  CHECK_MESSAGE((crossings.size() == 1 && std::fabs(crossings[0] - 0.5 * first.segment.length()) < 1e-9),
                 crossings.size() << " crossings, the first at " << (crossings.empty() ? -1.0 : crossings[0]));
  // A probe at the cut's 40th point gives the same numbers.
  Command probe = command(CommandKind::probe, 3);
  probe.x = f.points(0, 40), probe.y = f.points(1, 40);
  engine.handle(probe);
  engine.tick(0.01);
  const catgeo::Snapshot p = engine.take_snapshot();
  engine.handle(command(CommandKind::ack, 0));
  CHECK((p.has_probe && p.probe.valid));
  if (p.has_probe && p.probe.valid) {
    CHECK_NEAR(p.probe.fields.fcode(0, 0), f.fcode(0, 40), 1e-9 * std::fabs(f.fcode(0, 40)));
    CHECK_NEAR(p.probe.fields.fcat(1, 0), f.fcat(1, 40), 1e-12);
    CHECK_NEAR(p.probe.fields.network_posterior(1, 0), f.network_posterior(1, 40), 1e-6);
  }
  // Train: the cut is evaluated again with the trained network (its F_code changes, the segment does not).
  Command train = command(CommandKind::train_epochs, 4);
  train.number = 3;
  train.seconds = 60;
  engine.handle(train);
  catgeo::CutResult last = first;
  for (int i = 0; i < 20000; ++i) {
    const bool more = engine.tick(0.01);
    if (engine.has_news()) {
      catgeo::Snapshot s = engine.take_snapshot();
      engine.handle(command(CommandKind::ack, 0));
      if (s.has_cut && s.cut.valid) last = s.cut;
      if (s.completed >= 4 && !more) break;
    }
  }
  CHECK((last.valid && last.segment.x0 == -1.5 && last.segment.y1 == 1.5));
  CHECK_MESSAGE(last.fields.fcode != first.fields.fcode, "the cut still shows the untrained network");
  // The trained network's boundary crosses the cut near the reference's (E5 learns the linear boundary).
  const std::vector<double> network = catgeo::decision_boundaries_1d(last.fields.network_posterior, t, nullptr);
  CHECK_MESSAGE((network.size() == 1 && std::fabs(network[0] - crossings[0]) < 0.15),
                 network.size() << " network crossings, the first at " << (network.empty() ? -1.0 : network[0]));
  // A cut with no length clears it.
  Command clear = command(CommandKind::cut, 5);
  clear.x = clear.y = clear.x_end = clear.y_end = std::nan("");
  engine.handle(clear);
  engine.tick(0.01);
  const catgeo::Snapshot c = engine.take_snapshot();
  CHECK((c.has_cut && !c.cut.active && !c.cut.valid));
}

TEST_CASE("engine_decoder_check_runs_in_bounded_chunks_and_equals_one_shot") {
  // The decoder check (view option decoder) on the network the fields show: one chunk per tick with tiny budgets,
  // each at most about kSliceMultiplyAdds, and the result equals decoder_fisher in one call on the same network, the
  // same points and the same seed, bit for bit. After training it runs again, once, for the trained network.
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E5&seed=3&decoder=1"));
  run_until(engine, 1);
  long long largest = 0;
  int chunks = 0;
  for (int t = 0; t < 200000 && (engine.jobs().decoder_pending() || !engine.jobs().decoder_result().valid); ++t) {
    engine.tick(1e-6);
    CHECK(engine.jobs().decoder_chunks_last_tick() <= 1);
    chunks += engine.jobs().decoder_chunks_last_tick();
    largest = std::max(largest, engine.jobs().decoder_work_last_tick());
    if (engine.has_news()) engine.take_snapshot(), engine.handle(command(CommandKind::ack, 0));
  }
  const catgeo::DecoderResult& result = engine.jobs().decoder_result();
  CHECK_MESSAGE((result.valid && result.epoch == 0 && result.points.cols() > 50), "points " << result.points.cols());
  CHECK_MESSAGE((chunks > 10 && largest > 0 && largest <= 2 * catgeo::kSliceMultiplyAdds),
                 chunks << " chunks, the largest " << largest << " multiply-adds");
  auto direct = catgeo::Experiment::create(engine.config());  // epoch 0: the same network
  catgeo::GridSpec display = engine.config().grid;
  display.count[0] = display.count[1] = 64;
  const Eigen::MatrixXd points = catgeo::decoder_check_points(*direct.value, display);
  CHECK(points == result.points);
  const catgeo::NetworkCode code(direct.value->network());
  catgeo::Rng rng(catgeo::decoder_check_seed(engine.config().training.seed));
  const std::vector<catgeo::DecoderEstimate> one_shot =
      catgeo::decoder_fisher(code, points, catgeo::decoder_settings_for(direct.value->network()), rng);
  CHECK(static_cast<Eigen::Index>(one_shot.size()) == result.points.cols());
  bool same = true;
  for (std::size_t i = 0; i < one_shot.size(); ++i) {
    const catgeo::DecoderEstimate& e = one_shot[i];
    same &= same_bits(e.covariance.f11, result.covariance(0, i)) &&
            same_bits(e.covariance.f12, result.covariance(1, i)) && same_bits(e.covariance.f22, result.covariance(2, i)) && same_bits(e.fisher.f11, result.fisher(0, i)) &&
            same_bits(e.fisher.f22, result.fisher(2, i)) &&
            same_bits(e.jacobian_fisher.f11, result.jacobian_fisher(0, i)) &&
            same_bits(e.jacobian_fisher.f22, result.jacobian_fisher(2, i));
  }
  CHECK(same);
  Command train = command(CommandKind::train_epochs, 2);
  train.number = 2;
  train.seconds = 60;
  engine.handle(train);
  run_until(engine, 2);
  run_until_idle(engine);
  CHECK_MESSAGE((engine.jobs().decoder_result().valid && engine.jobs().decoder_result().epoch == 2),
                 "decoded epoch " << engine.jobs().decoder_result().epoch);
}

TEST_CASE("engine_layer_picker_fills_fcode_at_the_chosen_layer") {
  // E6 (64 tanh, 128 sigmoid = r): layer=0 gives F_code of the first hidden layer (network_coding_at's fields),
  // layer=1 (r) today's fields, bit for bit; the command completes when the fields show the layer.
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E6&seed=1"));
  const catgeo::Snapshot at_r = run_until(engine, 1);
  CHECK((at_r.has_fields && at_r.fields_layer == -1 && engine.fields_layer() == -1));
  catgeo::ScenarioConfig config = engine.config();
  config.view.layer = 0;
  engine.handle(view_command(2, config));
  catgeo::Snapshot at_0;
  for (int t = 0; t < 2000 && !(at_0.has_fields && at_0.fields_layer == 0); ++t) {
    engine.tick(0.0001);
    if (engine.has_news()) at_0 = engine.take_snapshot(), engine.handle(command(CommandKind::ack, 0));
  }
  CHECK((at_0.has_fields && at_0.fields_layer == 0 && at_0.completed >= 2));
  auto direct = catgeo::Experiment::create(engine.config());
  catgeo::GridSpec g = engine.config().grid;
  g.count[0] = g.count[1] = 64;
  catgeo::GridFields whole;
  direct.value->evaluate_fields(g, whole);
  CHECK((whole.fcode == at_r.fields.fcode && whole.network_posterior == at_r.fields.network_posterior));
  catgeo::NetworkFieldEvaluator evaluator;
  evaluator.evaluate(catgeo::network_coding_at(direct.value->network(), engine.config().network, 0), whole);
  CHECK((whole.fcode == at_0.fields.fcode && !(whole.fcode == at_r.fields.fcode)));
  CHECK(whole.fcat == at_0.fields.fcat);
  config.view.layer = 1;  // r named explicitly: today's fields again
  engine.handle(view_command(3, config));
  const catgeo::Snapshot back = run_until(engine, 3);
  CHECK((engine.fields_layer() == -1 && back.completed >= 3));
  CHECK(catgeo::encode_share_link(config).find("layer=1") != std::string::npos);
  config.view.layer = -1;
  config.view.decoder = false;
  CHECK((catgeo::encode_share_link(config).find("layer") == std::string::npos &&
         catgeo::encode_share_link(config).find("decoder") == std::string::npos));
}

TEST_CASE("engine_digit_path_runs_between_two_test_digits_of_the_digits_the_link_names") {
  if (!catgeo::test::install_mnist_digits()) return;
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=mnist&digits=49&epochs=1&path=4,9,3"));
  catgeo::PathResult got;
  for (int t = 0; t < 200 && !got.valid && got.error.empty(); ++t) {
    engine.tick(0.01);
    if (!engine.has_news()) continue;
    catgeo::Snapshot s = engine.take_snapshot();
    engine.handle(command(CommandKind::ack, 0));
    if (s.has_path) got = s.path;
  }
  CHECK_MESSAGE(got.valid, "no path: " << got.error);
  const catgeo::Dataset& test = engine.run()->test_data();
  CHECK((got.test_a == catgeo::nth_test_sample(*engine.run(), 0, 3) && test.labels[got.test_a] == 0));
  CHECK((got.test_b >= 0 && test.labels[got.test_b] == 1));
  CHECK((got.digit_a == 4 && got.digit_b == 9 && got.pair == 3));
  CHECK((got.images.size() == catgeo::kDigitPathSteps && got.image_side == 14 && got.codes.cols() == 16));
  // A view change asks for another path, the run goes on; a digit the run does not keep gets a message.
  engine.handle(view_command(2, catgeo::decode_share_link("scenario=mnist&digits=49&epochs=1&path=4,7,0").config));
  engine.tick(0.01);
  const catgeo::Snapshot s = engine.take_snapshot();
  CHECK((s.has_path && !s.path.valid && s.path.error.find("digit 7 is not one of this run's digits (49)") == 0));
  CHECK((s.facts.serial == 0 || s.facts.serial == 1));
}

TEST_CASE("engine_digit_path_asked_while_training_uses_the_network_the_maps_show") {
  // In the first epoch the learned projection grows several-fold between two refreshes: a path computed on the
  // newer network would lie outside the maps' extent (the codes' bounding box) it is drawn on.
  if (!catgeo::test::install_mnist_digits()) return;
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=mnist&digits=49&epochs=3"));
  run_until(engine, 1);
  Command slow_refresh = command(CommandKind::set_option, 2);  // the page's refresh interval is 0.2 s; the test's
  slow_refresh.key = "refresh_ms", slow_refresh.number = 400;   // ticks are slower than the page's frames
  engine.handle(slow_refresh);
  engine.handle(command(CommandKind::play, 3));
  catgeo::GridSpec shown;  // the grid of the fields last published
  catgeo::PathResult got;
  bool asked = false;
  for (int t = 0; t < 4000 && !got.valid && got.error.empty(); ++t) {
    engine.tick(0.01);
    if (!asked && engine.run()->trainer().epoch_progress() > 0.3) {
      const std::string link = "scenario=mnist&digits=49&epochs=3&path=4,9,0";
      engine.handle(view_command(4, catgeo::decode_share_link(link).config));
      asked = true;
    }
    if (!engine.has_news()) continue;
    catgeo::Snapshot s = engine.take_snapshot();
    engine.handle(command(CommandKind::ack, 0));
    if (s.has_fields && s.fields.size() > 0) shown = s.fields.grid;
    if (s.has_path) got = s.path;
  }
  CHECK_MESSAGE(got.valid, "no path: " << got.error);
  for (int end : {0, static_cast<int>(got.codes.cols()) - 1})
    CHECK_MESSAGE((got.codes(0, end) >= shown.lo[0] && got.codes(0, end) <= shown.hi[0] &&
                      got.codes(1, end) >= shown.lo[1] && got.codes(1, end) <= shown.hi[1]),
                   "end " << end << " at (" << got.codes(0, end) << ", " << got.codes(1, end) << ") outside the maps ["
                         << shown.lo[0] << ", " << shown.hi[0] << "] x [" << shown.lo[1] << ", " << shown.hi[1] << "]");
}

TEST_CASE("engine_loads_a_good_table_and_keeps_the_run_on_a_bad_one") {
  std::string good, bad, tried;
  CHECK_MESSAGE(catgeo::test::read_test_table("three_classes_2d.csv", good, tried), tried);
  CHECK_MESSAGE(catgeo::test::read_test_table("bad_nonnumber.csv", bad, tried), tried);
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E3&epochs=3"));
  run_until(engine, 1);
  Command train = command(CommandKind::train_epochs, 2);
  train.number = 2, train.seconds = 60;
  engine.handle(train);
  run_until(engine, 2);
  const int epoch = engine.run()->trainer().epoch();
  // The load outcome of command `id` (it may arrive before the snapshot that completes the command, whose fields a
  // slow build computes in later ticks).
  const auto load_outcome = [&](std::uint32_t id) {
    catgeo::LoadOutcome seen;
    for (int t = 0; t < 20000; ++t) {
      engine.tick(0.01);
      if (!engine.has_news()) continue;
      const catgeo::Snapshot s = engine.take_snapshot();
      engine.handle(command(CommandKind::ack, 0));
      if (s.has_load) seen = s.load;
      if (seen.command == id && s.completed >= id) break;
    }
    return seen;
  };
  // A bad table: this command's outcome names the place, the run is the same one and has not been reset.
  engine.handle(command(CommandKind::load_table, 3, bad));
  catgeo::LoadOutcome outcome = load_outcome(3);
  CHECK_MESSAGE((outcome.command == 3 && !outcome.ok &&
                    outcome.error == "line 5, column 2: expected a number, found 'abc'"), outcome.error);
  CHECK((engine.config().id == "E3" && epoch == 2 && engine.run()->trainer().epoch() == epoch));
  // A good one becomes the run: drawn points with the table's class names and scaling, the network kept.
  const catgeo::NetworkConfig network = engine.config().network;
  engine.handle(command(CommandKind::load_table, 4, good));
  outcome = load_outcome(4);
  CHECK_MESSAGE((outcome.command == 4 && outcome.ok && outcome.error.empty()), outcome.error);
  const catgeo::ScenarioConfig& c = engine.config();
  CHECK((c.data == catgeo::DataKind::drawn_points && c.class_names.size() == 3 && c.scaling.active));
  CHECK((c.network.hidden.size() == network.hidden.size() && c.network.noise_sigma == network.noise_sigma));
  CHECK((engine.run() && engine.run()->num_classes() == 3 && !engine.run()->reference_is_exact()));
  // Points drawn on it in a class the table has not got are named like drawn classes.
  Command more = command(CommandKind::add_points, 5);
  more.points = {{{0.1, 0.1}, 3}, {{0.2, 0.1}, 3}};
  engine.handle(more);
  run_until(engine, 5);
  CHECK_MESSAGE((engine.config().class_names.size() == 4 && engine.config().class_names[3] == "class 4"),
                 engine.config().class_names.size());
}

TEST_CASE("engine_per_layer_metrics_equal_layer_match_metrics") {
  // E6 (two code layers): a row per measured epoch, in chunks between the other work; epoch 0's equals
  // layer_match_metrics on the same network bit for bit. E5 (one code layer) has none.
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E6&seed=2&epochs=2"));
  run_until_idle(engine, 0.0001);
  const std::vector<catgeo::LayerMetricsRow>& rows = engine.jobs().layer_metrics_history();
  CHECK_MESSAGE((rows.size() == 1 && rows[0].epoch == 0 && rows[0].layers.size() == 2), rows.size() << " rows");
  auto direct = catgeo::Experiment::create(engine.config());
  const std::vector<catgeo::LayerMatch> one_shot = catgeo::layer_match_metrics(*direct.value);
  bool same = one_shot.size() == rows[0].layers.size();
  for (std::size_t i = 0; same && i < one_shot.size(); ++i) {
    const catgeo::MatchMetrics &a = one_shot[i].match, &b = rows[0].layers[i].match;
    same = one_shot[i].index == rows[0].layers[i].index && same_bits(a.contrast, b.contrast) &&
           same_bits(a.loglog_r, b.loglog_r) && same_bits(a.angle_deg_weighted, b.angle_deg_weighted) &&
           same_bits(a.info_loss, b.info_loss);
  }
  CHECK(same);
  engine.handle(command(CommandKind::play, 2));
  run_until_idle(engine);
  CHECK_MESSAGE((engine.jobs().layer_metrics_history().size() == 3 && engine.jobs().layer_metrics_history().back().epoch == 2),
                 engine.jobs().layer_metrics_history().size() << " rows");
  Engine single;
  single.handle(command(CommandKind::boot, 1, "scenario=E5&seed=2&epochs=1"));
  run_until_idle(single);
  CHECK(single.jobs().layer_metrics_history().empty());
}

namespace {

// Test digit `index` of the run drawn on the 28x28 pad: each 14x14 pixel a 2x2 block.
std::vector<float> test_digit_on_pad(const catgeo::Experiment& run, int index) {
  std::vector<float> pad(catgeo::kPadPixels);
  for (int i = 0; i < catgeo::kPadSide; ++i)
    for (int j = 0; j < catgeo::kPadSide; ++j)
      pad[i * catgeo::kPadSide + j] = run.test_data().inputs((i / 2) * 14 + j / 2, index);
  return pad;
}

Command digit_pad(std::uint32_t id, std::vector<float> pixels) {
  Command c = command(CommandKind::digit_pad, id);
  c.pixels = std::move(pixels);
  return c;
}

// Ticks and acknowledges until a snapshot carries the reading of drawing `id`.
catgeo::DrawnResult read_until(Engine& engine, std::uint32_t id, int max_ticks = 4000) {
  for (int t = 0; t < max_ticks; ++t) {
    engine.tick(0.01);
    if (!engine.has_news()) continue;
    catgeo::Snapshot s = engine.take_snapshot();
    engine.handle(command(CommandKind::ack, 0));
    if (s.has_drawn && s.drawn.command >= id) return s.drawn;
  }
  return catgeo::DrawnResult();
}

}  // namespace

TEST_CASE("engine_digit_pad_reads_the_drawing_with_the_network_the_maps_show") {
  if (!catgeo::test::install_mnist_digits()) return;
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=mnist&digits=01&epochs=2"));
  run_until(engine, 1);
  engine.handle(command(CommandKind::train_epochs, 2));
  run_until(engine, 2);
  // Paused: read at once, the network's own numbers at the centred, pooled drawing.
  const std::vector<float> pad = test_digit_on_pad(*engine.run(), 0);
  engine.handle(digit_pad(3, pad));
  const catgeo::DrawnResult got = read_until(engine, 3, 5);
  CHECK_MESSAGE((got.active && got.valid), "not read: " << got.error);
  if (!got.valid) return;
  const catgeo::MatrixF input = catgeo::pool_pad(catgeo::centre_like_mnist(pad), 14);  // (196, 1)
  catgeo::MatrixF codes, probabilities;
  engine.run()->network().project(input, codes);
  engine.run()->network().predict(input, probabilities);
  CHECK((got.image_side == 14 && got.image.size() == 196 && got.code.rows() == 2 && got.code.cols() == 1));
  CHECK_NEAR(got.code(0, 0), codes(0, 0), 1e-9);
  CHECK_NEAR(got.code(1, 0), codes(1, 0), 1e-9);
  CHECK_NEAR(got.fields.network_posterior(1, 0), probabilities(1, 0), 1e-5);
  CHECK((got.fields.size() == 1 && got.fields.fcode.rows() == 3 && got.fields.fcode(0, 0) > 0.0));
  CHECK(got.predicted == (probabilities(1, 0) > probabilities(0, 0) ? 1 : 0));
  CHECK((got.nearest.size() == catgeo::kNearestDigits && got.nearest[0].pixels.size() == 196));
  CHECK(got.nearest.front().distance <= got.nearest.back().distance);
  // A blank pad gets its message; a cleared one no reading.
  engine.handle(digit_pad(4, std::vector<float>(catgeo::kPadPixels, 0.0f)));
  const catgeo::DrawnResult blank = read_until(engine, 4, 5);
  CHECK((blank.active && !blank.valid && blank.error == "draw a digit on the pad"));
  engine.handle(digit_pad(5, {}));
  const catgeo::DrawnResult cleared = read_until(engine, 5, 5);
  CHECK((cleared.command == 5 && !cleared.active && !cleared.valid));
}

TEST_CASE("engine_digit_pad_while_training_follows_every_refresh_on_the_maps_network") {
  if (!catgeo::test::install_mnist_digits()) return;
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=mnist&digits=01&epochs=10000"));
  run_until(engine, 1);
  Command slow_refresh = command(CommandKind::set_option, 2);  // ticks slower than the page's frames (as for the path)
  slow_refresh.key = "refresh_ms", slow_refresh.number = 400;
  engine.handle(slow_refresh);
  engine.handle(command(CommandKind::play, 3));
  catgeo::GridSpec shown;  // the grid of the fields last published
  int readings = 0, outside = 0;
  bool asked = false;
  for (int t = 0; t < 6000 && readings < 3; ++t) {
    engine.tick(0.01);
    if (!asked && engine.run()->trainer().epoch_progress() > 0.3) {
      engine.handle(digit_pad(4, test_digit_on_pad(*engine.run(), 1)));
      asked = true;
    }
    if (!engine.has_news()) continue;
    catgeo::Snapshot s = engine.take_snapshot();
    engine.handle(command(CommandKind::ack, 0));
    if (s.has_fields && s.fields.size() > 0) shown = s.fields.grid;
    if (!s.has_drawn || s.drawn.command != 4) continue;
    CHECK_MESSAGE(s.drawn.valid, "not read: " << s.drawn.error);
    if (!s.drawn.valid) break;
    ++readings;  // the drawing's code lies on the maps the same snapshots show (their extent: the codes' box)
    const double x = s.drawn.code(0, 0), y = s.drawn.code(1, 0);
    outside += !(x >= shown.lo[0] - 1e-9 && x <= shown.hi[0] + 1e-9 && y >= shown.lo[1] - 1e-9 && y <= shown.hi[1] + 1e-9);
  }
  CHECK_MESSAGE((readings == 3 && engine.state() == catgeo::RunState::training),
                 readings << " readings, one per refresh, while training");
  CHECK_MESSAGE(outside == 0, outside << " readings off the maps they came with");
}
