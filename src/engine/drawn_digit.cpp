// The drawn digit through the network (core/run/digit_pad.h), its nearest training digits (engine/run_digest.h).
#include "engine/drawn_digit.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/run/digit_pad.h"
#include "engine/run_digest.h"

namespace catgeo {

void read_drawn_digit(Experiment& run, const std::vector<float>& pixels, DrawnResult& out) {
  out.valid = false;
  out.error.clear();
  out.image.clear();
  out.nearest.clear();
  Result<DrawnDigit> digit = drawn_digit(run, pixels);
  if (!digit.ok()) {
    out.error = digit.status.message;
    return;
  }
  const DrawnDigit& d = digit.value;
  out.image_side = image_side(run.train_data());
  out.image.resize(static_cast<std::size_t>(d.input.rows()));
  for (Eigen::Index p = 0; p < d.input.rows(); ++p)
    out.image[p] = static_cast<std::uint8_t>(std::lround(255.0f * std::clamp(d.input(p, 0), 0.0f, 1.0f)));
  out.predicted = d.predicted;
  out.code = d.code;
  out.fields = d.fields;
  out.valid = out.code.allFinite() && out.fields.network_posterior.allFinite() && out.fields.fcode.allFinite();
  if (!out.valid) {
    out.error = "the network's reading of the drawing is not finite";
    return;
  }
  out.nearest = nearest_digits(run, out.code(0, 0), out.code.rows() > 1 ? out.code(1, 0) : 0.0);
}

}  // namespace catgeo
