// I(mu; r) estimator against closed forms: the linear code of spec 1.7, a code constant in x, the read-out method.
#include "core/information/representation_information.h"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/information/information.h"
#include "core/data/mixture.h"
#include "core/nn/mlp.h"
#include "core/geometry/noisy_code.h"
#include "core/base/rng.h"
#include "core/config/scenarios.h"
#include "test.h"
#include "test_mixtures.h"

using namespace catgeo;

namespace {

constexpr double kPi = 3.14159265358979323846;

using test::case_a;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("info_r_of_linear_code_matches_closed_form") {
  // r = x + N(0, v): I(mu; r) is I(mu; x) of the mixture with class variances 0.25 + v (spec 1.7: losses 0.00090,
  // 0.00876, 0.0398 from I(mu; x) = 0.33683). With the exact Bayes read-out, C_dec = 0 and C = H(mu|r).
  const Mixture m = case_a();
  // One seed is one draw of a 95% check; info_r_standard_error_is_calibrated checks the estimator over many seeds.
  const double v_values[] = {0.001, 0.01, 0.05};
  for (int k = 0; k < 3; ++k) {
    const double v = v_values[k];
    const auto start = std::chrono::steady_clock::now();
    const Mixture noisy = m.with_added_isotropic_noise(v);
    const double exact = mutual_information(noisy, quadrature_grid(noisy));
    const LinearCode code(1, v, &noisy);
    Rng rng(1);  // the same joint draws of (mu, x, z) for every v
    const RepresentationInformation est = estimate_representation_information(m, code, rng);
    std::printf(
        "    v = %.3f: I(mu;r) = %.5f +- %.5f (exact %.5f), loss %.5f, bias corr %.5f, ESS %.2f (min %.1f),"
        " C_dec %.5f +- %.5f, C %.5f vs %.5f, %.2f s\n",
        v, est.info_r, est.info_r_se, exact, est.info_loss, est.bias_correction, est.mean_ess_fraction, est.min_ess,
        est.decoding_cost, est.decoding_cost_se, est.bayes_cost, std::log(2.0) - exact, seconds_since(start));
    CHECK_MESSAGE(std::fabs(est.info_r - exact) <= 2.0 * est.info_r_se,
                  "v " << v << ": " << est.info_r << " +- " << est.info_r_se << " vs exact " << exact);
    CHECK(est.info_r_se < 0.005);
    CHECK_NEAR(est.coding_cost, std::log(2.0) - est.info_r, 1e-12);
    CHECK_MESSAGE(std::fabs(est.decoding_cost) <= 3.0 * est.decoding_cost_se + 1e-4,
                  "v " << v << ": C_dec " << est.decoding_cost << " +- " << est.decoding_cost_se);
    CHECK_MESSAGE(std::fabs(est.bayes_cost - (std::log(2.0) - exact)) <= 3.0 * est.bayes_cost_se + 1e-4,
                  "v " << v << ": C " << est.bayes_cost << " +- " << est.bayes_cost_se);
    // I(x; r) = h(r) - h(r|x) = h(x + noise) - 1/2 ln(2 pi e v).
    const double exact_xr =
        differential_entropy(noisy, quadrature_grid(noisy)) - 0.5 * std::log(2.0 * kPi * std::exp(1.0) * v);
    std::printf("             I(x;r) = %.4f +- %.4f (exact %.4f)\n", est.info_xr, est.info_xr_se, exact_xr);
    CHECK_MESSAGE(std::fabs(est.info_xr - exact_xr) <= 3.0 * est.info_xr_se,
                  "v " << v << ": I(x;r) " << est.info_xr << " +- " << est.info_xr_se << " vs exact " << exact_xr);
  }
}

TEST_CASE("info_r_standard_error_is_calibrated") {
  // Over 40 seeds (R = 1000) the z-scores (estimate - exact) / se of the linear code v = 0.01 must have mean ~0 (no
  // bias beyond the error) and rms ~1 (the standard error is honest). (Offline, 200 seeds with R = 2000 gave mean
  // -0.05..0.01 and rms 1.03..1.06 for v = 0.001, 0.01, 0.05.)
  const Mixture m = case_a();
  const double v = 0.01;
  const Mixture noisy = m.with_added_isotropic_noise(v);
  const double exact = mutual_information(noisy, quadrature_grid(noisy));
  const LinearCode code(1, v);
  RepresentationInformationSettings settings;
  settings.joint_samples = 1000;
  const int seeds = 40;
  double sum = 0.0, square_sum = 0.0;
  for (int seed = 1; seed <= seeds; ++seed) {
    Rng rng(100 + seed);
    const RepresentationInformation est = estimate_representation_information(m, code, rng, settings);
    const double z = (est.info_r - exact) / est.info_r_se;
    sum += z;
    square_sum += z * z;
  }
  const double mean = sum / seeds, rms = std::sqrt(square_sum / seeds);
  std::printf("    z-scores over %d seeds: mean %.3f, rms %.3f\n", seeds, mean, rms);
  CHECK_MESSAGE(std::fabs(mean) < 3.0 / std::sqrt(seeds), "mean z " << mean);
  CHECK_MESSAGE((rms > 0.7 && rms < 1.35), "rms z " << rms);
}

TEST_CASE("info_r_of_linear_code_is_deterministic_for_a_seed") {
  const Mixture m = case_a();
  const LinearCode code(1, 0.01);
  RepresentationInformationSettings settings;
  settings.joint_samples = 500;
  Rng a(5), b(5), c(6);
  const RepresentationInformation x = estimate_representation_information(m, code, a, settings);
  const RepresentationInformation y = estimate_representation_information(m, code, b, settings);
  const RepresentationInformation z = estimate_representation_information(m, code, c, settings);
  CHECK((x.info_r == y.info_r && x.info_r_se == y.info_r_se));
  CHECK(x.info_r != z.info_r);
  CHECK(std::isnan(x.decoding_cost));  // no read-out
}

TEST_CASE("info_r_of_a_code_constant_in_x_is_zero") {
  // E1's network with zero input weights: f(x) = sigmoid(b) for every x, so r carries no information and P(mu|r) = q.
  // P(mu|r) = q, so C_dec = E_z KL(q || g(.|f + sigma z)), checked against a direct Monte-Carlo over z.
  ScenarioConfig config = scenario_preset("E1").value;
  Mlp net = Mlp::create(config.network, 1, 2).value;
  Rng init(3);
  net.initialize(init);
  for (int u = 0; u < net.representation_width(); ++u) net.parameters()[u] = 0.0f;  // layer 0 weights (128, 1)
  const Mixture m = case_a();
  const NetworkCode code(net);
  Rng rng(11);
  const auto start = std::chrono::steady_clock::now();
  const RepresentationInformation est = estimate_representation_information(m, code, rng);
  const double seconds = seconds_since(start);
  const int draws = 20000, N = net.representation_width();
  MatrixF clean, z(N, draws), log_g;
  net.representation_at(MatrixF::Zero(1, 1), clean);
  Rng noise(12);
  noise.normals(z.data(), static_cast<size_t>(z.size()));
  const MatrixF r = clean.replicate(1, draws) + static_cast<float>(net.noise_sigma()) * z;
  net.readout_log_probabilities(r, log_g);
  double sum = 0.0, square_sum = 0.0;
  for (int t = 0; t < draws; ++t) {
    const double kl = -std::log(2.0) - 0.5 * (log_g(0, t) + log_g(1, t));
    sum += kl;
    square_sum += kl * kl;
  }
  const double kl = sum / draws, kl_se = std::sqrt((square_sum / draws - kl * kl) / draws);
  std::printf(
      "    constant code: I(mu;r) = %.5f +- %.5f, bias corr %.5f, ESS %.2f, C_dec %.5f +- %.5f (direct %.5f +- %.5f),"
      " %.2f s\n",
      est.info_r, est.info_r_se, est.bias_correction, est.mean_ess_fraction, est.decoding_cost, est.decoding_cost_se,
      kl, kl_se, seconds);
  CHECK_MESSAGE(std::fabs(est.info_r) <= 3.0 * est.info_r_se, est.info_r << " +- " << est.info_r_se);
  CHECK(est.info_r_se < 0.005);
  const double both_se = std::hypot(est.decoding_cost_se, kl_se);
  CHECK_MESSAGE(std::fabs(est.decoding_cost - kl) <= 3.0 * both_se,
                est.decoding_cost << " +- " << est.decoding_cost_se << " vs " << kl << " +- " << kl_se);
}

TEST_CASE("mlp_readout_from_r_matches_the_network") {
  // readout_log_probabilities(r) is the tail of the network: at the clean r it gives probe_projection's probabilities
  // (and predict's); at r + sigma z with the measurement's noise draws, the noisy test loss.
  ScenarioConfig config = scenario_preset("E6").value;  // 2 -> 64 tanh -> 128 sigmoid -> 2
  Mlp net = Mlp::create(config.network, 2, 2).value;
  Rng init(4);
  net.initialize(init);
  MatrixF inputs(2, 37);
  Rng data(9);
  for (Eigen::Index i = 0; i < inputs.size(); ++i) inputs.data()[i] = static_cast<float>(data.uniform(-2.0, 2.0));
  ProjectionProbe probe;
  net.probe_projection(inputs, probe);
  MatrixF representation, log_g, predicted;
  net.representation_at(inputs, representation);
  CHECK((representation - probe.representation).cwiseAbs().maxCoeff() == 0.0f);
  net.readout_log_probabilities(representation, log_g);
  net.predict(inputs, predicted);
  CHECK_MESSAGE((log_g.array().exp().matrix() - predicted).cwiseAbs().maxCoeff() < 1e-6,
                 (log_g.array().exp().matrix() - predicted).cwiseAbs().maxCoeff());
  std::vector<int> labels(37);
  for (int i = 0; i < 37; ++i) labels[i] = i % 2;
  Rng noise_a(21), noise_b(21);
  const double noisy_sum = net.predict_and_noisy_loss_sum(inputs, labels.data(), noise_a, predicted);
  MatrixF z(net.representation_width(), 37);
  noise_b.normals(z.data(), static_cast<size_t>(z.size()));
  const MatrixF noisy = representation + static_cast<float>(net.noise_sigma()) * z;
  net.readout_log_probabilities(noisy, log_g);
  double sum = 0.0;
  for (int i = 0; i < 37; ++i) sum -= log_g(labels[i], i);
  CHECK_NEAR(sum, noisy_sum, 1e-4 * std::fabs(noisy_sum));
}
