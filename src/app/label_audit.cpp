// The layout report (see label_audit.h).
#include "app/label_audit.h"

#include <algorithm>
#include <cmath>

#include "app/imgui_item_hooks.h"
#include "imgui_internal.h"

namespace catgeo {
namespace {

constexpr float kTolerance = 1.0f;  // CSS px: rounding of positions, not a cut letter

struct NotedLabel {
  const ImGuiWindow* window;
  std::string text;
  ImRect rect;
};

struct Audit {
  LabelReport report;
  std::vector<NotedLabel> labels;
};

Audit& audit() {
  static Audit instance;
  return instance;
}

const char* window_name(const ImGuiWindow* window) { return window ? window->Name : ""; }

void add_problem(LabelProblem::Kind kind, const ImGuiWindow* window, std::string text, float by,
                 std::string other = "") {
  LabelProblem problem;
  problem.kind = kind;
  problem.window = window_name(window);
  problem.text = std::move(text);
  problem.other = std::move(other);
  problem.by = by;
  audit().report.problems.push_back(std::move(problem));
}

// A widget just placed: its label must fit its own rectangle, and the rectangle the window's (or cell's) visible area.
void check_widget(ImGuiContext& context, const char* label) {
  const char* end = ImGui::FindRenderedTextEnd(label);
  if (end == label) return;  // "##id": no visible label
  ++audit().report.widgets;
  const ImGuiWindow* window = context.CurrentWindow;
  const ImRect rect = context.LastItemData.Rect;
  const std::string text(label, end);
  const float text_width = ImGui::CalcTextSize(label, end).x;
  const float right = window->ClipRect.Max.x;
  if (rect.Min.x < right && rect.Max.x > right + kTolerance) {
    add_problem(LabelProblem::Kind::clipped, window, text, rect.Max.x - right);
  } else if (text_width > rect.GetWidth() + kTolerance) {
    add_problem(LabelProblem::Kind::clipped, window, text, text_width - rect.GetWidth());
  }
}

bool shown(const ImGuiWindow* window) {
  return window->Active && !window->Hidden && !(window->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup));
}

}  // namespace

void label_audit_start_frame() {
  audit() = Audit{};
  observe_imgui_items(&check_widget);
}

LabelReport label_audit_finish_frame() {
  observe_imgui_items(nullptr);
  Audit& a = audit();
  // Text lines and other unnamed items: the window's content reached past its right edge.
  for (const ImGuiWindow* window : GImGui->Windows) {
    if (!shown(window)) continue;
    ++a.report.windows;
    const float over = window->DC.CursorMaxPos.x - window->WorkRect.Max.x;
    if (over > kTolerance && window->ScrollbarSizes.y == 0.0f && !window->ScrollbarX)
      add_problem(LabelProblem::Kind::overflow, window, "", over);
  }
  for (std::size_t i = 0; i < a.labels.size(); ++i) {
    for (std::size_t j = i + 1; j < a.labels.size(); ++j) {
      const NotedLabel &p = a.labels[i], &q = a.labels[j];
      if (p.window != q.window) continue;
      const float w = std::min(p.rect.Max.x, q.rect.Max.x) - std::max(p.rect.Min.x, q.rect.Min.x);
      const float h = std::min(p.rect.Max.y, q.rect.Max.y) - std::max(p.rect.Min.y, q.rect.Min.y);
      if (w > kTolerance && h > kTolerance) add_problem(LabelProblem::Kind::overlap, p.window, p.text, w, q.text);
    }
  }
  return a.report;
}

void draw_label(ImDrawList* dl, ImVec2 pos, ImU32 colour, const char* text, ImVec2 box_min, ImVec2 box_max) {
  dl->AddText(pos, colour, text);
  Audit& a = audit();
  ++a.report.labels;
  const ImVec2 size = ImGui::CalcTextSize(text);
  const ImRect rect(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  const ImGuiWindow* window = GImGui->CurrentWindow;
  const float cut =
      std::max({box_min.x - rect.Min.x, rect.Max.x - box_max.x, box_min.y - rect.Min.y, rect.Max.y - box_max.y});
  if (cut > kTolerance) add_problem(LabelProblem::Kind::clipped, window, text, cut);
  a.labels.push_back({window, text, rect});
}

void draw_label(ImDrawList* dl, ImVec2 pos, ImU32 colour, const char* text) {
  // Only the sides: a window scrolled so that a label is above or below its visible part has cut nothing.
  draw_label(dl, pos, colour, text, ImVec2(dl->GetClipRectMin().x, -INFINITY),
             ImVec2(dl->GetClipRectMax().x, INFINITY));
}

void note_figure_area(const char* name, ImVec2 min, ImVec2 max) {
  audit().labels.push_back({GImGui->CurrentWindow, name, ImRect(min, max)});
}

void note_fitted_text(const char* text, float room) {
  ++audit().report.labels;
  const char* end = ImGui::FindRenderedTextEnd(text);  // a "##id" suffix is not shown
  const float width = ImGui::CalcTextSize(text, end).x;
  if (width > room + kTolerance)
    add_problem(LabelProblem::Kind::clipped, GImGui->CurrentWindow, std::string(text, end), width - room);
}

const char* to_string(LabelProblem::Kind kind) {
  switch (kind) {
    case LabelProblem::Kind::clipped:
      return "clipped";
    case LabelProblem::Kind::overlap:
      return "overlap";
    case LabelProblem::Kind::overflow:
      return "overflow";
  }
  return "";
}

}  // namespace catgeo
