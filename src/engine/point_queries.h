// What the view asks about points: the probe under the mouse, the 1-D cut, the MNIST digit path and the digit drawn on
// the pad. Each is answered from the network the display fields show, and published once per change. Core + std only.
#pragma once
#include <cstdint>
#include <vector>

#include "core/config/config.h"
#include "core/run/experiment.h"
#include "engine/protocol.h"

namespace catgeo {

class PointQueries {
 public:
  void ask_probe(double x, double y);
  void ask_cut(const CutSegment& segment);  // the preview while a cut is dragged
  void ask_drawn(std::vector<float> pixels, std::uint32_t command);  // empty pixels: the pad was cleared
  // The view's committed cut and digit path (link keys cut, path): asked again when they differ from the asked ones.
  void take_view(const ViewConfig& view);
  // A new run: the probe's answer goes; the cut, the path and the drawing stay asked, for the new run's first fields.
  void new_run();
  // New display fields: the cut, the path and the drawing follow the network they show.
  void follow_fields();
  // Answers what is asked. `run` is null or unusable (diverged) to answer "nothing here"; the path and the drawing
  // wait until `fields_current` (the display fields show the run's network), as they are drawn over the maps.
  void answer(Experiment* run, bool usable, bool fields_current, const ScenarioConfig& config);
  bool changed() const { return probe_dirty_ || cut_dirty_ || path_dirty_ || drawn_dirty_; }
  // Puts what changed since the last call into the snapshot.
  void publish(Snapshot& s);

 private:
  void answer_probe(Experiment* run, bool usable);
  void answer_cut(Experiment* run, bool usable);
  void answer_path(Experiment* run, bool usable, const ScenarioConfig& config);
  void answer_drawn(Experiment* run, bool usable);

  bool probe_wanted_ = false, probe_dirty_ = false;
  double probe_x_ = 0.0, probe_y_ = 0.0;
  ProbeResult probe_;
  CutResult cut_;
  bool cut_wanted_ = false, cut_dirty_ = false;
  PathResult path_;
  bool path_wanted_ = false, path_dirty_ = false;
  std::vector<float> drawn_pixels_;  // (kPadPixels) the pad's drawing; empty: a clear pad
  std::uint32_t drawn_asked_ = 0;    // its digit_pad command
  DrawnResult drawn_;
  bool drawn_wanted_ = false, drawn_dirty_ = false;
};

}  // namespace catgeo
