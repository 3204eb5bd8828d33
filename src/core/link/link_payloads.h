// Share-link payload codecs: mix (Gaussian classes), pts (drawn points, base64url), digits (MNIST); std + Eigen.
#pragma once
#include <string>
#include <vector>

#include "core/config/config.h"
#include "core/link/link_notices.h"
#include "core/base/status.h"

namespace catgeo {

// mix=<class>;<class>...  class = mean:cov[:prior], numbers joined by ','; mean = m or mx,my;
// cov = upper triangle (v, or vxx,vxy,vyy); prior default 1 (written only when some prior differs from 1).
std::string write_mix(const std::vector<GaussianClass>& classes);
// The classes, validated like every mixture (validate_mixture); the message says what to change.
Result<std::vector<GaussianClass>> read_mix(const std::string& value);

constexpr double kLinkPointScale = 4096.0;  // pts store round(x * 4096) as int16: |x| <= 7.99

// pts=<base64url of 5 bytes per point>: int16 LE round(x*4096), int16 LE round(y*4096), uint8 label
// (quantize_for_link gives the stored point).
std::string write_points(const std::vector<DrawnPoint>& points);
// The point as a link stores it (coordinates on the 1/4096 lattice, clamped to +-7.99); snap drawn
// points with it so that a link reproduces the run exactly.
DrawnPoint quantize_for_link(const DrawnPoint& point);
// Appends the points to c.points; labels and counts beyond the parameter table's limits are dropped with notices.
void read_points(const std::string& value, ScenarioConfig& c, LinkNotices& n);

// names=setosa,versicolor: a table's class names (ScenarioConfig::class_names), each with '%' and ',' as %XX, the
// whole value link-encoded (so a name may hold ',', '&' or any byte); "" when there are none.
std::string write_names(const std::vector<std::string>& names);
// Sets c.class_names when there are table.classes names of table.label bytes, one per class of c.points (read
// them first); otherwise a notice and no names.
void read_names(const std::string& value, ScenarioConfig& c, LinkNotices& n);

// scale=cx,cy,s: a table's scaling (ScenarioConfig::scaling) in exact numbers; "" when it is not active.
std::string write_scale(const PointScaling& scaling);
// Sets an active c.scaling from three finite numbers, s > 0; otherwise a notice.
void read_scale(const std::string& value, ScenarioConfig& c, LinkNotices& n);

// digits=49: the kept MNIST digits in label order.
std::string write_digits(const ScenarioConfig& c);
void read_digits(const std::string& value, ScenarioConfig& c, LinkNotices& n);

}  // namespace catgeo
