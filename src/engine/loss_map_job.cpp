// The information-loss map job: a network copy, its fields on the map's grid, InformationLossMapProgress.
#include "engine/loss_map_job.h"

#include <limits>

#include "core/geometry/fisher.h"
#include "core/geometry/slice_size.h"
#include "core/nn/trainer.h"

namespace catgeo {

LossMapJob::LossMapJob(const Mixture& mixture, const Mlp& net, int epoch, std::uint64_t training_seed)
    : net_(std::make_unique<Mlp>(net)), epoch_(epoch) {
  code_ = std::make_unique<NetworkCode>(*net_);
  const GridSpec grid = information_loss_grid(mixture);
  fields_.reshape(grid, mixture.num_classes());
  evaluate_reference_fields(mixture, fields_);  // 81 or 441 points: a few hundred microseconds
  NetworkFieldEvaluator evaluator;
  evaluator.evaluate(*net_, fields_);
  const InformationLossSettings settings;
  progress_ = std::make_unique<InformationLossMapProgress>(mixture, *code_, grid, derive_seed(training_seed, 14),
                                                           settings);
  point_work_ = settings.draws_per_point * information_draw_multiply_adds(*net_, settings.proposal_samples);
}

long long LossMapJob::step() {
  progress_->step();
  return point_work_;
}

LossMap LossMapJob::result() const {
  const InformationLossMap& map = progress_->result();
  LossMap out;
  static_cast<InformationLossMap&>(out) = map;
  out.points.resize(0, 0);  // the view has the grid
  out.epoch = epoch_;
  const int P = fields_.size();
  out.high_snr.resize(P);
  for (int i = 0; i < P; ++i) {
    const Sym2 fcat = GridFields::unpack(fields_.fcat, i);
    out.high_snr(i) = fcat.trace() > 0.0
                          ? 0.5 * trace_inverse_product(GridFields::unpack(fields_.fcode, i), fcat, fields_.dims())
                          : 0.0;
  }
  return out;
}

}  // namespace catgeo
