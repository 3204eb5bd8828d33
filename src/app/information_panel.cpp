// The information side of the run on the page (see information_panel.h).
#include "app/information_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/chart_axes.h"
#include "app/colormap.h"
#include "app/information_colours.h"
#include "app/flow_layout.h"
#include "app/label_audit.h"
#include "app/text_fit.h"
#include "core/geometry/metrics.h"

namespace catgeo {

void InformationPanel::draw_charts(float width, const RunView& view, TextureStore& textures,
                                   const MarkTourFocus& mark) {
  const std::vector<InformationRow>& rows = view.information;
  const float em = ImGui::GetFontSize();
  ImGui::Separator();
  ImGui::TextUnformatted("The information side (nats)");
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Measured by the engine on a schedule, not every epoch: epoch 0, every tenth of the run, and the\n"
        "last epoch (points on the charts). I(μ; r) is a Monte-Carlo estimate (± 2 standard errors);\n"
        "I(μ; x) is exact (quadrature on the mixture); the lower bound is H(μ) minus the noisy test\n"
        "cross-entropy; the high-SNR form I(μ; x) − ½ E Tr(F_code⁻¹ F_cat) is an approximation.");
  const bool exact = std::isfinite(view.facts.info_x);
  if (!exact) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(
        "I(μ; r), its split and the information plane need the exact p(x|μ) of a mixture; here F_cat "
        "is a KDE estimate, so the I(μ; r) lower bound chart above and the projection's information below are shown.");
    ImGui::PopTextWrapPos();
    draw_projection_information(width, view, mark);
    return;
  }
  if (rows.empty()) {
    ImGui::TextDisabled("Measuring epoch 0...");
    return;
  }
  const int columns = std::clamp(static_cast<int>(width / (16.0f * em)), 1, 4);
  const float gap = ImGui::GetStyle().ItemSpacing.x;  // what same_line_or_wrap leaves between two charts
  const ImVec2 size(std::floor((width - (columns - 1) * gap) / columns), 10.0f * ImGui::GetTextLineHeight());
  const InformationRow& last = rows.back();
  const double ceiling = view.facts.info_x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const double last_epoch = std::max(1.0, view.history.empty() ? 1.0 : view.history.back().epoch);
  char line[128];
  ImVec2 p0, p1;

  // 1. I(μ; r) between its bounds, and the high-SNR approximation.
  std::snprintf(line, sizeof line, "I(μ;r) %.3f ± %.3f at epoch %d", last.summary.info_r, last.summary.info_r_se,
                last.epoch);
  chart_box(dl, size, "I(μ; r): estimate and bounds", "I(μ; r) and bounds", line, p0, p1);
  const bool hovered_info = ImGui::IsItemHovered();
  mark(TourFocus::information, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());  // tour step 8's chart
  {
    double lo = ceiling, hi = ceiling;
    for (const MetricsSnapshot& m : view.history)
      if (std::isfinite(m.info_r_lower_bound)) lo = std::min(lo, m.info_r_lower_bound);
    for (const InformationRow& r : rows) lo = std::min(lo, r.summary.info_r - 2.0 * r.summary.info_r_se);
    lo = std::max(lo, ceiling - 1.5 * std::max(ceiling, 0.05));  // a very negative lower bound or approximation
    dl->PushClipRect(p0, p1, true);                              // runs off the bottom, marked by its line
    const ChartAxes a = draw_chart_axes(dl, p0, p1, 0.0, last_epoch, "epoch", lo, hi, false);
    dashed_level(dl, a, ceiling, kCeiling);
    std::vector<ImVec2> bound, info, high_snr;
    for (const MetricsSnapshot& m : view.history)
      if (std::isfinite(m.info_r_lower_bound)) bound.push_back(a.to_screen(m.epoch, m.info_r_lower_bound));
    if (bound.size() > 1) dl->AddPolyline(bound.data(), static_cast<int>(bound.size()), kBound, ImDrawFlags_None, 1.0f);
    for (const InformationRow& r : rows) {
      const ImVec2 p = a.to_screen(r.epoch, r.summary.info_r);
      info.push_back(p);
      const float half = std::abs(a.to_screen(r.epoch, r.summary.info_r + 2.0 * r.summary.info_r_se).y - p.y);
      dl->AddLine(ImVec2(p.x, p.y - half), ImVec2(p.x, p.y + half), kInfoR, 1.0f);
      if (std::isfinite(r.summary.info_r_highsnr)) high_snr.push_back(a.to_screen(r.epoch, r.summary.info_r_highsnr));
    }
    polyline(dl, high_snr, kHighSnr, 1.0f);
    polyline(dl, info, kInfoR, 1.5f);
    dl->PopClipRect();
  }
  if (hovered_info) {
    const double epoch = (ImGui::GetIO().MousePos.x - p0.x) / (p1.x - p0.x) * last_epoch;
    const auto nearest = std::min_element(rows.begin(), rows.end(), [&](const auto& x, const auto& y) {
      return std::fabs(x.epoch - epoch) < std::fabs(y.epoch - epoch);
    });
    const InformationSummary& s = nearest->summary;
    ImGui::SetTooltip(
        "epoch %d\nI(μ; x) = %.4f (exact, the ceiling)\nI(μ; r) = %.4f ± %.4f (Monte-Carlo estimate)\n"
        "high-SNR approximation = %.4f (valid only at high SNR)\nI(x; r) = %.3f ± %.3f (Monte-Carlo)",
        nearest->epoch, ceiling, s.info_r, s.info_r_se, s.info_r_highsnr, s.info_xr, s.info_xr_se);
  }

  // 2. The Bayes cost split into coding and decoding (spec 1.3).
  same_line_or_wrap(size.x);
  std::snprintf(line, sizeof line, "coding %.3f + decoding %.3f", last.summary.coding_cost, last.summary.decoding_cost);
  chart_box(dl, size, "Bayes cost = coding + decoding", "coding + decoding", line, p0, p1);
  {
    double lo = 0.0, hi = 0.0;
    for (const InformationRow& r : rows) hi = std::max({hi, r.summary.bayes_cost, r.summary.coding_cost});
    dl->PushClipRect(p0, p1, true);
    const ChartAxes a = draw_chart_axes(dl, p0, p1, 0.0, last_epoch, "epoch", lo, hi, false);
    std::vector<ImVec2> coding, decoding, bayes;
    for (const InformationRow& r : rows) {
      coding.push_back(a.to_screen(r.epoch, r.summary.coding_cost));
      decoding.push_back(a.to_screen(r.epoch, r.summary.decoding_cost));
      bayes.push_back(a.to_screen(r.epoch, r.summary.bayes_cost));
    }
    polyline(dl, bayes, kCeiling, 1.0f);
    polyline(dl, coding, kInfoR, 1.5f);
    polyline(dl, decoding, kDecoding, 1.5f);
    dl->PopClipRect();
  }

  // 3. The information plane (spec 1.11): where the code goes in (I(x; r), I(μ; r)) as it learns.
  same_line_or_wrap(size.x);
  std::snprintf(line, sizeof line, "I(x;r) %.2f, I(μ;r) %.3f", last.summary.info_xr, last.summary.info_r);
  chart_box(dl, size, "Information plane: I(μ; r) against I(x; r)", "Information plane", line, p0, p1);
  {
    double x_lo = INFINITY, x_hi = -INFINITY, lo = ceiling, hi = ceiling;
    for (const InformationRow& r : rows) {
      x_lo = std::min(x_lo, r.summary.info_xr), x_hi = std::max(x_hi, r.summary.info_xr);
      lo = std::min(lo, r.summary.info_r);
    }
    const double pad = 0.1 * std::max(x_hi - x_lo, 0.1);
    dl->PushClipRect(p0, p1, true);
    const ChartAxes a = draw_chart_axes(dl, p0, p1, x_lo - pad, x_hi + pad, "I(x; r)", lo, hi, false);
    dashed_level(dl, a, ceiling, kCeiling);
    std::vector<ImVec2> path;
    for (const InformationRow& r : rows) path.push_back(a.to_screen(r.summary.info_xr, r.summary.info_r));
    polyline(dl, path, kInfoR, 1.5f);
    if (!path.empty()) dl->AddCircle(path.back(), 5.0f, IM_COL32(255, 255, 255, 230), 12, 1.5f);  // now
    dl->PopClipRect();
  }

  // 4. F_code / F_cat over the category-relevant region: the Information Bottleneck optimum makes it constant.
  same_line_or_wrap(size.x);
  std::snprintf(line, sizeof line, "spread (CV) %.2f at epoch %d", last.summary.fcode_over_fcat_cv, last.epoch);
  chart_box(dl, size, "F_code / F_cat (IB optimum: constant)", "F_code / F_cat", line, p0, p1);
  draw_ratio_map(p0, p1, view, textures);

  FlowingLegend legend;
  legend.item(colour(kCeiling), "- - I(μ; x), the ceiling (exact)");
  legend.item(colour(kInfoR), "— I(μ; r) ± 2 se (estimate) / coding cost");
  legend.item(colour(kBound), "— lower bound");
  legend.item(colour(kHighSnr), "— high-SNR approximation");
  legend.item(colour(kDecoding), "— decoding cost");
  // Say in one line when the approximation is off: below zero, or further from the estimate than its error.
  const InformationSummary& s = last.summary;
  const double off = s.info_r_highsnr - s.info_r;
  ImGui::PushTextWrapPos(0.0f);
  if (std::isfinite(off) && (s.info_r_highsnr < 0.0 || std::fabs(off) > 3.0 * s.info_r_se))
    ImGui::TextColored(colour(kHighSnr),
                       "At epoch %d the high-SNR approximation is off by %+.3f nats%s: it holds only when F_code is "
                       "large (a wide layer, little noise on r).",
                       last.epoch, off,
                       s.info_r_highsnr < 0.0 ? " (it is negative: the approximation has broken down; this does not "
                                                "mean that r carries no information)"
                                              : "");
  ImGui::PopTextWrapPos();
}

void InformationPanel::draw_projection_information(float width, const RunView& view, const MarkTourFocus& mark) {
  // Part (i) of the claim, "finding an appropriate projection space": what the projection x carries about the
  // category, I(μ; x) by the KDE of the training projections read at the test projections
  // (core/analysis/kde_information.h), over training, against its ceiling H(μ).
  const std::vector<InformationRow>& rows = view.information;
  if (rows.empty()) {
    ImGui::TextDisabled("Measuring epoch 0...");
    return;
  }
  const InformationRow& last = rows.back();
  const double ceiling = view.facts.class_entropy;
  char long_line[128], short_line[64];
  std::snprintf(long_line, sizeof long_line, "I(μ;x) %.3f ± %.3f of H(μ) %.3f at epoch %d (KDE estimate)",
                last.summary.info_x_kde, last.summary.info_x_kde_se, ceiling, last.epoch);
  std::snprintf(short_line, sizeof short_line, "%.3f of %.3f, KDE est.", last.summary.info_x_kde, ceiling);
  const ImVec2 size(width, 9.0f * ImGui::GetTextLineHeight());
  ImVec2 p0, p1;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  chart_box(dl, size, "The projection found: I(μ; x) of the 2-D codes", "I(μ; x) of the codes",
            fit_text(long_line, short_line, size.x - 8.0f), p0, p1);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "The information the learned projection x carries about the class, estimated: a class-wise Gaussian KDE of\n"
        "the training codes (Scott's bandwidth) read at the test codes, H(μ) − mean H(P_kde(μ|x)) (± 2 se over the\n"
        "test digits). Known bias: the kernels blur the classes into each other, so it reads low where the\n"
        "bandwidth smears a boundary; checked on E1, where the exact value is known, within 0.011 nats.");
  mark(TourFocus::information, p0, p1);
  const double last_epoch = std::max(1.0, view.history.empty() ? 1.0 : view.history.back().epoch);
  dl->PushClipRect(p0, p1, true);
  const ChartAxes a = draw_chart_axes(dl, p0, p1, 0.0, last_epoch, "epoch", 0.0, ceiling, false);
  dashed_level(dl, a, ceiling, kCeiling);
  std::vector<ImVec2> path;
  for (const InformationRow& r : rows) {
    if (!std::isfinite(r.summary.info_x_kde)) continue;
    const ImVec2 p = a.to_screen(r.epoch, r.summary.info_x_kde);
    const float half = std::abs(a.to_screen(r.epoch, r.summary.info_x_kde + 2.0 * r.summary.info_x_kde_se).y - p.y);
    dl->AddLine(ImVec2(p.x, p.y - half), ImVec2(p.x, p.y + half), kInfoR, 1.0f);
    path.push_back(p);
  }
  polyline(dl, path, kInfoR, 2.0f);
  dl->PopClipRect();
  FlowingLegend legend;
  legend.item(colour(kInfoR), "I(μ; x), KDE estimate ± 2 se");
  legend.item(colour(kCeiling), "– – H(μ), the most it can carry");
}

void InformationPanel::draw_bias_variance(const RunView& view, TextureStore& textures) {
  const BiasVarianceMaps& maps = view.bias_variance;
  const InformationRow* row = view.latest_information();
  if (maps.epoch < 0 || !row) {
    ImGui::TextDisabled("Measuring...");
    return;
  }
  const InformationSummary& s = row->summary;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::Text(
      "Epoch %d, averaged over p(x): noise %.4f + bias %.4f + variance %.4f = %.4f nats, the expected "
      "cross-entropy under the training noise.",
      row->epoch, s.bv_noise, s.bv_bias, s.bv_variance, s.bv_cross_entropy);
  ImGui::TextDisabled(
      "Noise H(μ|x): what no code can remove (a grid quadrature of the true posterior); bias KL(P ‖ ḡ): the "
      "read-out's average guess is off; variance −ln Z: the noise on r makes it waver. Bias and variance are "
      "Monte-Carlo over the noise on r at each point (spec 1.10)%s.",
      view.facts.reference_exact ? "" : "; the true posterior is the KDE estimate here");
  ImGui::PopTextWrapPos();
  const Eigen::VectorXd* fields[3] = {&maps.noise, &maps.bias, &maps.variance};
  const char* names[3] = {"noise", "bias", "variance"};
  const int nx = maps.grid.count[0], ny = maps.grid.dims == 2 ? maps.grid.count[1] : 1;
  if (maps.noise.size() != static_cast<Eigen::Index>(nx) * ny) return;
  BiasVarianceImages& images = bias_variance_images_;
  if (maps.grid.dims == 2 && images.version != view.bias_variance_version) {  // each map over its own maximum
    images.version = view.bias_variance_version;
    std::vector<std::uint32_t> pixels(static_cast<size_t>(nx) * ny);
    const int slots[3] = {kSlotBiasNoise, kSlotBias, kSlotVariance};
    for (int k = 0; k < 3; ++k) {
      images.max[k] = std::max(fields[k]->maxCoeff(), 1e-12);
      for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i)  // row 0 of the image is the top: the largest y
          pixels[static_cast<size_t>(ny - 1 - j) * nx + i] = heat_color((*fields[k])(j * nx + i) / images.max[k]);
      images.textures[k] = textures.upload(slots[k], nx, ny, pixels.data());
    }
  }
  const float width = ImGui::GetContentRegionAvail().x, gap = ImGui::GetStyle().ItemSpacing.x;
  const float side = std::floor((width - 2.0f * gap) / 3.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  char label[48];
  if (maps.grid.dims == 2) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled(
        "Maps over x₁ %.3g .. %.3g, x₂ %.3g .. %.3g (%s), each over its own maximum:", maps.grid.lo[0], maps.grid.hi[0],
        maps.grid.lo[1], maps.grid.hi[1],
        view.facts.reference_exact ? "wider than the F maps: every class to ±5 sd" : "the F maps' grid");
    ImGui::PopTextWrapPos();
    for (int k = 0; k < 3; ++k) {
      if (k > 0) ImGui::SameLine();
      ImGui::BeginGroup();
      ImGui::TextUnformatted(names[k]);
      if (images.textures[k]) ImGui::Image(images.textures[k], ImVec2(side, side));
      std::snprintf(label, sizeof label, "max %.3g", images.max[k]);
      ImGui::TextDisabled("%s", fit_words(label, side).c_str());
      ImGui::EndGroup();
    }
  } else {  // 1-D: the three curves over x, one plot
    const ImVec2 size(width, 7.0f * ImGui::GetTextLineHeight());
    ImVec2 p0, p1;
    std::snprintf(label, sizeof label, "over x (grid %.3g .. %.3g)", maps.grid.lo[0], maps.grid.hi[0]);
    chart_box(dl, size, "noise, bias and variance, nats", "noise, bias, variance", label, p0, p1);
    double hi = 0.0;
    for (const Eigen::VectorXd* f : fields) hi = std::max(hi, f->maxCoeff());
    dl->PushClipRect(p0, p1, true);
    const ChartAxes a = draw_chart_axes(dl, p0, p1, maps.grid.lo[0], maps.grid.hi[0], "x", 0.0, hi, false);
    const ImU32 colours[3] = {kBound, kHighSnr, kDecoding};
    std::vector<ImVec2> line;
    for (int k = 0; k < 3; ++k) {
      line.clear();
      for (int i = 0; i < nx; ++i)
        line.push_back(a.to_screen(maps.grid.lo[0] + (maps.grid.hi[0] - maps.grid.lo[0]) * i / std::max(1, nx - 1),
                                   (*fields[k])(i)));
      dl->AddPolyline(line.data(), static_cast<int>(line.size()), colours[k], ImDrawFlags_None, 1.5f);
    }
    dl->PopClipRect();
    FlowingLegend legend;
    for (int k = 0; k < 3; ++k) legend.item(colour(colours[k]), names[k]);
  }
}

void InformationPanel::draw_ratio_map(ImVec2 p0, ImVec2 p1, const RunView& view, TextureStore& textures) {
  // tr F_code / tr F_cat of the display fields over its p(x)-weighted mean, on a log scale of ±1 decade, where the
  // CV is taken (core/information/information_plane.h: the data region, tr F_cat >= 1% of its largest value); dark
  // elsewhere.
  const GridFields& f = view.fields;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line_h = ImGui::GetTextLineHeight();
  const ImVec2 q0(p0.x + 4.0f, p0.y + 2.0f * line_h + 6.0f), q1(p1.x - 4.0f, p1.y - line_h - 4.0f);
  if (!view.fields_valid() || !f.has_reference || !f.has_network || f.density.size() != f.size()) return;
  const int nx = f.grid.count[0], ny = f.dims() == 2 ? f.grid.count[1] : 1;
  RatioImage& image = ratio_image_;
  if (image.version != view.fields_version) {  // once per fields update, not every frame
    image.version = view.fields_version;
    image.pixels.clear();
    const std::vector<unsigned char> region = data_region_mask(f);
    double fcat_max = 0.0, weight = 0.0, sum = 0.0;
    for (int i = 0; i < f.size(); ++i)
      if (region[i]) fcat_max = std::max(fcat_max, GridFields::unpack(f.fcat, i).trace());
    std::vector<double> ratio(f.size(), NAN);
    for (int i = 0; i < f.size(); ++i) {
      const double fcat = GridFields::unpack(f.fcat, i).trace();
      if (!region[i] || !(fcat > 0.0) || fcat < 0.01 * fcat_max) continue;
      ratio[i] = GridFields::unpack(f.fcode, i).trace() / fcat;
      weight += f.density(i), sum += f.density(i) * ratio[i];
    }
    if (!(sum > 0.0)) return;
    const double mean = sum / weight;
    image.pixels.resize(static_cast<size_t>(nx) * ny);
    for (int j = 0; j < ny; ++j)  // row 0 of the image is the top: the largest y
      for (int i = 0; i < nx; ++i) {
        const double r = ratio[j * nx + i];
        image.pixels[static_cast<size_t>(ny - 1 - j) * nx + i] =
            std::isfinite(r) ? heat_color(std::clamp(0.5 * (std::log10(r / mean) + 1.0), 0.0, 1.0))
                             : IM_COL32(30, 32, 36, 255);
      }
    if (f.dims() == 2) image.texture = textures.upload(kSlotFcodeOverFcat, nx, ny, image.pixels.data());
  }
  if (image.pixels.size() != static_cast<size_t>(nx) * ny) return;
  if (f.dims() == 2) {
    const float side = std::min(q1.x - q0.x, q1.y - q0.y);
    if (image.texture) dl->AddImage(image.texture, q0, ImVec2(q0.x + side, q0.y + side));
  } else {  // 1-D: a strip of colour along x
    const float w = (q1.x - q0.x) / nx;
    for (int i = 0; i < nx; ++i)
      dl->AddRectFilled(ImVec2(q0.x + i * w, q0.y), ImVec2(q0.x + (i + 1) * w + 0.5f, q1.y), image.pixels[i]);
  }
  draw_label(dl, ImVec2(q0.x, q1.y + 2.0f), IM_COL32(150, 150, 150, 255), "colour: ratio / its mean, 0.1 .. 10", p0,
             p1);
}

}  // namespace catgeo
