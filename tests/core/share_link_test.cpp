// Tests of the share-link codec: preset and modified round trips, the issue's link, notices, garbage.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/config/scenarios.h"
#include "core/link/link_text.h"
#include "core/data/point_table.h"
#include "core/link/share_link.h"
#include "core/run/table_scenario.h"
#include "core/config/tour.h"
#include "test.h"

using catgeo::decode_share_link;
using catgeo::encode_share_link;
using catgeo::ScenarioConfig;

namespace {

ScenarioConfig preset(const std::string& id) { return catgeo::scenario_preset(id).value; }

bool has_notice(const catgeo::LinkDecodeResult& r, const std::string& part) {
  for (const std::string& n : r.notices) {
    if (n.find(part) != std::string::npos) return true;
  }
  std::printf("      notice '%s' not among %zu:\n", part.c_str(), r.notices.size());
  for (const std::string& n : r.notices) std::printf("        %s\n", n.c_str());
  return false;
}

// config -> link -> config is exact, and the link is a fixed point of link -> config -> link.
void expect_round_trip(const ScenarioConfig& config, const std::string& expected_link = "") {
  std::string notice;
  const std::string link = encode_share_link(config, &notice);
  CHECK_MESSAGE(notice.empty(), notice);
  if (!expected_link.empty()) CHECK_MESSAGE(link == expected_link + "&v=" + std::to_string(catgeo::kLinkVersion), link);
  const auto decoded = decode_share_link("#" + link);
  CHECK_MESSAGE((decoded.notices.empty() && !decoded.fell_back_to_defaults),
                   link << " gave " << decoded.notices.size() << " notices");
  CHECK_MESSAGE(catgeo::configs_equal(decoded.config, config), link);
  CHECK_MESSAGE(encode_share_link(decoded.config) == link, encode_share_link(decoded.config) << " vs " << link);
}

}  // namespace

TEST_CASE("share_link_presets_round_trip_with_short_links") {
  for (const std::string& id : catgeo::scenario_ids()) expect_round_trip(preset(id), "scenario=" + id);
}

TEST_CASE("share_link_modified_configs_round_trip") {
  ScenarioConfig c = preset("E6");
  c.network.noise_sigma = 0.5;
  c.network.hidden = {{32, catgeo::Activation::relu}, {16, catgeo::Activation::linear}, {8, catgeo::Activation::tanh}};
  c.network.representation_layer = 1;
  c.network.projection_layer = 0;
  c.training.optimizer = catgeo::OptimizerKind::sgd;
  c.training.learning_rate = 50.0;
  c.training.batch_size = 4096;
  c.training.epochs = 7;
  c.training.seed = 18446744073709551615ull;
  c.train_samples = 123;
  c.data_seed = 99;
  c.view = {catgeo::ViewMode::overlay, catgeo::FieldMeasure::lambda_max, false, false, false, false};
  expect_round_trip(c,
                    "scenario=E6&n=123&dseed=99&sigma=0.5&layers=32r-16l-8t&rep=1&proj=0&opt=sgd&lr=50&batch=4096"
                    "&epochs=7&seed=18446744073709551615&view=overlay&measure=lmax&log=0&glyphs=0&data=0&boundary=0");

  ScenarioConfig lr = preset("E3");
  lr.training.learning_rate = 1e-3;
  lr.network.noise_sigma = 0.2;
  expect_round_trip(lr, "scenario=E3&sigma=0.2&lr=0.001");

  ScenarioConfig mnist = preset("mnist");
  mnist.mnist.digits = {4, 9};
  mnist.training.seed = 3;
  expect_round_trip(mnist, "scenario=mnist&digits=49&seed=3");
}

TEST_CASE("share_link_custom_mixtures_round_trip") {
  ScenarioConfig one = decode_share_link("scenario=custom&mix=-1:0.25;0.3:1;2:0.1").config;
  CHECK((one.id == "custom" && one.classes.size() == 3 && one.grid.dims == 1));
  one.classes[1].mean[0] = 1.0 / 3.0;
  one.network.noise_sigma = 0.7;
  expect_round_trip(one, "scenario=custom&mix=-1:0.25;0.3333333333333333:1;2:0.1&sigma=0.7");

  ScenarioConfig two = preset("E7");  // an edited preset mixture keeps the preset (grid, title, ...)
  two.classes[0].prior = 2.0;
  const std::string link = encode_share_link(two);
  CHECK_MESSAGE((link.rfind("scenario=E7&mix=", 0) == 0 && link.find("&n=") == std::string::npos), link);
  const auto decoded = decode_share_link(link);
  CHECK((decoded.notices.empty() && decoded.config.classes.size() == 3 && decoded.config.grid.dims == 2));
  CHECK((decoded.config.classes[0].mean == two.classes[0].mean && decoded.config.classes[2].cov == two.classes[2].cov));
  CHECK((decoded.config.classes[0].prior == 2.0 && decoded.config.classes[1].prior == 1.0));
  CHECK(encode_share_link(decoded.config) == link);
  expect_round_trip(two, link.substr(0, link.rfind("&v=")));

  ScenarioConfig other_dims = preset("E2");  // a 2-D mixture cannot stay E2 (1-D)
  other_dims.classes = preset("E5").classes;
  const std::string custom = encode_share_link(other_dims);
  CHECK_MESSAGE(custom.rfind("scenario=custom&mix=-0.5,-0.5:0.5,0,0.5;0.5,0.5:0.5,0,0.5", 0) == 0, custom);
  const auto mismatch = decode_share_link("scenario=E2&mix=-0.5,-0.5:0.5,0,0.5;0.5,0.5:0.5,0,0.5");
  CHECK(has_notice(mismatch, "mix is 2-D but E2 is 1-D; showing it as scenario=custom"));
  CHECK((mismatch.config.id == "custom" && mismatch.config.grid.dims == 2));
  // The title a custom mixture gets in the page (a dragged class mean, an edited class) comes back from its link.
  CHECK_MESSAGE(mismatch.config.title == catgeo::custom_mixture_title(2), mismatch.config.title);
  CHECK_MESSAGE(one.title == catgeo::custom_mixture_title(1), one.title);
}

TEST_CASE("share_link_drawn_points_round_trip_and_size_limit") {
  ScenarioConfig drawn = decode_share_link("scenario=drawn&pts=").config;
  CHECK((drawn.id == "drawn" && drawn.data == catgeo::DataKind::drawn_points && drawn.points.empty()));
  expect_round_trip(drawn, "scenario=drawn&pts=");
  drawn.points = {{{0.5, -1.25}, 0}, {{-7.75, 7.99951171875}, 1}, {{0.000244140625, 0}, 7}};
  drawn.training.seed = 7;
  expect_round_trip(drawn);

  catgeo::DrawnPoint off_lattice{{0.1, 100.0}, 2};
  const catgeo::DrawnPoint snapped = catgeo::quantize_for_link(off_lattice);
  CHECK_NEAR(snapped.x[0], 0.1, 0.5 / catgeo::kLinkPointScale);
  CHECK_NEAR(snapped.x[1], 32767 / catgeo::kLinkPointScale, 0.0);
  drawn.points.assign(500, snapped);
  std::string notice;
  const std::string link = encode_share_link(drawn, &notice);
  CHECK_MESSAGE(notice.find("drawn points too many for a link (500 points)") != std::string::npos, notice);
  CHECK_MESSAGE(link == "scenario=drawn&seed=7&v=1", link);
  const auto decoded = decode_share_link(link);
  CHECK((decoded.config.points.empty() && has_notice(decoded, "no drawn points")));
}

TEST_CASE("share_link_tables_round_trip_with_names_scaling_and_dims") {
  // 2-D: names (one with ',' and '&', one with '%' and UTF-8), the scaling in exact numbers.
  const auto two = catgeo::parse_point_table(
      "x,y,label\n10.1,3.3,\"a, b&c\"\n11.7,3.1,\"a, b&c\"\n12.2,5.9,50%\xC3\xA9\n13,6,50%\xC3\xA9\n"
      "14,4,z\n14.5,4.2,z\n");
  CHECK_MESSAGE(two.ok(), two.status.message);
  ScenarioConfig c2 = catgeo::table_scenario(two.value, preset("E5")).value;
  c2.training.epochs = 7;
  CHECK((c2.class_names.size() == 3 && c2.scaling.active && c2.points_dims == 2));
  expect_round_trip(c2);
  const std::string link2 = encode_share_link(c2);
  CHECK_MESSAGE((link2.rfind("scenario=drawn&pts=", 0) == 0 && link2.find("&names=a%252C%20b%26c,50%2525%C3%A9,z&scale=") !=
                    std::string::npos && link2.find("&epochs=7") != std::string::npos),
                 link2);
  // 1-D: pdims=1 right after the scenario, E1 as the base (its grid), y = 0. (The classes meet, so that the KDE's
  // F_cat is not zero everywhere, which a notice would say.)
  const auto one = catgeo::parse_point_table("x\tlabel\n-1.25\t1\n2\t1\n2.5\t2\n3\t2\n");
  CHECK_MESSAGE(one.ok(), one.status.message);
  ScenarioConfig c1 = catgeo::table_scenario(one.value, preset("E1")).value;
  c1.network.noise_sigma = 0.5;
  expect_round_trip(c1);
  const std::string link1 = encode_share_link(c1);
  CHECK_MESSAGE((link1.rfind("scenario=drawn&pdims=1&pts=", 0) == 0 && link1.find("&names=1,2&scale=0.875,0,") !=
                    std::string::npos && link1.find("&sigma=0.5") != std::string::npos),
                 link1);
  const auto decoded = decode_share_link(link1);
  CHECK((decoded.config.grid.dims == 1 && decoded.config.title == catgeo::kTableScenarioTitle));
  // Drawn points without a table keep their link and title.
  ScenarioConfig drawn = decode_share_link("scenario=drawn&pts=").config;
  CHECK((drawn.class_names.empty() && !drawn.scaling.active && drawn.title != catgeo::kTableScenarioTitle));

  // A large table: points, names and scale left out with the notice; pdims stays.
  std::string text = "x,label\n";
  for (int i = 0; i < 500; ++i) text += std::to_string(i) + "," + (i % 2 ? "odd" : "even") + "\n";
  ScenarioConfig big = catgeo::table_scenario(catgeo::parse_point_table(text).value, preset("E1")).value;
  std::string notice;
  const std::string left_out = encode_share_link(big, &notice);
  CHECK_MESSAGE(left_out == "scenario=drawn&pdims=1&v=1", left_out);
  CHECK_MESSAGE(notice == "drawn points too many for a link (500 points); the link leaves them out, with the table's "
                          "class names and scaling: export the table beside the link",
                notice);
  const auto without = decode_share_link(left_out);
  CHECK((without.config.points.empty() && without.config.points_dims == 1));
  CHECK(has_notice(without, "no drawn points"));
  CHECK(encode_share_link(big, nullptr, SIZE_MAX).find("&names=even,odd") != std::string::npos);
  // Without a length limit (the engine's own link) a table of the most points comes back whole.
  text = "x,y,label\n";
  for (int i = 0; i < 20000; ++i)
    text += std::to_string(i % 150) + "," + std::to_string(i / 150) + "," + "abcdef"[i % 6] + "\n";
  const ScenarioConfig most = catgeo::table_scenario(catgeo::parse_point_table(text).value, preset("E5")).value;
  const auto whole = decode_share_link(encode_share_link(most, nullptr, SIZE_MAX));
  CHECK((whole.notices.empty() && whole.config.points.size() == 20000));
  CHECK(catgeo::configs_equal(whole.config, most));

  // Damaged table keys: notices, the points kept.
  const std::string pts = link1.substr(link1.find("&pts="), link1.find("&names=") - link1.find("&pts="));
  auto bad = decode_share_link("scenario=drawn&pdims=3" + pts + "&names=a,b,c&scale=1,2,0");
  CHECK(has_notice(bad, "could not read pdims='3' (expected 1 or 2); using 2"));
  CHECK(has_notice(bad, "could not read the class names (names: expected 2 names of 1 to 32 bytes joined by "
                        "',')"));
  CHECK(has_notice(bad, "could not read scale='1,2,0' (expected cx,cy,s with s > 0)"));
  CHECK((bad.config.points.size() == 4 && bad.config.class_names.empty() && !bad.config.scaling.active));
  bad = decode_share_link("scenario=E5&names=a,b&scale=1,2,3&pdims=1");
  CHECK((has_notice(bad, "ignored 'names': it needs scenario=drawn") && has_notice(bad, "ignored 'pdims'")));
}

TEST_CASE("share_link_reads_the_issue_example") {
  for (const char* text : {"#scenario=E5&sigma=1&seed=7&view=overlay", "?scenario=E5&sigma=1&seed=7&view=overlay",
                           "https://example.org/catgeo/#scenario=E5&sigma=1&seed=7&view=overlay",
                           "scenario%3DE5&sigma=1&seed=7&view=overlay", "scenario=E5&sigma=1&seed=7&view=overlay\n"}) {
    const auto r = decode_share_link(text);
    if (std::string(text).find("%3D") != std::string::npos) {
      CHECK(has_notice(r, "ignored 'scenario=E5'"));  // '=' must not be encoded
      continue;
    }
    CHECK_MESSAGE((r.notices.empty() && !r.fell_back_to_defaults), text);
    CHECK((r.config.id == "E5" && r.config.network.noise_sigma == 1.0 && r.config.training.seed == 7));
    CHECK(r.config.view.mode == catgeo::ViewMode::overlay);
    CHECK_MESSAGE(encode_share_link(r.config) == "scenario=E5&seed=7&view=overlay&v=1", encode_share_link(r.config));
  }
  const auto encoded = decode_share_link("scenario=custom&mix=-1%2C0%3A0.25%2C0%2C1%3B1%2C0%3A1%2C0%2C0.25");
  CHECK((encoded.notices.empty() && encoded.config.classes.size() == 2 && encoded.config.grid.dims == 2));
}

TEST_CASE("share_link_notices_for_each_problem") {
  auto r = decode_share_link("scenario=E2&foo=1&sigma=50&lr=100&batch=0&epochs=99999999999999999999&seed=-1&opt=Adam");
  CHECK((!r.fell_back_to_defaults && r.config.id == "E2"));
  CHECK(has_notice(r, "ignored unknown key 'foo'"));
  CHECK((has_notice(r, "sigma=50 is out of range [0.01, 10]; using 10") && r.config.network.noise_sigma == 10.0));
  CHECK(r.config.training.learning_rate == 100.0);  // lr 100 is allowed (divergence demo)
  CHECK((has_notice(r, "batch=0 is out of range [1, 4096]; using 1") && r.config.training.batch_size == 1));
  CHECK((has_notice(r, "epochs=99999999999999999999 is out of range") && r.config.training.epochs == 10000));
  CHECK((has_notice(r, "could not read seed='-1'") && r.config.training.seed == preset("E2").training.seed));
  CHECK(has_notice(r, "could not read opt='Adam' (expected adam or sgd); kept adam"));
  CHECK(r.notices.size() == 6);

  r = decode_share_link("scenario=E1&lr=1e-9&sigma=abc&layers=64t-128x&rep=3&view=side&view=overlay&nokey");
  CHECK(has_notice(r, "lr=1e-9 is out of range [1e-5, 100]; using 1e-5"));
  CHECK(has_notice(r, "could not read sigma='abc' (expected a number); kept 1"));
  CHECK((has_notice(r, "could not read layers='64t-128x'") && r.config.network.hidden.size() == 1));
  CHECK(has_notice(r, "rep=3 names no hidden layer (there are 1); using 0"));
  CHECK(has_notice(r, "key 'view' appears twice; used the last value"));
  CHECK(r.config.view.mode == catgeo::ViewMode::overlay);
  CHECK(has_notice(r, "ignored 'nokey' (expected key=value)"));

  r = decode_share_link("scenario=E6&layers=600t-0s-1r-1r-1l&log=2");
  CHECK((has_notice(r, "widths must be 1 to 512; clamped") && has_notice(r, "kept the first 4")));
  CHECK((r.config.network.hidden.size() == 4 && r.config.network.hidden[0].width == 512 &&
         r.config.network.hidden[1].width == 1));
  CHECK(has_notice(r, "could not read log='2' (expected 0 or 1); kept 1"));

  r = decode_share_link("scenario=mnist&layers=64t");  // the preset's rep=2 / proj=1 no longer exist
  CHECK((has_notice(r, "rep=2 names no hidden layer") && has_notice(r, "proj=1 names no hidden layer")));
  CHECK((r.config.network.representation_layer == 0 && r.config.network.projection_layer == 0));

  r = decode_share_link("scenario=E3&mix=0:1;1:1&pts=AAAAAAA&digits=12");
  CHECK((has_notice(r, "ignored 'pts'") && has_notice(r, "ignored 'digits'") && r.notices.size() == 2));
  CHECK((r.config.id == "E3" && r.config.classes.size() == 2));  // mix edits the preset's mixture
  r = decode_share_link("scenario=E3&mix=0:-1;1:1");
  CHECK((has_notice(r, "could not read mix (mixture class 1: the covariance is not positive definite") &&
         r.config.classes.size() == 3));
  r = decode_share_link("scenario=mnist&mix=0:1;1:1");
  CHECK(has_notice(r, "ignored 'mix': scenario=mnist has no Gaussian mixture"));

  r = decode_share_link("scenario=mnist&digits=4x");
  CHECK((has_notice(r, "could not read digits='4x'") && r.config.mnist.digits.size() == 10));
  r = decode_share_link("digits=33");
  CHECK((r.config.id == "mnist" && has_notice(r, "could not read digits='33'")));

  r = decode_share_link("scenario=custom&mix=0:1;1:-1");
  CHECK((has_notice(r, "class 2: the covariance is not positive definite") && r.config.id == "E1"));
  r = decode_share_link("scenario=custom&mix=0,0,0:1,0,0,1,0,1;1:1");
  CHECK((has_notice(r, "class 1 is not mean:cov[:prior]") && r.config.id == "E1"));
  r = decode_share_link("mix=0:1;1:1:0.5&sigma=0.5");  // no scenario: mix implies custom
  CHECK((r.notices.empty() && r.config.id == "custom" && r.config.classes[1].prior == 0.5));

  r = decode_share_link("scenario=drawn&pts=AAAAAAg");  // one point with label 8
  CHECK((has_notice(r, "ignored 1 drawn points with a class label above 7") && r.config.points.empty()));
  r = decode_share_link("scenario=drawn&pts=A*");
  CHECK(has_notice(r, "pts is damaged"));

  r = decode_share_link("sigma=0.5");
  CHECK((has_notice(r, "names no scenario; using E1") && r.config.network.noise_sigma == 0.5));
}

TEST_CASE("share_link_garbage_falls_back_to_defaults") {
  const ScenarioConfig defaults = preset("E1");
  for (const std::string& text : {std::string("hello world"), std::string("#%%%&&&==="), std::string("\xff\xfe"),
                                 std::string("foo=1&bar=2"), std::string(5000, '&') + "x"}) {
    const auto r = decode_share_link(text);
    CHECK_MESSAGE((r.fell_back_to_defaults && r.notices.size() == 1 && catgeo::configs_equal(r.config, defaults)),
                     text);
  }
  const auto unknown = decode_share_link("scenario=E9&sigma=0.5");
  CHECK((unknown.fell_back_to_defaults && catgeo::configs_equal(unknown.config, defaults)));
  CHECK(has_notice(unknown, "unknown scenario 'E9' (known: E1, E2, E3, E4, E5, E6, E7, mnist, custom, drawn)"));

  for (const char* text : {"", "#", " \n"}) {  // an empty link is not a silent success
    const auto empty = decode_share_link(text);
    CHECK_MESSAGE((empty.fell_back_to_defaults && empty.notices.size() == 1 && catgeo::configs_equal(empty.config, defaults)),
                   "'" << text << "'");
    CHECK(has_notice(empty, "the link is empty; showing E1"));
  }

  std::string flood = "scenario=E1";
  for (int i = 0; i < 50; ++i) flood += "&k" + std::to_string(i) + "=1";
  const auto many = decode_share_link(flood);
  CHECK((many.notices.size() == 11 && has_notice(many, "... and 40 more problems in the link")));
}

TEST_CASE("share_link_hand_mutated_links_stay_consistent") {
  for (const char* text : {"scenario=E5&seed=7&view=overlay&sigma=0.01&lr=1e-5", "scenario=E4&layers=1s&rep=0",
                           "scenario=E7&batch=%33%32%30", "scenario=E2&n=9&dseed=18446744073709551616",
                           "scenario=custom&mix=0:1;0:1", "scenario=drawn&pts=ABAA8AEAgP9_Bw",
                           "scenario=E1&sigma=-0&lr=0.0030000000000000001", "scenario=mnist&digits=0123456789"}) {
    const auto first = decode_share_link(text);
    const std::string link = encode_share_link(first.config);
    const auto second = decode_share_link(link);
    CHECK_MESSAGE((!first.fell_back_to_defaults && second.notices.empty()), text << " -> " << link);
    CHECK_MESSAGE(catgeo::configs_equal(first.config, second.config), text << " -> " << link);
    CHECK_MESSAGE(encode_share_link(second.config) == link, link);
  }
}

TEST_CASE("share_link_page_chrome_flags_round_trip_and_are_checked") {
  ScenarioConfig c = preset("E5");
  c.view.embed = true;
  c.view.autoplay = true;
  expect_round_trip(c, "scenario=E5&embed=1&autoplay=1");
  CHECK(!catgeo::side_panels_visible(c.view));  // embed hides the panels unless panels=1
  c.view.panels = 1;
  c.view.controls = false;
  c.view.lecture = true;
  expect_round_trip(c, "scenario=E5&embed=1&panels=1&controls=0&autoplay=1&lecture=1");
  CHECK(catgeo::side_panels_visible(c.view));
  c = preset("E1");
  c.view.panels = 0;
  expect_round_trip(c, "scenario=E1&panels=0");
  CHECK((!catgeo::side_panels_visible(c.view) && catgeo::side_panels_visible(preset("E1").view)));

  // Order does not matter; "auto" is the default and is not written back.
  auto r = decode_share_link("#lecture=1&panels=auto&embed=1&scenario=E1&view=overlay");
  CHECK((r.notices.empty() && r.config.view.lecture && r.config.view.embed && r.config.view.panels == -1));
  CHECK_MESSAGE(encode_share_link(r.config) == "scenario=E1&view=overlay&embed=1&lecture=1&v=1",
                   encode_share_link(r.config));

  r = decode_share_link("scenario=E5&embed=yes&panels=2&controls=true&autoplay=&lecture=11");
  CHECK((has_notice(r, "could not read embed='yes' (expected 0 or 1); kept 0") && !r.config.view.embed));
  CHECK((has_notice(r, "could not read panels='2' (expected 0, 1 or auto); kept auto") && r.config.view.panels == -1));
  CHECK((has_notice(r, "could not read controls='true'") && r.config.view.controls));
  CHECK((has_notice(r, "could not read autoplay=''") && !r.config.view.autoplay));
  CHECK((has_notice(r, "could not read lecture='11'") && !r.config.view.lecture));
  CHECK((r.notices.size() == 5 && r.config.id == "E5"));

  // The flags never change the run: the same link without them decodes to the same training config.
  const auto plain = decode_share_link("scenario=E5&seed=7&epochs=5");
  auto flagged = decode_share_link("scenario=E5&seed=7&epochs=5&embed=1&autoplay=1&lecture=1&controls=0&panels=1");
  CHECK(flagged.notices.empty());
  flagged.config.view = plain.config.view;
  CHECK(catgeo::configs_equal(plain.config, flagged.config));
}

TEST_CASE("share_link_speed_is_a_pace_max_or_auto") {
  ScenarioConfig c = preset("E5");
  CHECK(c.view.speed == catgeo::kAutoSpeed);  // auto: never written
  c.view.speed = 2.5;
  expect_round_trip(c, "scenario=E5&speed=2.5");
  c.view.speed = catgeo::kMaxSpeed;
  expect_round_trip(c, "scenario=E5&speed=max");
  auto r = decode_share_link("scenario=E5&speed=auto");
  CHECK((r.notices.empty() && r.config.view.speed == catgeo::kAutoSpeed));
  CHECK_MESSAGE(encode_share_link(r.config) == "scenario=E5&v=1", encode_share_link(r.config));
  r = decode_share_link("scenario=E5&speed=fast");
  CHECK(has_notice(r, "could not read speed='fast' (expected a number of epochs per second, max or auto); kept auto"));
  CHECK(r.config.view.speed == catgeo::kAutoSpeed);
  r = decode_share_link("scenario=E5&speed=0");
  CHECK((has_notice(r, "speed=0 is out of range [0.05, 1000]; using 0.05") && r.config.view.speed == 0.05));

  // The pace: auto is a reader's pace (the run over kReaderSeconds) in a tour step or an autoplay figure, unpaced in
  // the lab; a number is that pace everywhere.
  catgeo::ViewConfig view;
  CHECK(std::isinf(catgeo::playing_pace(view, 200)));
  view.tour = 3;
  CHECK(catgeo::playing_pace(view, 30) == 30 / catgeo::kReaderSeconds);
  view.tour = 0;
  view.autoplay = true;
  CHECK(catgeo::playing_pace(view, 200) == 200 / catgeo::kReaderSeconds);
  view.speed = 4;
  CHECK(catgeo::playing_pace(view, 200) == 4);
  view.speed = catgeo::kMaxSpeed;
  CHECK(std::isinf(catgeo::playing_pace(view, 200)));
}

TEST_CASE("link_with_pair_replaces_in_place_or_appends") {
  CHECK(catgeo::with_pair("scenario=E5&sigma=1&seed=7", "sigma", "0.5") == "scenario=E5&sigma=0.5&seed=7");
  CHECK(catgeo::with_pair("scenario=E5&seed=7", "lr", "0.01") == "scenario=E5&seed=7&lr=0.01");
  CHECK(catgeo::with_pair("", "scenario", "E3") == "scenario=E3");
  CHECK(catgeo::with_pair("scenario=E5&seedling=1", "seed", "2") == "scenario=E5&seedling=1&seed=2");
}

TEST_CASE("a_tour_link_opens_its_step_with_the_other_keys_on_top") {
  const catgeo::LinkDecodeResult step = decode_share_link("tour=3");
  const catgeo::LinkDecodeResult same = decode_share_link(std::string(catgeo::tour_steps()[2].link) + "&tour=3");
  CHECK_MESSAGE(step.notices.empty(), (step.notices.empty() ? "" : step.notices[0]));
  CHECK((catgeo::configs_equal(step.config, same.config) && step.config.view.tour == 3));
  CHECK((step.config.id == "E5" && step.config.training.epochs == 30));
  const catgeo::LinkDecodeResult embedded = decode_share_link("tour=3&embed=1&sigma=2");  // one step as one embed
  CHECK((embedded.config.view.embed && embedded.config.network.noise_sigma == 2.0 && embedded.config.view.tour == 3));
  // The link the page then shows says everything, and reads back to the same run.
  const std::string link = encode_share_link(embedded.config);
  CHECK_MESSAGE((link.find("tour=3") != std::string::npos && link.rfind("scenario=E5", 0) == 0), link);
  CHECK(catgeo::configs_equal(decode_share_link(link).config, embedded.config));
  for (int n = 1; n <= catgeo::kTourSteps; ++n) {  // every step's link is clean
    const catgeo::LinkDecodeResult r = decode_share_link("tour=" + std::to_string(n));
    CHECK_MESSAGE((r.notices.empty() && !r.fell_back_to_defaults && r.config.view.tour == n), "step " << n);
  }
  const catgeo::LinkDecodeResult beyond = decode_share_link("scenario=E5&tour=99");
  CHECK((!beyond.notices.empty() && beyond.config.view.tour == catgeo::kTourSteps));  // clamped, and said so
}

TEST_CASE("share_link_carries_the_cut_and_the_digit_path") {
  ScenarioConfig e5 = preset("E5");
  e5.view.cut = {-1.5, -1.25, 1.5, 1.75};
  expect_round_trip(e5, "scenario=E5&cut=-1.5,-1.25,1.5,1.75");
  ScenarioConfig mnist = preset("mnist");
  mnist.mnist.digits = {4, 9};
  mnist.view.path = {4, 9, 2};
  expect_round_trip(mnist, "scenario=mnist&digits=49&path=4,9,2");
  // Bad values: a notice, and no cut / no path (the rest of the link is kept).
  for (const char* bad : {"cut=1,2,3", "cut=1,2,1,2", "cut=a,b,c,d", "cut=0,0,5000,1"}) {
    const auto r = decode_share_link(std::string("scenario=E5&sigma=0.5&") + bad);
    CHECK_MESSAGE((has_notice(r, "cut") && !std::isfinite(r.config.view.cut[0]) && r.config.network.noise_sigma == 0.5),
                     bad);
  }
  for (const char* bad : {"path=4,9", "path=12,9,0", "path=4,9,-1", "path=x,9,0"}) {
    const auto r = decode_share_link(std::string("scenario=mnist&") + bad);
    CHECK_MESSAGE((has_notice(r, "path") && r.config.view.path[0] == -1), bad);
  }
}

TEST_CASE("share_link_carries_its_version_and_names_another") {
  using catgeo::kLinkVersion;
  const std::string current = "v=" + std::to_string(kLinkVersion);
  // Written last by every link; a link without it, or with today's, is today's version without a notice.
  const catgeo::LinkDecodeResult plain = catgeo::decode_share_link("scenario=E5&sigma=0.5");
  CHECK((plain.version == kLinkVersion && plain.notices.empty()));
  const std::string link = catgeo::encode_share_link(plain.config);
  CHECK_MESSAGE(link == "scenario=E5&sigma=0.5&" + current, link);
  const catgeo::LinkDecodeResult same = catgeo::decode_share_link(link);
  CHECK((same.version == kLinkVersion && same.notices.empty()));
  // Another version loads the same configuration, with one notice naming both versions.
  for (const int other : {kLinkVersion + 1, kLinkVersion + 41}) {
    const catgeo::LinkDecodeResult newer =
        catgeo::decode_share_link("scenario=E5&sigma=0.5&v=" + std::to_string(other));
    CHECK((newer.version == other && newer.notices.size() == 1));
    CHECK(catgeo::configs_equal(newer.config, plain.config));
    CHECK(has_notice(newer, "made by a newer CatGeo (link version " + std::to_string(other) +
                                "; this one is version " + std::to_string(kLinkVersion) + ")"));
    CHECK(has_notice(newer, "its numbers may differ from what its author saw"));
  }
  // Unreadable versions are named and read as today's.
  const catgeo::LinkDecodeResult older = catgeo::decode_share_link("scenario=E5&sigma=0.5&v=0");
  CHECK((older.version == 0 && catgeo::configs_equal(older.config, plain.config)));
  CHECK(has_notice(older, "made by an older CatGeo (link version 0; this one is version " +
                              std::to_string(kLinkVersion) + ")"));
  for (const char* bad : {"x", "1.5", "-1", "+1", "1e1", "1000001"}) {
    const catgeo::LinkDecodeResult r = catgeo::decode_share_link(std::string("scenario=E5&v=") + bad);
    CHECK_MESSAGE((r.version == kLinkVersion && has_notice(r, "expected a link version")), bad);
  }
  // A tour link keeps its version notice; a repeated v gets the repeated-key notice.
  const catgeo::LinkDecodeResult tour = catgeo::decode_share_link("tour=3&v=" + std::to_string(kLinkVersion + 1));
  CHECK((tour.version == kLinkVersion + 1 && has_notice(tour, "link version")));
  CHECK(has_notice(catgeo::decode_share_link("scenario=E5&v=1&v=1"), "key 'v' appears twice"));
  // The key list names every key the grammar reads, v last.
  const std::vector<std::string> keys = catgeo::link_keys();
  CHECK((!keys.empty() && keys.front() == "scenario" && keys.back() == "v"));
}
