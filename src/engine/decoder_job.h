// The engine's decoder check on the F_code map: the decoder estimate of F_code (core/geometry/decoder_fisher.h) at the
// data-region points of a coarse grid over the display grid, on a copy of the network, one chunk per step(). Core +
// std.
#pragma once
#include <memory>

#include "core/geometry/decoder_fisher.h"
#include "core/run/experiment.h"
#include "core/nn/mlp.h"
#include "core/geometry/noisy_code.h"
#include "engine/protocol.h"

namespace catgeo {

// The seed of the decoder check's draws for a training seed (the same for every epoch: common random numbers).
std::uint64_t decoder_check_seed(std::uint64_t training_seed);

// The data-region points (p(x) >= 5% of its max, core/geometry/metrics.h data_region_mask) of a per_axis x per_axis
// grid with the extent of `display` (2-D), from the run's reference model: (2, P).
Eigen::MatrixXd decoder_check_points(Experiment& run, const GridSpec& display, int per_axis = kDecoderGridPerAxis);

class DecoderJob {
 public:
  // Copies the run's network (its current parameters) and takes the points; settings sized for the network.
  DecoderJob(const Experiment& run, const Eigen::MatrixXd& points);
  bool done() const { return progress_->done(); }
  long long step() { return progress_->step(rng_); }  // one batch of draws; its work in multiply-adds
  DecoderResult result() const;                       // once done

 private:
  std::unique_ptr<Mlp> net_;  // the copy (the code refers to it)
  std::unique_ptr<NetworkCode> code_;
  std::unique_ptr<DecoderFisherProgress> progress_;
  Rng rng_;
  int epoch_ = 0;
  int draws_ = 0;
  Eigen::MatrixXd points_;  // (2, P)
};

}  // namespace catgeo
