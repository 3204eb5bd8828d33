// The information measures of one network state (core/analysis/information_summary.h) in chunks of bounded work, on a
// copy of the network, so that the run can train on meanwhile and a caller with a time budget (the engine) never waits
// long. Eigen + std only.
#pragma once
#include <memory>

#include "core/information/bias_variance.h"
#include "core/run/experiment.h"
#include "core/geometry/grid_fields.h"
#include "core/analysis/information_summary.h"
#include "core/analysis/kde_information.h"
#include "core/geometry/kde_posterior.h"
#include "core/nn/mlp.h"
#include "core/geometry/noisy_code.h"
#include "core/information/representation_information.h"
#include "core/base/rng.h"

namespace catgeo {

// The page's schedule (the engine's): epoch 0, every information_interval(epochs) epochs, and the last epoch, where
// epochs is the run's training length. The interval is max(1, epochs / 10): about a dozen measurements per run.
int information_interval(int epochs);
bool information_due(int epoch, int epochs);

// measure_information in steps. The constructor takes what the measurement needs from the run at its current
// parameters: the information grid, a copy of the network (its parameter vector and shape), the reference model (the
// run's mixture, which the run owns and must outlive this object; or a copy of the KDE of drawn points or of the
// current codes), the seeds, I(mu; x) and H(x). That is cheap when the run's codes and reference are current (after a
// measured epoch: the metrics needed them); otherwise it projects the codes and builds the KDE in one piece.
// Each step() then does one chunk, sized by work (core/geometry/slice_size.h), never by time:
//   reference  rows of the reference fields on the information grid (kReferencePointsPerSlice points)
//   network    grid points of the network fields (grid_points_per_slice)
//   bias       grid points of the bias-variance decomposition (bias_variance_points_per_slice: T read-out passes each)
//   estimator  joint draws of the I(mu; r) estimator (information_draws_per_batch; mixtures only)
//   projection test samples projected and read by the KDE of the training projections (samples_per_slice): the
//              KDE estimate of I(mu; x) (kde_information.h)
// so the result does not depend on how the steps are spread over calls and equals measure_information of the same
// state bit for bit (measure_information runs these steps).
class InformationProgress {
 public:
  explicit InformationProgress(Experiment& run, const InformationSettings& settings = {});
  InformationProgress(const InformationProgress&) = delete;  // the code refers to the copied network
  InformationProgress& operator=(const InformationProgress&) = delete;

  bool done() const { return phase_ == Phase::done; }
  // One chunk (nothing once done). Returns its work in multiply-adds (an estimate in the units of slice_size.h:
  // a chunk of reference rows counts as kSliceMultiplyAdds per kReferencePointsPerSlice points).
  long long step();
  int epoch() const { return epoch_; }  // the run's completed epochs when measured
  int steps() const { return steps_; }  // chunks so far
  // Once done:
  const InformationSummary& summary() const;
  const BiasVarianceField& bias_variance() const { return bias_variance_; }  // per point of fields().grid
  const GridFields& fields() const { return fields_; }                       // the information grid's fields

 private:
  enum class Phase { reference, network, bias_variance, estimator, projection, done };
  void start_bias_variance_phase();
  void start_estimator_phase();
  void finish_estimator();
  void start_projection_phase();

  InformationSettings settings_;
  int epoch_ = 0;
  int steps_ = 0;
  Phase phase_ = Phase::reference;
  Mlp net_;                            // the measured parameters
  NetworkCode code_;                   // of net_
  std::unique_ptr<KdePosterior> kde_;  // a copy of the run's KDE reference (estimated references only)
  const CategoryModel* reference_ = nullptr;
  const Mixture* mixture_ = nullptr;  // the run's (nullptr for estimated references)
  double info_x_ = 0.0, entropy_x_ = 0.0;
  GridFields fields_;
  NetworkFieldEvaluator evaluator_;
  int reference_row_ = 0, next_point_ = 0;  // the next row / point of the fields, then of the decomposition
  Rng bias_variance_rng_, estimator_rng_;
  BiasVarianceField bias_variance_;
  std::unique_ptr<RepresentationInformationEstimator> estimator_;
  // The KDE estimate of I(mu; x): the run's test set (the run owns it, as the mixture), the KDE of the training
  // projections (kde_, the reference's copy, for learned codes; built here otherwise) and the sums so far.
  const Dataset* test_data_ = nullptr;
  std::unique_ptr<KdePosterior> information_kde_;
  std::unique_ptr<KdeInformationAccumulator> kde_information_;
  int next_sample_ = 0;
  InformationSummary out_;
};

// Evaluates the information grid's fields and the estimators with their own random streams, in one piece (every step
// of InformationProgress above, which a caller with a time budget runs itself), derived from the training seed: the
// same seed gives the same numbers, and the states before and after training see the same joint draws (common random
// numbers, so their difference is less noisy than either).
InformationSummary measure_information(Experiment& run, const InformationSettings& settings = {});

}  // namespace catgeo
