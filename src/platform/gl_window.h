// The page's SDL2 window with a WebGL2 (OpenGL ES 3.0) context; shared with the bare ImGui benchmark page.
#pragma once
#include <SDL.h>

namespace catgeo::platform {

struct GlWindow {
  SDL_Window* window = nullptr;
  SDL_GLContext context = nullptr;
};

// Keys go to the canvas only (it has tabindex), so the host page keeps its own keyboard. No depth or stencil
// buffer, resizable, high-DPI; the canvas keeps its pixels between frames (preserveDrawingBuffer: the renderer
// redraws only what changed). Returns null on success, else which step failed (SDL_GetError() says why).
const char* create_gl_window(const char* title, GlWindow& out);

}  // namespace catgeo::platform
