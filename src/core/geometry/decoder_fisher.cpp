// The decoder estimate of F_code: noisy draws of r, Gauss-Newton decoding to x-hat, inverse covariance.
#include "core/geometry/decoder_fisher.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/check.h"
#include "core/geometry/slice_size.h"

namespace catgeo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The inverse of a symmetric positive K x K matrix (NaN when it is not positive definite).
Sym2 inverse(const Sym2& a, int dims) {
  Sym2 out;
  if (dims == 1) {
    out.f11 = a.f11 > 0.0 ? 1.0 / a.f11 : kNaN;
    return out;
  }
  const double det = a.f11 * a.f22 - a.f12 * a.f12;
  if (!(det > 0.0) || !(a.f11 > 0.0)) return {kNaN, kNaN, kNaN};
  return {a.f22 / det, -a.f12 / det, a.f11 / det};
}

// Levenberg-Marquardt damping lambda of (J^T J + lambda diag(J^T J)) d = -J^T (f - r): starts almost at Gauss-Newton.
constexpr double kInitialDamping = 1e-3;
constexpr double kMinimumDamping = 1e-9;

// J^T J packed (a11, a12, a22) and J^T residual (K) for the Jacobian columns of point `column` (N, K per point).
void normal_equations(const Eigen::MatrixXd& jacobian, int column, const Eigen::Ref<const Eigen::VectorXd>& residual,
                      double* normal, double* gradient, int dims) {
  const auto j0 = jacobian.col(column * dims);
  normal[0] = j0.squaredNorm();
  gradient[0] = j0.dot(residual);
  normal[1] = normal[2] = 0.0;
  if (dims == 1) return;
  const auto j1 = jacobian.col(column * dims + 1);
  normal[1] = j0.dot(j1);
  normal[2] = j1.squaredNorm();
  gradient[1] = j1.dot(residual);
}

// trial = x + d with (A + lambda diag A) d = -g; trial = x when that system is singular (saturated units).
void propose(const double* normal, const double* gradient, double damping, int dims, const double* x, double* trial) {
  const double b11 = normal[0] * (1.0 + damping);
  trial[0] = x[0];
  if (dims == 1) {
    if (b11 > 0.0) trial[0] = x[0] - gradient[0] / b11;
    return;
  }
  trial[1] = x[1];
  const double b22 = normal[2] * (1.0 + damping), b12 = normal[1];
  const double det = b11 * b22 - b12 * b12;
  if (!(det > 0.0)) return;
  trial[0] = x[0] - (b22 * gradient[0] - b12 * gradient[1]) / det;
  trial[1] = x[1] - (b11 * gradient[1] - b12 * gradient[0]) / det;
}

}  // namespace

RepresentationNoise decoder_noise(const NoisyCode& code, const DecoderSettings& settings) {
  RepresentationNoise noise = code.noise();
  if (!noise.dropout() && settings.sigma > 0.0) noise.sigma = settings.sigma;
  return noise;
}

DecoderSettings decoder_settings_for(const Mlp& net, DecoderSettings settings) {
  const long long passes = static_cast<long long>(settings.gauss_newton_steps) * (1 + net.projection_dim());
  settings.draws_per_batch = columns_per_slice(net, passes, std::max(8, settings.draws));
  settings.column_multiply_adds = static_cast<long long>(net.parameters().size());
  return settings;
}

double trace_relative_error(const DecoderEstimate& e) {
  const double reference = e.jacobian_fisher.trace();
  if (!(reference > 0.0)) return kNaN;
  if (!std::isfinite(e.fisher.trace())) return std::numeric_limits<double>::infinity();  // the decoding failed
  return std::fabs(e.fisher.trace() - reference) / reference;
}

DecoderFisherProgress::DecoderFisherProgress(const NoisyCode& code, const Eigen::MatrixXd& points,
                                             const DecoderSettings& settings)
    : code_(code), settings_(settings), points_(points) {
  CATGEO_CHECK(points.rows() == code.projection_dim(), "decoder points must be (K, P) in the code's space");
  CATGEO_CHECK(settings.draws >= code.projection_dim() + 3, "the decoder estimate needs at least K + 3 draws");
  CATGEO_CHECK(settings.gauss_newton_steps >= 1 && settings.draws_per_batch >= 1, "decoder settings out of range");
  noise_ = decoder_noise(code, settings);
  estimates_.reserve(static_cast<size_t>(points.cols()));
  if (!done()) start_point();
}

void DecoderFisherProgress::start_point() {
  const int K = code_.projection_dim();
  code_.represent(points_.col(point_), f0_, &jacobian0_);
  // Unit weights w_i of F_code = sum_i w_i grad f_i grad f_i^T: 1 / sigma^2, or dropout's (1 / alpha + 2) / f_i^2.
  jacobian_fisher_ = {};
  for (Eigen::Index i = 0; i < f0_.rows(); ++i) {
    const double w =
        noise_.dropout() ? dropout_fisher_weight(noise_.alpha, f0_(i, 0)) : 1.0 / (noise_.sigma * noise_.sigma);
    const double d0 = jacobian0_(i, 0), d1 = K == 2 ? jacobian0_(i, 1) : 0.0;
    jacobian_fisher_.f11 += w * d0 * d0;
    jacobian_fisher_.f12 += w * d0 * d1;
    jacobian_fisher_.f22 += w * d1 * d1;
  }
  decoded_.resize(K, settings_.draws);
  draws_done_ = 0;
}

long long DecoderFisherProgress::step(Rng& rng) {
  if (done()) return 0;
  const int K = code_.projection_dim();
  const int batch = std::min(settings_.draws_per_batch, settings_.draws - draws_done_);
  const Eigen::Index N = f0_.rows();
  long long columns = draws_done_ == 0 ? 1 + K : 0;  // start_point's pass at x
  // r = f(x) + sigma z (or f(x) (1 + xi)), one column per draw, drawn unit by unit. At x' = x the Jacobian is the
  // point's: no pass needed.
  r_.resize(N, batch);
  for (int b = 0; b < batch; ++b)
    for (Eigen::Index i = 0; i < N; ++i) {
      const double f = f0_(i, 0), z = rng.normal();
      r_(i, b) = noise_.dropout() ? dropout_sample(noise_.alpha, f, z) : f + noise_.sigma * z;
    }
  x_ = points_.col(point_).replicate(1, batch);
  normal_.resize(3, batch);
  gradient_.resize(K, batch);
  cost_.resize(batch);
  damping_.setConstant(batch, kInitialDamping);
  f_ = (-r_).colwise() + f0_.col(0);  // (N, B) residuals f(x) - r at the start
  for (int b = 0; b < batch; ++b) {
    cost_(b) = f_.col(b).squaredNorm();
    normal_equations(jacobian0_, 0, f_.col(b), normal_.col(b).data(), gradient_.col(b).data(), K);
  }
  trial_.resize(K, batch);
  for (int s = 0; s < settings_.gauss_newton_steps; ++s) {
    for (int b = 0; b < batch; ++b)
      propose(normal_.col(b).data(), gradient_.col(b).data(), damping_(b), K, x_.col(b).data(), trial_.col(b).data());
    code_.represent(trial_, f_, &jacobian_);
    columns += static_cast<long long>(batch) * (1 + K);
    f_ -= r_;  // (N, B) residuals f(x') - r at the trial points
    for (int b = 0; b < batch; ++b) {
      const double cost = f_.col(b).squaredNorm();
      if (!(cost < cost_(b))) {  // not lower: keep x', damp more (towards a short gradient step)
        damping_(b) *= 10.0;
        continue;
      }
      x_.col(b) = trial_.col(b);
      cost_(b) = cost;
      damping_(b) = std::max(kMinimumDamping, damping_(b) / 10.0);
      normal_equations(jacobian_, b, f_.col(b), normal_.col(b).data(), gradient_.col(b).data(), K);
    }
  }
  decoded_.middleCols(draws_done_, batch) = x_;
  draws_done_ += batch;
  if (draws_done_ >= settings_.draws) finish_point();
  return columns * settings_.column_multiply_adds;
}

void DecoderFisherProgress::finish_point() {
  const int K = code_.projection_dim();
  const int T = settings_.draws;
  const Eigen::VectorXd mean = decoded_.rowwise().mean();                 // (K)
  const Eigen::MatrixXd centred = decoded_.colwise() - mean;              // (K, T)
  const Eigen::MatrixXd cov = centred * centred.transpose() / (T - 1.0);  // (K, K)
  DecoderEstimate e;
  e.covariance.f11 = cov(0, 0);
  if (K == 2) {
    e.covariance.f12 = cov(0, 1);
    e.covariance.f22 = cov(1, 1);
  }
  e.fisher = inverse(e.covariance, K);
  const double unbiased = (T - K - 2.0) / (T - 1.0);
  e.fisher.f11 *= unbiased;
  e.fisher.f12 *= unbiased;
  e.fisher.f22 *= unbiased;
  e.jacobian_fisher = jacobian_fisher_;
  estimates_.push_back(e);
  ++point_;
  if (!done()) start_point();
}

std::vector<DecoderEstimate> decoder_fisher(const NoisyCode& code, const Eigen::MatrixXd& points,
                                            const DecoderSettings& settings, Rng& rng) {
  DecoderFisherProgress progress(code, points, settings);
  while (!progress.done()) progress.step(rng);
  return progress.estimates();
}

}  // namespace catgeo
