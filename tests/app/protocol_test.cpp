// Engine protocol: commands and snapshots survive the byte codec exactly; truncated or corrupt bytes are refused.
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/config/scenarios.h"
#include "core/link/share_link.h"
#include "engine/engine.h"
#include "engine/protocol_codec.h"
#include "test.h"

namespace {

using catgeo::Command;
using catgeo::CommandKind;
using catgeo::Snapshot;

// A snapshot with every part filled: the E5 engine after boot and one refresh.
Snapshot full_snapshot() {
  catgeo::Engine engine;
  Command boot;
  boot.kind = CommandKind::boot;
  boot.id = 1;
  boot.text = "scenario=E5&seed=3";
  engine.handle(boot);
  for (int i = 0; i < 50 && engine.tick(0.05); ++i) {}
  Command probe;
  probe.kind = CommandKind::probe;
  probe.id = 2;
  probe.x = 0.25;
  probe.y = -0.5;
  engine.handle(probe);
  Command cut;
  cut.kind = CommandKind::cut;
  cut.id = 3;
  cut.x = -1.5, cut.y = 0.5, cut.x_end = 1.25, cut.y_end = -0.75;
  engine.handle(cut);
  engine.tick(0.01);
  return engine.take_snapshot();
}

}  // namespace

TEST_CASE("protocol_command_round_trip") {
  Command c;
  c.kind = CommandKind::add_points;
  c.id = 77;
  c.key = "grid";
  c.text = "scenario=E5&sigma=0.5";
  c.number = 128.0;
  c.seconds = 0.25;
  c.x = -1.5;
  c.y = 2.25;
  c.x_end = 0.125;
  c.y_end = -3.0;
  c.points = {{{0.5, -0.25}, 1}, {{1.0, 2.0}, 0}};
  c.pixels = {0.0f, 0.25f, 1.0f};
  const std::vector<std::uint8_t> bytes = catgeo::encode_command(c);
  Command d;
  CHECK(catgeo::decode_command(bytes.data(), bytes.size(), d));
  CHECK((d.kind == c.kind && d.id == 77 && d.key == c.key && d.text == c.text));
  CHECK((d.number == 128.0 && d.seconds == 0.25 && d.x == -1.5 && d.y == 2.25));
  CHECK((d.x_end == 0.125 && d.y_end == -3.0));
  CHECK((d.points.size() == 2 && d.points[1].x[1] == 2.0 && d.points[0].label == 1));
  CHECK(d.pixels == c.pixels);
  for (std::size_t cut = 0; cut < bytes.size(); ++cut)
    CHECK_MESSAGE(!catgeo::decode_command(bytes.data(), cut, d), "a command cut at byte " << cut << " decoded");
}

TEST_CASE("protocol_carries_every_field_of_a_configuration") {
  // Every field away from its default, the title included (a link does not carry it).
  catgeo::ScenarioConfig c = catgeo::decode_share_link("scenario=E5&mix=0.5,-1:1,0.25,2;-1,1:0.5,0,0.5:3").config;
  c.title = "My own mixture";
  c.points = {{{0.125, -2.5}, 3}};
  c.points_dims = 1;
  c.class_names = {"cats", "dogs, mostly"};
  c.scaling = {true, {1.5, -2.0}, 0.75};
  c.mnist = {{4, 9}, 7, 0.3};
  c.train_samples = 1234, c.test_samples = 567, c.data_seed = (std::uint64_t{1} << 40) + 3;
  c.network.hidden = {{16, catgeo::Activation::tanh}, {8, catgeo::Activation::relu}};
  c.network.representation_layer = 0, c.network.projection_layer = 1;
  c.network.noise = catgeo::NoiseModel::dropout, c.network.noise_sigma = 0.3, c.network.dropout_alpha = 0.125;
  c.training = {catgeo::OptimizerKind::sgd, 0.05, 17, 9, (std::uint64_t{7} << 33) + 1};
  c.grid.lo[1] = -3.5, c.grid.hi[0] = 2.75, c.grid.count[0] = 33;
  catgeo::ViewConfig& v = c.view;
  v.mode = catgeo::ViewMode::overlay, v.measure = catgeo::FieldMeasure::lambda_max;
  v.log_scale = v.glyphs = v.show_data = v.show_boundary = v.controls = false;
  v.decoder = v.loss_map = v.width_study = v.embed = v.autoplay = v.lecture = true;
  v.layer = 1, v.cut = {-1, 0.5, 1, -0.5}, v.path = {4, 9, 2}, v.panels = 0, v.tour = 3, v.speed = 2.5;
  for (CommandKind kind : {CommandKind::load_config, CommandKind::set_view}) {
    Command command;
    command.kind = kind;
    command.config = c;
    const std::vector<std::uint8_t> bytes = catgeo::encode_command(command);
    Command d;
    CHECK(catgeo::decode_command(bytes.data(), bytes.size(), d));
    CHECK(catgeo::configs_equal(d.config, c));
    for (std::size_t cut = 0; cut < bytes.size(); ++cut)
      CHECK_MESSAGE(!catgeo::decode_command(bytes.data(), cut, d), "a command cut at byte " << cut << " decoded");
  }
  Command play;  // a command of another kind carries no configuration
  play.kind = CommandKind::play;
  play.config = c;
  CHECK(catgeo::encode_command(play).size() < 100);
  // A configuration the engine could not build from is refused: no layer for r, a class of another dimension.
  Command bad;
  bad.kind = CommandKind::load_config;
  bad.config = c;
  bad.config.network.representation_layer = 2;
  std::vector<std::uint8_t> bytes = catgeo::encode_command(bad);
  Command d;
  CHECK(!catgeo::decode_command(bytes.data(), bytes.size(), d));
  bad.config = c;
  bad.config.classes[1].cov = Eigen::Matrix3d::Identity();
  bytes = catgeo::encode_command(bad);
  CHECK(!catgeo::decode_command(bytes.data(), bytes.size(), d));
}

TEST_CASE("protocol_snapshot_round_trip_is_exact") {
  const Snapshot s = full_snapshot();
  CHECK((s.has_fields && s.fields.size() == 64 * 64 && s.has_probe && s.probe.valid));
  CHECK((s.has_config && !s.new_history.empty() && s.has_samples && s.samples.cols() > 0));
  const std::vector<std::uint8_t> bytes = catgeo::encode_snapshot(s);
  Snapshot d;
  CHECK(catgeo::decode_snapshot(bytes.data(), bytes.size(), d));
  CHECK((d.completed == s.completed && catgeo::configs_equal(d.config, s.config) && d.share_link == s.share_link));
  CHECK((d.facts.serial == 1 && d.facts.dims == 2 && d.facts.num_classes == 2 && d.facts.reference_exact));
  CHECK((d.fields.fcode == s.fields.fcode && d.fields.fcat == s.fields.fcat));
  CHECK((d.fields.network_posterior == s.fields.network_posterior && d.fields.density == s.fields.density));
  CHECK(d.fields.points == s.fields.points);  // rebuilt from the grid, the same numbers
  CHECK(d.new_history.size() == s.new_history.size());
  CHECK(d.new_history[0].match.angle_deg_weighted == s.new_history[0].match.angle_deg_weighted);
  CHECK((d.probe.fields.fcode == s.probe.fields.fcode && d.probe.x == 0.25));
  // The cut's points come back from its segment, not from its one-row grid.
  CHECK((s.has_cut && s.cut.active && s.cut.valid && s.cut.fields.size() == catgeo::kCutPoints));
  CHECK((d.has_cut && d.cut.valid && d.cut.segment.x1 == 1.25 && d.cut.fields.points == s.cut.fields.points));
  CHECK((d.cut.fields.fcode == s.cut.fields.fcode && d.cut.fields.reference_posterior == s.cut.fields.reference_posterior));
  CHECK((d.samples == s.samples && d.sample_labels == s.sample_labels));
  CHECK(d.confusion == s.confusion);
}

TEST_CASE("protocol_information_rows_and_maps_round_trip") {
  Snapshot s = full_snapshot();
  catgeo::InformationRow row;
  row.epoch = 20;
  row.summary.info_r = 0.3125;
  row.summary.info_r_se = std::numeric_limits<double>::quiet_NaN();
  row.summary.fcode_over_fcat_cv = 1.0 / 3.0;
  row.summary.bv_cross_entropy = -0.0;
  s.new_information = {catgeo::InformationRow(), row};
  s.has_bias_variance = true;
  s.bias_variance.epoch = 20;
  s.bias_variance.grid.dims = 1;
  s.bias_variance.grid.count[0] = 3;
  s.bias_variance.grid.count[1] = 1;
  s.bias_variance.noise = Eigen::Vector3d(0.1, 0.2, 0.3);
  s.bias_variance.bias = Eigen::Vector3d(1e-300, 0.0, 2.0);
  s.bias_variance.variance = Eigen::Vector3d(0.5, 0.25, 0.125);
  s.perf.info_ms_last = 12.5;
  s.perf.info_queued = 2;
  const std::vector<std::uint8_t> bytes = catgeo::encode_snapshot(s);
  Snapshot d;
  CHECK(catgeo::decode_snapshot(bytes.data(), bytes.size(), d));
  CHECK((d.new_information.size() == 2 && d.new_information[1].epoch == 20));
  const catgeo::InformationSummary& i = d.new_information[1].summary;
  CHECK((i.info_r == 0.3125 && std::isnan(i.info_r_se) && i.fcode_over_fcat_cv == 1.0 / 3.0));
  CHECK(std::signbit(i.bv_cross_entropy));
  CHECK((d.has_bias_variance && d.bias_variance.epoch == 20 && d.bias_variance.grid.count[0] == 3));
  CHECK((d.bias_variance.noise == s.bias_variance.noise && d.bias_variance.bias == s.bias_variance.bias));
  CHECK(d.bias_variance.variance == s.bias_variance.variance);
  CHECK((d.perf.info_ms_last == 12.5 && d.perf.info_queued == 2));
  for (std::size_t cut = bytes.size() - 40; cut < bytes.size(); ++cut)
    CHECK_MESSAGE(!catgeo::decode_snapshot(bytes.data(), cut, d), "a snapshot cut at byte " << cut << " decoded");
  s.bias_variance.variance.resize(2);  // maps of different sizes are refused
  const std::vector<std::uint8_t> bad = catgeo::encode_snapshot(s);
  CHECK(!catgeo::decode_snapshot(bad.data(), bad.size(), d));
}

TEST_CASE("protocol_snapshot_refuses_corrupt_bytes") {
  const std::vector<std::uint8_t> bytes = catgeo::encode_snapshot(full_snapshot());
  Snapshot d;
  for (std::size_t cut : {std::size_t{0}, std::size_t{3}, std::size_t{11}, bytes.size() / 3, bytes.size() - 1})
    CHECK_MESSAGE(!catgeo::decode_snapshot(bytes.data(), cut, d), "a snapshot cut at byte " << cut << " decoded");
  std::vector<std::uint8_t> other_version = bytes;
  other_version[4] ^= 0xff;
  CHECK(!catgeo::decode_snapshot(other_version.data(), other_version.size(), d));
  // Flipped bytes anywhere: decoding may succeed or fail, but never reads out of bounds (ASan checks) or hangs.
  std::uint64_t state = 12345;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<std::uint8_t> noisy = bytes;
    for (int k = 0; k < 4; ++k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      noisy[(state >> 33) % noisy.size()] ^= static_cast<std::uint8_t>(state >> 17);
    }
    catgeo::decode_snapshot(noisy.data(), noisy.size(), d);
  }
}

TEST_CASE("protocol_snapshot_of_a_new_run_without_fields_decodes") {
  catgeo::Engine engine;
  Command boot;
  boot.kind = CommandKind::boot;
  boot.id = 1;
  boot.text = "scenario=E1";
  engine.handle(boot);
  const Snapshot s = engine.take_snapshot();  // before any tick: the run exists, its fields do not yet
  CHECK((s.has_fields && s.fields.size() == 0 && s.facts.has_run));
  const std::vector<std::uint8_t> bytes = catgeo::encode_snapshot(s);
  Snapshot d;
  CHECK(catgeo::decode_snapshot(bytes.data(), bytes.size(), d));
  CHECK((d.has_fields && d.fields.size() == 0 && d.facts.serial == 1));
}

TEST_CASE("protocol_decoder_check_and_fields_layer_round_trip") {
  Snapshot s = full_snapshot();
  s.fields_layer = 0;
  s.perf.decoder_ms_last = 123.25;
  s.has_decoder = true;
  catgeo::DecoderResult& r = s.decoder;
  r.valid = true, r.epoch = 7, r.draws = 400, r.median_rel_error = 0.987654321;
  r.points = Eigen::MatrixXd::Random(2, 5);
  r.covariance = Eigen::MatrixXd::Random(3, 5);
  r.fisher = Eigen::MatrixXd::Random(3, 5);
  r.jacobian_fisher = Eigen::MatrixXd::Random(3, 5);
  r.jacobian_fisher(1, 2) = std::numeric_limits<double>::infinity();
  const std::vector<std::uint8_t> bytes = catgeo::encode_snapshot(s);
  Snapshot d;
  CHECK(catgeo::decode_snapshot(bytes.data(), bytes.size(), d));
  CHECK((d.fields_layer == 0 && d.perf.decoder_ms_last == 123.25 && d.has_decoder && d.decoder.valid));
  CHECK((d.decoder.epoch == 7 && d.decoder.draws == 400 && d.decoder.median_rel_error == r.median_rel_error));
  CHECK((d.decoder.points == r.points && d.decoder.covariance == r.covariance && d.decoder.fisher == r.fisher &&
         d.decoder.jacobian_fisher == r.jacobian_fisher));
  for (std::size_t cut = bytes.size() - 60; cut < bytes.size(); ++cut)
    CHECK_MESSAGE(!catgeo::decode_snapshot(bytes.data(), cut, d), "a snapshot cut at byte " << cut << " decoded");
  r.covariance.resize(3, 4);  // shapes that disagree are refused
  const std::vector<std::uint8_t> bad = catgeo::encode_snapshot(s);
  CHECK(!catgeo::decode_snapshot(bad.data(), bad.size(), d));
  r.covariance.resize(3, 5);
  s.new_layer_metrics.push_back({3, {{0, catgeo::MatchMetrics()}}});
  s.new_layer_metrics[0].layers[0].match.contrast = 12.5;
  s.new_layer_metrics[0].layers[0].match.fcat_peaks = {0.25, -0.5};
  s.new_layer_metrics[0].layers.push_back({1, s.new_history[0].match});
  const std::vector<std::uint8_t> layered = catgeo::encode_snapshot(s);
  CHECK((catgeo::decode_snapshot(layered.data(), layered.size(), d) && d.new_layer_metrics.size() == 1));
  CHECK((d.new_layer_metrics[0].epoch == 3 && d.new_layer_metrics[0].layers.size() == 2 &&
         d.new_layer_metrics[0].layers[0].match.contrast == 12.5 &&
         d.new_layer_metrics[0].layers[0].match.fcat_peaks == std::vector<double>({0.25, -0.5}) &&
         d.new_layer_metrics[0].layers[1].index == 1 &&
         d.new_layer_metrics[0].layers[1].match.angle_deg_weighted == s.new_history[0].match.angle_deg_weighted));
  s.decoder = catgeo::DecoderResult();  // none (turned off): decodes as none
  const std::vector<std::uint8_t> none = catgeo::encode_snapshot(s);
  CHECK((catgeo::decode_snapshot(none.data(), none.size(), d) && d.has_decoder && !d.decoder.valid));
}

TEST_CASE("protocol_drawn_digit_round_trip") {
  Snapshot s = full_snapshot();
  s.has_drawn = true;
  catgeo::DrawnResult& r = s.drawn;
  r.command = 9, r.active = true, r.valid = true, r.image_side = 14, r.predicted = 1;
  r.image.assign(196, 7);
  r.code = Eigen::MatrixXd::Random(2, 1);
  r.fields = s.probe.fields;  // one point
  r.nearest = {{12, 1, 0.5f, std::vector<std::uint8_t>(196, 3)}};
  const std::vector<std::uint8_t> bytes = catgeo::encode_snapshot(s);
  Snapshot d;
  CHECK((catgeo::decode_snapshot(bytes.data(), bytes.size(), d) && d.has_drawn && d.drawn.valid));
  CHECK((d.drawn.command == 9 && d.drawn.active && d.drawn.image == r.image && d.drawn.predicted == 1));
  CHECK((d.drawn.code == r.code && d.drawn.fields.points == r.code));  // its one point is the code
  CHECK((d.drawn.fields.fcode == r.fields.fcode && d.drawn.fields.network_posterior == r.fields.network_posterior));
  CHECK((d.drawn.nearest.size() == 1 && d.drawn.nearest[0].index == 12 && d.drawn.nearest[0].pixels[5] == 3));
  r.code.resize(2, 2);  // a code that is not one point is refused
  const std::vector<std::uint8_t> bad = catgeo::encode_snapshot(s);
  CHECK(!catgeo::decode_snapshot(bad.data(), bad.size(), d));
  r = catgeo::DrawnResult();  // a cleared pad
  r.command = 10;
  const std::vector<std::uint8_t> cleared = catgeo::encode_snapshot(s);
  CHECK((catgeo::decode_snapshot(cleared.data(), cleared.size(), d) && d.has_drawn && !d.drawn.active &&
         d.drawn.command == 10));
}
