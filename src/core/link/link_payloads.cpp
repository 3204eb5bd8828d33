// Share-link payload codecs: mix, pts and digits (see link_payloads.h for the grammar).
#include "core/link/link_payloads.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/link/link_text.h"
#include "core/data/mixture.h"
#include "core/base/number_text.h"
#include "core/config/parameters.h"

namespace catgeo {
namespace {

std::string write_numbers(const std::vector<double>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out.push_back(',');
    out += format_number(values[i]);
  }
  return out;
}

bool read_numbers(std::string_view text, std::vector<double>& out) {
  out.clear();
  for (std::string_view part : split(text, ',')) {
    double x = 0.0;
    if (!parse_number(part, x)) return false;
    out.push_back(x);
  }
  return true;
}

std::int16_t quantize_coordinate(double x) {
  const double q = std::isfinite(x) ? std::round(x * kLinkPointScale) : 0.0;
  return static_cast<std::int16_t>(std::min(32767.0, std::max(-32767.0, q)));
}

}  // namespace

std::string write_mix(const std::vector<GaussianClass>& classes) {
  const bool all_default_priors =
      std::all_of(classes.begin(), classes.end(), [](const GaussianClass& g) { return g.prior == 1.0; });
  std::string out;
  for (const GaussianClass& g : classes) {
    if (!out.empty()) out.push_back(';');
    std::vector<double> mean(g.mean.data(), g.mean.data() + g.mean.size()), cov;
    for (Eigen::Index r = 0; r < g.cov.rows(); ++r) {
      for (Eigen::Index col = r; col < g.cov.cols(); ++col) cov.push_back(g.cov(r, col));
    }
    out += write_numbers(mean) + ":" + write_numbers(cov);
    if (!all_default_priors) out += ":" + format_number(g.prior);
  }
  return out;
}

Result<std::vector<GaussianClass>> read_mix(const std::string& value) {
  using R = Result<std::vector<GaussianClass>>;
  R result;
  const std::vector<std::string_view> parts = split(value, ';');
  const ParameterSpec& classes = parameter("classes");
  if (!in_range(classes, static_cast<double>(parts.size()))) {
    return R::fail("a mixture needs " + limit_text(classes.min) + " to " + limit_text(classes.max) + " classes, this one has " + std::to_string(parts.size()));
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::vector<std::string_view> fields = split(parts[i], ':');
    std::vector<double> mean, cov, prior;
    if (fields.size() < 2 || fields.size() > 3 || !read_numbers(fields[0], mean) || !read_numbers(fields[1], cov) ||
        (fields.size() == 3 && (!read_numbers(fields[2], prior) || prior.size() != 1)) || mean.size() > 2 ||
        cov.size() != mean.size() * (mean.size() + 1) / 2) {
      return R::fail("class " + std::to_string(i + 1) + " is not mean:cov[:prior], e.g. -1,0:0.25,0,1");
    }
    GaussianClass g;
    const Eigen::Index k = static_cast<Eigen::Index>(mean.size());
    g.mean = Eigen::Map<const Eigen::VectorXd>(mean.data(), k);
    g.cov.resize(k, k);
    std::size_t next = 0;
    for (Eigen::Index r = 0; r < k; ++r) {
      for (Eigen::Index col = r; col < k; ++col) g.cov(r, col) = g.cov(col, r) = cov[next++];
    }
    if (!prior.empty()) g.prior = prior[0];
    result.value.push_back(std::move(g));
  }
  result.status = validate_mixture(result.value);
  return result.ok() ? result : R::fail(result.status.message);
}

DrawnPoint quantize_for_link(const DrawnPoint& point) {
  DrawnPoint q = point;
  for (double& x : q.x) x = quantize_coordinate(x) / kLinkPointScale;
  return q;
}

std::string write_points(const std::vector<DrawnPoint>& points) {
  std::vector<std::uint8_t> bytes;
  for (const DrawnPoint& p : points) {
    for (const double x : p.x) {
      const std::uint16_t q = static_cast<std::uint16_t>(quantize_coordinate(x));
      bytes.push_back(static_cast<std::uint8_t>(q & 0xFF));
      bytes.push_back(static_cast<std::uint8_t>(q >> 8));
    }
    bytes.push_back(static_cast<std::uint8_t>(std::min(255, std::max(0, p.label))));
  }
  return base64url(bytes);
}

void read_points(const std::string& value, ScenarioConfig& c, LinkNotices& n) {
  std::vector<std::uint8_t> bytes;
  if (!from_base64url(value, bytes) || bytes.size() % 5 != 0) {
    n.add("could not read the drawn points (pts is damaged)", "draw them again");
    return;
  }
  const ParameterSpec& label = parameter("pts.label");
  const ParameterSpec& count = parameter("pts.count");
  std::size_t bad_labels = 0, too_many = 0;
  for (std::size_t i = 0; i + 5 <= bytes.size(); i += 5) {
    DrawnPoint p;
    for (int k = 0; k < 2; ++k) {
      const std::uint16_t q = static_cast<std::uint16_t>(bytes[i + 2 * k] | (bytes[i + 2 * k + 1] << 8));
      p.x[k] = static_cast<std::int16_t>(q) / kLinkPointScale;
    }
    p.label = bytes[i + 4];
    if (!in_range(label, p.label)) {
      ++bad_labels;
    } else if (c.points.size() >= static_cast<std::size_t>(count.max)) {
      ++too_many;
    } else {
      c.points.push_back(quantize_for_link(p));
    }
  }
  if (bad_labels) {
    n.add("ignored " + std::to_string(bad_labels) + " drawn points with a class label above " +
          limit_text(label.max));
  }
  if (too_many) n.add("ignored " + std::to_string(too_many) + " drawn points beyond the first " + limit_text(count.max));
}

std::string write_names(const std::vector<std::string>& names) {
  std::string value;  // the names joined by ',', their own '%' and ',' escaped
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) value.push_back(',');
    for (const char ch : names[i]) value += ch == '%' ? "%25" : ch == ',' ? "%2C" : std::string(1, ch);
  }
  return percent_encode(value, ",");
}

void read_names(const std::string& value, ScenarioConfig& c, LinkNotices& n) {
  const ParameterSpec& count = parameter("table.classes");
  const ParameterSpec& bytes = parameter("table.label");
  std::vector<std::string> names;
  for (std::string_view part : split(value, ',')) names.push_back(percent_decode(part));
  int classes = 0;
  for (const DrawnPoint& p : c.points) classes = std::max(classes, p.label + 1);
  const bool sizes_ok = std::all_of(names.begin(), names.end(),
                                    [&](const std::string& name) { return in_range(bytes, name.size()); });
  if (!in_range(count, static_cast<double>(names.size())) || !sizes_ok ||
      (!c.points.empty() && static_cast<int>(names.size()) != classes)) {
    n.add("could not read the class names (names: expected " + (c.points.empty() ? limit_text(count.min) + " to " +
                                                                    limit_text(count.max)
                                                              : std::to_string(classes)) +
              " names of " + limit_text(bytes.min) + " to " + limit_text(bytes.max) + " bytes joined by ',')",
          "showing class 1, class 2, ...");
    return;
  }
  for (std::size_t k = 0; k < names.size(); ++k) {
    const auto control = std::find_if(names[k].begin(), names[k].end(), is_control_byte);
    if (control != names[k].end()) {
      n.add("could not read the class names (name " + std::to_string(k + 1) + " holds the control character " +
                control_byte_text(*control) + ")",
            "showing class 1, class 2, ...");
      return;
    }
  }
  c.class_names = std::move(names);
}

std::string write_scale(const PointScaling& scaling) {
  if (!scaling.active) return "";
  return write_numbers({scaling.center[0], scaling.center[1], scaling.scale});
}

void read_scale(const std::string& value, ScenarioConfig& c, LinkNotices& n) {
  std::vector<double> v;
  if (!read_numbers(value, v) || v.size() != 3 || !(v[2] > 0.0)) {
    n.add("could not read " + n.quoted("scale", value) + " (expected cx,cy,s with s > 0)", "the scaling is not stated");
    return;
  }
  c.scaling.active = true;
  c.scaling.center[0] = v[0];
  c.scaling.center[1] = v[1];
  c.scaling.scale = v[2];
}

std::string write_digits(const ScenarioConfig& c) {
  std::string out;
  for (const int d : c.mnist.digits) out += std::to_string(d);
  return out;
}

void read_digits(const std::string& value, ScenarioConfig& c, LinkNotices& n) {
  std::vector<int> digits;
  for (const char ch : value) {
    const int d = ch - '0';
    if (ch < '0' || ch > '9' || std::find(digits.begin(), digits.end(), d) != digits.end()) {
      digits.clear();
      break;
    }
    digits.push_back(d);
  }
  const ParameterSpec& spec = parameter("digits");
  if (!in_range(spec, static_cast<double>(digits.size()))) {
    n.add("could not read " + n.quoted("digits", value) + " (expected " + limit_text(spec.min) + " to " +
              limit_text(spec.max) + " different digits, e.g. 49)",
          "kept " + write_digits(c));
    return;
  }
  c.mnist.digits = digits;
}

}  // namespace catgeo
