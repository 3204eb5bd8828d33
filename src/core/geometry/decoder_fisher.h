// The decoder estimate of F_code (spec 1.6 "Empirical estimate", NECO 2022): decode noisy r = f(x) + noise back to
// x-hat by Gauss-Newton on ||f(x') - r||^2 and take Cov(x-hat)^-1 (Cramer-Rao), at points or on a coarse grid in
// chunks. The noise is the code's (additive Gaussian, or Gaussian dropout, whose F_code the least-squares decoder,
// NECO's, need not reach: Cov(x-hat)^-1 <= F_code there). Eigen + std only.
#pragma once
#include <Eigen/Core>
#include <vector>

#include "core/geometry/fisher.h"
#include "core/nn/mlp.h"
#include "core/geometry/noisy_code.h"
#include "core/nn/representation_noise.h"
#include "core/base/rng.h"

namespace catgeo {

struct DecoderSettings {
  int draws = 400;  // T noisy r per point
  // Gauss-Newton steps x' <- x' - (J^T J + lambda diag J^T J)^-1 J^T (f(x') - r) from x' = x, Levenberg-Marquardt
  // damped: a step is kept only when it lowers ||f(x') - r||^2 (lambda / 10), else lambda * 10 and x' stays.
  int gauss_newton_steps = 5;
  double sigma = 0.0;                  // additive noise: its sd, replacing the code's when > 0 (dropout codes: ignored)
  int draws_per_batch = 64;            // draws decoded in one network pass (and one step()); fixed, so chunking never
                                       // changes the numbers
  long long column_multiply_adds = 1;  // work of one column of represent() with its Jacobian, for step()'s report
};

// The noise the draws use: the code's, with settings.sigma for additive noise when > 0.
RepresentationNoise decoder_noise(const NoisyCode& code, const DecoderSettings& settings);

// Settings sized for a network: draws_per_batch so that one batch costs about kSliceMultiplyAdds
// (core/geometry/slice_size.h), and the column cost from its parameter count.
DecoderSettings decoder_settings_for(const Mlp& net, DecoderSettings settings = {});

// One point x. The packed 2x2 matrices hold f11 only in 1-D.
struct DecoderEstimate {
  Sym2 covariance;       // Cov(x-hat) over the T draws (denominator T - 1)
  Sym2 fisher;           // the estimate of F_code: Cov(x-hat)^-1 * (T - K - 2) / (T - 1), unbiased for Gaussian x-hat
  Sym2 jacobian_fisher;  // F_code from the Jacobian at x: J^T J / sigma^2 (dropout: spec 1.6's sum), the value it
                         // estimates at high SNR
};

// |Tr(fisher) - Tr(jacobian_fisher)| / Tr(jacobian_fisher): NaN when the Jacobian trace is not positive, +inf when
// the decoded x-hat have no inverse covariance (all draws decoded to one point).
double trace_relative_error(const DecoderEstimate& estimate);

// The decoder estimate at points (K, P), one point after the other, in chunks: each step() decodes one batch of
// draws of the current point. The random stream is drawn in point order, draw order, unit order, so the result
// depends only on the settings and the Rng, never on how steps are spread over calls. The code must outlive this.
class DecoderFisherProgress {
 public:
  DecoderFisherProgress(const NoisyCode& code, const Eigen::MatrixXd& points, const DecoderSettings& settings);
  bool done() const { return point_ >= points_.cols(); }
  // One batch of draws (nothing once done). Returns its work in multiply-adds (settings.column_multiply_adds per
  // column of represent(), a Jacobian counted as K more columns).
  long long step(Rng& rng);
  const std::vector<DecoderEstimate>& estimates() const { return estimates_; }  // per point, once done

 private:
  void start_point();
  void finish_point();

  const NoisyCode& code_;
  DecoderSettings settings_;
  RepresentationNoise noise_;       // the code's, with settings.sigma
  Eigen::MatrixXd points_;          // (K, P)
  Eigen::Index point_ = 0;          // the current point
  int draws_done_ = 0;              // of the current point
  Eigen::MatrixXd f0_, jacobian0_;  // (N, 1) f(x) and (N, K) df/dx at the current point
  Eigen::MatrixXd decoded_;         // (K, T) x-hat of the current point's draws
  // One batch of B draws: (N, B) noisy r; (K, B) accepted x' and trial points; (N, B) f - r and (N, K*B) df/dx at the
  // trials; (3, B) packed J^T J and (K, B) J^T (f - r) at x'; (B) ||f(x') - r||^2 and damping.
  Eigen::MatrixXd r_, x_, trial_, f_, jacobian_, normal_, gradient_;
  Eigen::VectorXd cost_, damping_;
  Sym2 jacobian_fisher_;
  std::vector<DecoderEstimate> estimates_;
};

// The same in one call (runs DecoderFisherProgress to the end).
std::vector<DecoderEstimate> decoder_fisher(const NoisyCode& code, const Eigen::MatrixXd& points,
                                            const DecoderSettings& settings, Rng& rng);

}  // namespace catgeo
