// What a view needs from a run besides its fields, computed by the engine: the confusion matrix, the misclassified
// test digits with their pixels, the training points to draw, the digits nearest to a point. Core + std only.
#pragma once
#include <vector>

#include "core/run/experiment.h"
#include "engine/protocol.h"

namespace catgeo {

constexpr int kGalleryMaxShown = 40;     // misclassified test digits sent to the view
constexpr int kNearestDigits = 8;        // nearest training digits in the hover read-out
constexpr int kMaxSamplesShown2d = 800;  // mixture training points drawn in 2-D (an even stride)

struct RunDigest {
  std::vector<std::vector<int>> confusion;  // [true][predicted] counts on the test set
  std::vector<MisclassifiedDigit> gallery;  // the first kGalleryMaxShown (image data only)
  int gallery_total = 0;                    // misclassified over the whole test set (image data only)
};

// One pass over the test set in chunks, so that it fits between other work: start_digest, then digest_samples over
// consecutive ranges [begin, end) until the test set's end.
RunDigest start_digest(const Experiment& run);
void digest_samples(const Experiment& run, int begin, int end, RunDigest& digest);

// Side of a square image input (14 for the MNIST asset), 0 when the inputs are not images.
int image_side(const Dataset& data);

// The points a view draws: learned projections give every training code (K, n), 1-D mixtures every input, 2-D
// mixtures an even subsample of at most kMaxSamplesShown2d inputs; drawn data nothing (the config holds them).
void training_samples(Experiment& run, Eigen::MatrixXf& points, std::vector<int>& labels);

// The kNearestDigits training digits whose codes are nearest to (x, y), nearest first (learned projections of image
// data only; empty otherwise).
std::vector<NearestDigit> nearest_digits(Experiment& run, double x, double y);

}  // namespace catgeo
