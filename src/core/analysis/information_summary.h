// The information side of a run at its current parameters (spec 1.3, 1.7, 1.10, 1.11): I(mu; r) with its error, the
// coding/decoding split, the bias-variance averages, the high-SNR forms. For the CLI and the JSON reports. Eigen + std.
#pragma once
#include "core/information/bias_variance.h"
#include "core/run/experiment.h"
#include "core/information/information_loss_map.h"
#include "core/information/representation_information.h"

namespace catgeo {

struct InformationSettings {
  RepresentationInformationSettings estimator;  // I(mu; r): R joint draws, S proposal points per draw
  int noise_samples = 256;                      // T draws of r per grid point of the bias-variance decomposition
};

// Every value in nats; NaN when not available (see each line).
struct InformationSummary {
  // Mixture scenarios only (they need the exact p(x|mu); NaN for drawn points and MNIST):
  double info_r = 0.0;         // I(mu; r), Monte-Carlo estimate (representation_information.h)
  double info_r_se = 0.0;      // its standard error (also that of coding_cost)
  double coding_cost = 0.0;    // H(mu) - I(mu; r)
  double decoding_cost = 0.0;  // E KL(P(.|r) || g(.|r)) of the read-out, paired on the same draws
  double decoding_cost_se = 0.0;
  double bayes_cost = 0.0;  // E[-ln g(mu|r)] = coding_cost + decoding_cost
  double info_xr = 0.0;     // I(x; r), Monte-Carlo on the same draws as info_r, and its standard error
  double info_xr_se = 0.0;
  double info_xr_highsnr = 0.0;         // I(x; r) ~ H(x) + 1/2 E ln det F_code - K/2 ln(2 pi e) (high-SNR form)
  double info_r_bias_correction = 0.0;  // the estimator's first-order bias correction (diagnostic)
  double ess_fraction = 0.0;            // its mean effective sample size over S (diagnostic)
  // With an exact I(mu; x) only (NaN otherwise):
  double info_r_highsnr = 0.0;  // I(mu; x) - 1/2 E Tr(F_code^-1 F_cat) (spec 1.7, valid at high SNR)
  // Every scenario (the reference posterior and F_cat are estimated by a KDE for drawn points and MNIST):
  double bv_noise = 0.0, bv_bias = 0.0, bv_variance = 0.0;  // p(x)-weighted averages over the metric grid
  double bv_cross_entropy = 0.0;                            // their sum, the expected cross-entropy
  double fcode_over_fcat_cv = 0.0;  // CV of tr F_code / tr F_cat over the category-relevant region
  // Every scenario: I(mu; x) of the projection by the KDE of the training points read at the test points
  // (kde_information.h), and its se: the projection found (part (i) of the claim) where no exact p(x|mu) exists.
  double info_x_kde = 0.0, info_x_kde_se = 0.0;
};

// The grid of the p(x)-averages and of info_r_highsnr: for a mixture, every class to +-5 standard deviations per axis
// (401 points in 1-D, 61 x 61 in 2-D), so that the averages see the whole mass (a preset's metric grid can cut the
// tails: E5's [-2, 2]^2 keeps 2.1 class sd); otherwise the metric grid (Experiment::current_grid: the bounding box of
// the codes). So info_r_highsnr = I(mu; x) - info_loss up to the metric grid's truncation of info_loss.
GridSpec information_grid(Experiment& run);

// A check that the engine's repeated measurement leaves out (it costs more): the p(x)-average of the information-loss
// map (mixtures only; NaN otherwise), which estimates I(mu; x) - I(mu; r) independently of info_r's joint draws.
struct InformationChecks {
  double info_loss_mc = 0.0, info_loss_mc_se = 0.0;  // nats
  LossRegions loss_regions;  // where the map's loss sits (information_loss_map.h loss_by_region)
};
// The loss map draws from derive_seed(training seed, 14) on information_loss_grid: the states before and after
// training see the same streams.
InformationChecks measure_information_checks(const Experiment& run, const InformationLossSettings& settings = {});

}  // namespace catgeo
