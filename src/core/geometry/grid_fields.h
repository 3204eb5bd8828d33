// Fields on a 1-D or 2-D grid of the projection space: reference posterior/density/F_cat and the
// network's posterior/F_code/self-estimated F_cat, with eigen-decompositions. The overlays' hot path.
#pragma once
#include <Eigen/Core>
#include <vector>

#include "core/data/category_model.h"
#include "core/config/config.h"
#include "core/geometry/fisher.h"
#include "core/nn/mlp.h"

namespace catgeo {

// Point index i = iy * count[0] + ix (x fastest). Coordinates include both ends of each range.
double grid_coordinate(const GridSpec& grid, int axis, int index);
double grid_cell_measure(const GridSpec& grid);  // dx (1-D) or dx*dy (2-D)

struct GridFields {
  GridSpec grid;
  int num_classes = 0;
  Eigen::MatrixXd points;               // (K, P) coordinates
  std::vector<double> axis_x, axis_y;   // (count[0]) and (count[1]) grid coordinates per axis; axis_y = {0} in 1-D
  Eigen::MatrixXd reference_log_joint;  // (M, P) ln q_mu + ln p(x|mu) of the reference model
  Eigen::MatrixXd reference_scores;     // (M*K, P) d/dx_k ln p(x|mu), row mu*K + k
  Eigen::MatrixXd reference_posterior;  // (M, P) P(mu|x) of the reference model
  Eigen::VectorXd density;              // (P) p(x) of the reference model
  Eigen::MatrixXd fcat;                 // (3, P) packed f11, f12, f22 (1-D: f11 only)
  Eigen::MatrixXd fcat_eigen;           // (3, P) lambda_max, lambda_min, top-eigenvector angle
  Eigen::MatrixXd network_posterior;    // (M, P) noiseless read-out
  Eigen::MatrixXd fcode;                // (3, P) F_code = J^T J / sigma^2 (dropout: dropout_code_fisher)
  Eigen::MatrixXd fcode_eigen;          // (3, P)
  Eigen::MatrixXd fcat_self;            // (3, P) F_cat from the network's own softmax ("self-estimated")
  bool has_reference = false, has_network = false;
  // Which reference model filled the reference fields (0: none); lets a caller skip refilling them.
  unsigned long long reference_id = 0;

  int dims() const { return grid.dims; }
  int size() const { return static_cast<int>(points.cols()); }
  static Sym2 unpack(const Eigen::MatrixXd& packed, int i) {
    return {packed(0, i), packed(1, i), packed(2, i)};
  }
  // Allocates every field for this grid and class count (no-op when unchanged).
  void reshape(const GridSpec& spec, int classes);
  // The posteriors, F_cat and F_code are finite everywhere (a diverged network gives NaN).
  bool finite() const;
};

// Fills reference_posterior, density, fcat, fcat_eigen from a reference category model.
void evaluate_reference_fields(const CategoryModel& model, GridFields& fields);
// The same for grid rows [row_begin, row_end) only (the points iy * count[0] + ix of those rows; 1-D grids have one
// row), so that a large grid can be filled in slices; has_reference is set when row_end reaches the last row.
void evaluate_reference_rows(const CategoryModel& model, GridFields& fields, int row_begin, int row_end);
// The same at fields.points, whatever they are (not read from the grid's axes): a cut, a path.
void evaluate_reference_points(const CategoryModel& model, GridFields& fields);
int grid_rows(const GridFields& fields);  // count[1] in 2-D, 1 in 1-D

// Dropout's F_code at one point (spec 1.6): sum_i (1/alpha + 2) grad f_i grad f_i^T / f_i^2 from f (N) and the columns
// df/dx_1 (N) and df/dx_2 (N; nullptr in 1-D) of the Jacobian, with f_i floored at kDropoutMinUnit.
Sym2 dropout_code_fisher(double alpha, const float* f, const float* j0, const float* j1, int N);

// Fills network_posterior, fcode, fcode_eigen, fcat_self; chunked batches, no per-point allocation.
class NetworkFieldEvaluator {
 public:
  void evaluate(const Mlp& net, GridFields& fields) { evaluate(net, fields, 0, fields.size()); }
  // Points [begin, end) only, so that a large grid can be filled in slices; has_network is set when end reaches
  // the last point.
  void evaluate(const Mlp& net, GridFields& fields, int begin, int end);

 private:
  MatrixF codes_;  // (K, chunk)
  ProjectionProbe probe_;
};

}  // namespace catgeo
