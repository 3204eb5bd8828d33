// Export formats of a run: grid fields -> CSV, history and config -> JSON (see field_export.h); std only.
#include "core/formats/field_export.h"

#include <cmath>
#include <cstdint>

#include "core/formats/run_report.h"
#include "core/link/share_link.h"
#include "core/run/table_scenario.h"

namespace catgeo {
namespace {

void cell(std::string& out, double value) {
  out.push_back(',');
  if (std::isfinite(value)) out += format_number(value);
}

// Appends the class columns name_1..name_M.
void class_headers(std::string& out, const char* name, int classes) {
  for (int m = 1; m <= classes; ++m) out += std::string(",") + name + "_" + std::to_string(m);
}

// Appends a (rows, P) matrix's column i, or empty cells when the group was not evaluated.
void cells(std::string& out, const Eigen::MatrixXd& values, int rows, int i, bool valid) {
  for (int r = 0; r < rows; ++r) {
    const bool inside = valid && r < values.rows() && i < values.cols();
    if (inside) {
      cell(out, values(r, i));
    } else {
      out.push_back(',');
    }
  }
}

JsonValue numbers(const double* values, int count) {
  JsonValue out = JsonValue::array();
  for (int i = 0; i < count; ++i) out.push_back(JsonValue::number(values[i]));
  return out;
}

}  // namespace

JsonValue seed_json(std::uint64_t seed) {
  constexpr std::uint64_t kExactLimit = std::uint64_t{1} << 53;
  return seed <= kExactLimit ? JsonValue::number(static_cast<double>(seed)) : JsonValue::string(std::to_string(seed));
}

std::string fields_to_csv(const GridFields& fields) {
  const int dims = fields.dims() == 2 ? 2 : 1;
  const int classes = fields.num_classes;
  const int points = fields.size();
  const int sym = dims == 2 ? 3 : 1;  // packed rows written per Fisher field: f11 (1-D) or f11, f12, f22 (2-D)
  std::string out = dims == 2 ? "x1,x2" : "x";
  class_headers(out, "p", classes);
  out += dims == 2 ? ",f11,f12,f22" : ",fcat";
  class_headers(out, "q", classes);
  out += dims == 2 ? ",c11,c12,c22,s11,s12,s22" : ",fcode,fcat_self";
  out.push_back('\n');
  out.reserve(out.size() + static_cast<std::size_t>(points) * (2 * classes + 3 * sym + dims) * 12);
  for (int i = 0; i < points; ++i) {
    for (int k = 0; k < dims; ++k) {
      if (k) out.push_back(',');
      if (k < fields.points.rows() && std::isfinite(fields.points(k, i))) out += format_number(fields.points(k, i));
    }
    cells(out, fields.reference_posterior, classes, i, fields.has_reference);
    cells(out, fields.fcat, sym, i, fields.has_reference);
    cells(out, fields.network_posterior, classes, i, fields.has_network);
    cells(out, fields.fcode, sym, i, fields.has_network);
    cells(out, fields.fcat_self, sym, i, fields.has_network);
    out.push_back('\n');
  }
  return out;
}

std::string history_to_json(const Experiment& run) { return to_json(run_summary(run, true)); }

JsonValue hidden_layers_json(const std::vector<LayerSpec>& hidden) {
  JsonValue layers = JsonValue::array();
  for (const LayerSpec& layer : hidden) {
    JsonValue item = JsonValue::object();
    item.set("width", JsonValue::number(layer.width));
    item.set("activation", JsonValue::string(to_string(layer.activation)));
    layers.push_back(item);
  }
  return layers;
}

JsonValue config_to_json_value(const ScenarioConfig& c) {
  JsonValue out = JsonValue::object();
  std::string notice;
  out.set("link", JsonValue::string(encode_share_link(c, &notice)));
  if (!notice.empty()) out.set("link_notice", JsonValue::string(notice));
  out.set("id", JsonValue::string(c.id));
  out.set("title", JsonValue::string(c.title));
  out.set("data", JsonValue::string(to_string(c.data)));

  JsonValue classes = JsonValue::array();
  for (const GaussianClass& g : c.classes) {
    JsonValue item = JsonValue::object();
    item.set("mean", numbers(g.mean.data(), static_cast<int>(g.mean.size())));
    JsonValue cov = JsonValue::array();
    for (Eigen::Index r = 0; r < g.cov.rows(); ++r) {
      JsonValue row = JsonValue::array();
      for (Eigen::Index col = 0; col < g.cov.cols(); ++col) row.push_back(JsonValue::number(g.cov(r, col)));
      cov.push_back(row);
    }
    item.set("cov", cov);
    item.set("prior", JsonValue::number(g.prior));
    classes.push_back(item);
  }
  out.set("classes", classes);

  JsonValue points = JsonValue::array();
  for (const DrawnPoint& p : c.points) {
    JsonValue point = numbers(p.x, 2);
    point.push_back(JsonValue::number(p.label));
    points.push_back(point);
  }
  out.set("points", points);
  if (c.data == DataKind::drawn_points) {  // drawn points or a table: its dims, class names and scaling into the view
    out.set("points_dims", JsonValue::number(c.points_dims));
    JsonValue names = JsonValue::array();
    for (const std::string& name : c.class_names) names.push_back(JsonValue::string(name));
    out.set("class_names", names);
    if (c.scaling.active) {
      JsonValue scaling = JsonValue::object();
      scaling.set("center", numbers(c.scaling.center, c.points_dims));
      scaling.set("scale", JsonValue::number(c.scaling.scale));
      scaling.set("statement", JsonValue::string(describe_scaling(c.scaling, c.points_dims)));
      out.set("scaling", scaling);
    }
  }

  JsonValue mnist = JsonValue::object();
  JsonValue digits = JsonValue::array();
  for (const int d : c.mnist.digits) digits.push_back(JsonValue::number(d));
  mnist.set("digits", digits);
  mnist.set("side", JsonValue::number(c.mnist.side));
  mnist.set("test_fraction", JsonValue::number(c.mnist.test_fraction));
  out.set("mnist", mnist);

  out.set("train_samples", JsonValue::number(c.train_samples));
  out.set("test_samples", JsonValue::number(c.test_samples));
  out.set("data_seed", seed_json(c.data_seed));

  JsonValue network = JsonValue::object();
  network.set("hidden", hidden_layers_json(c.network.hidden));
  network.set("representation_layer", JsonValue::number(c.network.representation_layer));
  network.set("projection_layer", JsonValue::number(c.network.projection_layer));
  network.set("noise_sigma", JsonValue::number(c.network.noise_sigma));
  network.set("noise", JsonValue::string(to_string(c.network.noise)));
  if (c.network.noise == NoiseModel::dropout) network.set("dropout_alpha", JsonValue::number(c.network.dropout_alpha));
  out.set("network", network);

  JsonValue training = JsonValue::object();
  training.set("optimizer", JsonValue::string(to_string(c.training.optimizer)));
  training.set("learning_rate", JsonValue::number(c.training.learning_rate));
  training.set("batch_size", JsonValue::number(c.training.batch_size));
  training.set("epochs", JsonValue::number(c.training.epochs));
  training.set("seed", seed_json(c.training.seed));
  out.set("training", training);

  JsonValue grid = JsonValue::object();
  const int dims = c.grid.dims == 2 ? 2 : 1;
  grid.set("dims", JsonValue::number(c.grid.dims));
  grid.set("lo", numbers(c.grid.lo, dims));
  grid.set("hi", numbers(c.grid.hi, dims));
  JsonValue count = JsonValue::array();
  for (int k = 0; k < dims; ++k) count.push_back(JsonValue::number(c.grid.count[k]));
  grid.set("count", count);
  out.set("grid", grid);

  const ViewConfig& v = c.view;
  JsonValue view = JsonValue::object();
  view.set("mode", JsonValue::string(to_string(v.mode)));
  view.set("measure", JsonValue::string(to_string(v.measure)));
  view.set("log_scale", JsonValue::boolean(v.log_scale));
  view.set("glyphs", JsonValue::boolean(v.glyphs));
  view.set("show_data", JsonValue::boolean(v.show_data));
  view.set("show_boundary", JsonValue::boolean(v.show_boundary));
  view.set("decoder", JsonValue::boolean(v.decoder));
  view.set("layer", JsonValue::number(v.layer));
  if (std::isfinite(v.cut[0])) view.set("cut", numbers(v.cut.data(), 4));
  if (v.path[0] >= 0) {
    JsonValue path = JsonValue::array();
    for (int k : v.path) path.push_back(JsonValue::number(k));
    view.set("path", path);
  }
  view.set("embed", JsonValue::boolean(v.embed));
  view.set("panels", JsonValue::string(v.panels < 0 ? "auto" : v.panels == 1 ? "1" : "0"));
  view.set("controls", JsonValue::boolean(v.controls));
  view.set("autoplay", JsonValue::boolean(v.autoplay));
  view.set("lecture", JsonValue::boolean(v.lecture));
  view.set("tour", JsonValue::number(v.tour));
  view.set("speed", v.speed == kAutoSpeed ? JsonValue::string("auto")
                    : std::isinf(v.speed)  ? JsonValue::string("max")
                                           : JsonValue::number(v.speed));
  out.set("view", view);
  return out;
}

std::string config_to_json(const ScenarioConfig& config) { return to_json(config_to_json_value(config)); }

}  // namespace catgeo
