// Presets E1-E7 (paper-spec 2.3) and the MNIST preset (spec 2.4, option M1).
#include "core/config/scenarios.h"

#include <cmath>

namespace catgeo {
namespace {

GaussianClass gaussian_1d(double mean, double sd, double prior = 1.0) {
  GaussianClass c;
  c.mean = Eigen::VectorXd::Constant(1, mean);
  c.cov = Eigen::MatrixXd::Constant(1, 1, sd * sd);
  c.prior = prior;
  return c;
}

GaussianClass gaussian_2d(double m1, double m2, double c11, double c12, double c22) {
  GaussianClass c;
  c.mean = Eigen::Vector2d(m1, m2);
  c.cov.resize(2, 2);
  c.cov << c11, c12, c12, c22;
  return c;
}

GridSpec grid_1d(double lo, double hi) {
  GridSpec g;
  g.dims = 1;
  g.lo[0] = lo;
  g.hi[0] = hi;
  g.count[0] = 401;
  g.count[1] = 1;
  return g;
}

GridSpec grid_2d(double lo, double hi) {
  GridSpec g;
  g.dims = 2;
  g.lo[0] = g.lo[1] = lo;
  g.hi[0] = g.hi[1] = hi;
  g.count[0] = g.count[1] = 41;
  return g;
}

ScenarioConfig toy(const char* id, const char* title, std::vector<GaussianClass> classes, GridSpec grid,
                   int train_samples, int epochs) {
  ScenarioConfig s;
  s.id = id;
  s.title = title;
  s.data = DataKind::mixture;
  s.classes = std::move(classes);
  s.grid = grid;
  s.train_samples = train_samples;
  s.test_samples = 2000;
  s.training.epochs = epochs;
  if (grid.dims == 2) s.view.mode = ViewMode::side_by_side;
  return s;
}

ScenarioConfig mnist_preset() {
  ScenarioConfig s;
  s.id = "mnist";
  s.title = "MNIST: digits through a learned 2-D projection";
  s.data = DataKind::mnist;
  s.network.hidden = {{128, Activation::tanh}, {2, Activation::linear}, {128, Activation::sigmoid}};
  s.network.projection_layer = 1;
  s.network.representation_layer = 2;
  s.training.epochs = 30;
  s.grid = grid_2d(-1.0, 1.0);  // replaced by the bounding box of the codes
  return s;
}

}  // namespace

std::vector<std::string> scenario_ids() { return {"E1", "E2", "E3", "E4", "E5", "E6", "E7", "mnist"}; }

Result<ScenarioConfig> scenario_preset(const std::string& id) {
  const double r = 1.2, deg = 3.14159265358979323846 / 180.0;
  if (id == "E1")
    return {toy("E1", "1-D: two classes, equal variance", {gaussian_1d(-0.5, 0.5), gaussian_1d(0.5, 0.5)},
                grid_1d(-2.0, 2.0), 5000, 100), {}};
  if (id == "E2")
    return {toy("E2", "1-D: two classes, unequal variance (F_cat peak off the boundary)",
                {gaussian_1d(-1.0, 0.5), gaussian_1d(1.0, 1.0)}, grid_1d(-3.0, 4.0), 5000, 100), {}};
  if (id == "E3")
    return {toy("E3", "1-D: three well-separated classes",
                {gaussian_1d(-1.5, 0.5), gaussian_1d(0.0, 0.5), gaussian_1d(1.5, 0.5)}, grid_1d(-3.0, 3.0),
                5000, 100), {}};
  if (id == "E4")
    return {toy("E4", "1-D: three overlapping classes",
                {gaussian_1d(-1.0, 0.5), gaussian_1d(0.0, 0.5), gaussian_1d(1.0, 0.5)}, grid_1d(-2.5, 2.5),
                5000, 100), {}};
  if (id == "E5")
    return {toy("E5", "2-D: two classes, straight boundary",
                {gaussian_2d(-0.5, -0.5, 0.5, 0.0, 0.5), gaussian_2d(0.5, 0.5, 0.5, 0.0, 0.5)}, grid_2d(-2.0, 2.0),
                500, 200), {}};
  if (id == "E6") {
    ScenarioConfig s = toy("E6", "2-D: two classes, curved boundary (two hidden layers)",
                           {gaussian_2d(-1.0, 0.0, 0.25, 0.0, 1.0), gaussian_2d(1.0, 0.0, 1.0, 0.0, 0.25)},
                           grid_2d(-3.0, 3.0), 2000, 100);
    s.network.hidden = {{64, Activation::tanh}, {128, Activation::sigmoid}};
    return {s, {}};
  }
  if (id == "E7")
    return {toy("E7", "2-D: three classes around a triple point",
                {gaussian_2d(r * std::cos(90 * deg), r * std::sin(90 * deg), 0.36, 0.0, 0.36),
                 gaussian_2d(r * std::cos(210 * deg), r * std::sin(210 * deg), 0.36, 0.0, 0.36),
                 gaussian_2d(r * std::cos(330 * deg), r * std::sin(330 * deg), 0.36, 0.0, 0.36)},
                grid_2d(-2.5, 2.5), 1500, 100), {}};
  if (id == "mnist") return {mnist_preset(), {}};
  std::string known;
  for (const std::string& k : scenario_ids()) known += (known.empty() ? "" : ", ") + k;
  return Result<ScenarioConfig>::fail("unknown scenario '" + id + "' (known: " + known + ")");
}

const char* base_preset_id(int dims) { return dims == 1 ? "E1" : "E5"; }

std::string custom_mixture_title(int dims) { return dims == 1 ? "Custom 1-D mixture" : "Custom 2-D mixture"; }

}  // namespace catgeo
