// The mixture file format {"classes":[{"mean":[..],"cov":[[..]],"prior":p},..]} <-> GaussianClass list.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/json.h"
#include "core/status.h"

namespace catgeo {

constexpr int kMixtureMinClasses = 2;
constexpr int kMixtureMaxClasses = 8;

// Checks what every mixture must satisfy: 2..8 classes, all of dimension 1 or 2, finite means,
// square symmetric positive-definite covariances of matching size, positive finite priors.
// The message names the offending class (0-based) and how to fix it.
Status validate_mixture(const std::vector<GaussianClass>& classes);

// Parses and validates a mixture file. 1-D classes use "mean":[m] and "cov":[[v]]. "prior" is
// optional and defaults to 1 (priors are relative weights). Unknown keys are errors.
Result<std::vector<GaussianClass>> parse_mixture_json(std::string_view text);
Result<std::vector<GaussianClass>> mixture_from_json(const JsonValue& document);

// The inverse: every class with mean, cov and prior; numbers round-trip exactly.
std::string mixture_to_json(const std::vector<GaussianClass>& classes);

}  // namespace catgeo
