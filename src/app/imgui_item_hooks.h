// ImGui's item hooks (built with IMGUI_ENABLE_TEST_ENGINE) forwarded to one observer, so the view can see every
// labelled widget as ImGui lays it out (app/label_audit.h uses it). Compiled into the imgui library itself, so that
// every program linking ImGui links the hooks; with no observer they cost one branch per widget.
#pragma once

struct ImGuiContext;

namespace catgeo {

// Called for each labelled widget (button, checkbox, slider, tree node, ...) right after ImGui placed it, when ImGui's
// "last item" is that widget (tabs report before they are placed, and are not passed on).
using ItemObserver = void (*)(ImGuiContext& context, const char* label);
void observe_imgui_items(ItemObserver observer);  // nullptr stops

}  // namespace catgeo
