// The colours of the information side's curves, shared by its charts and the studies so that a legend stays true.
#pragma once
#include "imgui.h"

namespace catgeo {

constexpr ImU32 kInfoR = IM_COL32(120, 200, 255, 255);    // the I(μ; r) estimate
constexpr ImU32 kBound = IM_COL32(170, 170, 170, 255);    // the lower bound
constexpr ImU32 kHighSnr = IM_COL32(255, 170, 60, 255);   // the high-SNR approximation
constexpr ImU32 kCeiling = IM_COL32(230, 230, 230, 200);  // I(μ; x)
constexpr ImU32 kDecoding = IM_COL32(255, 110, 180, 255);

inline ImVec4 colour(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }  // for legends and coloured text

}  // namespace catgeo
