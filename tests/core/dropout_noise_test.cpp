// Gaussian-dropout noise on r (spec 1.6): its closed-form F_code against a Monte-Carlo E[score score^T] of the exact
// P(r|x) = prod_i N(r_i; f_i, alpha f_i^2), backprop through the noise, determinism per seed, the estimators' high-SNR
// agreement, and the link keys noise / alpha.
#include <cmath>
#include <cstdio>
#include <memory>

#include "core/config/config_checks.h"
#include "core/run/experiment.h"
#include "core/geometry/grid_fields.h"
#include "core/analysis/information_progress.h"
#include "core/analysis/information_summary.h"
#include "core/nn/mlp.h"
#include "core/nn/representation_noise.h"
#include "core/base/rng.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"
#include "core/nn/trainer.h"
#include "gradient_check.h"
#include "test.h"

using namespace catgeo;

namespace {

constexpr double kAlpha = 0.3;

Mlp dropout_net(int input_dim, std::uint64_t seed) {
  NetworkConfig config;
  config.hidden = {{6, Activation::tanh}, {5, Activation::sigmoid}};
  config.noise = NoiseModel::dropout;
  config.dropout_alpha = kAlpha;
  Result<Mlp> net = Mlp::create(config, input_dim, 3);
  CHECK_MESSAGE(net.ok(), net.status.message);
  Rng rng(seed);
  net.value.initialize(rng);
  return net.value;
}

// f(x) (N) of the network at one point x (K), in double.
Eigen::VectorXd clean_code(const Mlp& net, const Eigen::VectorXd& x) {
  MatrixF codes = x.cast<float>(), f;
  net.representation_at(codes, f);
  return f.col(0).cast<double>();
}

// ln P(r|x) of the dropout code up to a constant, written out here (not representation_noise.h): sum_i ln N(r_i; f_i,
// alpha f_i^2) + N/2 ln(2 pi alpha).
double log_density(const Eigen::VectorXd& r, const Eigen::VectorXd& f) {
  double sum = 0.0;
  for (Eigen::Index i = 0; i < f.size(); ++i) {
    const double u = (r(i) - f(i)) / f(i);
    sum += -0.5 * u * u / kAlpha - std::log(f(i));
  }
  return sum;
}

ScenarioConfig dropout_e1(double alpha, int epochs) {
  ScenarioConfig config = scenario_preset("E1").value;
  config.network.noise = NoiseModel::dropout;
  config.network.dropout_alpha = alpha;
  config.training.epochs = epochs;
  return config;
}

std::unique_ptr<Experiment> trained(const ScenarioConfig& config) {
  Result<std::unique_ptr<Experiment>> created = Experiment::create(config);
  CHECK_MESSAGE(created.ok(), created.status.message);
  if (!created.ok()) return nullptr;
  while (created.value->trainer().state() == TrainerState::training) created.value->train({1 << 20, 0.0});
  return std::move(created.value);
}

}  // namespace

TEST_CASE("dropout_fcode_matches_monte_carlo_score_covariance") {
  // At 3 points of a 2 -> 6 tanh -> 5 sigmoid network: T draws r ~ P(r|x), the score d/dx ln P(r|x) by central
  // differences of log_density in x, and its mean outer product against the fields' closed form
  // F_code = sum_i (1/alpha + 2) grad f_i grad f_i^T / f_i^2, entry by entry within 4 Monte-Carlo standard errors.
  const Mlp net = dropout_net(2, 3);
  GridSpec grid;
  grid.dims = 2;
  grid.lo[0] = -1.0, grid.hi[0] = 1.0, grid.lo[1] = -0.5, grid.hi[1] = 0.5;
  grid.count[0] = 3, grid.count[1] = 2;
  GridFields fields;
  fields.reshape(grid, 3);
  NetworkFieldEvaluator().evaluate(net, fields);
  const int T = 40000;
  const float h = 1e-2f;
  Rng rng(17);
  for (int point : {0, 2, 4}) {
    const Eigen::VectorXd x = fields.points.col(point);
    const Eigen::VectorXd f = clean_code(net, x);
    Eigen::VectorXd f_plus[2], f_minus[2];
    double step[2];
    for (int k = 0; k < 2; ++k) {
      Eigen::VectorXf up = x.cast<float>(), down = up;
      up(k) += h;
      down(k) -= h;
      step[k] = static_cast<double>(up(k)) - down(k);
      f_plus[k] = clean_code(net, up.cast<double>());
      f_minus[k] = clean_code(net, down.cast<double>());
    }
    double sum[3] = {0.0, 0.0, 0.0}, square[3] = {0.0, 0.0, 0.0};
    Eigen::VectorXd r(f.size());
    for (int t = 0; t < T; ++t) {
      for (Eigen::Index i = 0; i < f.size(); ++i) r(i) = f(i) + std::sqrt(kAlpha) * f(i) * rng.normal();
      double s[2];
      for (int k = 0; k < 2; ++k) s[k] = (log_density(r, f_plus[k]) - log_density(r, f_minus[k])) / step[k];
      const double products[3] = {s[0] * s[0], s[0] * s[1], s[1] * s[1]};
      for (int e = 0; e < 3; ++e) {
        sum[e] += products[e];
        square[e] += products[e] * products[e];
      }
    }
    const Sym2 closed = GridFields::unpack(fields.fcode, point);
    const double exact[3] = {closed.f11, closed.f12, closed.f22};
    for (int e = 0; e < 3; ++e) {
      const double mean = sum[e] / T, se = std::sqrt((square[e] / T - mean * mean) / (T - 1.0));
      std::printf("  dropout F_code point %d entry %d: closed form %.5f, Monte-Carlo %.5f +- %.5f\n", point, e,
                  exact[e], mean, se);
      CHECK_MESSAGE(std::fabs(mean - exact[e]) < 4.0 * se + 1e-3 * std::fabs(exact[e]),
                    "point " << point << " entry " << e << ": closed " << exact[e] << " vs MC " << mean << " +- "
                       << se);
    }
  }
}

TEST_CASE("dropout_score_matches_finite_differences") {
  // The estimator's score J^T d ln P / df (dropout_score) against central differences of log_density.
  const Mlp net = dropout_net(1, 4);
  Rng rng(5);
  for (double x0 : {-0.8, 0.1, 0.9}) {
    MatrixF codes(1, 1);
    codes(0, 0) = static_cast<float>(x0);
    ProjectionProbe probe;
    net.probe_projection(codes, probe);
    const Eigen::VectorXd f = probe.representation.col(0).cast<double>();
    Eigen::VectorXd r(f.size());
    for (Eigen::Index i = 0; i < f.size(); ++i) r(i) = f(i) * (1.0 + std::sqrt(kAlpha) * rng.normal());
    double analytic = 0.0;
    for (Eigen::Index i = 0; i < f.size(); ++i) analytic += probe.jacobian(i, 0) * dropout_score(kAlpha, r(i), f(i));
    const float x = codes(0, 0), h = 1e-2f, up = x + h, down = x - h;
    const double fd = (log_density(r, clean_code(net, Eigen::VectorXd::Constant(1, up))) -
                       log_density(r, clean_code(net, Eigen::VectorXd::Constant(1, down)))) /
                      (static_cast<double>(up) - down);
    CHECK_MESSAGE(std::fabs(analytic - fd) < 2e-3 * (1.0 + std::fabs(fd)),
                     "x " << x0 << ": " << analytic << " vs " << fd);
  }
}

TEST_CASE("dropout_noisy_gradient_matches_finite_differences_for_fixed_noise") {
  // Backprop through r = f (1 + xi): the same noise draw on both sides of the difference.
  Mlp net = dropout_net(2, 6);
  Rng rng(2);
  MatrixF x(2, 5);
  for (int j = 0; j < 5; ++j)
    for (int i = 0; i < 2; ++i) x(i, j) = static_cast<float>(rng.uniform(-1.5, 1.5));
  const int labels[] = {0, 1, 2, 1, 0};
  const double worst = catgeo::test::worst_fixed_noise_gradient_error(net, x, labels, 99);
  CHECK_MESSAGE(worst < 2e-2, "worst relative gradient error " << worst);
}

TEST_CASE("dropout_training_is_deterministic_per_seed") {
  const ScenarioConfig config = dropout_e1(0.5, 3);
  const std::unique_ptr<Experiment> a = trained(config), b = trained(config);
  ScenarioConfig other_seed = config;
  other_seed.training.seed = 2;
  const std::unique_ptr<Experiment> c = trained(other_seed);
  if (!a || !b || !c) return;
  CHECK(a->network().parameters() == b->network().parameters());
  CHECK(a->history().back().train_loss == b->history().back().train_loss);
  CHECK(a->network().parameters() != c->network().parameters());
  // Dropout noise is not the Gaussian one: the same seed trains another network.
  ScenarioConfig gauss = config;
  gauss.network.noise = NoiseModel::gauss;
  const std::unique_ptr<Experiment> d = trained(gauss);
  if (d) CHECK(a->network().parameters() != d->network().parameters());
}

TEST_CASE("dropout_information_agrees_with_high_snr_forms") {
  // E1 with 128 sigmoid units at alpha 0.5 is at high SNR: the Monte-Carlo I(mu; r) and I(x; r) under the dropout
  // likelihood agree with I(mu; x) - 1/2 E Tr(F_code^-1 F_cat) and H(x) + 1/2 E ln det F_code - 1/2 ln(2 pi e) built on
  // the dropout F_code; I(mu; r) <= I(mu; x).
  const std::unique_ptr<Experiment> run = trained(dropout_e1(0.5, 20));
  if (!run) return;
  InformationSettings settings;
  settings.estimator.joint_samples = 4000;
  settings.noise_samples = 64;
  const InformationSummary s = measure_information(*run, settings);
  std::printf(
      "  dropout E1 alpha 0.5, 20 epochs: I(mu;x) %.5f, I(mu;r) %.5f +- %.5f (high-SNR %.5f), I(x;r) %.4f +- "
      "%.4f (high-SNR %.4f), decoding cost %.5f\n",
      run->category_information(), s.info_r, s.info_r_se, s.info_r_highsnr, s.info_xr, s.info_xr_se, s.info_xr_highsnr,
      s.decoding_cost);
  CHECK_MESSAGE(std::fabs(s.info_r - s.info_r_highsnr) < 4.0 * s.info_r_se + 2e-3,
                "I(mu; r) " << s.info_r << " +- " << s.info_r_se << " vs high-SNR " << s.info_r_highsnr);
  CHECK_MESSAGE(std::fabs(s.info_xr - s.info_xr_highsnr) < 4.0 * s.info_xr_se + 0.03,
                "I(x; r) " << s.info_xr << " +- " << s.info_xr_se << " vs high-SNR " << s.info_xr_highsnr);
  CHECK(s.info_r < run->category_information() + 3.0 * s.info_r_se);
  CHECK((s.decoding_cost >= 0.0 && std::isfinite(s.bv_variance)));
}

TEST_CASE("dropout_link_keys_and_checks") {
  // Defaults are not written; noise and alpha round-trip; dropout needs sigmoid units at r.
  const ScenarioConfig e1 = scenario_preset("E1").value;
  CHECK(encode_share_link(e1) == "scenario=E1&v=1");
  const ScenarioConfig dropout = dropout_e1(0.5, e1.training.epochs);
  const std::string link = encode_share_link(dropout);
  CHECK_MESSAGE(link == "scenario=E1&noise=dropout&alpha=0.5&v=1", link);
  const LinkDecodeResult back = decode_share_link(link);
  CHECK((back.notices.empty() && configs_equal(back.config, dropout)));
  CHECK(decode_share_link("scenario=E1&sigma=0.5").config.network.noise == NoiseModel::gauss);
  const LinkDecodeResult clamped = decode_share_link("scenario=E1&noise=dropout&alpha=50");
  CHECK((clamped.config.network.dropout_alpha == 4.0 && clamped.notices.size() == 1));
  CHECK(validate_network(dropout, 1, 1).ok);
  ScenarioConfig tanh_rep = dropout;
  tanh_rep.network.hidden.back().activation = Activation::tanh;
  const Status s = validate_network(tanh_rep, 1, 1);
  CHECK_MESSAGE((!s.ok && s.message.find("sigmoid") != std::string::npos), s.message);
  tanh_rep.network.noise = NoiseModel::gauss;
  CHECK(validate_network(tanh_rep, 1, 1).ok);
}
