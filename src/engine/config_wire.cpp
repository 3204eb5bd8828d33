// The configuration's byte layout (see config_wire.h): its structs' fields in declaration order.
#include "engine/config_wire.h"

#include "core/config/parameters.h"
#include "engine/wire_items.h"

namespace catgeo {
namespace {

template <typename Enum>
void put_enum(WireWriter& w, Enum value) {
  w.u8(static_cast<std::uint8_t>(value));
}

// `last` is the enum's last value: a byte past it fails the reader.
template <typename Enum>
Enum get_enum(WireReader& r, Enum last) {
  const std::uint8_t value = r.u8();
  if (value > static_cast<std::uint8_t>(last)) r.fail();
  return static_cast<Enum>(value);
}

void put_u64(WireWriter& w, std::uint64_t v) {
  w.u32(static_cast<std::uint32_t>(v)), w.u32(static_cast<std::uint32_t>(v >> 32));
}

std::uint64_t get_u64(WireReader& r) {
  const std::uint64_t low = r.u32();
  return low | static_cast<std::uint64_t>(r.u32()) << 32;
}

void put_class(WireWriter& w, const GaussianClass& c) {
  put_vector(w, c.mean), put_matrix(w, c.cov), w.f64(c.prior);
}

void get_class(WireReader& r, GaussianClass& c) {
  get_vector(r, c.mean), get_matrix(r, c.cov), c.prior = r.f64();
  const Eigen::Index dims = c.mean.size();
  if (dims < 1 || dims > 2 || c.cov.rows() != dims || c.cov.cols() != dims) r.fail();
}

void put_network(WireWriter& w, const NetworkConfig& n) {
  w.u32(static_cast<std::uint32_t>(n.hidden.size()));
  for (const LayerSpec& layer : n.hidden) w.i32(layer.width), put_enum(w, layer.activation);
  w.i32(n.representation_layer), w.i32(n.projection_layer);
  put_enum(w, n.noise), w.f64(n.noise_sigma), w.f64(n.dropout_alpha);
}

void get_network(WireReader& r, NetworkConfig& n) {
  n.hidden.resize(r.count(5));
  for (LayerSpec& layer : n.hidden) layer.width = r.i32(), layer.activation = get_enum(r, Activation::linear);
  n.representation_layer = r.i32(), n.projection_layer = r.i32();
  n.noise = get_enum(r, NoiseModel::dropout), n.noise_sigma = r.f64(), n.dropout_alpha = r.f64();
  const int layers = static_cast<int>(n.hidden.size());
  if (layers == 0 || n.representation_layer < -1 || n.representation_layer >= layers ||
      n.projection_layer < -1 || n.projection_layer >= layers)
    r.fail();
}

void put_view(WireWriter& w, const ViewConfig& v) {
  put_enum(w, v.mode), put_enum(w, v.measure);
  for (bool flag : {v.log_scale, v.glyphs, v.show_data, v.show_boundary, v.decoder}) w.boolean(flag);
  w.i32(v.layer);
  for (double x : v.cut) w.f64(x);
  for (int x : v.path) w.i32(x);
  for (bool flag : {v.loss_map, v.width_study, v.embed}) w.boolean(flag);
  w.i32(v.panels), w.boolean(v.controls), w.boolean(v.autoplay), w.boolean(v.lecture), w.i32(v.tour), w.f64(v.speed);
}

void get_view(WireReader& r, ViewConfig& v) {
  v.mode = get_enum(r, ViewMode::overlay), v.measure = get_enum(r, FieldMeasure::lambda_max);
  for (bool* flag : {&v.log_scale, &v.glyphs, &v.show_data, &v.show_boundary, &v.decoder}) *flag = r.boolean();
  v.layer = r.i32();
  for (double& x : v.cut) x = r.f64();
  for (int& x : v.path) x = r.i32();
  for (bool* flag : {&v.loss_map, &v.width_study, &v.embed}) *flag = r.boolean();
  v.panels = r.i32(), v.controls = r.boolean(), v.autoplay = r.boolean(), v.lecture = r.boolean(), v.tour = r.i32();
  v.speed = r.f64();
}

}  // namespace

void put_points(WireWriter& w, const std::vector<DrawnPoint>& points) {
  w.u32(static_cast<std::uint32_t>(points.size()));
  for (const DrawnPoint& p : points) w.f64(p.x[0]), w.f64(p.x[1]), w.i32(p.label);
}

void get_points(WireReader& r, std::vector<DrawnPoint>& points) {
  points.resize(r.count(20));
  for (DrawnPoint& p : points) p.x[0] = r.f64(), p.x[1] = r.f64(), p.label = r.i32();
}

void put_grid(WireWriter& w, const GridSpec& g) {
  w.i32(g.dims);
  for (int a = 0; a < 2; ++a) w.f64(g.lo[a]), w.f64(g.hi[a]), w.i32(g.count[a]);
}

void get_grid(WireReader& r, GridSpec& g) {
  g.dims = r.i32();
  for (int a = 0; a < 2; ++a) g.lo[a] = r.f64(), g.hi[a] = r.f64(), g.count[a] = r.i32();
  static const double most = parameter("grid.count").max;  // a refresh asks no more of an axis than a link may
  if (g.dims < 1 || g.dims > 2 || g.count[0] < 0 || g.count[1] < 0 || g.count[0] > most || g.count[1] > most) r.fail();
}

void put_config(WireWriter& w, const ScenarioConfig& c) {
  w.text(c.id), w.text(c.title), put_enum(w, c.data);
  w.u32(static_cast<std::uint32_t>(c.classes.size()));
  for (const GaussianClass& k : c.classes) put_class(w, k);
  put_points(w, c.points);
  w.i32(c.points_dims);
  put_strings(w, c.class_names);
  w.boolean(c.scaling.active), w.f64(c.scaling.center[0]), w.f64(c.scaling.center[1]), w.f64(c.scaling.scale);
  put_ints(w, c.mnist.digits), w.i32(c.mnist.side), w.f64(c.mnist.test_fraction);
  w.i32(c.train_samples), w.i32(c.test_samples), put_u64(w, c.data_seed);
  put_network(w, c.network);
  const TrainingConfig& t = c.training;
  put_enum(w, t.optimizer), w.f64(t.learning_rate), w.i32(t.batch_size), w.i32(t.epochs), put_u64(w, t.seed);
  put_grid(w, c.grid);
  put_view(w, c.view);
}

void get_config(WireReader& r, ScenarioConfig& c) {
  c.id = r.text(), c.title = r.text(), c.data = get_enum(r, DataKind::mnist);
  c.classes.resize(r.count(36));  // a 1-D class: two counts, a mean, a cov, a prior
  for (GaussianClass& k : c.classes) get_class(r, k);
  get_points(r, c.points);
  c.points_dims = r.i32();
  get_strings(r, c.class_names);
  c.scaling.active = r.boolean(), c.scaling.center[0] = r.f64(), c.scaling.center[1] = r.f64();
  c.scaling.scale = r.f64();
  get_ints(r, c.mnist.digits), c.mnist.side = r.i32(), c.mnist.test_fraction = r.f64();
  c.train_samples = r.i32(), c.test_samples = r.i32(), c.data_seed = get_u64(r);
  get_network(r, c.network);
  TrainingConfig& t = c.training;
  t.optimizer = get_enum(r, OptimizerKind::sgd), t.learning_rate = r.f64(), t.batch_size = r.i32();
  t.epochs = r.i32(), t.seed = get_u64(r);
  get_grid(r, c.grid);
  get_view(r, c.view);
  if (c.points_dims < 1 || c.points_dims > 2) r.fail();
}

}  // namespace catgeo
