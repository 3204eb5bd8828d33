// The information lost at each grid point by Monte-Carlo, and its p(x)-average.
#include "core/information/information_loss_map.h"

#include <cmath>
#include <limits>

#include "core/base/check.h"
#include "core/geometry/grid_fields.h"
#include "core/information/information.h"
#include "core/information/representation_information.h"
#include "core/base/rng.h"
#include "core/nn/trainer.h"

namespace catgeo {

GridSpec information_loss_grid(const Mixture& mixture) { return class_covering_grid(mixture, 4.0, 81, 21); }

LossRegions loss_by_region(const Eigen::VectorXd& loss, const Eigen::VectorXd& density,
                           const Eigen::VectorXd& fcat_trace, const Eigen::VectorXd* other) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double threshold = kNearBoundary * fcat_trace.maxCoeff();
  double near = 0, near_weight = 0, far = 0, far_weight = 0, other_near = 0;
  for (Eigen::Index i = 0; i < loss.size(); ++i) {
    const double w = density(i);
    if (fcat_trace(i) >= threshold) {
      near += w * loss(i), near_weight += w;
      if (other) other_near += w * (*other)(i);
    } else {
      far += w * loss(i), far_weight += w;
    }
  }
  LossRegions out;
  out.near_boundary = near_weight > 0 ? near / near_weight : nan;
  out.elsewhere = far_weight > 0 ? far / far_weight : nan;
  out.share_near_boundary = near + far > 0 ? near / (near + far) : nan;
  out.other_near_boundary = other && near_weight > 0 ? other_near / near_weight : nan;
  return out;
}

InformationLossMapProgress::InformationLossMapProgress(const Mixture& mixture, const NoisyCode& code,
                                                       const GridSpec& grid, std::uint64_t seed,
                                                       const InformationLossSettings& settings)
    : mixture_(mixture), code_(code), seed_(seed), settings_(settings) {
  CATGEO_CHECK(code.projection_dim() == mixture.dims(), "the code must live on the mixture's projection space");
  CATGEO_CHECK(settings.draws_per_point >= 2, "at least 2 draws per point (for a standard error)");
  GridFields reference;
  reference.reshape(grid, mixture.num_classes());
  evaluate_reference_fields(mixture, reference);
  map_.grid = grid;
  map_.points = reference.points;
  map_.density = reference.density;
  map_.fcat_trace.resize(reference.size());
  for (int i = 0; i < reference.size(); ++i) map_.fcat_trace(i) = GridFields::unpack(reference.fcat, i).trace();
  map_.loss = Eigen::VectorXd::Zero(reference.size());
  map_.loss_se = Eigen::VectorXd::Zero(reference.size());
}

void InformationLossMapProgress::step() {
  if (done()) return;
  RepresentationInformationSettings estimator;
  estimator.joint_samples = settings_.draws_per_point;
  estimator.proposal_samples = settings_.proposal_samples;
  estimator.draws_per_batch = settings_.draws_per_point;
  // info_x is not used by the loss at a point: 0 skips its quadrature.
  RepresentationInformationEstimator at_point(mixture_, code_, estimator, 0.0);
  at_point.fix_point(map_.points.col(next_).data());
  Rng rng(derive_seed(seed_, static_cast<std::uint64_t>(next_)));
  while (!at_point.done()) at_point.step(rng);
  const RepresentationInformation result = at_point.result();
  map_.loss(next_) = result.loss_kl;
  map_.loss_se(next_) = result.loss_kl_se;
  if (++next_ < map_.points.cols()) return;
  const double total = map_.density.sum();
  double variance = 0.0;
  map_.average = 0.0;
  for (Eigen::Index i = 0; i < map_.loss.size(); ++i) {
    const double w = map_.density(i) / total;
    map_.average += w * map_.loss(i);
    variance += w * w * map_.loss_se(i) * map_.loss_se(i);
  }
  map_.average_se = std::sqrt(variance);
}

const InformationLossMap& InformationLossMapProgress::result() const {
  CATGEO_CHECK(done(), "the loss map is not finished: step() until done()");
  return map_;
}

InformationLossMap information_loss_map(const Mixture& mixture, const NoisyCode& code, const GridSpec& grid,
                                        std::uint64_t seed, const InformationLossSettings& settings) {
  InformationLossMapProgress progress(mixture, code, grid, seed, settings);
  while (!progress.done()) progress.step();
  return progress.result();
}

}  // namespace catgeo
