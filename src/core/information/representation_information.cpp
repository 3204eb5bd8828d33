// I(mu; r) by Monte-Carlo over the joint and self-normalised importance sampling of P(mu|r); coding/decoding costs.
#include "core/information/representation_information.h"

#include <Eigen/LU>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "core/base/check.h"
#include "core/geometry/fisher.h"
#include "core/information/information.h"

namespace catgeo {
namespace {

constexpr double kLog2Pi = 1.8378770664093454836;

// Lower Cholesky factor of a symmetric positive 1x1 or 2x2 matrix (a11, a21, a22) and ln det of the factor.
struct SmallCholesky {
  double l11 = 1.0, l21 = 0.0, l22 = 1.0;
  double log_det = 0.0;  // ln det L
};
SmallCholesky small_cholesky(double a11, double a21, double a22, int dims) {
  SmallCholesky c;
  c.l11 = std::sqrt(a11);
  if (dims == 2) {
    c.l21 = a21 / c.l11;
    c.l22 = std::sqrt(std::max(a22 - c.l21 * c.l21, 1e-300));
  }
  c.log_det = std::log(c.l11) + (dims == 2 ? std::log(c.l22) : 0.0);
  return c;
}

// ln N(x; mean, L L^T) for K = dims.
double log_gaussian(const double* x, const double* mean, const SmallCholesky& c, int dims) {
  const double u1 = (x[0] - mean[0]) / c.l11;
  double quad = u1 * u1;
  if (dims == 2) {
    const double u2 = (x[1] - mean[1] - c.l21 * u1) / c.l22;
    quad += u2 * u2;
  }
  return -0.5 * quad - c.log_det - 0.5 * dims * kLog2Pi;
}

double entropy_of(const double* p, int M) {
  double h = 0.0;
  for (int mu = 0; mu < M; ++mu)
    if (p[mu] > 0.0) h -= p[mu] * std::log(p[mu]);
  return h;
}

int draw_class(const Mixture& mixture, Rng& rng) {
  const double u = rng.uniform();
  double cumulative = 0.0;
  for (int mu = 0; mu < mixture.num_classes() - 1; ++mu) {
    cumulative += mixture.prior(mu);
    if (u < cumulative) return mu;
  }
  return mixture.num_classes() - 1;
}

// Mean and standard error of a sample.
struct MeanSe {
  double mean = 0.0, se = 0.0;
};
MeanSe mean_se(const std::vector<double>& v) {
  MeanSe out;
  const double n = static_cast<double>(v.size());
  for (double x : v) out.mean += x;
  out.mean /= n;
  double ss = 0.0;
  for (double x : v) ss += (x - out.mean) * (x - out.mean);
  out.se = v.size() > 1 ? std::sqrt(ss / (n - 1.0) / n) : std::numeric_limits<double>::quiet_NaN();
  return out;
}

}  // namespace

RepresentationInformationEstimator::RepresentationInformationEstimator(
    const Mixture& mixture, const NoisyCode& code, const RepresentationInformationSettings& settings, double info_x)
    : mixture_(mixture), code_(code), settings_(settings) {
  const int K = mixture.dims(), M = mixture.num_classes();
  CATGEO_CHECK(code.projection_dim() == K, "the code must live on the mixture's projection space");
  CATGEO_CHECK(settings.joint_samples >= 2 && settings.proposal_samples >= 2, "need at least 2 samples of each kind");
  CATGEO_CHECK(settings.draws_per_batch >= 1, "at least one joint draw per batch");
  CATGEO_CHECK(code.readout_classes() == 0 || code.readout_classes() == M,
               "the read-out must have the mixture's classes");
  const int R = settings.joint_samples, S = settings.proposal_samples;
  S_local_ = std::clamp(static_cast<int>(std::lround(settings.local_fraction * S)), 1, S - 1);
  alpha_ = static_cast<double>(S_local_) / S;
  info_x_ = std::isnan(info_x) ? mutual_information(mixture, quadrature_grid(mixture)) : info_x;
  for (int mu = 0; mu < M; ++mu) class_entropy_ -= mixture.prior(mu) * std::log(mixture.prior(mu));

  // Lambda_0 = Cov_p(x)^-1 (K, K), the prior precision that regularises the local proposal.
  double mean_total[2] = {0.0, 0.0}, second[2][2] = {{0.0, 0.0}, {0.0, 0.0}};
  for (int mu = 0; mu < M; ++mu) {
    const GaussianClass& c = mixture.classes()[mu];
    for (int k = 0; k < K; ++k) {
      mean_total[k] += mixture.prior(mu) * c.mean[k];
      for (int l = 0; l < K; ++l) second[k][l] += mixture.prior(mu) * (c.cov(k, l) + c.mean[k] * c.mean[l]);
    }
  }
  const double c11 = second[0][0] - mean_total[0] * mean_total[0];
  if (K == 1) {
    prior_precision_[0][0] = 1.0 / c11;
  } else {
    const double c12 = second[0][1] - mean_total[0] * mean_total[1], c22 = second[1][1] - mean_total[1] * mean_total[1];
    const double det = c11 * c22 - c12 * c12;
    prior_precision_[0][0] = c22 / det;
    prior_precision_[1][1] = c11 / det;
    prior_precision_[0][1] = prior_precision_[1][0] = -c12 / det;
  }
  paired_entropy_.resize(R);
  decoding_.resize(R);
  bayes_.resize(R);
  code_information_.resize(R);
  loss_kl_.resize(R);
  ess_min_ = std::numeric_limits<double>::infinity();
}

void RepresentationInformationEstimator::fix_point(const double* x) {
  CATGEO_CHECK(next_ == 0, "fix_point before the first step");
  fixed_ = true;
  for (int k = 0; k < mixture_.dims(); ++k) fixed_point_[k] = x[k];
}

void RepresentationInformationEstimator::step(Rng& rng) {
  if (done()) return;
  // The batch below is the estimator's loop body as it was in one piece, on local names for the members.
  const Mixture& mixture = mixture_;
  const NoisyCode& code = code_;
  const RepresentationInformationSettings& settings = settings_;
  const int K = mixture.dims(), M = mixture.num_classes();
  const int N = code.width(), R = settings.joint_samples, S = settings.proposal_samples, S_local = S_local_;
  const double alpha = alpha_;
  const RepresentationNoise noise = code.noise();
  const bool dropout = noise.dropout();
  const double sigma = noise.sigma, inv_var = 1.0 / (sigma * sigma);
  const bool readout = code.readout_classes() > 0;
  const int chunk = settings.draws_per_batch;
  const auto& prior_precision = prior_precision_;
  std::vector<double>& paired_entropy = paired_entropy_;
  std::vector<double>& decoding = decoding_;
  std::vector<double>& bayes = bayes_;
  std::vector<double>& code_information = code_information_;
  double& correction_sum = correction_sum_;
  double& ess_sum = ess_sum_;
  double& ess_min = ess_min_;

  Eigen::MatrixXd x0(K, chunk), f0, jacobian, r(N, chunk), xs(K, chunk * S), fs, log_g;
  std::vector<float> z(static_cast<size_t>(N) * chunk);
  std::vector<double> log_proposal(static_cast<size_t>(chunk) * S), log_prior(static_cast<size_t>(chunk) * S);
  std::vector<double> posterior_s(static_cast<size_t>(chunk) * S * M), entropy_x(chunk), log_w(S);
  std::vector<double> posterior_x(static_cast<size_t>(chunk) * M);
  std::vector<int> labels(chunk);
  std::vector<SmallCholesky> local(chunk);
  std::vector<std::array<double, 2>> xhat(chunk);
  double log_joint[kMaxClasses], scores[2 * kMaxClasses];

  {
    const int begin = next_;
    const int n = std::min(chunk, R - begin);
    // 1. Joint draws (mu, x) and r ~ P(r|x): f(x) + sigma z, or f(x) (1 + sqrt(alpha) z) for dropout.
    x0.resize(K, n);
    for (int i = 0; i < n; ++i) {
      if (fixed_) {
        for (int k = 0; k < K; ++k) x0(k, i) = fixed_point_[k];
      } else {
        labels[i] = draw_class(mixture, rng);
        mixture.sample_point(labels[i], rng, x0.col(i).data());
      }
      mixture.class_terms(x0.col(i).data(), log_joint, scores);
      posterior_from_log_joint(log_joint, M, &posterior_x[static_cast<size_t>(i) * M]);
      entropy_x[i] = entropy_of(&posterior_x[static_cast<size_t>(i) * M], M);
    }
    code.represent(x0, f0, &jacobian);
    rng.normals(z.data(), static_cast<size_t>(N) * n);
    r.resize(N, n);
    for (int i = 0; i < n; ++i)
      for (int u = 0; u < N; ++u) {
        const double z_u = z[static_cast<size_t>(i) * N + u];
        r(u, i) = dropout ? dropout_sample(noise.alpha, f0(u, i), z_u) : f0(u, i) + sigma * z_u;
      }
    // 2. Proposals: the local Gauss-Newton Gaussian and p(x), S points per draw.
    xs.resize(K, n * S);
    for (int i = 0; i < n; ++i) {
      double lambda[2][2], gradient[2];
      if (dropout) {  // the score J^T d ln P / df and F_code = J^T diag(w) J of the dropout likelihood
        for (int k = 0; k < K; ++k) {
          gradient[k] = 0.0;
          for (int l = 0; l < K; ++l) lambda[k][l] = prior_precision[k][l];
        }
        for (int u = 0; u < N; ++u) {
          const double s_u = dropout_score(noise.alpha, r(u, i), f0(u, i));
          const double w_u = dropout_fisher_weight(noise.alpha, f0(u, i));
          for (int k = 0; k < K; ++k) {
            gradient[k] += jacobian(u, i * K + k) * s_u;
            for (int l = 0; l < K; ++l) lambda[k][l] += w_u * jacobian(u, i * K + k) * jacobian(u, i * K + l);
          }
        }
      } else {
        for (int k = 0; k < K; ++k) {
          gradient[k] = jacobian.col(i * K + k).dot(r.col(i) - f0.col(i)) * inv_var;
          for (int l = 0; l < K; ++l)
            lambda[k][l] = jacobian.col(i * K + k).dot(jacobian.col(i * K + l)) * inv_var + prior_precision[k][l];
        }
      }
      double cov11, cov21 = 0.0, cov22 = 0.0;  // Lambda^-1
      if (K == 1) {
        cov11 = 1.0 / lambda[0][0];
        xhat[i][0] = x0(0, i) + cov11 * gradient[0];
      } else {
        const double det = lambda[0][0] * lambda[1][1] - lambda[0][1] * lambda[1][0];
        cov11 = lambda[1][1] / det;
        cov22 = lambda[0][0] / det;
        cov21 = -lambda[1][0] / det;
        xhat[i][0] = x0(0, i) + cov11 * gradient[0] + cov21 * gradient[1];
        xhat[i][1] = x0(1, i) + cov21 * gradient[0] + cov22 * gradient[1];
      }
      const double c = settings.proposal_inflation;
      local[i] = small_cholesky(c * cov11, c * cov21, c * cov22, K);
      for (int s = 0; s < S; ++s) {
        double* x = xs.col(i * S + s).data();
        if (s < S_local) {
          const double u1 = rng.normal();
          x[0] = xhat[i][0] + local[i].l11 * u1;
          if (K == 2) x[1] = xhat[i][1] + local[i].l21 * u1 + local[i].l22 * rng.normal();
        } else {
          mixture.sample_point(draw_class(mixture, rng), rng, x);
        }
        mixture.class_terms(x, log_joint, scores);
        const size_t slot = static_cast<size_t>(i) * S + s;
        log_prior[slot] = posterior_from_log_joint(log_joint, M, &posterior_s[slot * M]);
        const double a = std::log(alpha) + log_gaussian(x, xhat[i].data(), local[i], K);
        const double b = std::log1p(-alpha) + log_prior[slot];
        const double top = std::max(a, b);
        log_proposal[slot] = top + std::log(std::exp(a - top) + std::exp(b - top));
      }
    }
    code.represent(xs, fs, nullptr);
    if (readout) code.readout_log_probabilities(r, log_g);
    // 3. Weights, the posterior P^(mu|r), its first-order bias terms, and the per-draw costs.
    for (int i = 0; i < n; ++i) {
      double top = -std::numeric_limits<double>::infinity();
      for (int s = 0; s < S; ++s) {
        const size_t slot = static_cast<size_t>(i) * S + s;
        log_w[s] =
            dropout
                ? log_prior[slot] + dropout_log_likelihood(noise.alpha, r.col(i).data(), fs.col(i * S + s).data(), N) -
                      log_proposal[slot]
                : log_prior[slot] - 0.5 * (r.col(i) - fs.col(i * S + s)).squaredNorm() * inv_var - log_proposal[slot];
        top = std::max(top, log_w[s]);
      }
      double total = 0.0;
      for (int s = 0; s < S; ++s) total += (log_w[s] = std::exp(log_w[s] - top));
      double p_hat[kMaxClasses] = {0.0}, variance[kMaxClasses] = {0.0}, bias[kMaxClasses] = {0.0}, square_sum = 0.0;
      for (int s = 0; s < S; ++s) {
        const double w = log_w[s] / total;
        square_sum += w * w;
        for (int mu = 0; mu < M; ++mu) p_hat[mu] += w * posterior_s[(static_cast<size_t>(i) * S + s) * M + mu];
      }
      for (int s = 0; s < S; ++s) {
        const double w2 = (log_w[s] / total) * (log_w[s] / total);
        for (int mu = 0; mu < M; ++mu) {
          const double d = posterior_s[(static_cast<size_t>(i) * S + s) * M + mu] - p_hat[mu];
          variance[mu] += w2 * d * d;
          bias[mu] -= w2 * d;
        }
      }
      // I(x; r) term: ln p(r|x_i) - ln p^(r), p^(r) = mean_s of the unnormalised weights (the Gaussian constants
      // cancel), with the first-order correction of the log of a mean: ln p^ + (sum w~^2 - 1/S) / 2.
      const double log_evidence = top + std::log(total / S) + 0.5 * (square_sum - 1.0 / S);
      const double log_likelihood = dropout ? dropout_log_likelihood(noise.alpha, r.col(i).data(), f0.col(i).data(), N)
                                            : -0.5 * (r.col(i) - f0.col(i)).squaredNorm() * inv_var;
      code_information[begin + i] = log_likelihood - log_evidence;
      const double ess = 1.0 / square_sum;
      ess_sum += ess;
      ess_min = std::min(ess_min, ess);
      double delta = 0.0;  // H(P) - E H(P^), to first order
      for (int mu = 0; mu < M; ++mu)
        if (p_hat[mu] > 0.0) delta += std::log(p_hat[mu]) * bias[mu] + 0.5 * variance[mu] / p_hat[mu];
      const double entropy_r = entropy_of(p_hat, M) + delta;
      double kl = 0.0;  // sum_mu P(mu|x) [ln P(mu|x) - ln P(mu|r)], ln P(mu|r) corrected to first order
      for (int mu = 0; mu < M; ++mu) {
        const double p = posterior_x[static_cast<size_t>(i) * M + mu];
        if (p <= 0.0) continue;
        const double log_r = p_hat[mu] > 0.0 ? std::log(p_hat[mu]) - bias[mu] / p_hat[mu] +
                                                   0.5 * variance[mu] / (p_hat[mu] * p_hat[mu])
                                             : std::log(std::numeric_limits<double>::min());
        kl += p * (std::log(p) - log_r);
      }
      loss_kl_[begin + i] = kl;
      correction_sum += delta;
      paired_entropy[begin + i] = entropy_r - entropy_x[i];
      if (readout) {
        double cross = 0.0;  // -sum P ln g with the same first-order correction
        for (int mu = 0; mu < M; ++mu) cross -= (p_hat[mu] - bias[mu]) * log_g(mu, i);
        decoding[begin + i] = cross - entropy_r;
        bayes[begin + i] = paired_entropy[begin + i] + decoding[begin + i];
      }
    }
    next_ = begin + n;
  }
}

RepresentationInformation RepresentationInformationEstimator::result() const {
  CATGEO_CHECK(done(), "the estimate is not finished: step() until done()");
  const int R = settings_.joint_samples, S = settings_.proposal_samples;
  RepresentationInformation out;
  out.samples = R;
  out.info_x = info_x_;
  out.class_entropy = class_entropy_;
  const double conditional_entropy_x = out.class_entropy - out.info_x;  // H(mu|x)
  const MeanSe loss = mean_se(paired_entropy_);
  out.info_loss = loss.mean;
  out.info_r = out.info_x - loss.mean;
  out.info_r_se = loss.se;
  out.coding_cost = out.class_entropy - out.info_r;
  const MeanSe kl = mean_se(loss_kl_);
  out.loss_kl = kl.mean;
  out.loss_kl_se = kl.se;
  const MeanSe xr = mean_se(code_information_);
  out.info_xr = xr.mean;
  out.info_xr_se = xr.se;
  out.bias_correction = correction_sum_ / R;
  out.mean_ess_fraction = ess_sum_ / R / S;
  out.min_ess = ess_min_;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  out.bayes_cost = out.bayes_cost_se = out.decoding_cost = out.decoding_cost_se = nan;
  if (code_.readout_classes() > 0) {
    const MeanSe dec = mean_se(decoding_), cost = mean_se(bayes_);
    out.decoding_cost = dec.mean;
    out.decoding_cost_se = dec.se;
    out.bayes_cost = conditional_entropy_x + cost.mean;
    out.bayes_cost_se = cost.se;
  }
  return out;
}

RepresentationInformation estimate_representation_information(const Mixture& mixture, const NoisyCode& code, Rng& rng,
                                                              const RepresentationInformationSettings& settings) {
  RepresentationInformationEstimator estimator(mixture, code, settings, std::numeric_limits<double>::quiet_NaN());
  while (!estimator.done()) estimator.step(rng);
  return estimator.result();
}

}  // namespace catgeo
