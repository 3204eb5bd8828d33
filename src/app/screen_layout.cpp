// Layouts by canvas size (see screen_layout.h).
#include "app/screen_layout.h"

#include <algorithm>

namespace catgeo {
namespace {

constexpr float kPortraitMaxWidth = 700.0f;   // narrower than this: always the portrait layout
constexpr float kPortraitTabletWidth = 1000.0f;  // up to this width, a canvas taller than wide is portrait too
constexpr float kProjectorWidth = 1700.0f;    // from this width, larger type (projectors, large screens)
// An embed smaller than this in either direction shows only the figure (the caption is the host page's).
constexpr float kFigureOnlyWidth = 600.0f, kFigureOnlyHeight = 480.0f;

PanelBox box(float x, float y, float w, float h) {
  return {ImVec2(x, y), ImVec2(std::max(0.0f, w), std::max(0.0f, h))};
}

}  // namespace

const char* to_string(ScreenKind kind) {
  switch (kind) {
    case ScreenKind::portrait: return "portrait";
    case ScreenKind::compact: return "compact";
    case ScreenKind::stage: return "stage";
    case ScreenKind::columns: break;
  }
  return "columns";
}

ScreenLayout choose_screen_layout(const ScreenRequest& r) {
  ScreenLayout out;
  const float w = r.display.x, h = r.display.y;
  // Lecture type is 1.4x on a 1280 px wide canvas and follows the width (a 1024 px tablet gets 1.15x, so its columns
  // keep their labels); a projector-sized canvas gets larger type without lecture mode too.
  const float lecture_scale = std::clamp(1.4f * w / 1280.0f, 1.15f, 1.6f);
  out.font_scale = r.lecture ? lecture_scale : w >= kProjectorWidth ? 1.25f : 1.0f;
  const bool portrait = w < kPortraitMaxWidth || (w < kPortraitTabletWidth && h > w * 1.1f);
  // An embed, or a lecture on a landscape screen (a slide): the figure over a one-row play bar.
  if (!r.side_panels || (r.lecture && !portrait)) {
    out.kind = r.side_panels ? ScreenKind::stage : ScreenKind::compact;
    out.font_scale = !r.lecture ? 1.0f : r.side_panels ? lecture_scale : 1.25f;
    const float bar = r.run_controls ? r.bar_height * out.font_scale : 0.0f;
    out.view = box(0, 0, w, std::max(120.0f, h - bar));
    if (r.run_controls) out.bar = box(0, h - bar, w, bar);
    out.figure_only = out.kind == ScreenKind::compact && (w < kFigureOnlyWidth || h < kFigureOnlyHeight);
    return out;
  }
  if (portrait) {
    out.kind = ScreenKind::portrait;
    out.font_scale = r.lecture ? 1.25f : 1.0f;
    // The figure takes what its maps need; the sheet gets the rest, or all but a strip of the figure when expanded.
    const float figure = r.sheet_expanded ? std::min(96.0f, 0.15f * h)
                                          : std::min(portrait_figure_height(w, h, r.figure_header),
                                                     std::max(0.4f * h, h - r.sheet_min));
    out.view = box(0, 0, w, figure);
    out.sheet = box(0, figure, w, h - figure);
    return out;
  }
  out.kind = ScreenKind::columns;
  const float left = std::clamp(w * 0.24f, 240.0f * out.font_scale, 320.0f * out.font_scale);
  const float right = std::clamp(w * 0.26f, 260.0f * out.font_scale, 360.0f * out.font_scale);
  const float middle = std::max(200.0f, w - left - right);
  const float view_h = std::max(200.0f, h * 0.64f);
  // A strip under the charts and read-outs stays free: the page's share bar (HTML over the canvas) and the fps line
  // sit there, and the page scrolls there (see the wheel policy).
  constexpr float kBottomStrip = 44.0f;
  out.controls = box(0, 0, left, h);
  out.view = box(left, 0, middle, view_h);
  out.charts = box(left, view_h, middle, h - view_h - kBottomStrip);
  out.readouts = box(left + middle, 0, w - left - middle, std::max(200.0f, h - kBottomStrip));
  return out;
}

float portrait_figure_height(float w, float h, float header) {
  const MapChrome c;
  constexpr float kWindowAndNote = 100.0f;  // the panel's title bar and padding, and the wrapped note under the legend
  constexpr float kToggle = 24.0f;          // the F_cat / F_code switch of one-map-at-a-time
  constexpr float kPadding = 16.0f;
  const float pair = (w - kPadding - c.color_bar - 2.0f * c.margin) / 2.0f;
  const float maps = pair >= kPortraitMinMapSize ? pair : w - kPadding - c.color_bar - c.margin + kToggle;
  return std::clamp(maps + c.title + c.legend + c.ticks + kWindowAndNote + header, 0.4f * h,
                    (header > 0.0f ? 0.8f : 0.7f) * h);
}

MapChrome MapChrome::for_type_size(float font_px) {
  const float k = font_px / 13.0f;
  const MapChrome base;
  return {base.title * k, base.margin * k, base.color_bar * k, base.legend * k, base.ticks * k};
}

MapArrangement arrange_maps(ImVec2 area, int maps, const MapChrome& c, float min_size) {
  const float n = static_cast<float>(std::max(1, maps));
  const float single = std::min(area.x - c.color_bar - c.margin, area.y - c.title - c.ticks - c.legend);
  const float side = std::min((area.x - c.color_bar - c.margin * n) / n, area.y - c.title - c.ticks - c.legend);
  const float stacked = std::min(area.x - c.color_bar - c.margin, (area.y - c.legend) / n - c.title - c.ticks);
  MapArrangement out;
  out.stacked = maps > 1 && stacked > side;
  out.map_size = std::max(60.0f, out.stacked ? stacked : side);
  if (maps > 1 && out.map_size < min_size && single > 1.25f * out.map_size) {  // only when one map is clearly larger
    out.stacked = false;
    out.one_at_a_time = true;
    out.map_size = std::max(60.0f, single);
  }
  return out;
}

}  // namespace catgeo
