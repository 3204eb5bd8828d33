// The guided tour of the paper's claims: each step is a link (a preset and its settings), a two-line caption in plain
// words, what to look at, and, for steps that train, the metric that must move and which way. A link `tour=N` opens
// step N (the step's settings, then the link's other keys on top), so one step embeds as one figure with its caption.
#pragma once
#include <string>
#include <vector>

namespace catgeo {

constexpr int kTourSteps = 15;  // tour_steps().size()

struct TourClaim {  // after `epochs` epochs of training, `metric` (a metrics() key) rises or falls
  const char* metric = nullptr;  // nullptr: the step's claim is about the picture, not about training
  bool rises = true;
  int epochs = 0;
};

enum class TourMap { fcat, fcode };  // the 2-D map a step is about: shown where only one fits (a phone, a small embed)
// What a step names, which the page scrolls into view and outlines: the figure, the chart of its claim's metric, the
// information charts, the cut's plot, the digit path (images and curves), the per-layer table, the information-loss
// maps, the width study's chart.
enum class TourFocus { figure, claim_chart, information, cut_plot, digit_path, layer_table, loss_maps, width_study };

struct TourStep {
  const char* title;
  const char* caption;  // about two lines in plain words (wrapped to the page)
  const char* look_at;  // what to look at on the page
  const char* link;     // the step's settings (share-link text, without tour=)
  TourClaim claim;
  TourMap map = TourMap::fcat;
  TourFocus focus = TourFocus::figure;
};

const std::vector<TourStep>& tour_steps();
// The link a `tour=N` link stands for: step N's settings followed by `rest` (the link's other pairs); "" if N is not
// a step.
std::string tour_link(int step, const std::string& rest);

}  // namespace catgeo
