// Creates the SDL2 window and WebGL2 context the page draws into.
#include "platform/gl_window.h"

#include <emscripten/emscripten.h>

namespace catgeo::platform {
namespace {

// SDL makes the WebGL context through Emscripten's EGL, which passes these attributes to canvas.getContext.
EM_JS(void, keep_canvas_pixels, (), { EGL.contextAttributes.preserveDrawingBuffer = true; });

}  // namespace

const char* create_gl_window(const char* title, GlWindow& out) {
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return "SDL_Init failed";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);  // OpenGL ES 3.0 = WebGL2
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  out.window = SDL_CreateWindow(title, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 800, flags);
  if (!out.window) return "Could not create the window";
  keep_canvas_pixels();  // the renderer redraws only what changed (imgui_renderer.h)
  out.context = SDL_GL_CreateContext(out.window);
  if (!out.context) return "Could not create a WebGL2 context";
  SDL_GL_MakeCurrent(out.window, out.context);
  return nullptr;
}

}  // namespace catgeo::platform
