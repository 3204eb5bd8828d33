// The engine's reading of the digit drawn on the pad: core/run/digit_pad.h's result with the nearest training digits
// and the image the network reads, as the snapshot carries it (engine/protocol.h DrawnResult). Core + std only.
#pragma once
#include <vector>

#include "core/run/experiment.h"
#include "engine/protocol.h"

namespace catgeo {

// Fills everything of `out` but command and active from the drawing `pixels` (kPadPixels values) read by the run's
// current network; out.valid is false, with out.error set, when it cannot be read.
void read_drawn_digit(Experiment& run, const std::vector<float>& pixels, DrawnResult& out);

}  // namespace catgeo
