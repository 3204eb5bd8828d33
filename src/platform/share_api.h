// Share/export glue of the web platform (share_api.cpp): what the main loop calls once per frame.
#pragma once

namespace catgeo::platform {

// Call once per frame right after ImGui_ImplOpenGL3_RenderDrawData and before SDL_GL_SwapWindow, with the drawable
// size: reads back the pixels when a PNG was requested (this is the frame just drawn, so it is never blank) and hands
// the app's queued share actions (app/share_hooks.h) to the page's JavaScript (web/catgeo-share.js).
void share_after_render(int framebuffer_width, int framebuffer_height);

}  // namespace catgeo::platform
