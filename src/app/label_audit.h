// The layout report: every label cut by its box or its window, and every pair of figure labels drawn over each
// other, found while the frame is laid out. ImGui's widgets are seen through imgui_item_hooks.h; the figures' own text
// (titles, ticks, legends) through draw_label; plain text lines through the window they make wider than it is.
#pragma once
#include <string>
#include <vector>

#include "imgui.h"

namespace catgeo {

struct LabelProblem {
  enum class Kind { clipped, overlap, overflow };
  Kind kind = Kind::clipped;
  std::string window;  // the ImGui window it is in
  std::string text;    // the label (overflow: empty, the window's content is wider than the window)
  std::string other;   // overlap: the other label
  float by = 0.0f;     // CSS px cut off, or the width of the overlap, or how much wider the content is
};

struct LabelReport {
  int widgets = 0, labels = 0, windows = 0;  // what was checked (a report of nothing checked proves nothing)
  std::vector<LabelProblem> problems;
};

// Between ImGui::NewFrame and the end of the frame's windows: start_frame, the frame, finish_frame (before Render).
void label_audit_start_frame();
LabelReport label_audit_finish_frame();

// Draws text with the draw list and notes it: it must lie inside [box_min, box_max] (its chart, its map margin) and
// overlap no other noted label of the same window.
void draw_label(ImDrawList* dl, ImVec2 pos, ImU32 colour, const char* text, ImVec2 box_min, ImVec2 box_max);
// The same, where the box is the width the draw list shows (its window, or the clip rectangle pushed on it).
void draw_label(ImDrawList* dl, ImVec2 pos, ImU32 colour, const char* text);
// Notes a part of a figure no label may cover (a colour bar).
void note_figure_area(const char* name, ImVec2 min, ImVec2 max);
// Notes text drawn by a widget that clips it to `room` px (a combo's preview, a tab, a table cell): cut when wider.
// A "##id" suffix is not part of the text.
void note_fitted_text(const char* text, float room);

const char* to_string(LabelProblem::Kind kind);

}  // namespace catgeo
