// catgeo sweep's Markdown tables from the runs' JSON lines.
#include "cli/sweep_tables.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/config/config.h"
#include "core/link/link_text.h"
#include "core/formats/run_report.h"
#include "core/link/share_link.h"

namespace catgeo::cli {
namespace {

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  const std::string out = text;
  return out[0] == '-' && std::strtod(text, nullptr) == 0.0 ? out.substr(1) : out;  // "0.00", not "-0.00"
}

// Three significant digits, for contrasts that range from 1.04 to thousands.
std::string general(double value) {
  if (!std::isfinite(value)) return "n/a";
  char text[64];
  std::snprintf(text, sizeof text, value >= 1000 ? "%.0f" : "%.3g", value);
  return text;
}

std::string list(const std::vector<double>& values) {
  if (values.empty()) return "none";
  std::string out;
  for (double v : values) out += (out.empty() ? "" : ", ") + fixed(v, 2);
  return out;
}

std::string pair(const std::string& before, const std::string& after) { return before + " → " + after; }

double median(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }), values.end());
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

// "median [min, max]" of the finite values, formatted by `format`.
template <class Format>
std::string spread(const std::vector<double>& values, Format format) {
  std::vector<double> finite;
  for (double v : values)
    if (std::isfinite(v)) finite.push_back(v);
  if (finite.empty()) return "n/a";
  const auto [lo, hi] = std::minmax_element(finite.begin(), finite.end());
  if (finite.size() == 1) return format(finite[0]);
  return format(median(finite)) + " [" + format(*lo) + ", " + format(*hi) + "]";
}

std::vector<double> collect(const std::vector<const SweepRow*>& group, double (*get)(const SweepRow&)) {
  std::vector<double> values;
  for (const SweepRow* run : group) values.push_back(get(*run));
  return values;
}

// F_code peak positions over a group: median and range per peak when every run has the same number of peaks.
std::string peak_spread(const std::vector<const SweepRow*>& group) {
  const std::size_t count = group.front()->after.match.fcode_peaks.size();
  std::size_t fewest = count, most = count;
  for (const SweepRow* run : group) {
    fewest = std::min(fewest, run->after.match.fcode_peaks.size());
    most = std::max(most, run->after.match.fcode_peaks.size());
  }
  if (fewest != most) return std::to_string(fewest) + " to " + std::to_string(most) + " peaks";
  if (count == 0) return "none";
  std::string out;
  for (std::size_t p = 0; p < count; ++p) {
    std::vector<double> at;
    for (const SweepRow* run : group) at.push_back(run->after.match.fcode_peaks[p]);
    out += (out.empty() ? "" : "; ") + spread(at, [](double v) { return fixed(v, 2); });
  }
  return out;
}

const char* kHeader1d =
    "| link | state | test acc | F_code peaks | boundaries | F_cat peaks | peak-boundary dist | log-log r | "
    "Spearman r | contrast | gamma |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
const char* kHeader2d =
    "| link | state | test acc | angle weighted (deg) | angle top-20% (deg) | log-log r (Tr) | Spearman r | "
    "contrast | gamma |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";

std::string full_row(const SweepRow& run) {
  const MatchMetrics& b = run.before.match;
  const MatchMetrics& a = run.after.match;
  std::string row = "| `" + run.link + "` | " + run.state + " | " +
                    pair(fixed(run.before.test_accuracy, 3), fixed(run.after.test_accuracy, 3)) + " | ";
  if (run.dims == 1) {
    row += list(a.fcode_peaks) + " | " + list(a.boundaries) + " | " + list(a.fcat_peaks) + " | " +
           pair(fixed(b.peak_boundary_distance, 3), fixed(a.peak_boundary_distance, 3)) + " | ";
  } else {
    row += pair(fixed(b.angle_deg_weighted, 1), fixed(a.angle_deg_weighted, 1)) + " | " +
           pair(fixed(b.angle_deg_top20, 1), fixed(a.angle_deg_top20, 1)) + " | ";
  }
  row += pair(fixed(b.loglog_r, 3), fixed(a.loglog_r, 3)) + " | " +
         pair(fixed(b.spearman_r, 3), fixed(a.spearman_r, 3)) + " | " + pair(general(b.contrast), general(a.contrast)) +
         " | " + pair(fixed(b.exponent, 2), fixed(a.exponent, 2)) + " |\n";
  return row;
}

// Median [min, max] over the seeds of one scenario, sigma and width; "before" columns give the median before training.
std::string summary_row(const std::vector<const SweepRow*>& group) {
  const SweepRow& first = *group.front();
  auto three = [](double v) { return fixed(v, 3); };
  auto one = [](double v) { return fixed(v, 1); };
  auto before_after = [&](double (*before)(const SweepRow&), double (*after)(const SweepRow&), auto format) {
    return format(median(collect(group, before))) + " → " + spread(collect(group, after), format);
  };
  std::string row = "| " + first.config.id + " | " + format_number(first.config.network.noise_sigma) + " | " +
                    std::to_string(first.width) + " | " + std::to_string(group.size()) + " | " +
                    spread(collect(group, [](const SweepRow& r) { return r.after.test_accuracy; }), three) + " | ";
  if (first.dims == 1) {
    row += peak_spread(group) + " | " + list(first.after.match.boundaries) + " | " +
           before_after([](const SweepRow& r) { return r.before.match.peak_boundary_distance; },
                        [](const SweepRow& r) { return r.after.match.peak_boundary_distance; }, three) +
           " | ";
  } else {
    row += before_after([](const SweepRow& r) { return r.before.match.angle_deg_weighted; },
                        [](const SweepRow& r) { return r.after.match.angle_deg_weighted; }, one) +
           " | " +
           before_after([](const SweepRow& r) { return r.before.match.angle_deg_top20; },
                        [](const SweepRow& r) { return r.after.match.angle_deg_top20; }, one) +
           " | ";
  }
  row += before_after([](const SweepRow& r) { return r.before.match.loglog_r; },
                      [](const SweepRow& r) { return r.after.match.loglog_r; }, three) +
         " | " +
         before_after([](const SweepRow& r) { return r.before.match.spearman_r; },
                      [](const SweepRow& r) { return r.after.match.spearman_r; }, three) +
         " | " +
         before_after([](const SweepRow& r) { return r.before.match.contrast; },
                      [](const SweepRow& r) { return r.after.match.contrast; }, general) +
         " | " +
         spread(collect(group, [](const SweepRow& r) { return r.after.match.exponent; }),
                [](double v) { return fixed(v, 2); }) +
         " |\n";
  return row;
}

// Runs of one dimension grouped by (scenario, sigma, width of r), in sweep order.
std::vector<std::vector<const SweepRow*>> groups(const std::vector<SweepRow>& runs, int dims) {
  std::vector<std::vector<const SweepRow*>> out;
  for (const SweepRow& run : runs) {
    if (run.dims != dims) continue;
    auto same = [&](const std::vector<const SweepRow*>& g) {
      return g.front()->config.id == run.config.id &&
             g.front()->config.network.noise_sigma == run.config.network.noise_sigma && g.front()->width == run.width;
    };
    auto found = std::find_if(out.begin(), out.end(), same);
    if (found == out.end())
      out.push_back({&run});
    else
      found->push_back(&run);
  }
  return out;
}

// The summary tables' column headers, 1-D and 2-D.
const char* kSummaryHeader1d =
    "| scenario | sigma | N | runs | test acc | F_code peaks | boundaries | peak-boundary dist | log-log r | "
    "Spearman r | contrast | gamma |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
const char* kSummaryHeader2d =
    "| scenario | sigma | N | runs | test acc | angle weighted (deg) | angle top-20% (deg) | log-log r (Tr) | "
    "Spearman r | contrast | gamma |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";

void print_summary(const std::vector<SweepRow>& runs) {
  for (int dims = 1; dims <= 2; ++dims) {
    const auto grouped = groups(runs, dims);
    if (grouped.empty()) continue;
    std::printf("### Summary, %d-D: median [min, max] over seeds (before → after training; before: median)\n\n%s", dims,
                dims == 1 ? kSummaryHeader1d : kSummaryHeader2d);
    for (const auto& g : grouped) std::fputs(summary_row(g).c_str(), stdout);
    std::printf("\n");
  }
}

void print_full(const std::vector<SweepRow>& runs) {
  for (int dims = 1; dims <= 2; ++dims) {
    bool any = false;
    for (const SweepRow& run : runs) any = any || run.dims == dims;
    if (!any) continue;
    std::printf("### Every run, %d-D (before → after training)\n\n%s", dims, dims == 1 ? kHeader1d : kHeader2d);
    for (const SweepRow& run : runs)
      if (run.dims == dims) std::fputs(full_row(run).c_str(), stdout);
    std::printf("\n");
  }
}

// The width study (--widths): per scenario, sigma and width, the I(mu; r) estimate against its high-SNR
// approximation, median [min, max] over the seeds; rows in order of N / sigma^2 within each scenario.
const char* kWidthHeader =
    "| scenario | sigma | N | N/sigma^2 | runs | I(mu;x) | I(mu;r) estimate | high-SNR approximation | "
    "relative gap |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";

// Three significant digits in any range (the approximation runs to -1e29 where F_code is nearly singular).
std::string significant(double value) {
  if (!std::isfinite(value)) return "n/a";
  char text[64];
  std::snprintf(text, sizeof text, "%.3g", value);
  return text;
}

std::string width_row(const std::vector<const SweepRow*>& group) {
  const SweepRow& first = *group.front();
  const double sigma = first.config.network.noise_sigma;
  auto four = [](double v) { return fixed(v, 4); };
  std::vector<double> estimate, se, approximation, gap;
  for (const SweepRow* run : group) {
    estimate.push_back(run->info_r);
    se.push_back(run->info_r_se);
    approximation.push_back(run->info_r_highsnr);
    gap.push_back(std::fabs(run->info_r_highsnr - run->info_r) / run->info_r);
  }
  const long infinite = std::count_if(approximation.begin(), approximation.end(), [](double v) { return !std::isfinite(v); });
  const std::string singular =
      infinite > 0 ? " (" + std::to_string(infinite) + " of " + std::to_string(group.size()) + ": not finite, F_code "
                                                                                                   "singular)"
                   : "";
  return "| " + first.config.id + " | " + format_number(sigma) + " | " + std::to_string(first.width) + " | " +
         significant(first.width / (sigma * sigma)) + " | " + std::to_string(group.size()) + " | " +
         four(first.info_x) + " | " + spread(estimate, four) + " (se " + fixed(median(se), 4) + ") | " +
         spread(approximation, significant) + singular + " | " + spread(gap, significant) + " |\n";
}

void print_width_study(const std::vector<SweepRow>& runs) {
  std::vector<std::vector<const SweepRow*>> all;
  for (int dims = 1; dims <= 2; ++dims)
    for (auto& g : groups(runs, dims)) all.push_back(std::move(g));
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    const SweepRow &x = *a.front(), &y = *b.front();
    if (x.config.id != y.config.id) return x.config.id < y.config.id;
    const double sx = x.config.network.noise_sigma, sy = y.config.network.noise_sigma;
    return x.width / (sx * sx) < y.width / (sy * sy);
  });
  std::printf("### Width and noise: I(mu;r) and its high-SNR approximation I(mu;x) - 1/2 E Tr(F_code^-1 F_cat) "
              "(nats; median [min, max] over seeds)\n\n%s", kWidthHeader);
  for (const auto& g : all) std::fputs(width_row(g).c_str(), stdout);
  std::printf("\n");
}
}  // namespace

Result<SweepRow> sweep_row_from_json(const JsonValue& line) {
  using R = Result<SweepRow>;
  const JsonValue *link = line.find("link"), *state = line.find("state"), *before = line.find("before");
  if (!link || !link->is_string() || !state || !state->is_string() || !before || !before->is_object())
    return R::fail("a sweep line needs link, state and before");
  SweepRow row;
  LinkDecodeResult decoded = decode_share_link(link->as_string());
  if (decoded.fell_back_to_defaults || !decoded.notices.empty())
    return R::fail("the link '" + link->as_string() + "' does not decode cleanly");
  row.config = std::move(decoded.config);
  row.link = link->as_string();
  row.state = state->as_string();
  row.width = representation_spec(row.config.network).width;
  row.dims = line.find("angle_deg_weighted") ? 2 : 1;
  row.before = snapshot_from_json(*before);
  row.after = snapshot_from_json(line);
  const double nan = std::nan("");
  auto number = [&](const char* key) {
    const JsonValue* v = line.find(key);
    return v && v->is_number() ? v->as_number() : nan;
  };
  row.info_x = number("info_x");
  row.info_r = number("info_r");
  row.info_r_se = number("info_r_se");
  row.info_r_highsnr = number("info_r_highsnr");
  row.has_width_study = line.find("info_r_highsnr") != nullptr;
  return {row, Status::success()};
}

void print_sweep_tables(const std::vector<SweepRow>& rows, const std::string& table) {
  std::printf("## catgeo sweep: %zu runs\n\n", rows.size());
  std::printf(
      "Each run is its preset with the sigma, seed and width of its link (and the --key VALUE options given); "
      "`catgeo train --link LINK` reproduces its numbers.\n\n");
  if (std::any_of(rows.begin(), rows.end(), [](const SweepRow& r) { return r.has_width_study; }))
    print_width_study(rows);
  if (table != "full") print_summary(rows);
  if (table != "summary") print_full(rows);
}

}  // namespace catgeo::cli
