// I(mu; x) from the class-wise KDE of the projections, read at held-out points.
#include "core/analysis/kde_information.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/check.h"
#include "core/geometry/fisher.h"
#include "core/geometry/kde_posterior.h"

namespace catgeo {

KdePosterior information_kde(const Eigen::MatrixXd& train_points, const std::vector<int>& train_labels,
                             int num_classes) {
  const double h = KdePosterior::class_scale_bandwidth(train_points, train_labels, num_classes);
  Result<KdePosterior> kde = KdePosterior::build(train_points, train_labels, num_classes, h);
  CATGEO_CHECK(kde.ok(), kde.status.message.c_str());
  return std::move(kde.value);
}

KdeInformationAccumulator::KdeInformationAccumulator(const KdePosterior& kde, const std::vector<int>& train_labels)
    : kde_(kde), prior_(kde.num_classes(), 0.0) {
  for (int label : train_labels) prior_[label] += 1.0 / static_cast<double>(train_labels.size());
  for (double p : prior_)
    if (p > 0.0) prior_entropy_ -= p * std::log(p);
}

void KdeInformationAccumulator::add(const Eigen::MatrixXd& test_points) {
  const int M = kde_.num_classes();
  CATGEO_CHECK(test_points.rows() == kde_.dims(), "test points of the KDE's dims");
  double log_joint[kMaxClasses], scores[2 * kMaxClasses], posterior[kMaxClasses];
  for (Eigen::Index j = 0; j < test_points.cols(); ++j) {
    kde_.class_terms(test_points.col(j).data(), log_joint, scores);
    double top = -std::numeric_limits<double>::infinity();
    for (int mu = 0; mu < M; ++mu) top = std::max(top, log_joint[mu]);
    double entropy = prior_entropy_;  // no training point near: the prior, no information
    if (std::isfinite(top)) {
      posterior_from_log_joint(log_joint, M, posterior);
      entropy = 0.0;
      for (int mu = 0; mu < M; ++mu)
        if (posterior[mu] > 0.0) entropy -= posterior[mu] * std::log(posterior[mu]);
    } else {
      ++unseen_;
    }
    const double gain = prior_entropy_ - entropy;
    sum_ += gain;
    square_sum_ += gain * gain;
    ++count_;
  }
}

KdeInformation KdeInformationAccumulator::result() const {
  CATGEO_CHECK(count_ >= 2, "the KDE information needs at least 2 test points");
  KdeInformation out;
  const double n = static_cast<double>(count_), mean = sum_ / n;
  out.info = mean;
  out.info_se = std::sqrt(std::max(0.0, square_sum_ / n - mean * mean) / (n - 1.0));
  out.bandwidth = kde_.bandwidth();
  out.unseen = unseen_;
  return out;
}

KdeInformation kde_category_information(const Eigen::MatrixXd& train_points, const std::vector<int>& train_labels,
                                        const Eigen::MatrixXd& test_points, int num_classes) {
  const KdePosterior kde = information_kde(train_points, train_labels, num_classes);
  KdeInformationAccumulator accumulator(kde, train_labels);
  accumulator.add(test_points);
  return accumulator.result();
}

KdeInformation kde_category_information(const Experiment& run) {
  MatrixF train, test;
  run.network().project(run.train_data().inputs, train);
  run.network().project(run.test_data().inputs, test);
  return kde_category_information(train.cast<double>(), run.train_data().labels, test.cast<double>(),
                                  run.num_classes());
}

}  // namespace catgeo
