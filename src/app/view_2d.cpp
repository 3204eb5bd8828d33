// The 2-D view: F_cat and F_code heat maps (side by side) or decision regions with both glyph sets (overlay),
// boundary lines, data points, the shared colour bar, hover read-out, and canvas editing (drag means, draw points).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/app.h"
#include "app/mnist_view.h"
#include "app/axis_ticks.h"
#include "app/colormap.h"
#include "app/flow_layout.h"
#include "app/glyph_ellipse.h"
#include "app/label_audit.h"
#include "app/screen_layout.h"
#include "app/text_fit.h"
#include "core/geometry/fisher.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"
#include "core/run/table_scenario.h"

namespace catgeo {
namespace {

void draw_segments(ImDrawList* dl, const PlotFrame& f, const std::vector<float>& s, ImU32 color, float thickness) {
  for (size_t i = 0; i + 3 < s.size(); i += 4)
    dl->AddLine(f.to_screen(s[i], s[i + 1]), f.to_screen(s[i + 2], s[i + 3]), color, thickness);
}

// The frame, round ticks on both axes and the axes' names: x₁ at the right end of the tick labels, x₂ in the margin
// above the y tick labels; a tick label that would run into a name is left out.
void draw_axes(ImDrawList* dl, const PlotFrame& f) {
  constexpr ImU32 kTick = IM_COL32(150, 150, 150, 255), kTickLabel = IM_COL32(170, 170, 170, 255);
  constexpr ImU32 kName = IM_COL32(215, 215, 215, 255);
  dl->AddRect(f.p0, f.p1, IM_COL32(120, 120, 120, 255));
  const float line_h = ImGui::GetTextLineHeight();
  const char* names[2] = {"x₁", "x₂"};
  const ImVec2 x_name_size = ImGui::CalcTextSize(names[0]), y_name_size = ImGui::CalcTextSize(names[1]);
  const ImVec2 x_name(f.p1.x - x_name_size.x, f.p1.y + 4), y_name(f.p0.x - 6 - y_name_size.x, f.p0.y - line_h - 2);
  draw_label(dl, x_name, kName, names[0]);
  draw_label(dl, y_name, kName, names[1]);
  char label[16];
  for (int axis = 0; axis < 2; ++axis) {
    const double lo = f.lo[axis], hi = f.hi[axis];
    // About one label per 45 px, whatever the extent (a learned projection's codes span tens of units).
    const float length = axis == 0 ? f.width() : f.height();
    for (double v : nice_ticks(lo, hi, std::max(2, static_cast<int>(length / 45.0f)))) {
      std::snprintf(label, sizeof label, "%g", v);
      const ImVec2 size = ImGui::CalcTextSize(label);
      if (axis == 0) {
        const ImVec2 p = f.to_screen(v, lo);
        dl->AddLine(ImVec2(p.x, f.p1.y), ImVec2(p.x, f.p1.y + 4), kTick);
        if (p.x + 0.5f * size.x + 4.0f > x_name.x) continue;  // the name x₁ is there
        draw_label(dl, ImVec2(p.x - 0.5f * size.x, f.p1.y + 4), kTickLabel, label);
      } else {
        const ImVec2 p = f.to_screen(f.lo[0], v);
        dl->AddLine(ImVec2(f.p0.x - 4, p.y), ImVec2(f.p0.x, p.y), kTick);
        // Centred on its tick, but clear of the x tick labels' row under the frame.
        const float top = std::min(p.y - 0.5f * line_h, f.p1.y + 3.0f - line_h);
        if (top < y_name.y + y_name_size.y + 1.0f) continue;  // the name x₂ is there
        draw_label(dl, ImVec2(f.p0.x - 6 - size.x, top), kTickLabel, label);
      }
    }
  }
}

}  // namespace

void App::draw_view() {
  view_frame_valid_ = false;
  tour_caption_shown_ = tour_step() != nullptr;
  caption_line_y_ = -1.0f;
  if (tour_step() && view_.config.view.tour != tour_map_step_) {  // one map at a time: the one the step is about
    tour_map_step_ = view_.config.view.tour;
    portrait_map_ = tour_step()->map == TourMap::fcode ? 1 : 0;
    // A phone: the tab that holds what the step names (the charts, or the read-outs).
    const TourFocus focus = tour_step()->focus;
    if (focus == TourFocus::digit_path || focus == TourFocus::layer_table) sheet_tab_request_ = 2;
    else if (focus != TourFocus::figure) sheet_tab_request_ = 1;
  }
  const float caption_top = ImGui::GetCursorPosY();
  draw_welcome();
  draw_tour_caption();
  figure_header_height_ = ImGui::GetCursorPosY() - caption_top;  // the portrait layout makes room for it
  if (view_.snapshots == 0) {
    ImGui::TextDisabled("%s", kEngineStarting);
  } else if (!view_.has_run()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.6f, 0.4f, 1.0f));
    ImGui::TextWrapped("%s", view_.status.c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("Your settings are kept: change them in the panel on the left.");
    if (edit_.data == DataKind::drawn_points) {
      // Still let the user draw: show an empty drawing canvas.
      draw_view_2d();
    }
  } else if (edit_.grid.dims == 1) {
    draw_view_1d();
  } else {
    draw_view_2d();
  }
}

void App::draw_view_2d() {
  const ViewConfig& view = edit_.view;
  const bool side = view.mode == ViewMode::side_by_side && view_.has_run();
  const MapChrome chrome = MapChrome::for_type_size(ImGui::GetFontSize());
  // Portrait (phones): when two maps would be small, one at a time, chosen here (the link still holds both).
  const float min_size = layout_.kind == ScreenKind::portrait || layout_.figure_only ? kPortraitMinMapSize : 0.0f;
  MapArrangement arrangement = arrange_maps(ImGui::GetContentRegionAvail(), side ? 2 : 1, chrome, min_size);
  // A cut's plot goes under the maps when they lose at most a third of their size for it (else it goes to the charts).
  if (cut_.plot_wanted(view_, edit_.grid.dims) && layout_.kind != ScreenKind::portrait) {
    const ImVec2 area = ImGui::GetContentRegionAvail();
    const float reserve = cut_.plot_height() + 4.0f * ImGui::GetTextLineHeightWithSpacing();  // button and note too
    const MapArrangement smaller = arrange_maps(ImVec2(area.x, area.y - reserve), side ? 2 : 1, chrome, min_size);
    if (smaller.map_size >= (2.0f / 3.0f) * arrangement.map_size && !smaller.one_at_a_time) arrangement = smaller;
  }
  const bool one_at_a_time = arrangement.one_at_a_time;
  if (one_at_a_time && layout_.figure_only) {
    draw_map_switch();  // on the step's title line (kept free for it), or on a line of its own
    arrangement = arrange_maps(ImGui::GetContentRegionAvail(), 1, chrome);
  } else if (one_at_a_time) {
    ImGui::RadioButton("F_cat", &portrait_map_, 0);
    ImGui::SameLine();
    ImGui::RadioButton("F_code", &portrait_map_, 1);
    ImGui::SameLine();
    ImGui::TextDisabled("(one at a time here)");
    arrangement = arrange_maps(ImGui::GetContentRegionAvail(), 1, chrome);
  }
  const float size = arrangement.map_size, margin = chrome.margin, title_h = chrome.title;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const GridSpec grid = map_grid();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 maps_end = origin;  // bottom-right corner of the last map
  const int first_map = one_at_a_time ? portrait_map_ : 0;
  const int last_map = one_at_a_time ? portrait_map_ : side ? 1 : 0;
  for (int p = first_map; p <= last_map; ++p) {
    PlotFrame frame;
    frame.p0 = one_at_a_time ? ImVec2(origin.x + margin, origin.y + title_h)
               : arrangement.stacked ? ImVec2(origin.x + margin, origin.y + title_h + p * (size + title_h + chrome.ticks))
                                   : ImVec2(origin.x + margin + p * (size + margin), origin.y + title_h);
    frame.p1 = ImVec2(frame.p0.x + size, frame.p0.y + size);
    maps_end = frame.p1;
    for (int axis = 0; axis < 2; ++axis) frame.lo[axis] = grid.lo[axis], frame.hi[axis] = grid.hi[axis];
    // The title may run over the margin to the next map, up to that map's axis name x₂; else it stops at the bar.
    const bool map_follows = side && p == 0 && !arrangement.stacked && !one_at_a_time;
    const float room = map_follows ? size + margin - ImGui::CalcTextSize("x₂").x - 10.0f : size + 6.0f;
    const std::string fcode_long = fcode_map_title(view_, false), fcode_short = fcode_map_title(view_, true);
    const char* title = !side  ? fit_text("Overlay: network decision regions, F_cat and F_code glyphs",
                                          "Overlay: regions, F_cat and F_code", room)
                        : p == 0 ? (view_.facts.reference_exact
                                        ? fit_text("F_cat (exact, from the mixture)", "F_cat (exact)", room)
                                        : fit_text("F_cat (estimated by KDE)", "F_cat (KDE estimate)", room))
                        : fit_text(fcode_long.c_str(), fcode_short.c_str(), room);
    draw_label(dl, ImVec2(frame.p0.x, frame.p0.y - title_h), IM_COL32(230, 230, 230, 255), title);
    draw_panel_2d(frame, side ? p : 2);
    cut_.draw_segment(frame, view_);
    DigitPathPanel(view_, edit_.view).draw_on_map(frame);
    pad_.draw_on_map(frame, view_, images_);
    if (p == first_map) {
      view_frame_ = frame;
      view_frame_valid_ = true;
    }
    if (!cut_.handle_input(frame, p, edit_.view, view_applier(), sender())) handle_canvas_input(frame, p);
  }
  figure_min_ = ImVec2(origin.x + margin, origin.y + title_h);
  figure_max_ = maps_end;
  mark_tour_focus(TourFocus::figure, figure_min_, figure_max_);
  if (side) draw_color_bar(ImVec2(maps_end.x + 8.0f, origin.y + title_h), ImVec2(maps_end.x + 22.0f, maps_end.y));
  // Legend
  ImGui::SetCursorScreenPos(ImVec2(origin.x, maps_end.y + chrome.ticks));
  const DecoderOverlay decoder(view_, edit_, map_grid());
  FlowingLegend legend;
  if (view.show_boundary) {
    legend.item(ImVec4(1, 1, 1, 1), "— reference boundary");
    legend.item(ImVec4(1.0f, 0.31f, 0.78f, 1), "— network boundary");
  }
  if (view.glyphs) {
    legend.item(ImGui::ColorConvertU32ToFloat4(kFcatColor), view_.facts.reference_exact ? "○ F_cat" : "○ F_cat (KDE estimate)");
    if (!decoder.shown()) legend.item(ImGui::ColorConvertU32ToFloat4(kFcodeColor), "○ F_code");
  }
  decoder.draw_legend(legend);
  draw_table_axes_note();
  if (view_.has_run() && !layout_.figure_only)  // a small embed is a figure, not a lab
    cut_.draw_button(view_, edit_.view, edit_.data == DataKind::drawn_points, view_applier());
  if (ImGui::GetContentRegionAvail().y < 3.0f * ImGui::GetTextLineHeightWithSpacing()) return;  // no room: About has it
  ImGui::PushTextWrapPos(0.0f);  // wrapped, never cut mid-word
  ImGui::TextDisabled("Ellipses: sensitivity convention, half-axes along the eigenvectors ∝ √(λ_i / max λ)"
                      " (long axis = most sensitive direction). Colours: %s of each field / its max in the data region.",
                      view.measure == FieldMeasure::trace ? "trace" : "largest eigenvalue");
  ImGui::PopTextWrapPos();
  decoder.draw_note();
  // The cut's plot under the maps when it fits; else at the top of the metric charts (draw_charts).
  if (cut_.plot_wanted(view_, edit_.grid.dims) &&
      ImGui::GetContentRegionAvail().y >= cut_.plot_height() + ImGui::GetFrameHeightWithSpacing()) {
    draw_tour_focus(TourFocus::cut_plot,
                    [&] { cut_.draw_plot(ImGui::GetContentRegionAvail().x, view_, edit_.view.measure); });
    cut_.set_plot_drawn();
  }
}

void App::draw_table_axes_note() {
  const ScenarioConfig& c = view_.config;
  if (c.data != DataKind::drawn_points || !c.scaling.active) return;
  const std::string note = "Axes: your table scaled into the view, " + describe_scaling(c.scaling, c.points_dims) + ".";
  ImGui::PushTextWrapPos(0.0f);  // wrapped, never cut mid-word
  ImGui::TextDisabled("%s", note.c_str());
  ImGui::PopTextWrapPos();
}

void App::draw_panel_2d(const PlotFrame& frame, int which) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ViewConfig& view = edit_.view;
  dl->AddRectFilled(frame.p0, frame.p1, IM_COL32(20, 22, 26, 255));
  dl->PushClipRect(frame.p0, frame.p1, true);
  const bool have = view_.has_run() && view_.fields_valid() && view_.fields.dims() == 2 && images_.width > 1;
  if (have) {
    const GridSpec& g = view_.fields.grid;
    const double hx = 0.5 * (g.hi[0] - g.lo[0]) / (g.count[0] - 1), hy = 0.5 * (g.hi[1] - g.lo[1]) / (g.count[1] - 1);
    const ImVec2 a = frame.to_screen(g.lo[0] - hx, g.hi[1] + hy), b = frame.to_screen(g.hi[0] + hx, g.lo[1] - hy);
    ImTextureID texture = which == 0 ? images_.fcat : which == 1 ? images_.fcode : images_.regions_network;
    if (texture) dl->AddImage(texture, a, b);
    if (view.show_boundary) {
      draw_segments(dl, frame, boundary_reference_, kReferenceBoundary, 2.0f);
      draw_segments(dl, frame, boundary_network_, kNetworkBoundary, 1.5f);
    }
    // With the decoder check the F_code map carries its ellipses instead of the F_code glyphs; an untrained, nearly
    // flat F_code map carries a note instead (its equal ellipses would overlap into a mess of circles).
    const bool flat_untrained = which == 1 && untrained_fcode_flat();
    const DecoderOverlay decoder(view_, edit_, map_grid());
    if (view.glyphs) draw_glyphs(frame, which != 1, which != 0 && !decoder.shown() && !flat_untrained);
    if (which != 0) decoder.draw_ellipses(frame);
    if (flat_untrained) draw_flat_note(frame);
  }
  if (view.show_data || edit_.data == DataKind::drawn_points) draw_data_points(frame);
  // Class-mean handles of a mixture (drag them to make a custom mixture).
  if (edit_.data == DataKind::mixture) {
    const std::vector<GaussianClass>& classes = edit_.classes;
    for (int mu = 0; mu < static_cast<int>(classes.size()); ++mu) {
      const ImVec2 c = frame.to_screen(classes[mu].mean(0), classes[mu].mean(1));
      dl->AddCircleFilled(c, 6.0f, class_color(mu));
      dl->AddCircle(c, 6.5f, dragging_class_ == mu ? IM_COL32(255, 255, 0, 255) : IM_COL32(0, 0, 0, 255), 0, 2.0f);
    }
  }
  dl->PopClipRect();
  draw_axes(dl, frame);
  if (view_.state == RunState::diverged) {
    dl->AddRectFilled(frame.p0, frame.p1, IM_COL32(0, 0, 0, 150));
    draw_label(dl, ImVec2(frame.p0.x + 10, frame.p0.y + 10), IM_COL32(255, 120, 100, 255), "Diverged:");
    draw_label(dl, ImVec2(frame.p0.x + 10, frame.p0.y + 26), IM_COL32(255, 120, 100, 255), "last good picture");
  }
}

float App::map_switch_width() const {
  const ImGuiStyle& style = ImGui::GetStyle();
  return ImGui::CalcTextSize("F_cat").x + ImGui::CalcTextSize("F_code").x + 4.0f * kSwitchPadding +
         style.ItemSpacing.x;
}

void App::draw_map_switch() {
  const ImVec2 below = ImGui::GetCursorPos();
  const bool on_title_line = tour_caption_shown_ && caption_line_y_ >= 0.0f;
  if (on_title_line)
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - map_switch_width(), caption_line_y_));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(kSwitchPadding, 1.0f));
  for (int map = 0; map < 2; ++map) {
    if (map) ImGui::SameLine();
    const bool shown = portrait_map_ == map;
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(shown ? ImGuiCol_ButtonActive : ImGuiCol_FrameBg));
    if (ImGui::Button(map == 0 ? "F_cat" : "F_code")) portrait_map_ = map;
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(map == 0 ? "Show the F_cat map" : "Show the F_code map");
  }
  ImGui::PopStyleVar();
  if (on_title_line) ImGui::SetCursorPos(below);
}

bool App::untrained_fcode_flat() const {
  const MetricsSnapshot* now = view_.latest();
  return now && view_.epoch_progress == 0.0 && now->match.contrast > 0.0 && now->match.contrast < kFlatContrast;
}

void App::draw_flat_note(const PlotFrame& frame) {
  char note[160];
  const double contrast = view_.latest()->match.contrast;
  if (frame.width() >= 200.0f)
    std::snprintf(note, sizeof note, "Flat before training: the network is about equally sensitive everywhere "
                  "(F_code max/min %.2f over the data, measured).", contrast);
  else  // a small map keeps most of its picture
    std::snprintf(note, sizeof note, "Flat before training (max/min %.2f)", contrast);
  // Wrapped to the map's width (a phone's map is narrow), in a dark box at its top.
  const float wrap = frame.width() - 16.0f;
  const ImVec2 size = ImGui::CalcTextSize(note, nullptr, false, wrap);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p0(frame.p0.x + 4.0f, frame.p0.y + 4.0f), p1(frame.p1.x - 4.0f, p0.y + size.y + 8.0f);
  dl->AddRectFilled(p0, p1, IM_COL32(0, 0, 0, 170), 3.0f);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p0.x + 4.0f, p0.y + 4.0f), IM_COL32(235, 235, 235, 255),
              note, nullptr, wrap);
}

void App::draw_glyphs(const PlotFrame& frame, bool fcat, bool fcode) {
  const GridFields& f = view_.fields;
  const int nx = f.grid.count[0], ny = f.grid.count[1];
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int which = 0; which < 2; ++which) {
    if ((which == 0 && !fcat) || (which == 1 && !fcode)) continue;
    const Eigen::MatrixXd& eig = which == 0 ? f.fcat_eigen : f.fcode_eigen;
    const GlyphScale scale = glyph_scale(f, eig, images_.mask, frame.width());
    const int stride = scale.stride;
    const float c = scale.half_axis;
    const double ref = scale.lambda_ref;
    if (!(ref > 0.0)) continue;
    const ImU32 color = which == 0 ? kFcatColor : kFcodeColor;
    for (int iy = stride / 2; iy < ny; iy += stride)
      for (int ix = stride / 2; ix < nx; ix += stride) {
        const int i = iy * nx + ix;
        if (!images_.mask[i]) continue;
        const float a = c * static_cast<float>(std::sqrt(std::max(0.0, eig(0, i)) / ref));
        const float b = c * static_cast<float>(std::sqrt(std::max(0.0, eig(1, i)) / ref));
        if (a < 1.0f) continue;
        draw_glyph_ellipse(dl, frame.to_screen(f.points(0, i), f.points(1, i)), a, std::max(b, 0.6f), eig(2, i),
                           color, which == 0 ? 3.0f : 1.5f);  // F_cat wider: visible under a matching F_code
      }
  }
}

void App::draw_data_points(const PlotFrame& frame) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (edit_.data == DataKind::drawn_points) {
    for (const DrawnPoint& p : edit_.points) {
      const ImVec2 s = frame.to_screen(p.x[0], p.x[1]);
      dl->AddCircleFilled(s, 3.5f, class_color(p.label));
      dl->AddCircle(s, 3.5f, IM_COL32(0, 0, 0, 200));
    }
    return;
  }
  if (!view_.has_run()) return;
  if (view_.facts.learned_projection) {  // MNIST: the learned 2-D codes, and the nearest digits on hover
    scatter_.draw(frame, view_, *textures_);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (frame.contains(mouse) && ImGui::IsWindowHovered() && !ImGui::IsMouseDown(0)) {
      const double x = frame.data_x(mouse.x), y = frame.data_y(mouse.y);
      request_probe(x, y);
      draw_nearest_digits(frame, x, y, probe_at(x, y), view_);
    }
    return;
  }
  const Eigen::MatrixXf& points = view_.samples;  // (2, n): the engine's subsample of the training data
  if (points.rows() != 2) return;
  for (int j = 0; j < static_cast<int>(points.cols()); ++j) {
    const ImVec2 c = frame.to_screen(points(0, j), points(1, j));  // small quads: 4 vertices each
    dl->AddRectFilled(ImVec2(c.x - 1.5f, c.y - 1.5f), ImVec2(c.x + 1.5f, c.y + 1.5f),
                      class_color(view_.sample_labels[j], 190));
  }
}

void App::draw_color_bar(ImVec2 p0, ImVec2 p1) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int steps = 32;
  for (int k = 0; k < steps; ++k) {
    const float y0 = p1.y - (p1.y - p0.y) * (k + 1) / steps, y1 = p1.y - (p1.y - p0.y) * k / steps;
    const ImU32 lo = heat_color(double(k) / steps), hi = heat_color(double(k + 1) / steps);
    dl->AddRectFilledMultiColor(ImVec2(p0.x, y0), ImVec2(p1.x, y1), hi, hi, lo, lo);
  }
  dl->AddRect(p0, p1, IM_COL32(150, 150, 150, 255));
  note_figure_area("colour bar", p0, p1);  // no label may be drawn over it
  const bool log_scale = edit_.view.log_scale;
  const char* labels_log[] = {"1e-3", "1e-2", "0.1", "1"};
  const char* labels_lin[] = {"0", "1/3", "2/3", "1"};
  const float line_h = ImGui::GetTextLineHeight();
  for (int k = 0; k < 4; ++k) {  // centred on their level, but never above or below the bar (titles sit there)
    const float y = std::clamp(p1.y - (p1.y - p0.y) * k / 3.0f - 0.5f * line_h, p0.y, p1.y - line_h);
    draw_label(dl, ImVec2(p1.x + 4, y), IM_COL32(200, 200, 200, 255), log_scale ? labels_log[k] : labels_lin[k]);
  }
  draw_label(dl, ImVec2(p0.x, p1.y + 2), IM_COL32(200, 200, 200, 255), "F/max");  // under the bar
}

void App::handle_canvas_input(const PlotFrame& frame, int map) {
  const ImGuiIO& io = ImGui::GetIO();
  ScenarioConfig& config = edit_;
  const bool window_hovered = ImGui::IsWindowHovered();
  const bool inside = window_hovered && frame.contains(io.MousePos);
  const double x = frame.data_x(io.MousePos.x), y = frame.data_y(io.MousePos.y);

  if (config.data == DataKind::mixture) {
    for (int mu = 0; mu < static_cast<int>(config.classes.size()); ++mu) {
      const ImVec2 c = frame.to_screen(config.classes[mu].mean(0), config.classes[mu].mean(1));
      if (frame.contains(c)) mean_handles_.push_back(c);
      if (inside && ImGui::IsMouseClicked(0) && std::hypot(c.x - io.MousePos.x, c.y - io.MousePos.y) < mean_grab_radius()) {
        dragging_class_ = mu;
        dragging_map_ = map;
      }
    }
    // The mean follows the pointer on the map it was grabbed on (read on the other map, it would jump there).
    if (dragging_class_ >= 0 && dragging_class_ < static_cast<int>(config.classes.size()) && dragging_map_ == map) {
      if (ImGui::IsMouseDown(0)) {
        config.classes[dragging_class_].mean(0) = std::clamp(x, frame.lo[0], frame.hi[0]);
        config.classes[dragging_class_].mean(1) = std::clamp(y, frame.lo[1], frame.hi[1]);
      } else {
        dragging_class_ = -1;
        ScenarioConfig c = config;
        c.id = "custom";
        c.title = custom_mixture_title(2);
        apply_config(c);
        return;
      }
    }
  } else if (config.data == DataKind::drawn_points && tool_ != DataTool::none) {
    if (inside && ImGui::IsMouseDown(0)) {
      if (tool_ == DataTool::draw) {
        // One point per ~6 px of movement (a click adds one point).
        const double min_step = 6.0 * (frame.hi[0] - frame.lo[0]) / frame.width();
        if (ImGui::IsMouseClicked(0) || std::hypot(x - last_draw_x_, y - last_draw_y_) >= min_step) {
          DrawnPoint p;
          p.x[0] = x;
          p.x[1] = y;
          p.label = draw_class_;
          config.points.push_back(quantize_for_link(p));
          last_draw_x_ = x;
          last_draw_y_ = y;
          pending_reload_ = true;
        }
      } else {
        const double radius = 12.0 * (frame.hi[0] - frame.lo[0]) / frame.width();
        const size_t before = config.points.size();
        config.points.erase(std::remove_if(config.points.begin(), config.points.end(),
                                           [&](const DrawnPoint& p) {
                                             return std::hypot(p.x[0] - x, p.x[1] - y) < radius;
                                           }),
                            config.points.end());
        pending_reload_ |= config.points.size() != before;
      }
    }
    if (inside && tool_ == DataTool::erase)
      ImGui::GetWindowDrawList()->AddCircle(io.MousePos, 12.0f, IM_COL32(255, 255, 255, 160));
    if (pending_reload_ && !ImGui::IsMouseDown(0)) {
      pending_reload_ = false;
      last_draw_x_ = last_draw_y_ = 1e9;
      apply_config(ScenarioConfig(config));
      return;
    }
  }
  if (inside && dragging_class_ < 0 && !ImGui::IsMouseDown(0) && view_.has_run()) draw_hover_tooltip(x, y);
}

void App::draw_hover_tooltip(double x, double y) {
  request_probe(x, y);
  const ProbeResult* probe = probe_at(x, y);
  if (!probe || !probe->valid) return;
  const GridFields& f = probe->fields;
  ImGui::BeginTooltip();
  ImGui::Text("x = (%.3f, %.3f)", x, y);
  ImGui::Separator();
  ImGui::TextUnformatted("P(μ|x)   reference   network");
  for (int mu = 0; mu < f.num_classes; ++mu)
    ImGui::TextColored(class_color_vec(mu), "%s   %8.3f   %8.3f", view_.class_name(mu).c_str(),
                       f.reference_posterior(mu, 0), f.network_posterior(mu, 0));
  ImGui::Separator();
  const Sym2 a = GridFields::unpack(f.fcat, 0), b = GridFields::unpack(f.fcode, 0);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kFcatColor), "F_cat%s = [%.3g %.3g; %.3g %.3g]",
                     view_.facts.reference_exact ? " " : " (KDE estimate)", a.f11, a.f12,
                     a.f12, a.f22);
  ImGui::Text("   eigenvalues %.3g, %.3g", f.fcat_eigen(0, 0), f.fcat_eigen(1, 0));
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kFcodeColor), "F_code = [%.3g %.3g; %.3g %.3g]", b.f11, b.f12,
                     b.f12, b.f22);
  ImGui::Text("   eigenvalues %.3g, %.3g", f.fcode_eigen(0, 0), f.fcode_eigen(1, 0));
  const double angle = std::fabs(f.fcat_eigen(2, 0) - f.fcode_eigen(2, 0)) * 57.29578;
  ImGui::Text("angle between top eigenvectors: %.1f deg", std::min(angle, 180.0 - angle));
  ImGui::EndTooltip();
}

}  // namespace catgeo
