// Tests of the parameter table and of validation: every rejection names the key and its range, nothing is silent.
#include <cstdio>
#include <string>

#include "core/run/experiment.h"
#include "core/link/link_fields.h"
#include "core/data/mixture.h"
#include "core/config/parameters.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"
#include "test.h"

using namespace catgeo;

namespace {

bool contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return true;
  std::printf("      '%s' does not contain '%s'\n", text.c_str(), part.c_str());
  return false;
}

bool any_notice(const LinkDecodeResult& r, const std::string& part) {
  for (const std::string& n : r.notices)
    if (n.find(part) != std::string::npos) return true;
  std::printf("      no notice contains '%s'; notices:\n", part.c_str());
  for (const std::string& n : r.notices) std::printf("        %s\n", n.c_str());
  return false;
}

// All ten digits, four 14x14 images each (content irrelevant: only the network checks run on it).
Dataset fake_mnist() {
  Dataset d;
  d.num_classes = 10;
  d.inputs = Eigen::MatrixXf::Random(196, 40);
  for (int i = 0; i < 40; ++i) d.labels.push_back(i % 10);
  return d;
}

std::string create_error(const ScenarioConfig& c, const Dataset* mnist = nullptr) {
  Result<std::unique_ptr<Experiment>> run = Experiment::create(c, mnist);
  return run.ok() ? std::string("(created)") : run.status.message;
}

}  // namespace

TEST_CASE("parameter_table_has_one_entry_per_key_with_short_labels") {
  for (const char* key : {"n", "dseed", "sigma", "layers", "layers.width", "rep", "proj", "opt", "lr", "batch",
                          "epochs", "seed", "classes", "digits", "view", "measure", "log", "glyphs", "data",
                          "boundary", "embed", "panels", "controls", "autoplay", "lecture"}) {
    CHECK_MESSAGE(find_parameter(key) != nullptr, key);
  }
  CHECK(find_parameter("nonsense") == nullptr);
  for (const ParameterSpec& spec : parameter_table()) {
    CHECK_MESSAGE((std::string(spec.label).size() <= 18 && std::string(spec.help).size() > 0), spec.key);
    CHECK_MESSAGE((find_parameter(spec.key) == &spec), spec.key << " appears twice");
  }
  CHECK(range_text(parameter("sigma")) == "[0.01, 10]");
  CHECK((range_text(parameter("layers")) == "[1, 4]" && range_text(parameter("layers.width")) == "[1, 512]"));
  CHECK((range_text(parameter("epochs")) == "[1, 10000]" && range_text(parameter("batch")) == "[1, 4096]"));
  CHECK((range_text(parameter("classes")) == "[2, 6]" && range_text(parameter("lr")) == "[1e-5, 100]"));
  CHECK((range_text(parameter("n")) == "[10, 100000]" && range_text(parameter("opt")) == "adam or sgd"));
  CHECK((range_text(parameter("panels")) == "0, 1 or auto" && range_text(parameter("seed")) == "0 to 2^64-1"));
  CHECK(parameter_text(scenario_preset("E6").value, "layers") == "64t-128s");
}

TEST_CASE("enum_words_are_the_parameter_tables_and_read_back") {
  // Each enum's values have their words in the table, in order, and exactly as many: what links, exports and the CLI
  // write is what the link reads back.
  const auto words_of = [](const char* key) { return choice_words(parameter(key)).size(); };
  CHECK_EQ(words_of("layers.activation"), 4u);
  for (Activation a : {Activation::tanh, Activation::sigmoid, Activation::relu, Activation::linear})
    CHECK_EQ(choice_index("layers.activation", to_string(a)), static_cast<int>(a));
  CHECK_EQ(words_of("opt"), 2u);
  for (OptimizerKind o : {OptimizerKind::adam, OptimizerKind::sgd})
    CHECK_EQ(choice_index("opt", to_string(o)), static_cast<int>(o));
  CHECK_EQ(words_of("noise"), 2u);
  for (NoiseModel m : {NoiseModel::gauss, NoiseModel::dropout})
    CHECK_EQ(choice_index("noise", to_string(m)), static_cast<int>(m));
  CHECK_EQ(words_of("view"), 2u);
  for (ViewMode m : {ViewMode::side_by_side, ViewMode::overlay})
    CHECK_EQ(choice_index("view", to_string(m)), static_cast<int>(m));
  CHECK_EQ(words_of("measure"), 2u);
  for (FieldMeasure m : {FieldMeasure::trace, FieldMeasure::lambda_max})
    CHECK_EQ(choice_index("measure", to_string(m)), static_cast<int>(m));
  CHECK(std::string(to_string(ViewMode::overlay)) == "overlay");
  CHECK(std::string(to_string(FieldMeasure::lambda_max)) == "lmax");
  CHECK(choice_index("opt", "adamw") == -1);
  CHECK(range_text(parameter("layers.activation")) == "tanh, sigmoid, relu or linear");
  // A word the table does not have is kept out with a notice that lists the table's words.
  const LinkDecodeResult bad = decode_share_link("scenario=E1&view=stacked&measure=lmax");
  CHECK((bad.config.view.mode == ViewMode::side_by_side && bad.config.view.measure == FieldMeasure::lambda_max));
  CHECK((bad.notices.size() == 1 && contains(bad.notices[0], "side or overlay")));
}

TEST_CASE("set_parameter_rejects_with_the_option_and_its_range") {
  ScenarioConfig c = scenario_preset("E1").value;
  Status s = set_parameter(c, "sigma", "1e-320");
  CHECK((!s.ok && contains(s.message, "--sigma 1e-320 is out of range [0.01, 10]")));
  CHECK(c.network.noise_sigma == 1.0);
  s = set_parameter(c, "epochs", "many");
  CHECK((!s.ok && contains(s.message, "could not read --epochs 'many' (expected a whole number in [1, 10000])")));
  s = set_parameter(c, "opt", "rmsprop");
  CHECK((!s.ok && contains(s.message, "(expected adam or sgd)")));
  s = set_parameter(c, "layers", "64t-2000s");
  CHECK((!s.ok && contains(s.message, "--layers 64t-2000s: widths must be 1 to 512")));
  s = set_parameter(c, "bogus", "1");
  CHECK((!s.ok && contains(s.message, "unknown parameter 'bogus'")));
  CHECK((set_parameter(c, "lr", "0.01").ok && c.training.learning_rate == 0.01));
  CHECK((set_parameter(c, "layers", "8t-2l-8s").ok && c.network.hidden.size() == 3));
}

TEST_CASE("control_bytes_in_a_link_are_named_not_swallowed") {
  auto r = decode_share_link(std::string("\0scenario=E5", 12));
  CHECK((r.config.id == "E5" && !r.fell_back_to_defaults));
  CHECK(any_notice(r, "dropped 1 control character from the link (0x00 NUL at character 1)"));
  r = decode_share_link(std::string("scenario=E5\0&sigma=50", 21));
  CHECK((r.config.id == "E5" && r.config.network.noise_sigma == 10.0));
  CHECK(any_notice(r, "dropped 1 control character from the link (0x00 NUL at character 12)"));
  CHECK(any_notice(r, "sigma=50 is out of range [0.01, 10]; using 10"));
  r = decode_share_link(std::string("\xff\xfe\x00\x01", 4));
  CHECK((r.fell_back_to_defaults && r.notices.size() == 2 && any_notice(r, "dropped 2 control characters")));
}

TEST_CASE("mnist_layer_mistakes_name_layers_and_the_fix") {
  const Dataset mnist = fake_mnist();
  for (const char* link : {"scenario=mnist&layers=256s-256s", "scenario=mnist&layers=512t-512t-512t-512t",
                           "scenario=mnist&proj=-1"}) {
    const LinkDecodeResult r = decode_share_link(link);
    const std::string error = create_error(r.config, &mnist);
    CHECK_MESSAGE(contains(error, "layers: MNIST needs a 2-unit linear projection layer before the noisy layer (e.g. "
                                  "layers=128t-2l-128s, proj=1, rep=2)"),
                  link);
  }
  CHECK(create_error(decode_share_link("scenario=mnist&epochs=1").config, &mnist) == "(created)");
}

TEST_CASE("network_mistakes_name_rep_proj_and_layers") {
  ScenarioConfig c = scenario_preset("E5").value;
  c.network.hidden = {{8, Activation::tanh}, {3, Activation::linear}, {8, Activation::sigmoid}};
  c.network.projection_layer = 1;
  CHECK(contains(create_error(c), "layers: the projection layer (proj=1) has 3 units but the data is 2-D"));
  c.network.representation_layer = 1;
  CHECK(contains(create_error(c), "proj=1 must name a layer before the noisy layer (rep=1"));
  c.network.representation_layer = 5;
  CHECK(contains(create_error(c), "rep=5 names no hidden layer: layers has 3, so use -1 (the last) to 2"));
  c = scenario_preset("E1").value;
  c.network.hidden.assign(5, LayerSpec{});
  CHECK(contains(create_error(c), "layers: the network needs 1 to 4 hidden layers, got 5"));
  c = scenario_preset("E1").value;
  c.network.noise_sigma = 1e-320;
  CHECK(contains(create_error(c), "sigma must be in [0.01, 10], got"));
  c = scenario_preset("E1").value;
  c.training.learning_rate = 1e30;
  CHECK(contains(create_error(c), "lr must be in [1e-5, 100], got 1e30"));
  c = scenario_preset("E1").value;
  c.train_samples = 1000000;
  CHECK(contains(create_error(c), "n must be in [10, 100000], got 1000000"));
}

TEST_CASE("mixture_limits_name_mix_and_the_range") {
  auto r = decode_share_link("mix=1e308:1;-1e308:1");
  CHECK((r.fell_back_to_defaults == false && r.config.id == "E1"));
  CHECK(any_notice(r, "(mix: mixture class 1: mean 1e308 is outside the allowed range [-100, 100])"));
  r = decode_share_link("scenario=E1&mix=0:1e300;1:1");
  CHECK(any_notice(r, "could not read mix (mixture class 1: variance 1e300 is outside the allowed range [1e-6, 10000])"));
  r = decode_share_link("scenario=E1&mix=0:1:1e308;1:1:1");
  CHECK(any_notice(r, "prior 1e308 is outside the allowed range [1e-6, 1000000]"));
  r = decode_share_link("scenario=custom&mix=0:1;1:1;2:1;3:1;4:1;5:1;6:1");
  CHECK(any_notice(r, "a mixture needs 2 to 6 classes, this one has 7"));
  std::vector<GaussianClass> classes = scenario_preset("E1").value.classes;
  classes[1].mean[0] = 1e308;
  const Result<Mixture> m = Mixture::build(classes);
  CHECK((!m.ok() && contains(m.status.message, "mixture class 2: mean 1e308 is outside the allowed range")));
}
