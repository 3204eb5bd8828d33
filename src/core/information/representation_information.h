// I(mu; r) of a noisy code of a Gaussian-mixture projection space, by Monte-Carlo over the joint (mu, x, r) and
// importance sampling of P(mu|r), with the coding/decoding split of the read-out's Bayes cost (spec 1.2-1.4).
// Eigen+std.
#pragma once
#include <array>
#include <vector>

#include "core/data/mixture.h"
#include "core/geometry/noisy_code.h"
#include "core/base/rng.h"

namespace catgeo {

// The estimator (all values in nats):
// 1. Joint draws i = 1..R: mu_i ~ q, x_i ~ p(x|mu_i), r_i ~ P(r|x_i) (code.noise()): r_i = f(x_i) + sigma z_i,
//    z_i ~ N(0, I_N); for Gaussian dropout r_i = f(x_i) (1 + sqrt(alpha) z_i) elementwise, P(r|x) = N(r; f, alpha
//    diag(f^2)). Below, N(r; f(x), sigma^2 I) stands for that P(r|x), and F_code and the score J^T d ln P / df for
//    its own (spec 1.6).
// 2. P(mu|r_i) = integral P(mu|x) p(x|r_i) dx by self-normalised importance sampling over x:
//    P^(mu|r_i) = sum_s w_s P(mu|x_s) / sum_s w_s, w_s = p(x_s) N(r_i; f(x_s), sigma^2 I) / pi_i(x_s), with the
//    exact mixture posterior P(mu|x_s). The proposal pi_i is a defensive mixture, drawn stratified (S_loc and S - S_loc
//    points, weighted by the mixture density): a local Gaussian N(xhat_i, c Lambda_i^-1), Lambda_i = F_code(x_i) +
//    Cov_p(x)^-1, xhat_i = x_i + Lambda_i^-1 J_i^T (r_i - f(x_i)) / sigma^2 (one Gauss-Newton step toward the posterior
//    of x given r_i), c = inflation; and the data distribution p(x) itself, which covers broad or multi-modal
//    posteriors (low SNR, a flat or folded code).
// 3. Rao-Blackwellised over mu given r: H(mu|r) = E_r H(P(.|r)); with the paired control variate H(P(.|x_i)), whose
//    mean H(mu|x) = H(mu) - I(mu; x) is known by quadrature:
//      I(mu; r) = I(mu; x) - mean_i [ H(P^(.|r_i)) - H(P(.|x_i)) ],  se = sd / sqrt(R).
//    The paired difference is small at high SNR, so the error shrinks with the information loss itself.
// 4. Bias: H(P^) is a concave function of a ratio estimate, biased low (I biased high) by about
//    1/2 sum_mu Var(P^_mu) / P_mu + sum_mu ln P_mu Bias(P^_mu) = O(loss / ESS). This first-order (delta-method) term is
//    estimated per r from the weights (Var ~ sum_s w~_s^2 (a_s - P^)^2, Bias ~ -sum_s w~_s^2 (a_s - P^), with
//    w~ the normalised weights and a_s = P(.|x_s)) and added back; the mean correction is reported.
// 5. With a read-out g(.|r): the Bayes cost C = E[-ln g(mu|r)] = E_r[-sum_mu P(mu|r) ln g(mu|r)] and the decoding cost
//    C_dec = E_r KL(P(.|r) || g(.|r)) >= 0 on the same draws (the same first-order correction), so that
//    C = coding_cost + decoding_cost on every draw, coding_cost = H(mu) - I(mu; r).
// 6. Per draw also the loss KL(P(.|x_i) || P^(.|r_i)), with ln P^ corrected to first order as in 4 (ln P ~ ln P^ -
//    Bias/P^ + Var/(2 P^2)): E_{x,r} of it is I(mu; x) - I(mu; r) too (mu and r are independent given x), and at a
//    fixed point x (fix_point) its mean over r ~ P(r|x) is the information lost at x (core/information/information_loss_map.h).
// 7. On the same weights, I(x; r) = E[ln p(r|x) - ln p(r)] with p^(r) = (1/S) sum_s w_s (the evidence), corrected for
//    the log of a mean to first order (+ (sum_s w~_s^2 - 1/S) / 2; residual O(1/ESS^2)). The noise orthogonal to the
//    code's range cancels between the two terms, so the per-draw values vary little.
struct RepresentationInformationSettings {
  int joint_samples = 8000;       // R
  int proposal_samples = 48;      // S per r
  double local_fraction = 0.75;   // S_loc / S
  double proposal_inflation = 2;  // c: the local proposal's covariance over the Gauss-Newton posterior covariance
  int draws_per_batch = 64;       // joint draws per batch of code evaluations (the random stream is drawn batch by
                                  // batch, so the numbers depend on it: core/geometry/slice_size.h sizes it for a
                                  // network)
};

struct RepresentationInformation {
  double info_x = 0.0;         // I(mu; x) by quadrature (the control variate's mean)
  double class_entropy = 0.0;  // H(mu) of the priors
  double info_r = 0.0;         // I(mu; r)
  double info_r_se = 0.0;      // its standard error (also that of info_loss and coding_cost)
  double info_loss = 0.0;      // I(mu; x) - I(mu; r)
  double coding_cost = 0.0;    // H(mu) - I(mu; r) = H(mu|r)
  double bayes_cost = 0.0;     // C = E[-ln g(mu|r)]; NaN without a read-out
  double bayes_cost_se = 0.0;
  double decoding_cost = 0.0;  // C_dec = E KL(P(.|r) || g(.|r)); NaN without a read-out
  double decoding_cost_se = 0.0;
  double loss_kl = 0.0;     // mean of KL(P(.|x) || P^(.|r)) over the draws (point 6): the loss at x for a fixed point
  double loss_kl_se = 0.0;  // its standard error
  double info_xr = 0.0;  // I(x; r), Monte-Carlo (point 7), and its standard error
  double info_xr_se = 0.0;
  double bias_correction = 0.0;    // mean first-order correction subtracted from I(mu; r) (point 4)
  double mean_ess_fraction = 0.0;  // mean effective sample size of the weights over S
  double min_ess = 0.0;            // smallest effective sample size over the R draws
  int samples = 0;                 // R
};

// Needs code.projection_dim() == mixture.dims(). Deterministic for the rng state.
RepresentationInformation estimate_representation_information(const Mixture& mixture, const NoisyCode& code, Rng& rng,
                                                              const RepresentationInformationSettings& settings = {});

// The same estimator in batches, for callers that must not run it in one piece (the engine's ticks): step() draws
// and scores one batch of settings.draws_per_batch joint draws; result() once done(). The same rng state and
// settings give the same numbers as estimate_representation_information (which runs these steps), however the
// steps are spread over calls. The mixture and the code must outlive the estimator and not change meanwhile.
class RepresentationInformationEstimator {
 public:
  // info_x: I(mu; x) by quadrature when the caller has it (Experiment::category_information, the same function on
  // the same grid); NaN computes it here.
  RepresentationInformationEstimator(const Mixture& mixture, const NoisyCode& code,
                                     const RepresentationInformationSettings& settings, double info_x);
  // Draws r ~ P(r|x) at this point of the projection space (K values) instead of joint draws (mu, x, r): loss_kl is
  // then the information lost at x. Call before the first step; the other results then describe that point only.
  void fix_point(const double* x);
  bool done() const { return next_ >= settings_.joint_samples; }
  int draws_done() const { return next_; }
  void step(Rng& rng);  // one batch (nothing when done)
  RepresentationInformation result() const;

 private:
  const Mixture& mixture_;
  const NoisyCode& code_;
  RepresentationInformationSettings settings_;
  int S_local_ = 1;
  double alpha_ = 0.5;
  double prior_precision_[2][2] = {{0.0, 0.0}, {0.0, 0.0}};  // Cov_p(x)^-1 (K, K)
  double info_x_ = 0.0, class_entropy_ = 0.0;
  // The next joint draw, and the per-draw values (R) and sums of the draws so far.
  int next_ = 0;
  bool fixed_ = false;
  std::array<double, 2> fixed_point_ = {0.0, 0.0};
  std::vector<double> paired_entropy_, decoding_, bayes_, code_information_, loss_kl_;
  double correction_sum_ = 0.0, ess_sum_ = 0.0, ess_min_ = 0.0;
};

}  // namespace catgeo
