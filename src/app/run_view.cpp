// Merging engine snapshots into the view's copy of the run.
#include "app/run_view.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "app/field_images.h"


namespace catgeo {

bool RunView::apply(Snapshot&& s) {
  if (s.has_config) {
    config = std::move(s.config);
    share_link = std::move(s.share_link);
    share_notice = std::move(s.share_notice);
    ++config_version;
  }
  completed = s.completed;
  ++snapshots;
  if (s.has_load) load = std::move(s.load);
  if (s.has_facts) facts = s.facts;
  state = s.state;
  message = std::move(s.message);
  status = std::move(s.status);
  mnist_state = std::move(s.mnist_state);
  epoch = s.epoch;
  epoch_progress = s.epoch_progress;
  perf = s.perf;
  if (s.history_reset) history.clear(), measured_rows = 0;
  if (s.history_reset || !s.new_history.empty()) ++history_version;
  history.insert(history.end(), s.new_history.begin(), s.new_history.end());
  measured_rows += std::count_if(s.new_history.begin(), s.new_history.end(),
                                 [](const MetricsSnapshot& row) { return row.measured; });
  if (s.history_reset) information.clear();
  information.insert(information.end(), s.new_information.begin(), s.new_information.end());
  if (s.history_reset) layer_metrics.clear();
  layer_metrics.insert(layer_metrics.end(), s.new_layer_metrics.begin(), s.new_layer_metrics.end());
  if (s.has_bias_variance) bias_variance = std::move(s.bias_variance), ++bias_variance_version;
  if (s.has_fields) fields = std::move(s.fields), fields_version = s.fields_version, fields_layer = s.fields_layer;
  if (s.has_confusion) confusion = std::move(s.confusion);
  if (s.has_samples) samples = std::move(s.samples), sample_labels = std::move(s.sample_labels), ++samples_version;
  if (s.has_gallery) {
    image_side = s.image_side;
    gallery_total = s.gallery_total;
    test_size = s.test_size;
    gallery = std::move(s.gallery);
  }
  if (s.has_probe) probe = std::move(s.probe), ++probe_version;
  if (s.has_cut) cut = std::move(s.cut), ++cut_version;
  if (s.has_decoder) decoder = std::move(s.decoder), ++decoder_version;
  if (s.has_loss_maps) loss_maps = std::move(s.loss_maps), ++loss_maps_version;
  if (s.has_width_study) width_study = std::move(s.width_study);
  if (s.has_path) path = std::move(s.path), ++path_version;
  if (s.has_drawn) drawn = std::move(s.drawn);
  return true;
}

std::string RunView::class_name(int label) const {
  if (config.data == DataKind::mnist) return "digit " + std::to_string(class_digit(label));
  if (label >= 0 && label < static_cast<int>(config.class_names.size())) return config.class_names[label];
  return "class " + std::to_string(label + 1);
}

int RunView::class_digit(int label) const {
  const std::vector<int>& digits = config.mnist.digits;
  if (config.data == DataKind::mnist && label >= 0 && label < static_cast<int>(digits.size())) return digits[label];
  return label;
}

RunReportFacts RunView::report_facts() const {
  RunReportFacts f;
  f.scenario = config.id;
  f.epochs = epoch;
  f.state = to_string(state);
  f.message = message;
  f.reference_exact = facts.reference_exact;
  f.info_x = facts.info_x;
  f.dims = facts.dims;
  return f;
}

// ---------------------------------------------------------------- readings

Eigen::MatrixXd cut_distances(const CutResult& cut) {
  const int n = cut.fields.size();
  Eigen::MatrixXd t(1, n);
  for (int i = 0; i < n; ++i) t(0, i) = cut.segment.length() * i / std::max(1, n - 1);
  return t;
}

std::vector<double> normalised_measure(const Eigen::MatrixXd& packed, const Eigen::MatrixXd& eigen,
                                       FieldMeasure measure) {
  std::vector<double> v(static_cast<std::size_t>(packed.cols()));
  double top = 0.0;
  for (int i = 0; i < static_cast<int>(v.size()); ++i) {
    v[i] = field_measure(packed, eigen, i, measure);
    if (std::isfinite(v[i])) top = std::max(top, v[i]);
  }
  for (double& x : v) x = top > 0.0 ? x / top : 0.0;
  return v;
}

LossRegions loss_regions(const LossMap& m) {
  if (m.epoch < 0 || m.loss.size() == 0) return LossRegions{NAN, NAN, NAN, NAN};
  return loss_by_region(m.loss, m.density, m.fcat_trace, &m.high_snr);
}

}  // namespace catgeo
