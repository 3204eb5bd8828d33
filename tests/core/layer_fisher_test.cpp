// F_code at the code layers (core/analysis/layer_fisher.h): equal to the fields' F_code at r, and J_l of an inner layer
// against central differences.
#include "core/analysis/layer_fisher.h"

#include <cmath>
#include <memory>

#include "core/run/experiment.h"
#include "core/config/scenarios.h"
#include "test.h"

using namespace catgeo;

namespace {

std::unique_ptr<Experiment> short_run(const char* id, int epochs) {
  ScenarioConfig config = scenario_preset(id).value;
  config.training.epochs = epochs;
  Result<std::unique_ptr<Experiment>> run = Experiment::create(config);
  CHECK_MESSAGE(run.ok(), run.status.message);
  if (!run.ok()) return nullptr;
  while (run.value->trainer().state() == TrainerState::training) run.value->train({1 << 20, 0.0});
  return std::move(run.value);
}

}  // namespace

TEST_CASE("layer_fisher_at_r_equals_the_fields") {
  std::unique_ptr<Experiment> run = short_run("E6", 2);
  if (!run) return;
  const Mlp& net = run->network();
  CHECK(code_layers(net) == std::vector<int>({0, 1}));
  GridFields fields;
  run->evaluate_fields(run->current_grid(), fields);
  GridFields at_r = fields;
  NetworkFieldEvaluator evaluator;
  evaluator.evaluate(network_coding_at(net, run->config().network, net.representation_layer()), at_r);
  CHECK(at_r.fcode == fields.fcode);
  CHECK(at_r.fcode_eigen == fields.fcode_eigen);
  const std::vector<LayerMatch> layers = layer_match_metrics(net, run->config().network, fields);
  CHECK((layers.size() == 2 && layers[0].index == 0 && layers[1].index == 1));
  const MatchMetrics expected = compute_match_metrics(fields);
  CHECK((layers[1].match.contrast == expected.contrast && layers[1].match.loglog_r == expected.loglog_r &&
         layers[1].match.angle_deg_weighted == expected.angle_deg_weighted));
  CHECK(layers[0].match.contrast != expected.contrast);  // the inner layer is another code
}

TEST_CASE("layer_fisher_inner_jacobian_matches_finite_differences") {
  // E6's first hidden layer (64 tanh): J_0 = dh_0/dx from forward-mode tangents against central differences of h_0
  // (float network: h = 1e-2, truncation ~h^2 |h'''| and rounding ~1e-7 / h, both under 1e-3 here).
  std::unique_ptr<Experiment> run = short_run("E6", 1);
  if (!run) return;
  const Mlp inner = network_coding_at(run->network(), run->config().network, 0);
  CHECK(inner.representation_width() == 64);
  MatrixF codes(2, 4);  // (K, B)
  codes << -1.5f, 0.0f, 0.3f, 2.0f, 0.7f, 0.0f, -1.1f, 2.5f;
  ProjectionProbe probe;
  inner.probe_projection(codes, probe);
  const MatrixF jacobian = probe.jacobian;  // (N, K*B)
  const float h = 1e-2f;
  double worst = 0.0, scale = 0.0;
  for (int b = 0; b < 4; ++b)
    for (int k = 0; k < 2; ++k) {
      MatrixF plus = codes.col(b), minus = codes.col(b);  // (K, 1)
      plus(k, 0) += h;
      minus(k, 0) -= h;
      MatrixF up, down;  // (N, 1)
      inner.representation_at(plus, up);
      inner.representation_at(minus, down);
      const MatrixF numeric = (up - down) / (2 * h);
      worst = std::max(worst, static_cast<double>((numeric.col(0) - jacobian.col(b * 2 + k)).cwiseAbs().maxCoeff()));
      scale = std::max(scale, static_cast<double>(jacobian.col(b * 2 + k).cwiseAbs().maxCoeff()));
    }
  CHECK_MESSAGE(worst < 1e-3, "largest difference " << worst << " (largest |J| " << scale << ")");
  CHECK(scale > 0.05);
}
