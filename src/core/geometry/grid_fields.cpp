// Grid evaluation of reference and network fields (posterior, density, F_cat, F_code, eigen-data).
#include "core/geometry/grid_fields.h"

#include <algorithm>
#include <cmath>

#include "core/base/check.h"

namespace catgeo {
namespace {

constexpr int kChunk = 256;

void store(Eigen::MatrixXd& packed, Eigen::MatrixXd& eigen, int i, const Sym2& f) {
  packed(0, i) = f.f11;
  packed(1, i) = f.f12;
  packed(2, i) = f.f22;
  const SymEigen2 e = eigen_sym2(f);
  eigen(0, i) = e.lambda_max;
  eigen(1, i) = e.lambda_min;
  eigen(2, i) = e.angle;
}

}  // namespace

Sym2 dropout_code_fisher(double alpha, const float* f, const float* j0, const float* j1, int N) {
  Sym2 code;
  for (int u = 0; u < N; ++u) {
    const double w = dropout_fisher_weight(alpha, f[u]), d0 = j0[u];
    code.f11 += w * d0 * d0;
    if (j1) {
      code.f12 += w * d0 * j1[u];
      code.f22 += w * static_cast<double>(j1[u]) * j1[u];
    }
  }
  return code;
}

double grid_coordinate(const GridSpec& grid, int axis, int index) {
  const int n = grid.count[axis];
  if (n <= 1) return 0.5 * (grid.lo[axis] + grid.hi[axis]);
  return grid.lo[axis] + (grid.hi[axis] - grid.lo[axis]) * index / (n - 1);
}

double grid_cell_measure(const GridSpec& grid) {
  double measure = 1.0;
  for (int axis = 0; axis < grid.dims; ++axis)
    if (grid.count[axis] > 1) measure *= (grid.hi[axis] - grid.lo[axis]) / (grid.count[axis] - 1);
  return measure;
}

bool GridFields::finite() const {
  for (const Eigen::MatrixXd* m : {&network_posterior, &fcode, &reference_posterior, &fcat}) {
    if (m->size() > 0 && !m->allFinite()) return false;
  }
  return true;
}

void GridFields::reshape(const GridSpec& spec, int classes) {
  grid = spec;
  num_classes = classes;
  const int P = spec.size();
  const int K = spec.dims;
  points.resize(K, P);
  axis_x.resize(spec.count[0]);
  for (int ix = 0; ix < spec.count[0]; ++ix) axis_x[ix] = grid_coordinate(spec, 0, ix);
  axis_y.assign(K == 2 ? spec.count[1] : 1, 0.0);
  for (int iy = 0; K == 2 && iy < spec.count[1]; ++iy) axis_y[iy] = grid_coordinate(spec, 1, iy);
  for (int i = 0; i < P; ++i) {
    points(0, i) = axis_x[i % spec.count[0]];
    if (K == 2) points(1, i) = axis_y[i / spec.count[0]];
  }
  reference_log_joint.resize(classes, P);
  reference_scores.resize(classes * K, P);
  reference_posterior.resize(classes, P);
  density.resize(P);
  fcat.resize(3, P);
  fcat_eigen.resize(3, P);
  network_posterior.resize(classes, P);
  fcode.resize(3, P);
  fcode_eigen.resize(3, P);
  fcat_self.resize(3, P);
  has_reference = has_network = false;
  reference_id = 0;
}

int grid_rows(const GridFields& fields) { return static_cast<int>(fields.axis_y.size()); }

void evaluate_reference_fields(const CategoryModel& model, GridFields& fields) {
  evaluate_reference_rows(model, fields, 0, grid_rows(fields));
}

namespace {

// Density, posterior and F_cat of points [first, last) from their class terms (reference_log_joint, _scores).
void reference_from_class_terms(GridFields& fields, int first, int last, int M, int K) {
  double posterior[kMaxClasses];
  for (int i = first; i < last; ++i) {
    const double* scores = fields.reference_scores.col(i).data();
    const double log_density = posterior_from_log_joint(fields.reference_log_joint.col(i).data(), M, posterior);
    fields.density(i) = std::exp(log_density);
    for (int mu = 0; mu < M; ++mu) fields.reference_posterior(mu, i) = posterior[mu];
    store(fields.fcat, fields.fcat_eigen, i, categorical_fisher_from_scores(posterior, scores, M, K));
  }
}

}  // namespace

void evaluate_reference_rows(const CategoryModel& model, GridFields& fields, int row_begin, int row_end) {
  const int K = model.dims();
  const int M = model.num_classes();
  CATGEO_CHECK(K == fields.dims() && M == fields.num_classes, "fields shaped for another model");
  row_end = std::min(row_end, grid_rows(fields));
  if (row_end <= row_begin) return;
  const int nx = static_cast<int>(fields.axis_x.size());
  const int first = row_begin * nx, last = row_end * nx;  // the points of those rows
  model.class_terms_on_grid(fields.axis_x.data(), nx, fields.axis_y.data() + row_begin, row_end - row_begin,
                            fields.reference_log_joint.col(first).data(), fields.reference_scores.col(first).data());
  reference_from_class_terms(fields, first, last, M, K);
  if (row_end == grid_rows(fields)) fields.has_reference = true;
}

void evaluate_reference_points(const CategoryModel& model, GridFields& fields) {
  const int K = model.dims();
  const int M = model.num_classes();
  CATGEO_CHECK(K == fields.dims() && M == fields.num_classes, "fields shaped for another model");
  for (int i = 0; i < fields.size(); ++i)
    model.class_terms(fields.points.col(i).data(), fields.reference_log_joint.col(i).data(),
                      fields.reference_scores.col(i).data());
  reference_from_class_terms(fields, 0, fields.size(), M, K);
  fields.has_reference = true;
}

void NetworkFieldEvaluator::evaluate(const Mlp& net, GridFields& fields, int begin, int end) {
  const int K = fields.dims();
  const int M = fields.num_classes;
  CATGEO_CHECK(net.projection_dim() == K && net.num_classes() == M, "network and grid disagree in shape");
  const RepresentationNoise& noise = net.noise();
  const double inv_var = 1.0 / (noise.sigma * noise.sigma);
  double posterior[kMaxClasses], logit_grad[2 * kMaxClasses];
  end = std::min(end, fields.size());
  for (int start = begin; start < end; start += kChunk) {
    const int count = std::min(kChunk, end - start);
    codes_ = fields.points.middleCols(start, count).cast<float>();
    net.probe_projection(codes_, probe_);
    for (int b = 0; b < count; ++b) {
      const int i = start + b;
      for (int mu = 0; mu < M; ++mu) {
        posterior[mu] = probe_.probabilities(mu, b);
        fields.network_posterior(mu, i) = posterior[mu];
        for (int k = 0; k < K; ++k) logit_grad[mu * K + k] = probe_.logit_jacobian(mu, b * K + k);
      }
      const Eigen::Index N = probe_.jacobian.rows();
      const float* j0 = probe_.jacobian.col(b * K).data();
      const float* j1 = K == 2 ? probe_.jacobian.col(b * K + 1).data() : nullptr;
      Sym2 code;
      if (noise.dropout()) {
        code = dropout_code_fisher(noise.alpha, probe_.representation.col(b).data(), j0, j1, N);
      } else {
        code.f11 = dot(j0, j0, N) * inv_var;
        if (K == 2) {
          code.f12 = dot(j0, j1, N) * inv_var;
          code.f22 = dot(j1, j1, N) * inv_var;
        }
      }
      store(fields.fcode, fields.fcode_eigen, i, code);
      const Sym2 self = categorical_fisher_from_softmax(posterior, logit_grad, M, K);
      fields.fcat_self(0, i) = self.f11;
      fields.fcat_self(1, i) = self.f12;
      fields.fcat_self(2, i) = self.f22;
    }
  }
  fields.has_network = end == fields.size();
}

}  // namespace catgeo
