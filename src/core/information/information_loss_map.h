// Where the noise of r costs information: the loss at each point x of a grid, L(x) = E_{r|x} KL(P(.|x) || P(.|r)),
// by Monte-Carlo (core/information/representation_information.h, fix_point), and its p(x)-average. Eigen + std only.
#pragma once
#include <cstdint>

#include <Eigen/Core>

#include "core/config/config.h"
#include "core/data/mixture.h"
#include "core/geometry/noisy_code.h"

namespace catgeo {

// For the chain mu -> x -> r, E_{mu,x,r} ln[P(mu|x) / P(mu|r)] = I(mu; x) - I(mu; r), and since mu and r are
// independent given x, the inner mean over mu is KL(P(.|x) || P(.|r)): L(x) averaged with p(x) is the information the
// layer loses. At high SNR, L(x) -> 1/2 Tr(F_code^-1 F_cat)(x) (spec 1.7; metrics.h information_loss is its average):
// the loss sits where F_cat is large unless F_code is large there too.
struct InformationLossSettings {
  int draws_per_point = 32;    // T draws of r ~ P(r|x) per grid point
  int proposal_samples = 48;   // S importance-sampling points per draw (the I(mu; r) estimator's)
};

struct InformationLossMap {
  GridSpec grid;
  Eigen::MatrixXd points;   // (K, P) grid points, x fastest
  Eigen::VectorXd loss;     // (P) L(x), nats (Monte-Carlo, first-order bias corrected)
  Eigen::VectorXd loss_se;  // (P) its standard error over the T draws
  Eigen::VectorXd density;  // (P) p(x) of the mixture
  Eigen::VectorXd fcat_trace;  // (P) tr F_cat of the mixture (1-D: F_cat)
  double average = 0.0;     // sum_x w(x) L(x), w = p(x) normalised to sum 1 on the grid: ~ I(mu; x) - I(mu; r)
  double average_se = 0.0;  // sqrt(sum_x w(x)^2 se(x)^2) (the points' draws are independent)
};

// Where the loss sits: its p(x)-weighted mean per point near the boundary (tr F_cat >= kNearBoundary of its largest
// value on the grid) and elsewhere, the share of the p(x)-weighted loss near the boundary, and the same mean of another
// field there (the high-SNR form, when given). NaN for an empty region.
constexpr double kNearBoundary = 0.25;
struct LossRegions {
  double near_boundary = 0.0, elsewhere = 0.0, share_near_boundary = 0.0, other_near_boundary = 0.0;
};
// All (P): the map's loss and density, tr F_cat at its points, and optionally another field (nullptr: NaN).
LossRegions loss_by_region(const Eigen::VectorXd& loss, const Eigen::VectorXd& density,
                           const Eigen::VectorXd& fcat_trace, const Eigen::VectorXd* other = nullptr);

// The grid of the map: every class to +-4 standard deviations per axis, 81 points in 1-D, 21 x 21 in 2-D.
GridSpec information_loss_grid(const Mixture& mixture);

// The map in steps of one grid point (the page's engine runs it under a time budget; any spread of the steps over
// calls gives the same numbers: point i draws from its own stream derive_seed(seed, i)). The mixture and the code
// must outlive this object and not change meanwhile; code.projection_dim() == mixture.dims().
class InformationLossMapProgress {
 public:
  InformationLossMapProgress(const Mixture& mixture, const NoisyCode& code, const GridSpec& grid, std::uint64_t seed,
                             const InformationLossSettings& settings = {});
  bool done() const { return next_ >= map_.points.cols(); }
  int points_done() const { return next_; }
  void step();  // one grid point (nothing when done)
  const InformationLossMap& result() const;  // once done

 private:
  const Mixture& mixture_;
  const NoisyCode& code_;
  std::uint64_t seed_;
  InformationLossSettings settings_;
  int next_ = 0;
  InformationLossMap map_;
};

InformationLossMap information_loss_map(const Mixture& mixture, const NoisyCode& code, const GridSpec& grid,
                                        std::uint64_t seed, const InformationLossSettings& settings = {});

}  // namespace catgeo
