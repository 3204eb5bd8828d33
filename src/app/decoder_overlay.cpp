// The decoder check on the F_code map: covariance ellipses of the decoded x-hat (NECO) beside those of J^T J / sigma^2
// in the same convention, their legend and the read-out of how well they agree.
#include <algorithm>
#include <cmath>
#include <vector>

#include "app/decoder_overlay.h"

#include "app/colormap.h"
#include "app/text_fit.h"
#include "core/geometry/fisher.h"
#include "core/base/statistics.h"

namespace catgeo {
namespace {

constexpr ImU32 kDecoderColor = IM_COL32(150, 255, 110, 255);  // green: the decoder estimate
constexpr double kTypicalCells = 0.45;  // a typical ellipse's longer half-axis, in coarse-grid cells
constexpr double kCapCells = 1.0;       // longer half-axes are drawn at this length (capped)

// A 2-sd covariance ellipse in data units: half-axes along `angle` and across it.
struct Ellipse {
  double along = 0.0, across = 0.0, angle = 0.0;
};

Ellipse covariance_ellipse(const Sym2& covariance) {  // half-axes 2 sqrt(eigenvalues of Cov)
  const SymEigen2 e = eigen_sym2(covariance);
  return {2.0 * std::sqrt(std::max(0.0, e.lambda_max)), 2.0 * std::sqrt(std::max(0.0, e.lambda_min)), e.angle};
}

Ellipse inverse_fisher_ellipse(const Sym2& fisher) {  // the same from F^-1: half-axes 2 / sqrt(eigenvalues of F)
  const SymEigen2 e = eigen_sym2(fisher);
  const auto half = [](double lambda) { return lambda > 0.0 ? 2.0 / std::sqrt(lambda) : INFINITY; };
  return {half(e.lambda_max), half(e.lambda_min), e.angle};
}

Sym2 column(const Eigen::MatrixXd& packed, Eigen::Index i) { return {packed(0, i), packed(1, i), packed(2, i)}; }

// One scale for both sets, so that a typical ellipse of J^T J / sigma^2 (the median of its finite longer half-axes; of
// the decoder's when none is finite) reaches kTypicalCells of the coarse grid, never enlarged beyond true size. A
// decoder estimate much wider than J^T J / sigma^2 (low SNR) then shows as a capped ellipse around a small one.
double decoder_scale(const DecoderResult& d, double cell) {
  std::vector<double> sizes[2];  // J^T J / sigma^2's, the decoder's
  for (Eigen::Index i = 0; i < d.points.cols(); ++i) {
    const Ellipse e[2] = {inverse_fisher_ellipse(column(d.jacobian_fisher, i)),
                          covariance_ellipse(column(d.covariance, i))};
    for (int set = 0; set < 2; ++set) {
      const double size = std::max(e[set].along, e[set].across);
      if (std::isfinite(size) && size > 0.0) sizes[set].push_back(size);
    }
  }
  const double typical = median(sizes[0].empty() ? sizes[1] : sizes[0]);
  return std::isfinite(typical) && typical > 0.0 ? std::min(1.0, kTypicalCells * cell / typical) : 1.0;
}

bool capped(const Ellipse& e, double scale, double cell) {
  const double longest = scale * std::max(e.along, e.across);
  return !std::isnan(longest) && longest > kCapCells * cell;
}

void draw_ellipse(ImDrawList* dl, const PlotFrame& frame, double cx, double cy, const Ellipse& e, double scale,
                  double cell, ImU32 color, float thickness) {
  const double cap = kCapCells * cell;
  const double a = std::min(scale * e.along, cap), b = std::min(scale * e.across, cap);
  if (std::isnan(a) || std::isnan(b)) return;  // an estimate without a covariance: nothing to draw
  const double ca = std::cos(e.angle), sa = std::sin(e.angle);
  ImVec2 pts[24];
  for (int k = 0; k < 24; ++k) {  // in data space, then to the screen (the axes may be scaled differently)
    const double t = 6.283185307179586 * k / 24, u = a * std::cos(t), v = b * std::sin(t);
    pts[k] = frame.to_screen(cx + u * ca - v * sa, cy + u * sa + v * ca);
  }
  dl->AddPolyline(pts, 24, color, ImDrawFlags_Closed, thickness);
  if (capped(e, scale, cell)) dl->AddCircleFilled(frame.to_screen(cx, cy), 2.0f, color);  // a capped one: a dot
}

}  // namespace

bool DecoderOverlay::shown() const {
  return edited_.view.decoder && edited_.grid.dims == 2 && view_.decoder.valid && view_.decoder.points.rows() == 2;
}

double DecoderOverlay::cell() const { return (map_grid_.hi[0] - map_grid_.lo[0]) / (kDecoderGridPerAxis - 1); }

void DecoderOverlay::draw_ellipses(const PlotFrame& frame) const {
  if (!shown()) return;
  const DecoderResult& d = view_.decoder;
  const double cell = this->cell(), scale = decoder_scale(d, cell);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (Eigen::Index i = 0; i < d.points.cols(); ++i) {
    const double x = d.points(0, i), y = d.points(1, i);
    // The decoder's wider, under J^T J / sigma^2's, so that where they agree both stay visible.
    draw_ellipse(dl, frame, x, y, covariance_ellipse(column(d.covariance, i)), scale, cell, kDecoderColor, 2.0f);
    draw_ellipse(dl, frame, x, y, inverse_fisher_ellipse(column(d.jacobian_fisher, i)), scale, cell, kFcodeColor, 1.0f);
  }
}

void DecoderOverlay::draw_legend(FlowingLegend& legend) const {
  if (!shown()) return;
  const float width = ImGui::GetContentRegionAvail().x;  // a phone's figure: the short forms
  legend.item(ImGui::ColorConvertU32ToFloat4(kDecoderColor),
              fit_text("○ decoder: 2-sd covariance ellipses of decoded x-hat (NECO)",
                       "○ decoder: 2-sd covariance of x-hat (NECO)", width));
  legend.item(ImGui::ColorConvertU32ToFloat4(kFcodeColor), "○ JᵀJ/σ²: the same, from F_code⁻¹");
}

void DecoderOverlay::draw_note() const {
  if (!edited_.view.decoder || edited_.grid.dims != 2) return;
  char text[512];
  char short_text[160];
  if (!shown()) {
    std::snprintf(text, sizeof text, "Decoder check (NECO): estimating...");
    std::snprintf(short_text, sizeof short_text, "Decoder check (NECO): estimating...");
  } else {
    const DecoderResult& d = view_.decoder;
    const double cell = this->cell(), scale = decoder_scale(d, cell);
    int capped_count = 0;
    for (Eigen::Index i = 0; i < d.points.cols(); ++i)
      capped_count += capped(covariance_ellipse(column(d.covariance, i)), scale, cell) ||
                      capped(inverse_fisher_ellipse(column(d.jacobian_fisher, i)), scale, cell);
    char size[32];
    if (scale >= 1.0)
      std::snprintf(size, sizeof size, "true size");
    else
      std::snprintf(size, sizeof size, "%.2g × true size", scale);
    std::snprintf(text, sizeof text,
                  "Decoder check at r (estimated: %d decoded draws at each of %d data points, epoch %d): median "
                  "relative trace error %.2f. The two agree only at high SNR (small σ); at low SNR the decoded x-hat "
                  "spread far wider than F_code⁻¹ says. Drawn at %s; %d capped at a half-axis of %.2g × the grid "
                  "spacing (dot in the centre).",
                  d.draws, static_cast<int>(d.points.cols()), d.epoch, d.median_rel_error, size, capped_count,
                  kCapCells);
    std::snprintf(short_text, sizeof short_text,
                  "Decoder check (estimated): median relative trace error %.2f; agrees only at high SNR.",
                  d.median_rel_error);
  }
  // The long note where it fits, else the short one, else none (a phone's figure has little room under its map).
  const ImVec2 room = ImGui::GetContentRegionAvail();
  const char* shown = nullptr;
  for (const char* candidate : {static_cast<const char*>(text), static_cast<const char*>(short_text)}) {
    if (ImGui::CalcTextSize(candidate, nullptr, false, room.x).y + ImGui::GetStyle().ItemSpacing.y <= room.y) {
      shown = candidate;
      break;
    }
  }
  if (!shown) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", shown);
  ImGui::PopTextWrapPos();
}

}  // namespace catgeo
