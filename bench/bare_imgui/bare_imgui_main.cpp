// Bare Dear ImGui page for the idle-frame benchmark: the page's SDL2 + WebGL2 + ImGui setup and loop, one small window.
#include <SDL.h>
#include <emscripten/emscripten.h>

#include "imgui.h"
#include "imgui_impl_sdl.h"
#include "platform/canvas_sizer.h"
#include "platform/gl_window.h"
#include "platform/imgui_renderer.h"

namespace {

struct BarePage {
  SDL_Window* window = nullptr;
  catgeo::platform::CanvasSizer canvas;
  catgeo::platform::ImGuiRenderer renderer;
  unsigned frames = 0;
};

// window.bareImguiFrames: frames drawn so far, read by bench/run_all.mjs.
EM_JS(void, publish_frame_count, (unsigned frames), { window.bareImguiFrames = frames; });

void frame(void* user) {
  BarePage& p = *static_cast<BarePage*>(user);
  SDL_Event event;
  while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);
  p.canvas.sync(p.window);

  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  ImGui::Begin("Hello", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::Text("A bare Dear ImGui window, frame %u", p.frames);
  ImGui::End();
  ImGui::Render();

  int width = 0, height = 0;
  SDL_GL_GetDrawableSize(p.window, &width, &height);
  p.renderer.render(ImGui::GetDrawData(), width, height, ImVec4(0.09f, 0.10f, 0.12f, 1.0f));
  SDL_GL_SwapWindow(p.window);
  publish_frame_count(++p.frames);
}

}  // namespace

int main() {
  static BarePage p;
  catgeo::platform::GlWindow gl;
  if (catgeo::platform::create_gl_window("Bare ImGui", gl)) return 1;
  p.window = gl.window;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplSDL2_InitForOpenGL(p.window, gl.context);
  if (p.renderer.init()) return 1;
  emscripten_set_main_loop_arg(frame, &p, 0, false);
  return 0;
}
