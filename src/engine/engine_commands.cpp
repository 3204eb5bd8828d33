// The engine's command handling: each command changes the configuration, the run or what the engine is asked,
// and completes at once or once its effect is on screen (Engine::set_pending).
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>

#include "core/config/scenarios.h"
#include "core/data/point_table.h"
#include "core/link/share_link.h"
#include "core/run/table_scenario.h"
#include "engine/engine.h"
#include "engine/wall_clock.h"

namespace catgeo {

void Engine::handle(const Command& c) {
  received_ = std::max(received_, c.id);
  state_dirty_ |= c.kind != CommandKind::ack;  // an ack changes nothing the view shows
  switch (c.kind) {
    case CommandKind::boot:
      if (c.text.empty()) {
        load(scenario_preset(kPageScenarioId).value, c.id, {}, false);
      } else {
        load_link(c.text, c.id);
      }
      break;
    case CommandKind::load_link: load_link(c.text, c.id); break;
    case CommandKind::load_config: load(c.config, c.id, {}, false); break;
    case CommandKind::load_table: load_table(c.text, c.id); break;
    case CommandKind::set_key: set_key(c.key, c.text, c.id); break;
    case CommandKind::set_view: {
      const int layer_before = displayed_layer();
      const ViewConfig view_before = config_.view;
      ScenarioConfig viewed = config_;
      viewed.view = c.config.view;
      config_.view = as_link_reads(viewed).view;
      config_dirty_ = true;
      points_.take_view(config_.view);
      if (playing_ && config_.view.speed != view_before.speed) start_playing();  // the new pace from now
      if (displayed_layer() != layer_before) {  // the F_code map shows another layer: completes when it does
        refresh_.redo_now();
        set_pending(c.id);
      }
      jobs_.view_changed(view_before, config_.view);
      break;
    }
    case CommandKind::play:
      pending_.training = false;
      autoplay_waiting_ = false;
      if (run_ && run_->trainer().state() == TrainerState::training) start_playing();
      break;
    case CommandKind::pause:
      pending_.training = false;
      autoplay_waiting_ = playing_ = false;
      break;
    case CommandKind::reset: {
      const bool autoplay = config_.view.autoplay;
      config_.view.autoplay = false;  // Reset leaves the run paused at epoch 0
      load(ScenarioConfig(config_), c.id, {}, false);
      config_.view.autoplay = autoplay;
      break;
    }
    case CommandKind::train_epochs:
    case CommandKind::train_for:
      autoplay_waiting_ = playing_ = false;
      set_pending(c.id);
      if (run_ && run_->trainer().state() == TrainerState::training) {
        pending_.training = true;
        pending_.epoch = c.kind == CommandKind::train_epochs
                             ? run_->trainer().epoch() + static_cast<int>(std::clamp(c.number, 1.0, 1e6))
                             : INT_MAX;
        pending_.deadline = wall_seconds() + std::clamp(c.seconds, 0.001, 3600.0);
        work_share_.start(wall_seconds());
      }
      break;
    case CommandKind::add_points: add_points(c.points, c.id); break;
    case CommandKind::set_option:
      if (!std::isfinite(c.number)) break;  // a value that is not a number changes nothing (the API says so)
      if (c.key == "grid") {
        if (refresh_.set_grid_points(c.number)) set_pending(c.id);  // completes once the new grid is shown
      } else if (c.key == "refresh_ms") {
        refresh_.set_interval_ms(c.number);
      } else if (c.key == "on_screen") {
        on_screen_ = c.number != 0.0;
      } else if (c.key == "width_study") {
        jobs_.set_width_study(c.number != 0.0, config_);
      } else if (c.key == "every_epoch") {
        measure_every_epoch_ = c.number != 0.0;
      }
      break;
    case CommandKind::probe: points_.ask_probe(c.x, c.y); break;
    case CommandKind::cut: points_.ask_cut(CutSegment{c.x, c.y, c.x_end, c.y_end}); break;
    case CommandKind::digit_pad: points_.ask_drawn(c.pixels, c.id); break;
    case CommandKind::ack: gate_.acked(); break;
  }
  complete_pending_if_settled();
}

void Engine::load_link(const std::string& link, std::uint32_t command) {
  LinkDecodeResult decoded = decode_share_link(link);
  load(decoded.config, command, std::move(decoded.notices), decoded.fell_back_to_defaults);
}

void Engine::load_table(const std::string& text, std::uint32_t command) {
  Result<PointTable> table = parse_point_table(text);
  if (!table.ok()) {  // the run goes on as it was: only this command's outcome says what is wrong with the table
    load_ = LoadOutcome{};
    load_.command = command;
    load_.error = table.status.message;
    load_dirty_ = true;
    return;
  }
  // The current network and training carry over, except from MNIST (a projection of digits): then E5's or E1's.
  ScenarioConfig base = config_;
  if (base.data == DataKind::mnist) base = scenario_preset(base_preset_id(table.value.dims)).value;
  base.view.cut = {kNoCut, kNoCut, kNoCut, kNoCut};  // a segment of the old data's coordinates
  base.view.path = {-1, -1, 0};
  std::vector<std::string> notices;  // what the reader must know about an accepted table (merged points, ...)
  Result<ScenarioConfig> config = table_scenario(table.value, base, &notices);
  if (!config.ok()) {
    load_ = LoadOutcome{};
    load_.command = command;
    load_.error = config.status.message;
    load_dirty_ = true;
    return;
  }
  load(config.value, command, std::move(notices), false);
}

void Engine::set_key(const std::string& key, const std::string& value, std::uint32_t command) {
  LinkDecodeResult set = with_link_pair(config_, key, value);
  load(set.config, command, std::move(set.notices), set.fell_back_to_defaults);
}

void Engine::add_points(const std::vector<DrawnPoint>& points, std::uint32_t command) {
  ScenarioConfig config = config_;
  if (config.data != DataKind::drawn_points) {
    Result<ScenarioConfig> base = scenario_preset(kPageScenarioId);
    base.value.network = config.network;
    base.value.training = config.training;
    base.value.view = config.view;
    if (config.grid.dims == 2) base.value.grid = config.grid;
    config = base.value;
    config.id = "drawn";
    config.title = "Your points (F_cat estimated by KDE)";
    config.data = DataKind::drawn_points;
    config.classes.clear();
    config.points.clear();
  }
  for (const DrawnPoint& p : points) {
    config.points.push_back(quantize_for_link(p));
    // Points drawn on a table of named classes: a class the table has not got is named as drawn points are.
    while (!config.class_names.empty() && static_cast<int>(config.class_names.size()) <= p.label)
      config.class_names.push_back("class " + std::to_string(config.class_names.size() + 1));
  }
  load(config, command, {}, false);
}

void Engine::load(const ScenarioConfig& config, std::uint32_t command, std::vector<std::string> notices,
                  bool fell_back) {
  // The engine runs exactly what its link says (read back through the one codec), so that the link reproduces it
  // whichever way the configuration was made (a link, the widgets, drawn points).
  config_ = as_link_reads(config);
  playing_ = false;
  set_pending(command);
  build_run();
  points_.take_view(config_.view);
  load_ = LoadOutcome{};
  load_.command = command;
  load_.pending = !run_ && waiting_for_digits_;
  load_.ok = run_ != nullptr && !fell_back;
  load_.error = run_ || load_.pending ? std::string() : status_;
  load_.notices = std::move(notices);
  load_dirty_ = config_dirty_ = true;
  load_autoplay();
}

void Engine::load_autoplay() { autoplay_waiting_ = run_ && config_.view.autoplay; }

}  // namespace catgeo
