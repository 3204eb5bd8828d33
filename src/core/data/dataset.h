// In-memory labelled dataset: one column per sample; seeded shuffles and stratified splits.
#pragma once
#include <Eigen/Core>
#include <vector>

#include "core/base/rng.h"

namespace catgeo {

struct Dataset {
  Eigen::MatrixXf inputs;   // (input_dim, n), one column per sample
  std::vector<int> labels;  // (n), values in [0, num_classes)
  int num_classes = 0;

  int size() const { return static_cast<int>(labels.size()); }
  int input_dim() const { return static_cast<int>(inputs.rows()); }
  std::vector<int> class_counts() const;
  Dataset subset(const std::vector<int>& indices) const;
};

struct DatasetSplit {
  Dataset train;
  Dataset test;
};

// Stratified split: in every class, round(test_fraction * count) samples go to test (seeded order).
DatasetSplit stratified_split(const Dataset& all, double test_fraction, Rng& rng);

// Fisher-Yates permutation of 0..n-1.
std::vector<int> shuffled_indices(int n, Rng& rng);

}  // namespace catgeo
