// What the rest of the platform layer (js_api.cpp) may ask the web main loop; SDL-free interface.
#pragma once
#include <cstdint>

namespace catgeo {
class App;
}

namespace catgeo::platform {

struct FrameCost;
class ImGuiRenderer;

App& app();                    // the one app instance (one canvas per page)
std::uint32_t frames_drawn();  // frames drawn since start (idle ticks draw nothing)
std::uint32_t loop_ticks();    // browser frames the loop has seen since start
const FrameCost& last_frame_cost();  // the last drawn frame's draw data and main-thread time (frame_cost.h)
ImGuiRenderer& renderer();     // draws the frames (imgui_renderer.h: its redraw audit)
void request_redraw();         // state changed outside the loop (a JS API call): draw the next frames
void take_snapshots();         // applies the engine's waiting snapshots and tells the page (then draws them)
void touch_taken_by_page();    // the browser scrolls the page with the finger on the canvas (browser_input.h)

}  // namespace catgeo::platform
