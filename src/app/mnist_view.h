// MNIST pieces of the lab page, drawn with ImDrawList: the codes scatter coloured by digit, a hover tooltip
// with the nearest training digits, and a gallery of misclassified test digits. App layer: core + ImGui only;
// independent of the rest of src/app (the caller owns the plot rectangle and decides when to draw).
#pragma once
#include <cstdint>
#include <vector>

#include "core/experiment.h"
#include "app/plot_frame.h"
#include "imgui.h"

namespace catgeo {

// The code scatter is drawn in the same data <-> screen frame as every other 2-D plot.
using CodePlotArea = PlotFrame;

// Colour of a digit 0..9 (a fixed 10-colour palette, the same in every view), with alpha 0..255.
ImU32 digit_colour(int digit, int alpha = 255);
// The digit a class index stands for: config.mnist.digits[label] for MNIST runs, else the label itself.
int class_digit(const Experiment& run, int label);

// (a) The codes as dots coloured by digit, clipped to the area. codes: (2, n), one column per training
// sample, i.e. run.training_codes() (cached per optimiser step; computing codes per frame is too slow);
// labels: run.train_data().labels. Draws at most max_points (an even stride), so a frame stays cheap.
void draw_code_scatter(ImDrawList* draw, const CodePlotArea& area, const Experiment& run, const MatrixF& codes,
                       float radius = 1.5f, int max_points = 8000);
// A legend row "0 1 2 ..." in the digit colours for the run's digits (ImGui widgets, current window).
void draw_digit_legend(const Experiment& run);

// Indices of the k codes nearest to the data point (x, y), nearest first. codes: (2, n).
std::vector<int> nearest_codes(const MatrixF& codes, double x, double y, int k);

// Draws one digit image of `data` (column `index`, side x side pixels in [0, 1], white ink on black) as
// pixel rectangles with its top-left corner at `at`, `pixel` screen pixels per image pixel.
void draw_digit_image(ImDrawList* draw, const Dataset& data, int index, ImVec2 at, float pixel);

// (b) When the mouse is over the area: a tooltip with the 8 training digits whose codes are nearest to the
// cursor (image, digit label, distance), and a ring around those codes in the scatter. Returns true when
// it showed the tooltip. codes as in draw_code_scatter; data: run.train_data().
bool draw_nearest_digits_tooltip(ImDrawList* draw, const CodePlotArea& area, const Experiment& run,
                                 const MatrixF& codes, int count = 8);

struct MisclassifiedDigit {
  int test_index = 0;
  int true_label = 0;       // class index (class_digit() gives the digit)
  int predicted_label = 0;  // class index
  float confidence = 0.f;   // the network's probability of the predicted class
};

// (c) The first misclassified test digits (up to 40) and a window showing them. refresh() recomputes only
// when the run or its training progress changed (predicting 2,000 test digits is too slow for every frame).
class MisclassifiedGallery {
 public:
  static constexpr int kMaxShown = 40;

  void refresh(const Experiment& run);
  const std::vector<MisclassifiedDigit>& items() const { return items_; }
  int total_misclassified() const { return total_; }  // over the whole test set
  // An ImGui window "Misclassified test digits" (*open false hides it; null: always shown): a grid of images,
  // each labelled "true -> predicted". Calls refresh(run) itself.
  void draw_window(const Experiment& run, bool* open = nullptr, float pixel = 3.0f);

 private:
  const Experiment* run_ = nullptr;
  double stamp_ = -1.0;
  int total_ = 0;
  std::vector<MisclassifiedDigit> items_;
  MatrixF probabilities_;  // (M, test size)
};

}  // namespace catgeo
