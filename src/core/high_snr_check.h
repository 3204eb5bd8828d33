// The paper's condition, measured: the I(mu; r) estimate against its high-SNR approximation for one network state.
// The approximation becomes exact "for wide networks, and more generally in situations of high signal-to-noise ratio"
// (the abstract): a study over widths N of r and noise levels sigma plots both against N / sigma^2. Eigen + std only.
#pragma once
#include "core/experiment.h"
#include "core/representation_information.h"

namespace catgeo {

struct HighSnrCheck {
  int width = 0;             // N, the width of r
  double sigma = 0.0;        // the noise of r (gauss)
  double snr = 0.0;          // N / sigma^2: the runs line up on it
  double info_x = 0.0;       // I(mu; x) by quadrature: the ceiling
  double info_r = 0.0;       // the Monte-Carlo estimate of I(mu; r) (representation_information.h) and its se
  double info_r_se = 0.0;
  double info_r_highsnr = 0.0;  // I(mu; x) - 1/2 E Tr(F_code^-1 F_cat) on information_grid (spec 1.7)
  double relative_gap() const;  // |info_r_highsnr - info_r| / info_r
};

// For a mixture scenario with Gaussian noise (needs run.mixture()). The estimator draws from derive_seed(training
// seed, 11), as measure_information does; settings.draws_per_batch is sized for the network (slice_size.h), so the
// numbers equal measure_information's for the same joint_samples and proposal_samples.
HighSnrCheck high_snr_check(Experiment& run, RepresentationInformationSettings settings = {});

}  // namespace catgeo
