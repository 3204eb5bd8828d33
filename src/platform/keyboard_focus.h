// Keyboard focus between the lab's canvas and the page around it: Tab and Shift+Tab leave the canvas (no keyboard
// trap), and keys held when the canvas loses focus are released in the app.
#pragma once

namespace catgeo::platform {

// SDL listens for keys on #canvas and cancels Tab there (and ImGui would take it): this hands Tab and Shift+Tab (and
// the browser's F1-F12 keys) to the browser before SDL sees them, so the focus moves on to the page's controls or to
// the host page of an embed. When the canvas loses focus, SDL releases the keys it holds as pressed (the Shift of a
// Shift+Tab would otherwise stay down in the app). Call after window creation.
void install_keyboard_focus_policy();

}  // namespace catgeo::platform
