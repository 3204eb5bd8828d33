// The engine's information-loss map (view option lossmap): the map of core/information/information_loss_map.h for a
// copy of one network state, with tr F_cat and the high-SNR form at the same points, one grid point per step(). Core +
// std.
#pragma once
#include <memory>

#include "core/geometry/grid_fields.h"
#include "core/information/information_loss_map.h"
#include "core/data/mixture.h"
#include "core/nn/mlp.h"
#include "core/geometry/noisy_code.h"
#include "engine/protocol.h"

namespace catgeo {

class LossMapJob {
 public:
  // The mixture must outlive the job (the run's); the network is copied. Draws from derive_seed(training_seed, 14),
  // as catgeo train --json's info_loss_mc does: the same state gives the same map.
  LossMapJob(const Mixture& mixture, const Mlp& net, int epoch, std::uint64_t training_seed);
  bool done() const { return progress_->done(); }
  int points_done() const { return progress_->points_done(); }
  int points_total() const { return static_cast<int>(fields_.size()); }
  long long step();          // one grid point; its work in multiply-adds
  LossMap result() const;    // once done

 private:
  std::unique_ptr<Mlp> net_;  // the copy (the code refers to it)
  std::unique_ptr<NetworkCode> code_;
  int epoch_ = 0;
  GridFields fields_;  // reference and network fields on the map's grid
  std::unique_ptr<InformationLossMapProgress> progress_;
  long long point_work_ = 0;
};

}  // namespace catgeo
