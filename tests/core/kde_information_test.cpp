// The KDE estimate of I(mu; x) (core/analysis/kde_information.h): against the exact value where it is known (E1), on a
// hand case, and rising over training on the learned projection of MNIST {4, 9} (part (i) of the paper's claim).
#include <cmath>
#include <cstdio>

#include "core/information/information.h"
#include "core/analysis/kde_information.h"
#include "core/config/scenarios.h"
#include "mnist_run.h"
#include "test.h"

using namespace catgeo;

TEST_CASE("kde_information_of_separated_classes_is_the_class_entropy") {
  // Two classes 100 bandwidths apart: every test point's posterior is certain, so I = H(q) = ln 2 exactly, se 0.
  Eigen::MatrixXd train(1, 40), test(1, 10);
  std::vector<int> labels(40);
  for (int i = 0; i < 40; ++i) train(0, i) = (i % 2 ? 100.0 : 0.0) + 0.01 * (i / 2), labels[i] = i % 2;
  for (int j = 0; j < 10; ++j) test(0, j) = (j % 2 ? 100.0 : 0.0) + 0.05;
  const KdeInformation info = kde_category_information(train, labels, test, 2);
  CHECK_MESSAGE(std::fabs(info.info - std::log(2.0)) < 1e-12, "I_kde " << info.info);
  CHECK_MESSAGE((info.info_se < 1e-12 && info.unseen == 0), "se " << info.info_se << ", unseen " << info.unseen);
}

TEST_CASE("kde_information_far_test_point_counts_as_unseen") {
  Eigen::MatrixXd train(1, 4), test(1, 2);
  train << 0.0, 0.1, 1.0, 1.1;
  test << 0.05, 1000.0;
  const KdeInformation info = kde_category_information(train, {0, 0, 1, 1}, test, 2);
  CHECK_MESSAGE(info.unseen == 1, "unseen " << info.unseen);
}

TEST_CASE("science_info_x_kde_e1_within_003_of_exact" * SLOW) {
  // The estimator where the truth is known: E1's data, KDE on the training set, read at the test set.
  for (int seed = 1; seed <= 3; ++seed) {
    ScenarioConfig config = scenario_preset("E1").value;
    config.data_seed = static_cast<std::uint64_t>(seed);
    Result<std::unique_ptr<Experiment>> run = Experiment::create(config);
    CHECK_MESSAGE(run.ok(), run.status.message);
    if (!run.ok()) return;
    const KdeInformation info = kde_category_information(*run.value);
    const double exact = run.value->category_information();
    std::printf("    E1 data seed %d: I_kde %.4f +- %.4f (h %.3f), exact %.4f\n", seed, info.info, info.info_se,
                info.bandwidth, exact);
    CHECK_MESSAGE(std::fabs(info.info - exact) < 0.03, "I_kde " << info.info << " vs exact " << exact);
  }
}

TEST_CASE("science_info_x_kde_mnist_49_rises_over_training" * SLOW) {
  // The projection found: the learned 2-D codes of {4, 9} carry more information about the digit after 10 epochs than
  // the untrained network's, by more than 10 standard errors.
  auto before = catgeo::test::mnist_run({4, 9}, 0);
  auto after = catgeo::test::mnist_run({4, 9}, 10);
  if (!before || !after) return;
  const KdeInformation b = kde_category_information(*before), a = kde_category_information(*after);
  std::printf("    MNIST {4, 9}: I_kde %.4f +- %.4f (h %.3f) -> %.4f +- %.4f (h %.3f) nats, H(mu) %.4f\n", b.info,
              b.info_se, b.bandwidth, a.info, a.info_se, a.bandwidth, after->class_entropy());
  CHECK_MESSAGE(a.info - b.info > 10.0 * std::hypot(a.info_se, b.info_se),
                "I_kde " << b.info << " +- " << b.info_se << " -> " << a.info << " +- " << a.info_se);
}
