// The scripting read-outs (see run_json.h): the view's copy of the run as the JSON window.catgeo returns.
#include "app/run_json.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "app/field_images.h"
#include "core/base/json.h"
#include "core/formats/field_export.h"
#include "core/formats/run_report.h"
#include "core/geometry/metrics.h"

namespace catgeo {
namespace {

JsonValue loss_map_json(const LossMap& m) {
  JsonValue o = JsonValue::object();
  o.set("epoch", JsonValue::number(m.epoch));
  if (m.epoch < 0) return o;
  const LossRegions r = loss_regions(m);
  o.set("average", JsonValue::number(m.average));
  o.set("average_se", JsonValue::number(m.average_se));
  o.set("near_boundary", JsonValue::number(r.near_boundary));
  o.set("elsewhere", JsonValue::number(r.elsewhere));
  o.set("share_near_boundary", JsonValue::number(r.share_near_boundary));
  o.set("high_snr_near_boundary", JsonValue::number(r.other_near_boundary));
  o.set("points", JsonValue::number(static_cast<double>(m.loss.size())));
  o.set("max", JsonValue::number(m.loss.maxCoeff()));
  return o;
}

const char* study_state_name(StudyState s) {
  switch (s) {
    case StudyState::idle: return "idle";
    case StudyState::running: return "running";
    case StudyState::done: return "done";
    case StudyState::cancelled: return "cancelled";
    case StudyState::unavailable: return "unavailable";
  }
  return "idle";
}

}  // namespace

std::string load_result_json(const RunView& view) {
  JsonValue out = JsonValue::object();
  out.set("ok", JsonValue::boolean(view.load.ok));
  out.set("pending", JsonValue::boolean(view.load.pending));
  out.set("asset_failed", JsonValue::boolean(view.load.asset_failed));
  out.set("error", JsonValue::string(view.load.error));
  JsonValue notices = JsonValue::array();
  for (const std::string& n : view.load.notices) notices.push_back(JsonValue::string(n));
  out.set("notices", notices);
  out.set("link", JsonValue::string(view.share_link));
  return to_json(out);
}

std::string metrics_json(const RunView& view, bool with_history) {
  if (!view.has_run() || view.history.empty()) {
    JsonValue out = JsonValue::object();
    out.set("scenario", JsonValue::string(view.config.id));
    out.set("state", JsonValue::string("no_run"));
    out.set("message", JsonValue::string(view.status));
    return to_json(out);
  }
  // The information keys of the latest measured epoch (core/formats/run_report.h, as the CLI writes them), the epoch-0
  // ones in "before"; null until measured (the engine measures on a schedule, engine/protocol.h InformationRow).
  const InformationRow* latest = view.latest_information();
  const InformationRow* before = view.information_before();
  JsonValue summary = with_information(run_summary(view.report_facts(), view.history, with_history),
                                       before ? before->summary : unmeasured_information(),
                                       latest ? latest->summary : unmeasured_information());
  summary.set("info_epoch", latest ? JsonValue::number(latest->epoch) : JsonValue());
  summary.set("epoch_progress", JsonValue::number(view.epoch_progress));
  // "layers" as the CLI's train --json (core/formats/run_report.h layers_to_json), in "before" too: the engine's
  // per-layer rows when the network has several code layers (layers_epoch: the latest row's; null before it is
  // measured), else r's metrics from the history.
  const int dims = view.facts.dims;
  const int count = static_cast<int>(view.config.network.hidden.size());
  const int rep = view.config.network.representation_layer < 0 ? count - 1 : view.config.network.representation_layer;
  const bool several = rep - view.config.network.projection_layer > 1;
  JsonValue before_json = *summary.find("before");
  if (several) {
    const std::vector<LayerMetricsRow>& rows = view.layer_metrics;
    summary.set("layers", rows.empty() ? JsonValue() : layers_to_json(rows.back().layers, dims));
    summary.set("layers_epoch", rows.empty() ? JsonValue() : JsonValue::number(rows.back().epoch));
    before_json.set("layers", !rows.empty() && rows.front().epoch == 0 ? layers_to_json(rows.front().layers, dims)
                                                                      : JsonValue());
  } else {
    summary.set("layers", layers_to_json({LayerMatch{rep, view.latest()->match}}, dims));
    before_json.set("layers", layers_to_json({LayerMatch{rep, view.before()->match}}, dims));
  }
  summary.set("before", before_json);
  return to_json(summary);
}

std::string config_json(const RunView& view) {
  // The configuration export's schema (core/formats/field_export.h), plus what only the page knows.
  JsonValue out = config_to_json_value(view.config);
  out.set("link", JsonValue::string(view.share_link));
  if (!view.share_notice.empty()) out.set("notice", JsonValue::string(view.share_notice));
  out.set("display_grid", JsonValue::number(view.fields_valid() && view.fields.dims() == 2
                                                ? view.fields.grid.count[0] : 0));
  out.set("runs_created", JsonValue::number(view.facts.serial));
  return to_json(out);
}

std::string fields_json(const RunView& view) {
  const GridFields& f = view.fields;
  JsonValue out = JsonValue::object();
  out.set("valid", JsonValue::boolean(view.fields_valid()));
  out.set("dims", JsonValue::number(f.dims()));
  out.set("nx", JsonValue::number(f.grid.count[0]));
  out.set("ny", JsonValue::number(f.dims() == 2 ? f.grid.count[1] : 1));
  out.set("version", JsonValue::number(view.fields_version));
  if (view.fields_valid()) {
    const FieldMeasure m = view.config.view.measure;
    double cat_max = 0, code_max = 0;
    int cat_arg = 0, code_arg = 0;
    for (int i = 0; i < f.size(); ++i) {
      const double a = field_measure(f.fcat, f.fcat_eigen, i, m), b = field_measure(f.fcode, f.fcode_eigen, i, m);
      if (a > cat_max) cat_max = a, cat_arg = i;
      if (b > code_max) code_max = b, code_arg = i;
    }
    out.set("fcat_max", JsonValue::number(cat_max));
    out.set("fcode_max", JsonValue::number(code_max));
    JsonValue at_cat = JsonValue::array(), at_code = JsonValue::array();
    for (int k = 0; k < f.dims(); ++k) {
      at_cat.push_back(JsonValue::number(f.points(k, cat_arg)));
      at_code.push_back(JsonValue::number(f.points(k, code_arg)));
    }
    out.set("fcat_argmax", at_cat);
    out.set("fcode_argmax", at_code);
  }
  return to_json(out);
}

std::string cut_json(const RunView& view, FieldMeasure measure) {
  const CutResult& cut = view.cut;
  JsonValue out = JsonValue::object();
  out.set("active", JsonValue::boolean(cut.active));
  out.set("valid", JsonValue::boolean(cut.valid));
  JsonValue segment = JsonValue::array();
  for (double v : {cut.segment.x0, cut.segment.y0, cut.segment.x1, cut.segment.y1})
    segment.push_back(JsonValue::number(v));
  out.set("segment", segment);  // x0, y0 (A), x1, y1 (B)
  out.set("length", JsonValue::number(cut.segment.length()));
  if (cut.valid && cut.fields.size() >= 2) {
    const Eigen::MatrixXd t = cut_distances(cut);
    const auto numbers = [](const std::vector<double>& v) {
      JsonValue a = JsonValue::array();
      for (double x : v) a.push_back(JsonValue::number(x));
      return a;
    };
    out.set("reference_crossings", numbers(decision_boundaries_1d(cut.fields.reference_posterior, t, nullptr)));
    out.set("network_crossings", numbers(decision_boundaries_1d(cut.fields.network_posterior, t, nullptr)));
    out.set("fcat", numbers(normalised_measure(cut.fields.fcat, cut.fields.fcat_eigen, measure)));
    out.set("fcode", numbers(normalised_measure(cut.fields.fcode, cut.fields.fcode_eigen, measure)));
    out.set("distance", numbers(std::vector<double>(t.data(), t.data() + t.cols())));
  }
  return to_json(out);
}

std::string digit_path_json(const RunView& view, bool shown) {
  const PathResult& path = view.path;
  JsonValue out = JsonValue::object();
  out.set("shown", JsonValue::boolean(shown));
  out.set("valid", JsonValue::boolean(path.active && path.valid));
  out.set("error", JsonValue::string(path.error));
  out.set("from", JsonValue::number(path.digit_a));
  out.set("to", JsonValue::number(path.digit_b));
  out.set("test_a", JsonValue::number(path.test_a));
  out.set("test_b", JsonValue::number(path.test_b));
  if (path.valid) {
    JsonValue codes = JsonValue::array(), predicted = JsonValue::array(), from = JsonValue::array();
    JsonValue cosine = JsonValue::array();
    for (int s = 0; s < path.fields.size(); ++s) {
      JsonValue point = JsonValue::array();
      point.push_back(JsonValue::number(path.codes(0, s)));
      point.push_back(JsonValue::number(path.codes(1, s)));
      codes.push_back(point);
      Eigen::Index best = 0;
      path.fields.network_posterior.col(s).maxCoeff(&best);
      predicted.push_back(JsonValue::number(view.class_number(static_cast<int>(best))));
      from.push_back(JsonValue::number(path.fields.network_posterior(path.class_a, s)));
    }
    for (double d : path.cosine_distance) cosine.push_back(JsonValue::number(d));
    out.set("codes", codes);          // per step, its point in the projection space
    out.set("predicted", predicted);  // per step, the network's digit
    out.set("p_from", from);          // per step, the network's P(from digit | image)
    out.set("cosine_distance", cosine);
  }
  return to_json(out);
}

std::string drawn_digit_json(const RunView& view, int inked) {
  const DrawnResult& d = view.drawn;
  JsonValue out = JsonValue::object();
  out.set("command", JsonValue::number(d.command));  // the drawing (digit_pad command) this reading is of
  out.set("active", JsonValue::boolean(d.active));
  out.set("valid", JsonValue::boolean(d.active && d.valid));
  out.set("error", JsonValue::string(d.error));
  out.set("inked", JsonValue::number(inked));
  if (d.active && d.valid && d.code.rows() == 2) {
    out.set("predicted", JsonValue::number(view.class_digit(d.predicted)));  // the digit, 0-9
    JsonValue posterior = JsonValue::array(), digits = JsonValue::array();
    for (int mu = 0; mu < d.fields.num_classes; ++mu) {
      posterior.push_back(JsonValue::number(d.fields.network_posterior(mu, 0)));
      digits.push_back(JsonValue::number(view.class_digit(mu)));
    }
    out.set("digits", digits);        // the run's digits, in class order
    out.set("posterior", posterior);  // the network's P(digit | drawing), in the same order
    JsonValue code = JsonValue::array();
    code.push_back(JsonValue::number(d.code(0, 0)));
    code.push_back(JsonValue::number(d.code(1, 0)));
    out.set("code", code);
    const Sym2 f = GridFields::unpack(d.fields.fcode, 0);
    JsonValue fcode = JsonValue::array(), row0 = JsonValue::array(), row1 = JsonValue::array();
    row0.push_back(JsonValue::number(f.f11)), row0.push_back(JsonValue::number(f.f12));
    row1.push_back(JsonValue::number(f.f12)), row1.push_back(JsonValue::number(f.f22));
    fcode.push_back(row0), fcode.push_back(row1);
    out.set("fcode", fcode);
    JsonValue image = JsonValue::array();
    for (std::uint8_t v : d.image) image.push_back(JsonValue::number(v / 255.0));
    out.set("image", image);  // side * side, row-major: what the network read
    JsonValue nearest = JsonValue::array();
    for (const NearestDigit& n : d.nearest) {
      JsonValue item = JsonValue::object();
      item.set("index", JsonValue::number(n.index));
      item.set("digit", JsonValue::number(view.class_digit(n.label)));
      item.set("distance", JsonValue::number(n.distance));
      nearest.push_back(item);
    }
    out.set("nearest", nearest);
  }
  // Per class, the mean code of its training digits (the codes the maps show), for tests of where drawings land.
  const Eigen::MatrixXf& codes = view.samples;  // (2, n)
  const int classes = view.facts.num_classes;
  if (view.facts.learned_projection && codes.rows() == 2 && classes > 0) {
    Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(2, classes);  // (2, M)
    Eigen::VectorXd count = Eigen::VectorXd::Zero(classes);   // (M)
    const int n = std::min(static_cast<int>(codes.cols()), static_cast<int>(view.sample_labels.size()));
    for (int i = 0; i < n; ++i) {
      const int mu = view.sample_labels[i];
      if (mu < 0 || mu >= classes) continue;
      sum.col(mu) += codes.col(i).cast<double>();
      count(mu) += 1.0;
    }
    JsonValue centroids = JsonValue::array();
    for (int mu = 0; mu < classes; ++mu) {
      JsonValue c = JsonValue::array();
      for (int k = 0; k < 2; ++k) c.push_back(JsonValue::number(count(mu) > 0 ? sum(k, mu) / count(mu) : 0.0));
      centroids.push_back(c);
    }
    out.set("centroids", centroids);
  }
  return to_json(out);
}

std::string loss_maps_json(const RunView& view) {
  JsonValue o = JsonValue::object();
  o.set("shown", JsonValue::boolean(view.config.view.loss_map));
  o.set("before", loss_map_json(view.loss_maps.before));
  o.set("latest", loss_map_json(view.loss_maps.latest));
  o.set("points_done", JsonValue::number(view.loss_maps.points_done));
  o.set("points_total", JsonValue::number(view.loss_maps.points_total));
  return to_json(o);
}

std::string width_study_json(const RunView& view) {
  const WidthStudy& study = view.width_study;
  JsonValue o = JsonValue::object();
  o.set("shown", JsonValue::boolean(view.config.view.width_study));
  o.set("state", JsonValue::string(study_state_name(study.state)));
  o.set("message", JsonValue::string(study.message));
  o.set("runs_total", JsonValue::number(study.runs_total));
  o.set("progress", JsonValue::number(study.progress));
  JsonValue rows = JsonValue::array();
  for (const WidthStudyRow& row : study.rows) {
    JsonValue r = JsonValue::object();
    r.set("link", JsonValue::string(row.link));
    r.set("state", JsonValue::string(row.state));
    const HighSnrCheck& c = row.check;
    const std::pair<const char*, double> numbers[] = {
        {"width", c.width},   {"sigma", c.sigma},         {"snr", c.snr},
        {"info_x", c.info_x}, {"info_r", c.info_r},       {"info_r_se", c.info_r_se},
        {"info_r_highsnr", c.info_r_highsnr},             {"relative_gap", c.relative_gap()}};
    for (const auto& [key, value] : numbers) r.set(key, JsonValue::number(value));
    rows.push_back(r);
  }
  o.set("rows", rows);
  return to_json(o);
}

}  // namespace catgeo
