// ImGui's test-engine item hooks, forwarded to the view's observer (see imgui_item_hooks.h).
#include "app/imgui_item_hooks.h"

#include "imgui.h"
#include "imgui_internal.h"

namespace {
catgeo::ItemObserver g_observer = nullptr;
}

namespace catgeo {
void observe_imgui_items(ItemObserver observer) {
  g_observer = observer;
  GImGui->TestEngineHookItems = observer != nullptr;
}
}  // namespace catgeo

// The four hooks imgui_internal.h declares under IMGUI_ENABLE_TEST_ENGINE; only ItemInfo carries what we need.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect&, ImGuiID) {}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext* context, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  if (g_observer && label && context->LastItemData.ID == id) g_observer(*context, label);
}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
