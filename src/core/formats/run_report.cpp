// JSON views of a run: metric snapshots, history and a summary object.
#include "core/formats/run_report.h"

#include <limits>
#include <vector>

namespace catgeo {
namespace {

JsonValue number_list(const std::vector<double>& values) {
  JsonValue list = JsonValue::array();
  for (double v : values) list.push_back(JsonValue::number(v));
  return list;
}

}  // namespace

const char* to_string(TrainerState state) {
  switch (state) {
    case TrainerState::training: return "training";
    case TrainerState::finished: return "finished";
    case TrainerState::diverged: return "diverged";
  }
  return "training";
}

JsonValue snapshot_to_json(const MetricsSnapshot& s, int dims) {
  JsonValue o = JsonValue::object();
  o.set("epoch", JsonValue::number(s.epoch));
  o.set("train_loss", JsonValue::number(s.train_loss));
  o.set("test_loss", JsonValue::number(s.test_loss));
  o.set("test_accuracy", JsonValue::number(s.test_accuracy));
  o.set("info_r_lower_bound", JsonValue::number(s.info_r_lower_bound));
  o.set("loglog_r", JsonValue::number(s.match.loglog_r));
  o.set("spearman_r", JsonValue::number(s.match.spearman_r));
  o.set("contrast", JsonValue::number(s.match.contrast));
  o.set("exponent", JsonValue::number(s.match.exponent));
  o.set("info_loss", JsonValue::number(s.match.info_loss));
  if (dims == 1) {
    o.set("fcat_peaks", number_list(s.match.fcat_peaks));
    o.set("fcode_peaks", number_list(s.match.fcode_peaks));
    o.set("boundaries", number_list(s.match.boundaries));
    o.set("peak_boundary_distance", JsonValue::number(s.match.peak_boundary_distance));
    o.set("fcode_fcat_peak_distance", JsonValue::number(s.match.fcode_fcat_peak_distance));
  } else {
    o.set("angle_deg_weighted", JsonValue::number(s.match.angle_deg_weighted));
    o.set("angle_deg_top20", JsonValue::number(s.match.angle_deg_top20));
  }
  if (!s.measured) o.set("measured", JsonValue::boolean(false));  // a row of the measured schedule left out
  return o;
}

MetricsSnapshot snapshot_from_json(const JsonValue& o) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  auto number = [&](const char* key) {
    const JsonValue* v = o.find(key);
    return v && v->is_number() ? v->as_number() : nan;
  };
  auto list = [&](const char* key) {
    std::vector<double> out;
    const JsonValue* v = o.find(key);
    if (v && v->is_array())
      for (const JsonValue& item : v->items()) out.push_back(item.is_number() ? item.as_number() : nan);
    return out;
  };
  MetricsSnapshot s;
  s.epoch = number("epoch");
  s.train_loss = number("train_loss");
  s.test_loss = number("test_loss");
  s.test_accuracy = number("test_accuracy");
  s.info_r_lower_bound = number("info_r_lower_bound");
  s.match.loglog_r = number("loglog_r");
  s.match.spearman_r = number("spearman_r");
  s.match.contrast = number("contrast");
  s.match.exponent = number("exponent");
  s.match.info_loss = number("info_loss");
  const JsonValue* measured = o.find("measured");
  s.measured = !(measured && measured->is_bool() && !measured->as_bool());
  s.match.fcat_peaks = list("fcat_peaks");
  s.match.fcode_peaks = list("fcode_peaks");
  s.match.boundaries = list("boundaries");
  s.match.peak_boundary_distance = number("peak_boundary_distance");
  s.match.fcode_fcat_peak_distance = number("fcode_fcat_peak_distance");
  s.match.angle_deg_weighted = number("angle_deg_weighted");
  s.match.angle_deg_top20 = number("angle_deg_top20");
  return s;
}

JsonValue layers_to_json(const std::vector<LayerMatch>& layers, int dims) {
  JsonValue list = JsonValue::array();
  for (const LayerMatch& layer : layers) {
    JsonValue o = JsonValue::object();
    o.set("index", JsonValue::number(layer.index));
    o.set("contrast", JsonValue::number(layer.match.contrast));
    o.set("loglog_r", JsonValue::number(layer.match.loglog_r));
    if (dims == 2) o.set("angle_deg_weighted", JsonValue::number(layer.match.angle_deg_weighted));
    list.push_back(o);
  }
  return list;
}

JsonValue decoder_check_to_json(const DecoderCheck& check) {
  JsonValue o = JsonValue::object();
  o.set("points", JsonValue::number(check.points));
  o.set("median_rel_error", JsonValue::number(check.median_rel_error));
  if (check.noise.dropout()) o.set("alpha", JsonValue::number(check.noise.alpha));
  else o.set("sigma", JsonValue::number(check.noise.sigma));
  o.set("draws", JsonValue::number(check.draws));
  return o;
}

RunReportFacts report_facts(const Experiment& run) {
  RunReportFacts f;
  f.scenario = run.config().id;
  f.epochs = run.trainer().epoch();
  f.state = to_string(run.trainer().state());
  f.message = run.trainer().message();
  f.reference_exact = run.reference_is_exact();
  f.info_x = run.category_information();
  f.dims = run.dims();
  return f;
}

JsonValue run_summary(const RunReportFacts& facts, const std::vector<MetricsSnapshot>& history,
                      bool include_history) {
  JsonValue o = JsonValue::object();
  o.set("scenario", JsonValue::string(facts.scenario));
  o.set("epochs", JsonValue::number(facts.epochs));
  o.set("state", JsonValue::string(facts.state));
  o.set("message", JsonValue::string(facts.message));
  o.set("reference", JsonValue::string(facts.reference_exact ? "exact" : "kde"));
  o.set("info_x", JsonValue::number(facts.info_x));
  const JsonValue latest = snapshot_to_json(latest_measured(history), facts.dims);
  for (size_t i = 0; i < latest.keys().size(); ++i) o.set(latest.keys()[i], latest.items()[i]);
  o.set("before", snapshot_to_json(history.front(), facts.dims));
  if (include_history) {
    JsonValue rows = JsonValue::array();
    for (const MetricsSnapshot& s : history) rows.push_back(snapshot_to_json(s, facts.dims));
    o.set("history", rows);
  }
  return o;
}

JsonValue run_summary(const Experiment& run, bool include_history) {
  return run_summary(report_facts(run), run.history(), include_history);
}

void add_information(const InformationSummary& info, JsonValue& o) {
  o.set("info_r", JsonValue::number(info.info_r));
  o.set("info_r_se", JsonValue::number(info.info_r_se));
  o.set("info_r_highsnr", JsonValue::number(info.info_r_highsnr));
  o.set("coding_cost", JsonValue::number(info.coding_cost));
  o.set("decoding_cost", JsonValue::number(info.decoding_cost));
  o.set("decoding_cost_se", JsonValue::number(info.decoding_cost_se));
  o.set("bayes_cost", JsonValue::number(info.bayes_cost));
  o.set("bv_noise", JsonValue::number(info.bv_noise));
  o.set("bv_bias", JsonValue::number(info.bv_bias));
  o.set("bv_variance", JsonValue::number(info.bv_variance));
  o.set("info_xr", JsonValue::number(info.info_xr));
  o.set("info_xr_se", JsonValue::number(info.info_xr_se));
  o.set("info_xr_highsnr", JsonValue::number(info.info_xr_highsnr));
  o.set("fcode_over_fcat_cv", JsonValue::number(info.fcode_over_fcat_cv));
  o.set("info_x_kde", JsonValue::number(info.info_x_kde));
  o.set("info_x_kde_se", JsonValue::number(info.info_x_kde_se));
}

void add_information_checks(const InformationChecks& checks, JsonValue& o) {
  o.set("info_loss_mc", JsonValue::number(checks.info_loss_mc));
  o.set("info_loss_mc_se", JsonValue::number(checks.info_loss_mc_se));
  o.set("info_loss_near_boundary", JsonValue::number(checks.loss_regions.near_boundary));
  o.set("info_loss_elsewhere", JsonValue::number(checks.loss_regions.elsewhere));
  o.set("info_loss_share_near_boundary", JsonValue::number(checks.loss_regions.share_near_boundary));
}

JsonValue with_information(const JsonValue& summary, const InformationSummary& before,
                           const InformationSummary& latest) {
  // Rebuilt in key order: the latest snapshot's keys, the information keys, then "before" (and "history").
  JsonValue out = JsonValue::object();
  for (size_t i = 0; i < summary.keys().size(); ++i) {
    const std::string& key = summary.keys()[i];
    if (key == "before") {
      add_information(latest, out);
      JsonValue old = summary.items()[i];
      add_information(before, old);
      out.set(key, old);
    } else {
      out.set(key, summary.items()[i]);
    }
  }
  return out;
}

InformationSummary unmeasured_information() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  InformationSummary s;
  s.info_r = s.info_r_se = s.coding_cost = s.decoding_cost = s.decoding_cost_se = s.bayes_cost = nan;
  s.info_xr = s.info_xr_se = s.info_xr_highsnr = s.info_r_bias_correction = s.ess_fraction = s.info_r_highsnr = nan;
  s.bv_noise = s.bv_bias = s.bv_variance = s.bv_cross_entropy = s.fcode_over_fcat_cv = nan;
  s.info_x_kde = s.info_x_kde_se = nan;
  return s;
}

JsonValue run_summary(const Experiment& run, bool include_history, const InformationSummary& before,
                      const InformationSummary& latest) {
  return with_information(run_summary(run, include_history), before, latest);
}

}  // namespace catgeo
