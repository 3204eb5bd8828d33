// One CatGeo run: builds data and reference model from a config, trains, measures and evaluates fields.
#include "core/run/experiment.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <string>

#include "core/config/config_checks.h"
#include "core/geometry/drawn_reference.h"
#include "core/base/check.h"
#include "core/information/information.h"
#include "core/data/mnist_asset.h"
#include "core/geometry/slice_size.h"

namespace catgeo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

unsigned long long next_reference_id() {
  static std::atomic<unsigned long long> counter{0};
  return ++counter;
}

// Same points: the cached fields (and their reference part) belong to this grid.
bool same_grid(const GridSpec& a, const GridSpec& b) {
  if (a.dims != b.dims || a.count[0] != b.count[0] || a.lo[0] != b.lo[0] || a.hi[0] != b.hi[0]) return false;
  return a.dims == 1 || (a.count[1] == b.count[1] && a.lo[1] == b.lo[1] && a.hi[1] == b.hi[1]);
}

// The match metrics of an epoch left unmeasured: every value NaN, no peaks, no region.
MatchMetrics unmeasured_match_metrics() {
  MatchMetrics m;
  for (double* v : {&m.peak_boundary_distance, &m.fcode_fcat_peak_distance, &m.angle_deg_weighted, &m.angle_deg_top20,
                    &m.loglog_r, &m.spearman_r, &m.contrast, &m.exponent, &m.info_loss})
    *v = kNaN;
  return m;
}

}  // namespace

const MetricsSnapshot& latest_measured(const std::vector<MetricsSnapshot>& history) {
  for (auto row = history.rbegin(); row != history.rend(); ++row)
    if (row->measured) return *row;
  return history.front();
}

Result<std::unique_ptr<Experiment>> Experiment::create(const ScenarioConfig& config, const Dataset* mnist_source) {
  using R = Result<std::unique_ptr<Experiment>>;
  const Status training_ok = validate_training(config.training);
  if (!training_ok.ok) return R::fail(training_ok.message);
  std::unique_ptr<Experiment> run(new Experiment());
  run->config_ = config;
  Rng data_rng(derive_seed(config.data_seed, 0));

  switch (config.data) {
    case DataKind::mixture: {
      const Status samples_ok = validate_sample_counts(config);
      if (!samples_ok.ok) return R::fail(samples_ok.message);
      Result<Mixture> mixture = Mixture::build(config.classes);
      if (!mixture.ok()) return R::fail(mixture.status.message);
      const Status grid_ok = validate_grid(config.grid, mixture.value.dims());
      if (!grid_ok.ok) return R::fail(grid_ok.message);
      run->mixture_ = std::make_unique<Mixture>(std::move(mixture.value));
      run->reference_id_ = next_reference_id();
      run->split_.train = run->mixture_->sample(config.train_samples, data_rng);
      run->split_.test = run->mixture_->sample(config.test_samples, data_rng);
      run->category_information_ = mutual_information(*run->mixture_, quadrature_grid(*run->mixture_));
      run->data_entropy_ = differential_entropy(*run->mixture_, quadrature_grid(*run->mixture_));
      break;
    }
    case DataKind::drawn_points: {
      Result<Dataset> data = drawn_points_dataset(config);
      if (!data.ok()) return R::fail(data.status.message);
      Result<KdePosterior> kde = drawn_points_reference(config, data.value);
      if (!kde.ok()) return R::fail(kde.status.message);
      run->set_reference(std::make_unique<KdePosterior>(std::move(kde.value)));
      run->split_.train = data.value;
      run->split_.test = std::move(data.value);  // drawn data: the test set is the training set
      run->category_information_ = run->data_entropy_ = kNaN;
      break;
    }
    case DataKind::mnist: {
      if (!mnist_source || mnist_source->size() == 0)
        return R::fail("the MNIST digits are not loaded yet");
      const Status digits_ok = validate_digits(config.mnist.digits);
      if (!digits_ok.ok) return R::fail(digits_ok.message);
      if (mnist_source->input_dim() != config.mnist.side * config.mnist.side)
        return R::fail("the loaded MNIST digits are not " + std::to_string(config.mnist.side) + "x" +
                       std::to_string(config.mnist.side));
      const Dataset subset = select_digits(*mnist_source, config.mnist.digits);
      run->split_ = stratified_split(subset, config.mnist.test_fraction, data_rng);
      run->category_information_ = run->data_entropy_ = kNaN;
      break;
    }
  }

  const int expected_dims = config.data == DataKind::mixture        ? run->mixture_->dims()
                            : config.data == DataKind::drawn_points ? config.points_dims
                                                                    : 2;
  const Status network_ok = validate_network(config, run->split_.train.input_dim(), expected_dims);
  if (!network_ok.ok) return R::fail(network_ok.message);
  Result<Mlp> net = Mlp::create(config.network, run->split_.train.input_dim(), run->split_.train.num_classes);
  if (!net.ok()) return R::fail(net.status.message);
  run->net_ = std::move(net.value);
  Rng init_rng(derive_seed(config.training.seed, 1));
  run->net_.initialize(init_rng);
  run->trainer_ = std::make_unique<Trainer>(run->net_, run->split_.train, config.training);

  double entropy = 0.0;
  const std::vector<int> counts = run->split_.train.class_counts();
  for (int c : counts)
    if (c > 0) {
      const double q = static_cast<double>(c) / run->split_.train.size();
      entropy -= q * std::log(q);
    }
  run->class_entropy_ = entropy;
  run->history_.push_back(run->measure());
  return {std::move(run), Status::success()};
}

StepReport Experiment::train(const StepBudget& budget) {
  if (measure_.pending) continue_measure(std::numeric_limits<double>::infinity());
  const StepReport report = trainer_->step(budget);
  steps_ += report.batches;
  if (report.epoch_completed && trainer_->state() != TrainerState::diverged) {
    measure_.pending = true;
    if (!budget.defer_measure) continue_measure(std::numeric_limits<double>::infinity());
  }
  return report;
}

bool Experiment::continue_measure(double budget_seconds) {
  if (!measure_.pending) return true;
  const auto start = std::chrono::steady_clock::now();
  auto spent = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  do {  // at least one step per call (the preparation or a chunk), so that any budget makes progress
    if (measure_.prepared) measure_chunk();
    else if (fields_wait_for_codes()) project_codes_chunk();
    else start_measure();
  } while (!measure_done() && spent() < budget_seconds);
  if (!measure_done()) return false;
  history_.push_back(finish_measure());
  measure_ = MeasureProgress{};
  return true;
}

void Experiment::skip_measure() {
  if (!measure_.pending) return;
  MetricsSnapshot s;
  s.epoch = trainer_->epoch_progress();
  s.train_loss = trainer_->epoch() > 0 ? trainer_->last_epoch_loss() : kNaN;
  s.test_loss = s.test_accuracy = s.info_r_lower_bound = kNaN;
  s.match = unmeasured_match_metrics();
  s.measured = false;
  history_.push_back(s);
  measure_ = MeasureProgress{};
}

const MatrixF& Experiment::training_codes() {
  while (!codes_current()) project_codes_chunk();
  return codes_;
}

void Experiment::project_codes_chunk() {
  if (codes_current()) return;
  const Dataset& train = split_.train;
  if (codes_building_stamp_ != steps_) {  // the network changed: start over
    codes_building_stamp_ = steps_;
    codes_next_ = 0;
    codes_building_.resize(net_.projection_dim(), train.size());
  }
  const int count = std::min(train.size() - codes_next_, samples_per_slice(net_));
  net_.project(train.inputs.middleCols(codes_next_, count), codes_chunk_);
  codes_building_.middleCols(codes_next_, count) = codes_chunk_;
  codes_next_ += count;
  if (codes_next_ == train.size()) {
    codes_.swap(codes_building_);
    codes_stamp_ = steps_;
  }
}

const CategoryModel& Experiment::reference() {
  if (mixture_) return *mixture_;
  if (net_.projection_layer() >= 0 && kde_stamp_ != steps_) {
    // Learned codes get the class-scale (Scott) bandwidth, not the nearest-neighbour rule: see kde_posterior.h.
    const Eigen::MatrixXd codes = training_codes().cast<double>();
    const double h = KdePosterior::class_scale_bandwidth(codes, split_.train.labels, num_classes());
    Result<KdePosterior> kde = KdePosterior::build(codes, split_.train.labels, num_classes(), h);
    if (kde.ok()) set_reference(std::make_unique<KdePosterior>(std::move(kde.value)));
    kde_stamp_ = steps_;
  }
  return *kde_;
}

void Experiment::set_reference(std::unique_ptr<KdePosterior> kde) {
  kde_ = std::move(kde);
  reference_id_ = next_reference_id();
}

GridSpec Experiment::current_grid(int count_override) {
  GridSpec grid = config_.grid;
  if (fields_need_codes()) {
    const MatrixF& codes = training_codes();
    grid.dims = static_cast<int>(codes.rows());
    if (grid.dims == 1) grid.count[1] = 1;
    for (int axis = 0; axis < grid.dims; ++axis) {
      const double lo = codes.row(axis).minCoeff(), hi = codes.row(axis).maxCoeff();
      const double margin = 0.1 * std::max(hi - lo, 1e-3);
      grid.lo[axis] = lo - margin;
      grid.hi[axis] = hi + margin;
    }
  }
  if (count_override > 0) {
    grid.count[0] = count_override;
    grid.count[1] = grid.dims == 2 ? count_override : 1;
  }
  return grid;
}

void Experiment::evaluate_fields(const GridSpec& grid, GridFields& fields) {
  FieldProgress progress = prepare_fields(grid, fields);
  while (!progress.done(fields)) fill_fields_chunk(fields, progress);
}

void Experiment::evaluate_at_points(const Eigen::MatrixXd& points, GridFields& fields) {
  CATGEO_CHECK(points.rows() == dims() && points.cols() >= 1, "evaluate_at_points: points must be (K, P), P >= 1");
  GridSpec row;  // one row of P points, so that the fields have the right shape
  row.dims = dims();
  row.count[0] = static_cast<int>(points.cols());
  row.count[1] = 1;
  for (int k = 0; k < dims(); ++k) row.lo[k] = points.row(k).minCoeff(), row.hi[k] = points.row(k).maxCoeff();
  fields.reshape(row, num_classes());
  fields.points = points;
  fields.has_reference = fields.has_network = false;
  fields.reference_id = 0;  // its points are not the lattice of row
  evaluate_reference_points(reference(), fields);
  evaluator_.evaluate(net_, fields);
}

Experiment::FieldProgress Experiment::prepare_fields(const GridSpec& grid, GridFields& fields) {
  reference();  // builds a learned projection's KDE reference for the current codes
  // (A fresh GridFields has a default grid but no points: the size check catches it.)
  if (fields.size() != grid.size() || fields.num_classes != num_classes() || !same_grid(fields.grid, grid))
    fields.reshape(grid, num_classes());
  fields.has_network = false;
  FieldProgress progress;
  if (fields.reference_id == reference_id_) {
    progress.reference_row = grid_rows(fields);  // the same reference model on the same grid: kept
  } else {
    fields.has_reference = false;
    fields.reference_id = 0;
  }
  return progress;
}

void Experiment::fill_fields_chunk(GridFields& fields, FieldProgress& progress) {
  if (progress.reference_row < grid_rows(fields)) {
    const int rows = reference_rows_per_slice(fields);
    evaluate_reference_rows(reference(), fields, progress.reference_row, progress.reference_row + rows);
    progress.reference_row = std::min(grid_rows(fields), progress.reference_row + rows);
    if (progress.reference_row == grid_rows(fields)) fields.reference_id = reference_id_;
    return;
  }
  const int end = std::min(fields.size(), progress.next + grid_points_per_slice(net_));
  evaluator_.evaluate(net_, fields, progress.next, end);
  progress.next = end;
}

MetricsSnapshot Experiment::measure() {
  CATGEO_CHECK(!measure_.pending, "measure() while a deferred measurement is pending: finish it first");
  start_measure();
  while (!measure_done()) measure_chunk();
  const MetricsSnapshot s = finish_measure();
  measure_ = MeasureProgress{};
  return s;
}

void Experiment::start_measure() {
  const bool pending = measure_.pending;
  measure_ = MeasureProgress{};
  measure_.pending = pending;
  measure_.fields = prepare_fields(current_grid(), metric_fields_);
  measure_.prepared = true;
  measure_.noise = Rng(derive_seed(config_.training.seed, 3));
}

bool Experiment::measure_done() const {
  return measure_.prepared && measure_.fields.done(metric_fields_) && measure_.test_next >= split_.test.size();
}

void Experiment::measure_chunk() {
  if (!measure_.fields.done(metric_fields_)) {
    fill_fields_chunk(metric_fields_, measure_.fields);
    return;
  }
  const Dataset& test = split_.test;
  const int begin = measure_.test_next;
  const int count = std::min(test.size() - begin, samples_per_slice(net_));
  measure_.noisy_loss_sum += net_.predict_and_noisy_loss_sum(test.inputs.middleCols(begin, count),
                                                             test.labels.data() + begin, measure_.noise,
                                                             test_probabilities_);
  for (int i = 0; i < count; ++i) {
    const int label = test.labels[begin + i];
    Eigen::Index best;
    test_probabilities_.col(i).maxCoeff(&best);
    measure_.correct += best == label;
    measure_.loss_sum -= std::log(std::max(static_cast<double>(test_probabilities_(label, i)), 1e-30));
  }
  measure_.test_next = begin + count;
}

MetricsSnapshot Experiment::finish_measure() {
  MetricsSnapshot s;
  s.epoch = trainer_->epoch_progress();
  s.train_loss = trainer_->epoch() > 0 ? trainer_->last_epoch_loss() : kNaN;
  s.match = compute_match_metrics(metric_fields_);
  const int n = split_.test.size();
  s.test_loss = measure_.loss_sum / n;
  s.test_accuracy = static_cast<double>(measure_.correct) / n;
  s.info_r_lower_bound = class_entropy_ - static_cast<float>(measure_.noisy_loss_sum / n);
  return s;
}

std::vector<std::vector<int>> Experiment::confusion_matrix() const {
  const int M = num_classes();
  std::vector<std::vector<int>> confusion(M, std::vector<int>(M, 0));
  MatrixF probabilities;
  net_.predict(split_.test.inputs, probabilities);
  for (int i = 0; i < split_.test.size(); ++i) {
    Eigen::Index best;
    probabilities.col(i).maxCoeff(&best);
    ++confusion[split_.test.labels[i]][best];
  }
  return confusion;
}

}  // namespace catgeo
