// MLP: gradients and Jacobians against finite differences; F_code of a linear layer; softmax F_cat.
#include <cmath>

#include "core/geometry/fisher.h"
#include "core/geometry/grid_fields.h"
#include "core/nn/mlp.h"
#include "core/base/rng.h"
#include "gradient_check.h"
#include "test.h"

using namespace catgeo;

namespace {

Mlp make_net(int input_dim, std::vector<LayerSpec> hidden, int classes, int projection = -1, int rep = -1,
             std::uint64_t seed = 5) {
  NetworkConfig config;
  config.hidden = std::move(hidden);
  config.projection_layer = projection;
  config.representation_layer = rep;
  config.noise_sigma = 0.7;
  Result<Mlp> net = Mlp::create(config, input_dim, classes);
  CHECK_MESSAGE(net.ok(), net.status.message);
  Rng rng(seed);
  net.value.initialize(rng);
  return net.value;
}

MatrixF random_inputs(int rows, int cols, Rng& rng) {
  MatrixF x(rows, cols);
  for (int j = 0; j < cols; ++j)
    for (int i = 0; i < rows; ++i) x(i, j) = static_cast<float>(rng.uniform(-1.5, 1.5));
  return x;
}

}  // namespace

TEST_CASE("mlp_gradient_matches_finite_differences") {
  const Activation acts[] = {Activation::tanh, Activation::sigmoid, Activation::linear, Activation::relu};
  for (Activation act : acts) {
    Mlp net = make_net(2, {{6, Activation::tanh}, {5, act}}, 4);
    Rng rng(11);
    const MatrixF x = random_inputs(2, 7, rng);
    const int labels[] = {0, 1, 2, 3, 1, 2, 0};
    ParameterVector gradient;
    net.loss_and_gradient(x, labels, nullptr, gradient);
    double worst = 0.0;
    const float h = act == Activation::relu ? 1e-3f : 1e-2f;  // stay off the kink
    for (size_t p = 0; p < net.parameters().size(); ++p) {
      const float saved = net.parameters()[p];
      net.parameters()[p] = saved + h;
      const double up = net.loss(x, labels, nullptr);
      net.parameters()[p] = saved - h;
      const double down = net.loss(x, labels, nullptr);
      net.parameters()[p] = saved;
      const double fd = (up - down) / (2.0 * h);
      worst = std::max(worst, std::fabs(fd - gradient[p]) / (1e-2 + std::fabs(fd)));
    }
    CHECK_MESSAGE(worst < 2e-2, to_string(act) << ": worst relative gradient error " << worst);
  }
}

TEST_CASE("mlp_noisy_gradient_matches_finite_differences_for_fixed_noise") {
  // The same noise draw on both sides of the difference: reseed the noise stream each time.
  Mlp net = make_net(2, {{8, Activation::sigmoid}}, 3);
  Rng rng(2);
  const MatrixF x = random_inputs(2, 5, rng);
  const int labels[] = {0, 1, 2, 1, 0};
  const double worst = catgeo::test::worst_fixed_noise_gradient_error(net, x, labels, 99);
  CHECK_MESSAGE(worst < 2e-2, "worst relative gradient error " << worst);
}

TEST_CASE("predict_and_noisy_loss_sum_equals_predict_and_loss_bit_for_bit") {
  // r in the middle (layer 1 of 3), so layers before and after it both run; 9 noisy units x 7 points is odd.
  Mlp net = make_net(2, {{6, Activation::tanh}, {9, Activation::sigmoid}, {5, Activation::relu}}, 4, -1, 1);
  Rng rng(12);
  const MatrixF x = random_inputs(2, 7, rng);
  const int labels[] = {0, 1, 2, 3, 1, 0, 2};
  MatrixF expected_probabilities, probabilities;
  net.predict(x, expected_probabilities);
  Rng noise_a(31), noise_b(31);
  const float expected_loss = net.loss(x, labels, &noise_a);
  const float loss = static_cast<float>(net.predict_and_noisy_loss_sum(x, labels, noise_b, probabilities) / 7.0);
  CHECK_MESSAGE(loss == expected_loss, loss << " vs " << expected_loss);
  CHECK(probabilities == expected_probabilities);
  CHECK(noise_a.next_u64() == noise_b.next_u64());  // the same number of noise draws
  CHECK(loss != net.loss(x, labels, nullptr));  // the noise did enter the loss
}

TEST_CASE("mlp_jacobian_matches_finite_differences") {
  // Projection layer 1 (2 linear units) of a 5-input net: J = dr/dx on the projection space.
  Mlp net = make_net(5, {{7, Activation::tanh}, {2, Activation::linear}, {9, Activation::sigmoid}}, 3, 1, 2);
  CHECK((net.projection_dim() == 2 && net.representation_width() == 9));
  Rng rng(4);
  const MatrixF codes = random_inputs(2, 6, rng);
  ProjectionProbe probe, plus, minus;
  net.probe_projection(codes, probe);
  const float h = 1e-2f;
  double worst = 0.0;
  for (int k = 0; k < 2; ++k) {
    MatrixF up = codes, down = codes;
    up.row(k).array() += h;
    down.row(k).array() -= h;
    net.probe_projection(up, plus);
    net.probe_projection(down, minus);
    for (int b = 0; b < 6; ++b) {
      const VectorF fd = (plus.representation.col(b) - minus.representation.col(b)) / (2 * h);
      worst = std::max(worst, static_cast<double>((fd - probe.jacobian.col(b * 2 + k)).cwiseAbs().maxCoeff()));
      // logits: ln P differences equal z differences up to a shared constant, so compare softmax slopes.
      for (int mu = 0; mu < 3; ++mu) {
        const double dp = (plus.probabilities(mu, b) - minus.probabilities(mu, b)) / (2 * h);
        double expected = 0.0;
        for (int nu = 0; nu < 3; ++nu)
          expected += probe.probabilities(mu, b) * ((mu == nu) - probe.probabilities(nu, b)) *
                      probe.logit_jacobian(nu, b * 2 + k);
        worst = std::max(worst, std::fabs(dp - expected));
      }
    }
  }
  CHECK_MESSAGE(worst < 2e-3, "worst Jacobian error " << worst);
}

TEST_CASE("fcode_of_linear_layer_is_wtw_over_sigma2") {
  Mlp net = make_net(2, {{6, Activation::linear}}, 2);
  GridSpec grid;
  grid.dims = 2;
  grid.count[0] = grid.count[1] = 3;
  GridFields fields;
  fields.reshape(grid, 2);
  NetworkFieldEvaluator evaluator;
  evaluator.evaluate(net, fields);
  const Eigen::MatrixXd w = net.weight(0).cast<double>();
  const Eigen::MatrixXd expected = w.transpose() * w / (0.7 * 0.7);
  for (int i = 0; i < fields.size(); ++i) {
    CHECK_NEAR(fields.fcode(0, i), expected(0, 0), 1e-4 * expected.norm());
    CHECK_NEAR(fields.fcode(1, i), expected(0, 1), 1e-4 * expected.norm());
    CHECK_NEAR(fields.fcode(2, i), expected(1, 1), 1e-4 * expected.norm());
  }
}

TEST_CASE("self_estimated_fcat_matches_finite_differences_of_network_posterior") {
  Mlp net = make_net(2, {{12, Activation::sigmoid}}, 3);
  Rng rng(8);
  const MatrixF codes = random_inputs(2, 5, rng);
  ProjectionProbe probe, plus, minus;
  net.probe_projection(codes, probe);
  const float h = 1e-2f;
  for (int b = 0; b < 5; ++b) {
    double grad[3][2], post[3], jac[6];
    for (int k = 0; k < 2; ++k) {
      MatrixF up = codes.col(b), down = codes.col(b);
      up(k, 0) += h;
      down(k, 0) -= h;
      net.probe_projection(up, plus);
      net.probe_projection(down, minus);
      for (int mu = 0; mu < 3; ++mu) grad[mu][k] = (plus.probabilities(mu, 0) - minus.probabilities(mu, 0)) / (2 * h);
    }
    net.probe_projection(codes, probe);
    Sym2 fd;
    for (int mu = 0; mu < 3; ++mu) {
      post[mu] = probe.probabilities(mu, b);
      for (int k = 0; k < 2; ++k) jac[mu * 2 + k] = probe.logit_jacobian(mu, b * 2 + k);
      fd.f11 += grad[mu][0] * grad[mu][0] / post[mu];
      fd.f12 += grad[mu][0] * grad[mu][1] / post[mu];
      fd.f22 += grad[mu][1] * grad[mu][1] / post[mu];
    }
    const Sym2 f = categorical_fisher_from_softmax(post, jac, 3, 2);
    const double scale = 1e-3 * (1.0 + f.trace());
    CHECK_NEAR(f.f11, fd.f11, scale);
    CHECK_NEAR(f.f12, fd.f12, scale);
    CHECK_NEAR(f.f22, fd.f22, scale);
  }
}

TEST_CASE("mlp_create_rejects_bad_configs") {
  NetworkConfig config;
  config.hidden = {};
  CHECK(!Mlp::create(config, 2, 2).ok());
  config.hidden = {{0, Activation::tanh}};
  CHECK(!Mlp::create(config, 2, 2).ok());
  config.hidden = {{8, Activation::tanh}};
  CHECK(!Mlp::create(config, 196, 10).ok());  // no 1-2 D projection space
  config.noise_sigma = 0.0;
  CHECK(!Mlp::create(config, 2, 2).ok());
}

TEST_CASE("initialisation_follows_spec_2_3") {
  Mlp net = make_net(2, {{128, Activation::sigmoid}}, 2);
  const double limit = std::sqrt(6.0 / (2 + 128));
  CHECK(net.weight(0).cwiseAbs().maxCoeff() <= limit);
  CHECK((net.bias(0).cwiseAbs().maxCoeff() <= 0.5f && net.bias(0).cwiseAbs().maxCoeff() > 0.4f));
  CHECK(net.bias(1).cwiseAbs().maxCoeff() == 0.0f);
}

TEST_CASE("mlp_gradient_through_saturated_sigmoids_has_no_subnormal_numbers") {
  // Issue 21: units that saturate far below zero (z < -80, reached by wide sigmoid layers after hundreds of epochs)
  // have slopes near 1e-35, and the errors back-propagated through them became subnormal floats, which made every
  // multiply-add of the weight gradients that touched one about 100 times slower on x86 without flush-to-zero (WASM).
  // Errors below 2^-100 are dropped: here the second layer's errors and with them the first layer's gradient are 0.
  Mlp net = make_net(2, {{16, Activation::sigmoid}, {16, Activation::sigmoid}}, 3);
  const Eigen::Index bias = net.bias(1).data() - net.parameters().data();
  for (Eigen::Index i = 0; i < net.bias(1).size(); ++i) net.parameters()[static_cast<size_t>(bias + i)] = -86.0f;
  Rng rng(3);
  const MatrixF x = random_inputs(2, 32, rng);
  std::vector<int> labels(32);
  for (int b = 0; b < 32; ++b) labels[b] = b % 3;
  ParameterVector gradient;
  Rng noise(7);  // training mode: the read-out sees r plus noise, as in E7 with layers=256s-256s
  net.loss_and_gradient(x, labels.data(), &noise, gradient);
  int subnormal = 0, first_layer_nonzero = 0, readout_nonzero = 0;
  for (float g : gradient) subnormal += std::fpclassify(g) == FP_SUBNORMAL;
  const Eigen::Index layer1 = net.weight(1).data() - net.parameters().data();
  for (Eigen::Index p = 0; p < layer1; ++p) first_layer_nonzero += gradient[static_cast<size_t>(p)] != 0.0f;
  const Eigen::Index readout = net.weight(2).data() - net.parameters().data();
  for (size_t p = static_cast<size_t>(readout); p < gradient.size(); ++p) readout_nonzero += gradient[p] != 0.0f;
  CHECK_MESSAGE(subnormal == 0, subnormal << " subnormal gradient entries");
  CHECK_MESSAGE(first_layer_nonzero == 0, first_layer_nonzero << " first-layer gradient entries are not 0");
  CHECK_MESSAGE(readout_nonzero > 0, "the read-out's gradient is 0: the test network is not learning at all");
}
