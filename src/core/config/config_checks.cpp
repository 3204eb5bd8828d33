// Checks of a run configuration (training, samples, network shape, grid, digits, drawn points); std only.
#include "core/config/config_checks.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/base/number_text.h"
#include "core/config/parameters.h"

namespace catgeo {
namespace {

std::string layers_now(const ScenarioConfig& c) {
  return "(now layers=" + layers_text(c.network) + ", proj=" + std::to_string(c.network.projection_layer) +
         ", rep=" + std::to_string(c.network.representation_layer) + ")";
}

}  // namespace

Status validate_training(const TrainingConfig& training) {
  Status s = check_range("lr", training.learning_rate);
  if (s.ok) s = check_range("batch", training.batch_size);
  if (s.ok) s = check_range("epochs", training.epochs);
  return s;
}

Status validate_sample_counts(const ScenarioConfig& config) {
  Status s = check_range("n", config.train_samples);
  if (s.ok) s = check_range("n", config.test_samples, "the test sample count");
  return s;
}

Status validate_network(const ScenarioConfig& config, int input_dim, int data_dims) {
  const NetworkConfig& net = config.network;
  if (!std::isfinite(net.noise_sigma)) return Status::error("sigma must be finite");
  Status s = check_range("sigma", net.noise_sigma);
  if (!s.ok) return s;
  const ParameterSpec& count = parameter("layers");
  const int hidden = static_cast<int>(net.hidden.size());
  if (!in_range(count, hidden)) {
    return Status::error("layers: the network needs " + limit_text(count.min) + " to " + limit_text(count.max) +
                         " hidden layers, got " + std::to_string(hidden));
  }
  const ParameterSpec& width = parameter("layers.width");
  for (int l = 0; l < hidden; ++l) {
    if (!in_range(width, net.hidden[l].width)) {
      return Status::error("layers: hidden layer " + std::to_string(l + 1) + " has " +
                           std::to_string(net.hidden[l].width) + " units; widths must be " +
                           limit_text(width.min) + " to " + limit_text(width.max));
    }
  }
  const int rep = net.representation_layer;
  if (rep < -1 || rep >= hidden) {
    return Status::error("rep=" + std::to_string(rep) + " names no hidden layer: layers has " +
                         std::to_string(hidden) + ", so use -1 (the last) to " + std::to_string(hidden - 1));
  }
  const int noisy = rep < 0 ? hidden - 1 : rep;
  if (net.noise == NoiseModel::dropout) {
    if (!std::isfinite(net.dropout_alpha)) return Status::error("alpha must be finite");
    s = check_range("alpha", net.dropout_alpha);
    if (!s.ok) return s;
    // r_i = f_i (1 + xi_i) needs f_i > 0: at f_i = 0, P(r|x) is a point mass and F_code infinite (tanh, linear and
    // relu units reach 0; sigmoid units never do).
    if (net.hidden[noisy].activation != Activation::sigmoid) {
      const std::string now = to_string(net.hidden[noisy].activation);
      return Status::error("noise=dropout needs sigmoid units at the noisy layer r (multiplicative noise on a unit at 0 "
                           "is no noise), but hidden layer " + std::to_string(noisy + 1) + " is " + now +
                           ": use an 's' layer there or noise=gauss " + layers_now(config));
    }
  }
  const int proj = net.projection_layer;
  const bool good_projection = proj >= -1 && proj < noisy;
  if (config.data == DataKind::mnist && (proj < 0 || !good_projection || net.hidden[proj].width != data_dims)) {
    return Status::error("layers: MNIST needs a 2-unit linear projection layer before the noisy layer (e.g. "
                         "layers=128t-2l-128s, proj=1, rep=2) " + layers_now(config));
  }
  if (!good_projection) {
    return Status::error("proj=" + std::to_string(proj) + " must name a layer before the noisy layer (rep=" +
                         std::to_string(rep) + " is hidden layer index " + std::to_string(noisy) + "): use -1 (the input)" +
                         (noisy > 0 ? " to " + std::to_string(noisy - 1) : "") + " " + layers_now(config));
  }
  const int projection_dim = proj < 0 ? input_dim : net.hidden[proj].width;
  if (projection_dim != data_dims) {
    return Status::error("layers: the projection layer (proj=" + std::to_string(proj) + ") has " +
                         std::to_string(projection_dim) + " units but the data is " + std::to_string(data_dims) +
                         "-D; give hidden layer " + std::to_string(proj + 1) + " " + std::to_string(data_dims) +
                         " units, or set proj=-1 " + layers_now(config));
  }
  return Status::success();
}

Status validate_grid(const GridSpec& grid, int dims) {
  if (grid.dims != dims) return Status::error("the grid must have as many dimensions as the data");
  const ParameterSpec& bound = parameter("grid.bound");
  const ParameterSpec& count = parameter("grid.count");
  for (int axis = 0; axis < dims; ++axis) {
    if (!(grid.lo[axis] < grid.hi[axis]) || !in_range(bound, grid.lo[axis]) || !in_range(bound, grid.hi[axis]))
      return Status::error("each grid axis needs lo < hi, both in " + range_text(bound));
    if (!in_range(count, grid.count[axis]))
      return Status::error("grid point counts must be " + limit_text(count.min) + " to " + limit_text(count.max) +
                           " per axis");
  }
  return Status::success();
}

Status validate_digits(const std::vector<int>& digits) {
  const ParameterSpec& spec = parameter("digits");
  if (!in_range(spec, static_cast<double>(digits.size())))
    return Status::error("digits: choose " + limit_text(spec.min) + " to " + limit_text(spec.max) +
                         " different digits, e.g. digits=49");
  bool seen[10] = {};
  for (int d : digits) {
    if (d < 0 || d > 9) return Status::error("digits must be 0 to 9");
    if (seen[d]) return Status::error("digit " + std::to_string(d) + " is listed twice");
    seen[d] = true;
  }
  return Status::success();
}

Status validate_drawn_points(const ScenarioConfig& config) {
  if (config.points_dims != 1 && config.points_dims != 2) return Status::error("drawn points must be 1-D or 2-D");
  const std::vector<DrawnPoint>& points = config.points;
  const std::vector<std::string>& names = config.class_names;
  const ParameterSpec& label = parameter(names.empty() ? "pts.label" : "table.classes");
  const double max_label = names.empty() ? label.max : label.max - 1;
  if (!names.empty()) {
    if (!in_range(label, static_cast<double>(names.size())))
      return Status::error("a table needs " + limit_text(label.min) + " to " + limit_text(label.max) + " classes");
    const ParameterSpec& bytes = parameter("table.label");
    for (const std::string& name : names)
      if (!in_range(bytes, static_cast<double>(name.size())))
        return Status::error("class names must have " + limit_text(bytes.min) + " to " + limit_text(bytes.max) +
                             " bytes");
  }
  int classes = static_cast<int>(names.size());
  for (const DrawnPoint& p : points) {
    if (p.label < 0 || p.label > max_label || (!names.empty() && p.label >= classes))
      return Status::error("drawn points must have classes 1 to " +
                           (names.empty() ? limit_text(max_label + 1) : std::to_string(classes)));
    if (!std::isfinite(p.x[0]) || !std::isfinite(p.x[1])) return Status::error("a drawn point has a non-finite coordinate");
    classes = std::max(classes, p.label + 1);
  }
  if (classes < 2) return Status::error("draw points of at least two classes");
  std::vector<int> counts(static_cast<std::size_t>(classes), 0);
  for (const DrawnPoint& p : points) ++counts[static_cast<std::size_t>(p.label)];
  for (int mu = 0; mu < classes; ++mu)
    if (counts[mu] < 2) return Status::error("class " + std::to_string(mu + 1) + " needs at least 2 drawn points");
  return Status::success();
}

}  // namespace catgeo
