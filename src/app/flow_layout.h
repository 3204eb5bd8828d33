// Items that flow like words: the next one stays on the line while it fits, else starts the next line.
#pragma once
#include "imgui.h"

namespace catgeo {

// Call between two items: SameLine(), or a new line when an item `width` wide would not fit after the last one.
inline void same_line_or_wrap(float width) {
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

}  // namespace catgeo
