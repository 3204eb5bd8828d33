// The engine's study jobs (issue 20): the information-loss maps (view option lossmap) and the width study
// (set_option width_study), in bounded chunks, with the numbers of the one-shot core functions.
#include <cmath>
#include <cstring>
#include <string>

#include "core/run/experiment.h"
#include "core/analysis/high_snr_check.h"
#include "core/analysis/information_summary.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"
#include "engine/engine.h"
#include "engine/width_study_job.h"
#include "test.h"

namespace {

using catgeo::Command;
using catgeo::CommandKind;
using catgeo::Engine;

Command command(CommandKind kind, std::uint32_t id, const std::string& text = "", double number = 0.0) {
  Command c;
  c.kind = kind;
  c.id = id;
  c.text = text;
  c.number = number;
  return c;
}

// Ticks with `budget` seconds, acknowledging snapshots, until `done` or the tick limit; returns whether it was done.
template <class Done>
bool tick_until(Engine& engine, Done done, double budget = 0.005, int max_ticks = 200000) {
  for (int t = 0; t < max_ticks; ++t) {
    if (done()) return true;
    engine.tick(budget);
    if (engine.has_news()) engine.take_snapshot(), engine.handle(command(CommandKind::ack, 0));
  }
  return done();
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof(double)) == 0; }

}  // namespace

TEST_CASE("engine_loss_maps_before_and_after_training_equal_the_cli_check") {
  // lossmap=1 on E1: the untrained network's map first, then, after training, the trained one's; their averages equal
  // catgeo train --json's info_loss_mc of the same states bit for bit (same grid, same streams), and both maps carry
  // tr F_cat and the high-SNR form at the same points.
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E1&epochs=4&lossmap=1"));
  CHECK(tick_until(engine, [&] { return engine.jobs().loss_maps().before.epoch == 0; }));
  auto untrained = catgeo::Experiment::create(engine.config());
  const catgeo::InformationChecks before = catgeo::measure_information_checks(*untrained.value);
  const catgeo::LossMap& b = engine.jobs().loss_maps().before;
  CHECK_MESSAGE((same_bits(b.average, before.info_loss_mc) && same_bits(b.average_se, before.info_loss_mc_se)),
                 "engine " << b.average << " +- " << b.average_se << ", CLI " << before.info_loss_mc);
  CHECK((b.loss.size() == 81 && b.fcat_trace.size() == 81 && b.high_snr.size() == 81 && b.density.size() == 81));
  Command train = command(CommandKind::train_epochs, 2, "", 4);
  train.seconds = 600;
  engine.handle(train);
  CHECK(tick_until(engine, [&] { return engine.jobs().loss_maps().latest.epoch == 4 && !engine.loss_map_pending(); }));
  while (untrained.value->trainer().state() == catgeo::TrainerState::training)
    untrained.value->train({1 << 20, 0.0});
  const catgeo::InformationChecks after = catgeo::measure_information_checks(*untrained.value);
  CHECK_MESSAGE(same_bits(engine.jobs().loss_maps().latest.average, after.info_loss_mc),
                "engine " << engine.jobs().loss_maps().latest.average << ", CLI " << after.info_loss_mc);
  CHECK_MESSAGE(engine.jobs().loss_maps().latest.average < 0.5 * b.average,
                "the loss fell from " << b.average << " to " << engine.jobs().loss_maps().latest.average);
  // Turned off: the maps are dropped; the view option is the switch.
  Command view = command(CommandKind::set_view, 3);
  view.config.view = engine.config().view;
  view.config.view.loss_map = false;
  engine.handle(view);
  CHECK((engine.jobs().loss_maps().before.epoch == -1 && !engine.loss_map_pending()));
}

TEST_CASE("engine_loss_maps_need_a_mixture") {
  // Drawn points have no exact p(x|mu): no map, and nothing waits for one.
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E5&lossmap=1"));
  Command add = command(CommandKind::add_points, 2);
  add.points = {{{-1.0, -1.0}, 0}, {{-1.2, -0.7}, 0}, {{1.0, 1.0}, 1}, {{1.1, 0.8}, 1}};
  engine.handle(add);
  CHECK(tick_until(engine, [&] {
    return engine.run() != nullptr && engine.config().data == catgeo::DataKind::drawn_points;
  }));
  CHECK((!engine.loss_map_pending() && engine.jobs().loss_maps().before.epoch == -1));
}

TEST_CASE("width_study_job_rows_equal_one_shot_checks") {
  // The job's 8 runs (4 widths x sigma, 2 sigma), stepped in chunks, give each row's check bit for bit as a fresh run
  // of the row's link trained in one piece and checked in one call, with the same estimator settings.
  catgeo::ScenarioConfig base = catgeo::scenario_preset("E1").value;
  base.training.epochs = 2;
  base.network.noise_sigma = 0.5;
  catgeo::RepresentationInformationSettings settings;
  settings.joint_samples = 64;
  catgeo::WidthStudyJob job(base, settings);
  int steps = 0;
  while (!job.done()) job.step(), ++steps;
  const catgeo::WidthStudy& study = job.study();
  CHECK_MESSAGE((study.state == catgeo::StudyState::done && study.rows.size() == 8 && study.runs_total == 8),
                 study.rows.size() << " rows");
  CHECK_MESSAGE(steps > 16, steps << " steps");
  for (const catgeo::WidthStudyRow& row : study.rows) {
    auto run = catgeo::Experiment::create(catgeo::decode_share_link(row.link).config);
    while (run.value->trainer().state() == catgeo::TrainerState::training) run.value->train({1 << 20, 0.0});
    const catgeo::HighSnrCheck one_shot = catgeo::high_snr_check(*run.value, settings);
    CHECK_MESSAGE((row.state == "finished" && same_bits(row.check.info_r, one_shot.info_r) &&
                      same_bits(row.check.info_r_highsnr, one_shot.info_r_highsnr) && row.check.width == one_shot.width &&
                      row.check.sigma == one_shot.sigma),
                   row.link << ": " << row.check.info_r << " vs " << one_shot.info_r);
  }
  CHECK((study.rows.front().check.width == 8 && study.rows.front().check.sigma == 0.5));
  CHECK((study.rows.back().check.width == 512 && study.rows.back().check.sigma == 1.0));
}

TEST_CASE("engine_width_study_reports_progress_and_cancels") {
  // Started by set_option width_study 1: it reports the run under way and its progress; cancelled by 0 it stops,
  // keeps the rows it has and says so. On MNIST it is unavailable, with the reason.
  Engine engine;
  engine.handle(command(CommandKind::boot, 1, "scenario=E1&epochs=2&widths=1"));
  tick_until(engine, [&] { return engine.run() != nullptr; });
  Command start = command(CommandKind::set_option, 2, "", 1);
  start.key = "width_study";
  engine.handle(start);
  CHECK((engine.jobs().width_study().state == catgeo::StudyState::running && engine.jobs().width_study().runs_total == 8));
  CHECK(tick_until(engine, [&] { return engine.jobs().width_study().rows.size() >= 1; }));
  CHECK_MESSAGE(engine.jobs().width_study().message.find("run 2 of 8") == 0, engine.jobs().width_study().message);
  Command cancel = command(CommandKind::set_option, 3, "", 0);
  cancel.key = "width_study";
  engine.handle(cancel);
  const std::size_t kept = engine.jobs().width_study().rows.size();
  CHECK_MESSAGE((engine.jobs().width_study().state == catgeo::StudyState::cancelled &&
                    engine.jobs().width_study().message.find("cancelled after") == 0),
                 engine.jobs().width_study().message);
  for (int t = 0; t < 50; ++t) engine.tick(0.005);
  CHECK(engine.jobs().width_study().rows.size() == kept);
  // Another preset drops the study; a dropout or MNIST run cannot have one.
  engine.handle(command(CommandKind::load_link, 4, "scenario=E2&noise=dropout&layers=128s"));
  tick_until(engine, [&] { return engine.run() != nullptr && engine.config().id == "E2"; });
  CHECK((engine.jobs().width_study().state == catgeo::StudyState::idle && engine.jobs().width_study().rows.empty()));
  start.id = 5;
  engine.handle(start);
  CHECK_MESSAGE((engine.jobs().width_study().state == catgeo::StudyState::unavailable &&
                    engine.jobs().width_study().message.find("dropout") != std::string::npos),
                 engine.jobs().width_study().message);
}
