// Fisher informations on the projection space (spec 1.5, 1.6): categorical, neural, and 2x2 eigen-analysis.
// Symmetric KxK matrices are stored packed as (f11, f12, f22); in 1-D only f11 is used (f12 = f22 = 0).
#pragma once

namespace catgeo {

constexpr int kMaxClasses = 16;

struct Sym2 {
  double f11 = 0.0, f12 = 0.0, f22 = 0.0;
  double trace() const { return f11 + f22; }
};

// Eigen-decomposition of a symmetric 2x2 matrix: lambda_max >= lambda_min, top eigenvector angle in
// radians, in (-pi/2, pi/2] (an eigenvector has no sign, so angles are defined modulo pi).
struct SymEigen2 {
  double lambda_max = 0.0, lambda_min = 0.0, angle = 0.0;
};
SymEigen2 eigen_sym2(const Sym2& f);

// Posterior and density from per-class log joints (log-sum-exp): posterior[mu] = P(mu|x); returns
// ln p(x). Classes with log_joint = -inf get posterior 0. Returns -inf when every class has -inf.
double posterior_from_log_joint(const double* log_joint, int num_classes, double* posterior);

// Score-covariance form F_cat = Cov_{mu ~ P(.|x)}[grad ln p(x|mu)] (spec 1.5, 2.5).
// scores: K*M values, class-major (scores[mu*K + k]).
Sym2 categorical_fisher_from_scores(const double* posterior, const double* scores, int num_classes, int dims);

// Softmax form F_cat = J_z^T (diag P - P P^T) J_z for a network read-out (the "self-estimated" F_cat).
// logit_jacobian: M*K values, class-major (logit_jacobian[mu*K + k] = d z_mu / d x_k).
Sym2 categorical_fisher_from_softmax(const double* posterior, const double* logit_jacobian, int num_classes,
                                     int dims);

// Tr(A^{-1} B) for symmetric positive A (pseudo-inverse with a relative ridge when A is near-singular).
double trace_inverse_product(const Sym2& a, const Sym2& b, int dims);

}  // namespace catgeo
