// The display fields' refresh in slices: the training codes a learned projection needs, the fields, the test digest.
#include "engine/display_refresh.h"

#include <algorithm>
#include <utility>

#include "core/analysis/layer_fisher.h"
#include "core/geometry/slice_size.h"
#include "engine/wall_clock.h"

namespace catgeo {

void DisplayRefresh::redo_now() {
  stale_ = true;
  last_ = -1e9;
  job_.active = false;
}

void DisplayRefresh::new_run() {
  redo_now();
  layer_ = -1;
  fields_ = GridFields();
  ++version_;
  digest_ = RunDigest();
  fields_dirty_ = digest_dirty_ = true;
}

bool DisplayRefresh::set_grid_points(double count) {
  const int points = static_cast<int>(std::clamp(count, 16.0, 256.0));
  if (points == grid_points_2d_) return false;
  grid_points_2d_ = points;
  redo_now();  // a refresh on the old grid is no longer wanted
  return true;
}

void DisplayRefresh::set_interval_ms(double milliseconds) { interval_ = std::clamp(milliseconds, 0.0, 5000.0) / 1000.0; }

double DisplayRefresh::seconds_until_due(double now) const {
  return stale_ ? std::max(0.0, last_ + interval_ - now) : -1.0;
}

void DisplayRefresh::start(const Experiment& run, int layer) {
  job_ = Job{};
  job_.active = true;
  job_.layer = layer;
  if (layer >= 0) job_.layer_net = std::make_unique<Mlp>(network_coding_at(run.network(), run.config().network, layer));
}

GridSpec DisplayRefresh::grid_for(Experiment& run, const GridSpec& configured) const {
  if (run.network().projection_layer() >= 0) return run.current_grid(grid_points_2d_);
  GridSpec grid = configured;
  if (grid.dims == 1) {
    grid.count[0] = kCurvePoints1d;
    grid.count[1] = 1;
  } else {
    grid.count[0] = grid.count[1] = grid_points_2d_;
  }
  return grid;
}

bool DisplayRefresh::work(Experiment& run, const GridSpec& configured, double budget_seconds) {
  const double start = wall_seconds();
  const int test_size = run.test_data().size();
  const auto done = [&] { return job_.prepared && job_.fields.done(building_) && job_.test_next >= test_size; };
  while (!done()) {
    if (!job_.prepared) {
      if (run.fields_wait_for_codes()) {
        run.project_codes_chunk();
      } else {
        job_.digest = start_digest(run);
        job_.fields = run.prepare_fields(grid_for(run, configured), building_);
        job_.prepared = true;
      }
    } else if (!job_.fields.done(building_)) {
      if (job_.layer_net && job_.fields.reference_row >= grid_rows(building_)) {  // F_code at an earlier layer
        const int end = std::min(building_.size(), job_.fields.next + grid_points_per_slice(*job_.layer_net));
        layer_evaluator_.evaluate(*job_.layer_net, building_, job_.fields.next, end);
        job_.fields.next = end;
      } else {
        run.fill_fields_chunk(building_, job_.fields);
      }
    } else {
      const int end = std::min(test_size, job_.test_next + samples_per_slice(run.network()));
      digest_samples(run, job_.test_next, end, job_.digest);
      job_.test_next = end;
    }
    if (wall_seconds() - start >= budget_seconds) break;
  }
  job_.seconds += wall_seconds() - start;
  if (!done()) return false;
  finish();
  return true;
}

void DisplayRefresh::finish() {
  job_.active = false;
  stale_ = false;
  last_ = wall_seconds();
  replaced_ = building_.finite();  // otherwise the last good picture stays
  if (replaced_) {
    std::swap(fields_, building_);
    layer_ = job_.layer;
    ++version_;
    fields_dirty_ = true;
  }
  digest_ = std::move(job_.digest);
  digest_dirty_ = true;
}

void DisplayRefresh::publish(Snapshot& s, const Experiment* run) {
  if (fields_dirty_) {
    s.has_fields = true, s.fields_version = version_, s.fields_layer = layer_;
    s.fields = fields_;
  }
  if (digest_dirty_) {
    s.has_confusion = s.has_gallery = true;
    s.confusion = digest_.confusion;
    s.gallery = digest_.gallery;
    s.gallery_total = digest_.gallery_total;
    s.image_side = run ? image_side(run->test_data()) : 0;
    s.test_size = run ? run->test_data().size() : 0;
  }
  fields_dirty_ = digest_dirty_ = false;
}

}  // namespace catgeo
