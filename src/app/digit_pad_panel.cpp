// Draw your own digit (MNIST): a 28x28 pad drawn with the mouse or a finger, sent to the engine while drawing; the
// network's posterior for the drawing, its nearest training digits, and its code with F_code's ellipse on the maps.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/digit_pad_panel.h"

#include "app/colormap.h"
#include "app/glyph_ellipse.h"
#include "app/label_audit.h"
#include "app/mnist_view.h"
#include "app/text_fit.h"

namespace catgeo {
namespace {

constexpr float kPadLines = 12.0f;     // the pad's side in text lines (laptop and tablet)
constexpr float kBrushCore = 0.75f;    // pad pixels: full ink within this distance of the stroke's centre line
constexpr float kBrushEdge = 1.75f;    // and none beyond this one (a soft edge between, as MNIST's strokes)
constexpr double kSendInterval = 0.1;  // seconds between drawings sent while a stroke goes on
constexpr ImU32 kPadInk = IM_COL32(255, 255, 255, 255);

// Inks the segment a -> b (pad pixels, continuous: pixel (i, j) spans [j, j+1) x [i, i+1)) into the pad.
void ink_segment(std::vector<float>& pad, ImVec2 a, ImVec2 b) {
  const float dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
  const int left = std::max(0, static_cast<int>(std::floor(std::min(a.x, b.x) - kBrushEdge)));
  const int right = std::min(kPadSide - 1, static_cast<int>(std::floor(std::max(a.x, b.x) + kBrushEdge)));
  const int top = std::max(0, static_cast<int>(std::floor(std::min(a.y, b.y) - kBrushEdge)));
  const int bottom = std::min(kPadSide - 1, static_cast<int>(std::floor(std::max(a.y, b.y) + kBrushEdge)));
  for (int i = top; i <= bottom; ++i)
    for (int j = left; j <= right; ++j) {
      const float px = j + 0.5f, py = i + 0.5f;
      const float t = length2 > 0.0f ? std::clamp(((px - a.x) * dx + (py - a.y) * dy) / length2, 0.0f, 1.0f) : 0.0f;
      const float ex = px - (a.x + t * dx), ey = py - (a.y + t * dy);
      const float ink = std::clamp((kBrushEdge - std::sqrt(ex * ex + ey * ey)) / (kBrushEdge - kBrushCore), 0.0f, 1.0f);
      float& v = pad[i * kPadSide + j];
      v = std::max(v, ink);
    }
}

}  // namespace

int DigitPadPanel::inked() const {
  return static_cast<int>(std::count_if(pixels_.begin(), pixels_.end(), [](float v) { return v > 0.0f; }));
}

std::uint32_t DigitPadPanel::put(const std::vector<float>& pixels, const SendCommand& send) {
  Command command;
  command.kind = CommandKind::digit_pad;
  command.pixels = pixels;
  if (!command.pixels.empty()) command.pixels.resize(kPadPixels, 0.0f);
  pixels_ = command.pixels.empty() ? std::vector<float>(kPadPixels, 0.0f) : command.pixels;
  blank_ = std::all_of(pixels_.begin(), pixels_.end(), [](float v) { return !(v > 0.0f); });
  unsent_ = false;
  sent_time_ = ImGui::GetTime();
  command_ = send(std::move(command));
  return command_;
}

bool DigitPadPanel::reading_shown(const RunView& view) const {
  const DrawnResult& d = view.drawn;
  return view.config.data == DataKind::mnist && !blank_ && d.active && d.valid && d.code.rows() == 2;
}

void DigitPadPanel::draw(const RunView& view, const FieldImages& images, bool portrait, const SendCommand& send) {
  const float width = ImGui::GetContentRegionAvail().x;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  // Portrait (phones): full width, but no taller than the sheet shows at once (a pad scrolled half out of view cannot
  // be drawn on; the sheet's "+" gives it the full width).
  const float visible = ImGui::GetWindowHeight() - 2.0f * ImGui::GetStyle().WindowPadding.y - line;
  const float side = std::floor(portrait ? std::min(width, std::max(visible, 6.0f * line))
                                                                     : std::min(width, kPadLines * line));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("Write a digit with the mouse or a finger; the network reads it as it is drawn.");
  ImGui::PopTextWrapPos();
  // The pad: a button the strokes are drawn on (active while held, so a finger on it draws instead of scrolling).
  const ImVec2 p0 = ImGui::GetCursorScreenPos(), p1(p0.x + side, p0.y + side);
  ImGui::InvisibleButton("##digit-pad", ImVec2(side, side));
  places_.pad_min = p0, places_.pad_max = p1;
  const ImVec2 clip0 = ImGui::GetWindowDrawList()->GetClipRectMin(),
               clip1 = ImGui::GetWindowDrawList()->GetClipRectMax();
  places_.visible = p0.x >= clip0.x && p0.y >= clip0.y && p1.x <= clip1.x && p1.y <= clip1.y;
  places_.panel_min = clip0, places_.panel_max = clip1;
  const float cell = side / kPadSide;
  if (ImGui::IsItemActive()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const ImVec2 at((mouse.x - p0.x) / cell, (mouse.y - p0.y) / cell);
    ink_segment(pixels_, stroke_ ? last_ : at, at);
    stroke_ = true, last_ = at, unsent_ = true;
    if (ImGui::GetTime() - sent_time_ >= kSendInterval) put(pixels_, send);
  } else if (stroke_) {
    stroke_ = false;
    if (unsent_) put(pixels_, send);  // the stroke's end, at once
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p0, p1, IM_COL32(0, 0, 0, 255));
  for (int i = 0; i < kPadSide; ++i)
    for (int j = 0; j < kPadSide; ++j) {
      const float v = pixels_[i * kPadSide + j];
      if (v <= 0.02f) continue;
      const ImVec2 a(p0.x + j * cell, p0.y + i * cell);
      dl->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell),
                        IM_COL32(255, 255, 255, static_cast<int>(255.0f * std::min(v, 1.0f))));
    }
  dl->AddRect(p0, p1, IM_COL32(120, 120, 120, 255));
  note_figure_area("digit pad", p0, p1);
  // Beside the pad when there is room (else under it): Clear, the network's digit and its posterior as bars.
  const float column = 11.0f * ImGui::GetFontSize();
  const bool beside = width - side >= column + ImGui::GetStyle().ItemSpacing.x;
  if (beside) ImGui::SetCursorScreenPos(ImVec2(p1.x + ImGui::GetStyle().ItemSpacing.x, p0.y));
  ImGui::BeginGroup();
  if (ImGui::Button("Clear")) {
    put({}, send);
    stroke_ = false;
  }
  places_.clear_min = ImGui::GetItemRectMin(), places_.clear_max = ImGui::GetItemRectMax();
  const DrawnResult& d = view.drawn;
  if (blank_ && !stroke_) {
    ImGui::TextDisabled("(draw a digit on the pad)");
  } else if (!reading_shown(view)) {
    ImGui::TextDisabled("%s", d.command == command_ && !d.error.empty() ? d.error.c_str() : "reading...");
  } else {
    const int digit = view.class_digit(d.predicted);
    ImGui::Text("Network's digit:");
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(digit_colour(digit)), "%d", digit);
    const float bar_room = (beside ? column : width) - ImGui::CalcTextSize("9 0.000 ").x;
    const float bar_width = std::max(20.0f, std::min(bar_room, 8.0f * ImGui::GetFontSize()));
    for (int mu = 0; mu < d.fields.num_classes; ++mu) {
      const double p = d.fields.network_posterior(mu, 0);
      const int class_digit = view.class_digit(mu);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(digit_colour(class_digit)), "%d", class_digit);
      ImGui::SameLine();
      const ImVec2 b0 = ImGui::GetCursorScreenPos();
      const float h = ImGui::GetTextLineHeight();
      ImGui::Dummy(ImVec2(bar_width, h));
      ImDrawList* bars = ImGui::GetWindowDrawList();
      bars->AddRectFilled(b0, ImVec2(b0.x + bar_width, b0.y + h), IM_COL32(40, 42, 48, 255));
      bars->AddRectFilled(b0, ImVec2(b0.x + static_cast<float>(p) * bar_width, b0.y + h), digit_colour(class_digit));
      ImGui::SameLine();
      ImGui::TextDisabled("%.3f", p);
    }
  }
  ImGui::EndGroup();
  if (beside) {  // under the taller of the two
    const float bottom = std::max(p1.y, ImGui::GetItemRectMax().y);
    ImGui::SetCursorScreenPos(ImVec2(p0.x, bottom + ImGui::GetStyle().ItemSpacing.y));
    ImGui::Dummy(ImVec2(0.0f, 0.0f));
  }
  if (reading_shown(view)) draw_reading(view, images);
}

void DigitPadPanel::draw_reading(const RunView& view, const FieldImages& images) const {
  // What it reads: the drawing as the data are made, its code, F_code there, its nearest training digits.
  const DrawnResult& d = view.drawn;
  const float pixel = 2.0f, tile = d.image_side * pixel, gap = 6.0f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  draw_digit_image(ImGui::GetWindowDrawList(), d.image, d.image_side, at, pixel);
  ImGui::Dummy(ImVec2(tile, tile));
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "what the network sees: the drawing scaled to a 20-pixel box and centred by its centre of "
        "mass like the MNIST digits, then pooled to %dx%d like this run's data",
        d.image_side, d.image_side);
  ImGui::SameLine();
  const Sym2 f = GridFields::unpack(d.fields.fcode, 0);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::Text("x = (%.2f, %.2f)", d.code(0, 0), d.code(1, 0));
  ImGui::TextDisabled("its code: the white cross on the maps");
  ImGui::Text("F_code = [[%.3g, %.3g], [%.3g, %.3g]]", f.f11, f.f12, f.f12, f.f22);
  ImGui::TextDisabled("exact for this network at x: JᵀJ/σ², J = dr/dx (its ellipse on the maps)");
  const GlyphScale scale = glyph_scale(view.fields, view.fields.fcode_eigen, images.mask, 1.0f);
  if (scale.lambda_ref > 0.0)
    ImGui::TextDisabled("λ_max here: %.2g × the map's largest (the ellipse ∝ √λ, as the glyphs)",
                        std::max(0.0, d.fields.fcode_eigen(0, 0)) / scale.lambda_ref);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("P(digit | drawing) above is the network's own (its noiseless read-out), not the KDE estimate.");
  ImGui::PopTextWrapPos();
  if (d.nearest.empty()) return;
  ImGui::Text("Nearest training digits (by code):");
  const float label_h = ImGui::GetTextLineHeight();
  const float cell_w = std::max(tile, ImGui::CalcTextSize("9 0.00").x) + gap;
  const int columns = std::max(1, static_cast<int>((ImGui::GetContentRegionAvail().x + gap) / cell_w));
  const int count = static_cast<int>(d.nearest.size());
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  for (int t = 0; t < count; ++t) {
    const NearestDigit& n = d.nearest[t];
    const ImVec2 a(origin.x + (t % columns) * cell_w, origin.y + (t / columns) * (tile + label_h + gap));
    draw_digit_image(ImGui::GetWindowDrawList(), n.pixels, d.image_side, a, pixel);
    char text[24];
    std::snprintf(text, sizeof text, "%d %.2f", view.class_digit(n.label), n.distance);
    draw_label(ImGui::GetWindowDrawList(), ImVec2(a.x, a.y + tile + 1.0f), digit_colour(view.class_digit(n.label)),
               text);
  }
  const int rows = (count + columns - 1) / columns;
  ImGui::Dummy(ImVec2(std::min(columns, count) * cell_w - gap, rows * (tile + label_h + gap)));
  ImGui::TextDisabled("label, distance from x in the projection space");
}

void DigitPadPanel::draw_on_map(const PlotFrame& frame, const RunView& view, const FieldImages& images) const {
  if (!reading_shown(view)) return;
  const DrawnResult& d = view.drawn;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(frame.p0, frame.p1, true);
  const ImVec2 c = frame.to_screen(d.code(0, 0), d.code(1, 0));
  const ImU32 fill = digit_colour(view.class_digit(d.predicted));
  for (const auto& [width, colour] : {std::make_pair(5.0f, IM_COL32(0, 0, 0, 255)), std::make_pair(2.5f, kPadInk)}) {
    dl->AddLine(ImVec2(c.x - 7.0f, c.y - 7.0f), ImVec2(c.x + 7.0f, c.y + 7.0f), colour, width);
    dl->AddLine(ImVec2(c.x - 7.0f, c.y + 7.0f), ImVec2(c.x + 7.0f, c.y - 7.0f), colour, width);
  }
  dl->AddCircleFilled(c, 3.0f, fill);
  // F_code's ellipse in the glyphs' convention, scaled like the F_code map's glyphs, so that the two compare.
  const GlyphScale scale = glyph_scale(view.fields, view.fields.fcode_eigen, images.mask, frame.width());
  if (scale.lambda_ref > 0.0) {
    const double l_max = std::max(0.0, d.fields.fcode_eigen(0, 0)), l_min = std::max(0.0, d.fields.fcode_eigen(1, 0));
    const float a = std::min(scale.half_axis * static_cast<float>(std::sqrt(l_max / scale.lambda_ref)), frame.width());
    const float b = std::min(scale.half_axis * static_cast<float>(std::sqrt(l_min / scale.lambda_ref)), frame.width());
    draw_glyph_ellipse(dl, c, a, std::max(b, 0.6f), d.fields.fcode_eigen(2, 0), IM_COL32(0, 0, 0, 220), 4.0f);
    draw_glyph_ellipse(dl, c, a, std::max(b, 0.6f), d.fields.fcode_eigen(2, 0), kFcodeColor, 2.0f);
  }
  dl->PopClipRect();
}

}  // namespace catgeo
