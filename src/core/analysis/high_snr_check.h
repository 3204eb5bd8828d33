// The paper's condition, measured: the I(mu; r) estimate against its high-SNR approximation for one network state.
// The approximation becomes exact "for wide networks, and more generally in situations of high signal-to-noise ratio"
// (the abstract): a study over widths N of r and noise levels sigma plots both against N / sigma^2. Eigen + std only.
#pragma once
#include <memory>

#include "core/run/experiment.h"
#include "core/geometry/grid_fields.h"
#include "core/geometry/noisy_code.h"
#include "core/information/representation_information.h"
#include "core/base/rng.h"

namespace catgeo {

struct HighSnrCheck {
  int width = 0;             // N, the width of r
  double sigma = 0.0;        // the noise of r (gauss)
  double snr = 0.0;          // N / sigma^2: the runs line up on it
  double info_x = 0.0;       // I(mu; x) by quadrature: the ceiling
  double info_r = 0.0;       // the Monte-Carlo estimate of I(mu; r) (representation_information.h) and its se
  double info_r_se = 0.0;
  double info_r_highsnr = 0.0;  // I(mu; x) - 1/2 E Tr(F_code^-1 F_cat) on information_grid (spec 1.7); -inf where
                                // F_code is singular at a point of the grid
  double relative_gap() const;  // |info_r_highsnr - info_r| / info_r
};

// The check in steps of bounded work (the page's width study runs it in the engine's ticks): the fields of the
// information grid chunk by chunk (Experiment::fill_fields_chunk), then batches of joint draws. The run must outlive
// this object and not train meanwhile. For a mixture scenario with Gaussian noise (needs run.mixture()). The estimator
// draws from derive_seed(training seed, 11), as measure_information does, with settings.draws_per_batch sized for the
// network (slice_size.h): the numbers equal measure_information's for the same joint and proposal samples.
class HighSnrCheckProgress {
 public:
  explicit HighSnrCheckProgress(Experiment& run, RepresentationInformationSettings settings = {});
  HighSnrCheckProgress(const HighSnrCheckProgress&) = delete;  // the code refers to the run's network
  HighSnrCheckProgress& operator=(const HighSnrCheckProgress&) = delete;
  bool done() const { return estimator_ && estimator_->done(); }
  void step();                      // a chunk of fields or a batch of draws
  HighSnrCheck result() const;      // once done

 private:
  Experiment& run_;
  RepresentationInformationSettings settings_;
  GridFields fields_;
  Experiment::FieldProgress field_progress_;
  NetworkCode code_;
  Rng rng_;
  std::unique_ptr<RepresentationInformationEstimator> estimator_;  // once the fields are done
  HighSnrCheck out_;
};

HighSnrCheck high_snr_check(Experiment& run, RepresentationInformationSettings settings = {});

}  // namespace catgeo
