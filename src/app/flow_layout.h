// Items that flow like words: the next one stays on the line while it fits, else starts the next line.
#pragma once
#include "imgui.h"

namespace catgeo {

// Call between two items: SameLine(), or a new line when an item `width` wide would not fit after the last one.
inline void same_line_or_wrap(float width) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
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
