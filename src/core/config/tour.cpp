// The guided tour's steps (see tour.h). Captions say only what the page shows; the claims are checked in the browser
// tests (tests/browser/tour.test.mjs).
#include "core/config/tour.h"

#include "core/base/check.h"

namespace catgeo {

const std::vector<TourStep>& tour_steps() {
  static const std::vector<TourStep> steps = {
      {"Categories and F_cat",
       "Two categories on a line. F_cat, the categorical Fisher information, measures how fast category membership "
       "changes with x: it is largest where the classes meet.",
       "the F_cat curve and its peak at the boundary",
       "scenario=E1",
       {}},
      {"The peak is near the boundary, not on it",
       "With unequal widths the boundary and the F_cat peak part ways: F_cat = (dP/dx)²/(P(1−P)) peaks neither "
       "where P(μ|x) = ½ nor where it is steepest.",
       "the F_cat peak against the reference boundary (the vertical line)",
       "scenario=E2",
       {}},
      {"Training makes F_code follow F_cat",
       "A network learns the two classes. Its neural Fisher information F_code starts flat; training with "
       "cross-entropy raises it where F_cat is high: the log-log correlation climbs.",
       "the log-log r chart, and the F_code map against the F_cat map",
       "scenario=E5&epochs=30",
       {"loglog_r", true, 30}, TourMap::fcode, TourFocus::claim_chart},
      {"The most sensitive direction crosses the boundary",
       "Each ellipse's long axis is the direction the code is most sensitive to. After training, F_code's long axes "
       "turn to cross the boundary like F_cat's: the angle between them falls.",
       "the ellipses on both maps and the angle chart",
       "scenario=E6&epochs=40",
       {"angle_deg_weighted", false, 40}, TourMap::fcode, TourFocus::claim_chart},
      {"Noise is the knob",
       "The noise σ on the layer r is the knob: the code must expand where categories change to beat it. At "
       "σ = 0.5 the contrast of F_code (max over min) grows as it learns; move the slider to compare.",
       "the contrast chart",
       "scenario=E5&sigma=0.5&epochs=30",
       {"contrast", true, 30}, TourMap::fcode, TourFocus::claim_chart},
      {"Three classes",
       "Three categories meet at a point. F_cat has a ridge along each boundary; the network's F_code learns all three "
       "ridges, and the angle between their main directions falls.",
       "the three ridges on both maps",
       "scenario=E7&epochs=40",
       {"angle_deg_weighted", false, 40}, TourMap::fcode},
      {"Digits through a learned projection",
       "Handwritten digits pass through a 2-unit layer x that the network learns. F_cat is estimated there (a kernel "
       "density estimate on the codes), and the test accuracy climbs as the categories separate.",
       "the codes of the ten digits and the accuracy chart",
       "scenario=mnist&epochs=3",
       {"test_accuracy", true, 3}, TourMap::fcat, TourFocus::claim_chart},
      {"What the code keeps about the category",
       "Training raises I(μ; r), what the noisy layer r tells about the category, toward I(μ; x), all the data "
       "holds. It is estimated by Monte-Carlo; the high-SNR formula is only an approximation of it.",
       "the information charts under the metric charts: the estimate between its lower bound and I(μ; x)",
       "scenario=E1&epochs=60",
       {"info_r_lower_bound", true, 60}, TourMap::fcat, TourFocus::information},
      {"Along a line through the map",
       "The cut from A to B shows both Fisher informations along one line across the boundary. As the network "
       "learns, F_code rises where the line crosses the boundary, as F_cat does, and its contrast grows.",
       "the 1-D cut plot (beside the maps or above the charts): its two curves and the boundary lines",
       "scenario=E5&epochs=30&cut=-1.5,-1.5,1.5,1.5",
       {"contrast", true, 30}, TourMap::fcode, TourFocus::cut_plot},
      {"A 4 turning into a 9",
       "A handwritten 4 is blended pixel by pixel into a 9. Where the network changes its mind, its code changes "
       "fastest: neighbouring images are furthest apart there, and F_code peaks.",
       "the path on the maps, and in the read-outs the images and the curves along the path",
       "scenario=mnist&digits=49&epochs=3&path=4,9,0",
       {"test_accuracy", true, 3}, TourMap::fcat, TourFocus::digit_path},
      {"Layer by layer",
       "The F_code map shows the first hidden layer (64 tanh units) instead of r. The per-layer table in the "
       "read-outs says which layer's F_code follows F_cat more closely, before and after training.",
       "the F_code map's title and the per-layer table",
       "scenario=E6&epochs=40&layer=0",
       {"angle_deg_weighted", false, 40}, TourMap::fcode, TourFocus::layer_table},
      {"The authors' own estimate",
       "Green ellipses decode many noisy codes back to x and show how far the guesses spread (the NECO method); "
       "cyan ones say the same from JᵀJ/σ². At this low noise they agree; at σ = 1 they do not.",
       "the green and cyan ellipses on the F_code map and the median error under it",
       "scenario=E5&epochs=30&sigma=0.2&decoder=1",
       {"contrast", true, 30}, TourMap::fcode},
      // The paper's conditions (issue 20); their claims are checked on the study and the maps, not on a metric.
      {"Wide layers, little noise",
       "The paper's result holds for wide layers or little noise. These settings train again at widths 8 to 512 and "
       "two noise levels: the high-SNR formula meets the Monte-Carlo I(μ; r) as N/σ² grows.",
       "the width study's chart under the information charts: the squares (the formula) reach the dots",
       "scenario=E1&epochs=20&widths=1",
       {}, TourMap::fcat, TourFocus::width_study},
      {"Where noise hurts",
       "The maps show where the noise on r costs information about the category. Untrained, the code loses most "
       "far from the boundary; trained, the loss is many times smaller and sits near the boundary, where F_cat is.",
       "the loss maps beside F_cat under the information charts, and the line above them",
       "scenario=E5&epochs=30&lossmap=1",
       {}, TourMap::fcat, TourFocus::loss_maps},
      {"The projection found",
       "On digits the network must first find its 2-D projection x. What x tells about the digit, estimated with a "
       "kernel density estimate of the codes, rises as training finds it: part (i) of the paper's claim.",
       "the chart of the projection's information under the metric charts",
       "scenario=mnist&digits=49&epochs=3",
       {"info_x_kde", true, 3}, TourMap::fcat, TourFocus::information},
  };
  CATGEO_CHECK(static_cast<int>(steps.size()) == kTourSteps, "kTourSteps must count the tour's steps");
  return steps;
}

std::string tour_link(int step, const std::string& rest) {
  const std::vector<TourStep>& steps = tour_steps();
  if (step < 1 || step > static_cast<int>(steps.size())) return "";
  return std::string(steps[step - 1].link) + "&tour=" + std::to_string(step) + (rest.empty() ? "" : "&" + rest);
}

}  // namespace catgeo
