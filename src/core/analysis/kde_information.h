// I(mu; x) estimated from the class-wise Gaussian KDE of the projections x (core/geometry/kde_posterior.h, Scott
// bandwidth): the information a projection space carries about the classes where no exact p(x|mu) exists (a learned
// projection, MNIST), and a check of the estimator where it does. Eigen + std only.
#pragma once
#include <vector>

#include <Eigen/Core>

#include "core/run/experiment.h"
#include "core/geometry/kde_posterior.h"

namespace catgeo {

// Held-out plug-in estimate, nats: the KDE is built on the training points (class_scale_bandwidth), its posterior
// read at the test points,
//   I_kde = H(q) - (1/n_test) sum_j H(P_kde(.|x_j)),  q = the training class frequencies,
// with the standard error of that mean. Known bias: the kernels blur the classes into each other, so I_kde is low by
// about how much of the boundary region the bandwidth smears (a sharp, well-separated projection is estimated best);
// few points per class make it noisy. A test point with no training point within the cutoff gets the prior (no
// information), counted in unseen.
struct KdeInformation {
  double info = 0.0;       // nats
  double info_se = 0.0;    // standard error over the test points
  double bandwidth = 0.0;  // h
  int unseen = 0;          // test points with no training point within the KDE's cutoff
};

// The estimate in pieces: a KDE (built by the caller, as below) and the training class frequencies, then the test
// points chunk by chunk; any chunking gives the same numbers as one call.
class KdeInformationAccumulator {
 public:
  KdeInformationAccumulator(const KdePosterior& kde, const std::vector<int>& train_labels);
  void add(const Eigen::MatrixXd& test_points);  // (K, n) columns
  KdeInformation result() const;                 // needs at least 2 points added

 private:
  const KdePosterior& kde_;
  std::vector<double> prior_;
  double prior_entropy_ = 0.0;
  long long count_ = 0;
  int unseen_ = 0;
  double sum_ = 0.0, square_sum_ = 0.0;
};

// The KDE of the estimate: class_scale_bandwidth on the training points (the page's reference for learned codes).
KdePosterior information_kde(const Eigen::MatrixXd& train_points, const std::vector<int>& train_labels,
                             int num_classes);

// points: (K, n) columns, labels in [0, num_classes); every class needs a training point.
KdeInformation kde_category_information(const Eigen::MatrixXd& train_points, const std::vector<int>& train_labels,
                                        const Eigen::MatrixXd& test_points, int num_classes);
// The same on a run's projection x of its training and test sets at its current parameters (the inputs themselves
// for the toy scenarios, the learned codes for MNIST).
KdeInformation kde_category_information(const Experiment& run);

}  // namespace catgeo
