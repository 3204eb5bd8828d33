// Web entry point: SDL2 window + WebGL2 context + Dear ImGui backends, driving the App from the browser's frame loop.
#include <SDL.h>
#include <emscripten/emscripten.h>

#include <string>

#include "app/app.h"
#include "app/typeface.h"
#include "imgui_impl_sdl.h"
#include "platform/browser_input.h"
#include "platform/canvas_sizer.h"
#include "platform/frame_cost.h"
#include "platform/gl_texture_store.h"
#include "platform/gl_window.h"
#include "platform/imgui_renderer.h"
#include "platform/keyboard_focus.h"
#include "platform/page_status.h"
#include "platform/redraw_policy.h"
#include "platform/share_api.h"
#include "platform/web_platform.h"
#include "platform/worker_link.h"

namespace catgeo::platform {
namespace {

struct WebPlatform {
  SDL_Window* window = nullptr;
  SDL_GLContext gl_context = nullptr;
  CanvasSizer canvas;
  TouchHoverFix touch;
  KeyTapFix key_taps;
  GlTextureStore textures;
  ImGuiRenderer renderer;
  WorkerLink engine;  // the engine runs in a Web Worker; the page's main thread only draws
  App app;
  RedrawPolicy redraw;
  FrameCost cost;  // of the last drawn frame (catgeo_frame_cost)
  std::string mirrored_status;
  std::uint32_t ticks = 0;   // browser frames seen by the loop
  std::uint32_t frames = 0;  // frames drawn (ticks with nothing to change draw nothing)
  int drawable_width = 0, drawable_height = 0;
  int typeface_pixels = 0;  // the size the font atlas was rasterised at (device pixels)
  ScreenKind page_layout = ScreenKind::columns;  // what the page's HTML was last told
  float page_font_scale = 0.0f;
};

WebPlatform& platform() {
  static WebPlatform instance;
  return instance;
}

bool fail(const char* what) {
  report_page_status("failed", (std::string(what) + ": " + SDL_GetError()).c_str());
  return false;
}

bool create_window_and_context(WebPlatform& p) {
  GlWindow gl;
  if (const char* failed_step = create_gl_window("CatGeo", gl)) return fail(failed_step);
  p.window = gl.window;
  p.gl_context = gl.context;
  install_wheel_policy(p.window);
  install_touch_policy();
  install_keyboard_focus_policy();
  return true;
}

bool init_imgui(WebPlatform& p) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // no file system on the web; layout is the app's business
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // arrows, Space and Enter reach every widget
  // (Tab is the browser's: it leaves the canvas, platform/keyboard_focus.h)
  ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl_context);
  p.typeface_pixels = typeface_device_pixels(1.0f, static_cast<float>(emscripten_get_device_pixel_ratio()));
  load_typeface(*ImGui::GetIO().Fonts, p.typeface_pixels);
  if (const char* failed = p.renderer.init()) {
    report_page_status("failed", failed);
    return false;
  }
  return true;
}

void shutdown(WebPlatform& p) {
  p.app.shutdown();
  p.textures.release_all();
  p.renderer.shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(p.gl_context);
  SDL_DestroyWindow(p.window);
  SDL_Quit();
}

// Space plays / pauses and the right arrow trains one epoch while no widget has the keyboard (the keys reach the page
// only while its canvas has focus: SDL listens on #canvas).
bool take_shortcut(App& app, SDL_Keycode key) {
  if (key == SDLK_SPACE) return app.shortcut(Shortcut::play_pause);
  if (key == SDLK_RIGHT) return app.shortcut(Shortcut::step);
  return false;
}

void frame(void*) {
  WebPlatform& p = platform();
  for (SDL_Event& held : p.key_taps.take_held()) {  // the releases of last tick's quick taps, now that a frame saw them
    ImGui_ImplSDL2_ProcessEvent(&held);
    p.redraw.request();
  }
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    if (event.type == SDL_QUIT) {  // the page is unloading
      emscripten_cancel_main_loop();
      shutdown(p);
      return;
    }
    p.touch.observe(event);
    if (event.type == SDL_KEYDOWN && !event.key.repeat && take_shortcut(p.app, event.key.keysym.sym)) {
      p.redraw.request();
      continue;  // the key was a shortcut, not input for a widget
    }
    p.redraw.request();
    if (p.key_taps.hold_back(event)) continue;
    ImGui_ImplSDL2_ProcessEvent(&event);
  }
  ++p.ticks;
  p.canvas.sync(p.window);
  take_snapshots();
  int framebuffer_width = 0, framebuffer_height = 0;
  SDL_GL_GetDrawableSize(p.window, &framebuffer_width, &framebuffer_height);
  if (framebuffer_width != p.drawable_width || framebuffer_height != p.drawable_height) {
    p.drawable_width = framebuffer_width;
    p.drawable_height = framebuffer_height;
    p.redraw.request();  // a resized canvas is blank until drawn
  }
  if (!p.redraw.should_draw(p.app.animating(), p.app.on_screen(), emscripten_get_now())) return;

  const double build_start = emscripten_get_now();
  ImGui_ImplSDL2_NewFrame();
  p.touch.apply(ImGui::GetIO());
  p.app.set_touch_sizing(coarse_pointer());
  ImGui::NewFrame();
  p.app.frame();
  ImGui::Render();
  const double submit_start = emscripten_get_now();

  for (ImTextureID texture : p.textures.take_uploaded()) p.renderer.texture_changed(texture);
  p.renderer.render(ImGui::GetDrawData(), framebuffer_width, framebuffer_height, p.app.background_color());
  p.cost.build_ms = submit_start - build_start;
  p.cost.submit_ms = emscripten_get_now() - submit_start;
  p.cost.count(*ImGui::GetDrawData());
  p.cost.drawn_indices = p.renderer.drawn_indices();
  share_after_render(framebuffer_width, framebuffer_height);  // PNG read-back of this very frame, share buttons
  SDL_GL_SwapWindow(p.window);
  const int wanted = p.app.typeface_pixels_wanted();  // 0 until a layout was made
  if (wanted > 0 && wanted != p.typeface_pixels) {  // a new pixel ratio or font scale: sharp text again
    p.typeface_pixels = wanted;
    load_typeface(*ImGui::GetIO().Fonts, p.typeface_pixels);
    p.renderer.upload_font_atlas();
    p.redraw.request();
  }

  const ScreenLayout& layout = p.app.layout();
  if (layout.kind != p.page_layout || layout.font_scale != p.page_font_scale) {
    p.page_layout = layout.kind;
    p.page_font_scale = layout.font_scale;
    report_page_layout(to_string(layout.kind), layout.font_scale);
  }
  if (++p.frames == 1) report_page_status("running", "");
  if (p.app.status_line() != p.mirrored_status) {  // the app's status line, for screen readers and tests
    p.mirrored_status = p.app.status_line();
    mirror_app_status(p.mirrored_status.c_str());
  }
}

}  // namespace

App& app() { return platform().app; }

void touch_taken_by_page() { platform().touch.taken_by_page(); }

std::uint32_t frames_drawn() { return platform().frames; }

std::uint32_t loop_ticks() { return platform().ticks; }

const FrameCost& last_frame_cost() { return platform().cost; }

ImGuiRenderer& renderer() { return platform().renderer; }

void request_redraw() { platform().redraw.request(); }

void take_snapshots() {
  WebPlatform& p = platform();
  if (!p.app.poll()) return;
  p.redraw.request();  // new snapshots: draw them, and let waiting JavaScript promises resolve
  report_engine_progress(p.app.view().completed, p.app.view().share_link.c_str(), p.app.view().load.command);
}

}  // namespace catgeo::platform

int main() {
  using namespace catgeo::platform;
  WebPlatform& p = platform();
  if (!create_window_and_context(p)) return 1;
  if (!init_imgui(p)) return 1;
  // The page's script reports when the canvas is in view (IntersectionObserver, catgeo-loader.js): autoplay waits.
  p.app.init(&p.textures, &p.engine, initial_page_link(), true);
  p.app.set_welcome(welcome_wanted());
  // The browser owns the loop: one frame per requestAnimationFrame; main returns and the runtime stays alive.
  emscripten_set_main_loop_arg(frame, nullptr, 0, false);
  return 0;
}
