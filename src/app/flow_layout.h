// Items that flow like words: the next one stays on the line while it fits, else starts the next line.
#pragma once
#include "imgui.h"

namespace catgeo {

// Call between two items: SameLine() when an item `width` wide fits after the last one, else nothing (the next item
// starts the next line; moving there with SameLine then NewLine would mark the line as reaching past the edge).
inline void same_line_or_wrap(float width) {
  const float after_last = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;  // where SameLine would go
  const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
  if (right - after_last >= width) ImGui::SameLine();
}

// Width of a checkbox or radio button with this label.
inline float toggle_width(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
}

// A legend whose coloured items flow like words.
class FlowingLegend {
 public:
  void item(ImVec4 colour, const char* text) {
    if (!first_) same_line_or_wrap(ImGui::CalcTextSize(text).x);
    first_ = false;
    ImGui::TextColored(colour, "%s", text);
  }

 private:
  bool first_ = true;
};

}  // namespace catgeo
