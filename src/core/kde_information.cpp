// I(mu; x) from the class-wise KDE of the projections, read at held-out points.
#include "core/kde_information.h"

#include <cmath>
#include <limits>

#include "core/check.h"
#include "core/fisher.h"
#include "core/kde_posterior.h"

namespace catgeo {

KdeInformation kde_category_information(const Eigen::MatrixXd& train_points, const std::vector<int>& train_labels,
                                        const Eigen::MatrixXd& test_points, int num_classes) {
  const int M = num_classes, K = static_cast<int>(train_points.rows());
  CATGEO_CHECK(test_points.rows() == K && test_points.cols() >= 2, "need at least 2 test points of the same dims");
  const double h = KdePosterior::class_scale_bandwidth(train_points, train_labels, M);
  Result<KdePosterior> kde = KdePosterior::build(train_points, train_labels, M, h);
  CATGEO_CHECK(kde.ok(), kde.status.message.c_str());
  std::vector<double> q(M, 0.0);
  for (int label : train_labels) q[label] += 1.0 / static_cast<double>(train_labels.size());
  double prior_entropy = 0.0;
  for (double p : q)
    if (p > 0.0) prior_entropy -= p * std::log(p);

  KdeInformation out;
  out.bandwidth = kde.value.bandwidth();
  const Eigen::Index n = test_points.cols();
  double sum = 0.0, square_sum = 0.0;
  double log_joint[kMaxClasses], scores[2 * kMaxClasses], posterior[kMaxClasses];
  for (Eigen::Index j = 0; j < n; ++j) {
    kde.value.class_terms(test_points.col(j).data(), log_joint, scores);
    double top = -std::numeric_limits<double>::infinity();
    for (int mu = 0; mu < M; ++mu) top = std::max(top, log_joint[mu]);
    double entropy = prior_entropy;
    if (std::isfinite(top)) {
      posterior_from_log_joint(log_joint, M, posterior);
      entropy = 0.0;
      for (int mu = 0; mu < M; ++mu)
        if (posterior[mu] > 0.0) entropy -= posterior[mu] * std::log(posterior[mu]);
    } else {
      ++out.unseen;
    }
    const double gain = prior_entropy - entropy;
    sum += gain;
    square_sum += gain * gain;
  }
  const double mean = sum / static_cast<double>(n);
  out.info = mean;
  out.info_se = std::sqrt(std::max(0.0, square_sum / n - mean * mean) / static_cast<double>(n - 1));
  return out;
}

KdeInformation kde_category_information(const Experiment& run) {
  MatrixF train, test;
  run.network().project(run.train_data().inputs, train);
  run.network().project(run.test_data().inputs, test);
  return kde_category_information(train.cast<double>(), run.train_data().labels, test.cast<double>(),
                                  run.num_classes());
}

}  // namespace catgeo
