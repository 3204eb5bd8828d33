// The scripting read-outs: the view's copy of the run (app/run_view.h) as the JSON that window.catgeo returns, apart
// from the frame (no ImGui). What only the frame knows (the measure being edited, the pad's ink) comes as arguments.
#pragma once
#include <string>

#include "app/run_view.h"

namespace catgeo {

// {"ok", "pending", "asset_failed", "error", "notices", "link"} of the latest load.
std::string load_result_json(const RunView& view);
// The run's summary as the CLI's train --json writes it, with the information keys and "layers" (and the history).
std::string metrics_json(const RunView& view, bool with_history);
// The configuration export's schema (core/formats/field_export.h), plus the link, its notice, the display grid and
// the runs created.
std::string config_json(const RunView& view);
// The display fields: valid, dims, nx, ny, version, and the largest F_cat and F_code with where they lie.
std::string fields_json(const RunView& view);
// The 1-D cut: segment, and once computed the distances from A, F_cat and F_code (in `measure`) each over its max on
// the cut, and where it crosses the reference's and the network's boundaries (distances from A).
std::string cut_json(const RunView& view, FieldMeasure measure);
// The MNIST digit path (`shown`: the view asks for one): valid, error, from / to (digits), test_a / test_b and per step
// its codes, the network's digit and P(from digit | image), and the cosine distances between neighbouring steps' r.
std::string digit_path_json(const RunView& view, bool shown);
// The network's reading of the pad's drawing (`inked` pad pixels): command, active, valid, error, inked, and once read
// predicted (the digit), digits, posterior, code [x, y], fcode [[a, b], [b, c]], image, nearest; the classes'
// centroids of the codes the maps show.
std::string drawn_digit_json(const RunView& view, int inked);
// The loss maps (before, latest: epoch, average, average_se, near_boundary, elsewhere, share_near_boundary,
// high_snr_near_boundary, points, max) and the width study (state, message, progress, rows).
std::string loss_maps_json(const RunView& view);
std::string width_study_json(const RunView& view);

}  // namespace catgeo
