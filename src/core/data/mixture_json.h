// The mixture file format {"classes":[{"mean":[..],"cov":[[..]],"prior":p},..]} <-> GaussianClass list.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/config/config.h"
#include "core/base/json.h"
#include "core/data/mixture.h"  // validate_mixture
#include "core/base/status.h"

namespace catgeo {

// Parses and validates (validate_mixture) a mixture file. 1-D classes use "mean":[m] and "cov":[[v]]. "prior" is
// optional and defaults to 1 (priors are relative weights). Unknown keys are errors.
Result<std::vector<GaussianClass>> parse_mixture_json(std::string_view text);
Result<std::vector<GaussianClass>> mixture_from_json(const JsonValue& document);

// The inverse: every class with mean, cov and prior; numbers round-trip exactly.
std::string mixture_to_json(const std::vector<GaussianClass>& classes);

}  // namespace catgeo
