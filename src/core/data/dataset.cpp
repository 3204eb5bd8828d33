// Dataset helpers: class counts, subsets, seeded permutations and stratified splits.
#include "core/data/dataset.h"

#include <cmath>

#include "core/base/check.h"

namespace catgeo {

std::vector<int> Dataset::class_counts() const {
  std::vector<int> counts(num_classes, 0);
  for (int label : labels) ++counts[label];
  return counts;
}

Dataset Dataset::subset(const std::vector<int>& indices) const {
  Dataset out;
  out.num_classes = num_classes;
  out.inputs.resize(inputs.rows(), static_cast<Eigen::Index>(indices.size()));
  out.labels.resize(indices.size());
  for (size_t j = 0; j < indices.size(); ++j) {
    CATGEO_CHECK(indices[j] >= 0 && indices[j] < size(), "subset index out of range");
    out.inputs.col(static_cast<Eigen::Index>(j)) = inputs.col(indices[j]);
    out.labels[j] = labels[indices[j]];
  }
  return out;
}

std::vector<int> shuffled_indices(int n, Rng& rng) {
  std::vector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  for (int i = n - 1; i > 0; --i) {
    const int j = static_cast<int>(rng.below(static_cast<std::uint32_t>(i + 1)));
    std::swap(order[i], order[j]);
  }
  return order;
}

DatasetSplit stratified_split(const Dataset& all, double test_fraction, Rng& rng) {
  std::vector<std::vector<int>> by_class(all.num_classes);
  for (int i = 0; i < all.size(); ++i) by_class[all.labels[i]].push_back(i);
  std::vector<int> train_idx, test_idx;
  for (auto& members : by_class) {
    const std::vector<int> order = shuffled_indices(static_cast<int>(members.size()), rng);
    const int n_test = static_cast<int>(std::lround(test_fraction * members.size()));
    for (size_t k = 0; k < order.size(); ++k)
      (static_cast<int>(k) < n_test ? test_idx : train_idx).push_back(members[order[k]]);
  }
  // Interleave classes in a seeded order so that the split is not sorted by label.
  auto mix = [&](std::vector<int>& idx) {
    const std::vector<int> order = shuffled_indices(static_cast<int>(idx.size()), rng);
    std::vector<int> mixed(idx.size());
    for (size_t k = 0; k < idx.size(); ++k) mixed[k] = idx[order[k]];
    idx.swap(mixed);
  };
  mix(train_idx);
  mix(test_idx);
  return {all.subset(train_idx), all.subset(test_idx)};
}

}  // namespace catgeo
