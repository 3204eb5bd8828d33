// Optimisers on a flat parameter vector: plain SGD and Adam (Kingma & Ba, bias-corrected).
#pragma once
#include <vector>

#include "core/config/config.h"
#include "core/nn/mlp.h"

namespace catgeo {

class Optimizer {
 public:
  Optimizer(OptimizerKind kind, double learning_rate, size_t parameter_count);
  // parameters -= update(gradient); deterministic, element-wise.
  void step(ParameterVector& parameters, const ParameterVector& gradient);
  long long steps_taken() const { return t_; }

 private:
  OptimizerKind kind_;
  double learning_rate_;
  long long t_ = 0;
  ParameterVector first_moment_, second_moment_;  // Adam state, same layout as the parameters
};

}  // namespace catgeo
