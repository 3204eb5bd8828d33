// Counts a frame's draw data and writes the frame cost as JSON (see frame_cost.h).
#include "platform/frame_cost.h"

#include "core/base/json.h"
#include "imgui.h"

namespace catgeo::platform {

void FrameCost::count(const ImDrawData& data) {
  vertices = data.TotalVtxCount;
  indices = data.TotalIdxCount;
  lists = data.CmdListsCount;
  draw_calls = 0;
  for (int n = 0; n < data.CmdListsCount; ++n) draw_calls += data.CmdLists[n]->CmdBuffer.Size;
}

std::string FrameCost::json() const {
  JsonValue out = JsonValue::object();
  out.set("vertices", JsonValue::number(vertices));
  out.set("indices", JsonValue::number(indices));
  out.set("draw_calls", JsonValue::number(draw_calls));
  out.set("lists", JsonValue::number(lists));
  out.set("drawn_indices", JsonValue::number(drawn_indices));
  out.set("build_ms", JsonValue::number(build_ms));
  out.set("submit_ms", JsonValue::number(submit_ms));
  return to_json(out);
}

}  // namespace catgeo::platform
