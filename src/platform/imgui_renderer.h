// Draws Dear ImGui's draw data with WebGL2, setting every piece of GL state it needs and querying none: the page owns
// the whole context, and any glGet* is a synchronous round trip that waits for the GPU (in software WebGL, for the
// previous frame's pixels: 95% of the page's main-thread time with the stock backend, which backs up 20 values a
// frame). The canvas keeps its pixels between frames (gl_window.h) and the renderer redraws only what changed
// (draw_damage.h): a hover over one panel no longer makes software WebGL raster the whole page again (an offscreen
// copy of the picture would not do: SwiftShader takes 16-30 ms to blit one to a 1280x800 canvas).
#pragma once
#include <GLES3/gl3.h>

#include "imgui.h"
#include "platform/draw_damage.h"

namespace catgeo::platform {

class ImGuiRenderer {
 public:
  // Compiles the shader, makes the buffers and uploads ImGui's font atlas (the ImGui context must exist).
  // Returns null, or what failed.
  const char* init();
  // (Re)uploads the font atlas after it was rebuilt (a new typeface size); not between NewFrame and Render.
  void upload_font_atlas();
  // Draws the frame on the canvas (cleared to `background`), redrawing only what changed since the last one.
  // The canvas must keep its pixels between frames (WebGL's preserveDrawingBuffer).
  void render(const ImDrawData* data, int framebuffer_width, int framebuffer_height, const ImVec4& background);
  // A texture drawn by the lists got new pixels (the draw lists alone do not show it).
  void texture_changed(ImTextureID texture) { damage_.texture_changed(texture); }
  int drawn_indices() const { return drawn_indices_; }  // what the last render() gave the GPU to raster
  // The next `renders` render() calls also check themselves: each reads the partly redrawn picture back, redraws
  // everything and counts the pixels that differ (0 unless the damage missed a change). Slow: for tests.
  void audit_renders(int renders) { audits_wanted_ = renders; }
  struct Audit {
    int renders = 0;            // renders audited so far
    int redrawn_renders = 0;    // of these, ones that redrew part of the picture (not nothing, not everything)
    long differing_pixels = 0;  // summed over them
  };
  const Audit& audit() const { return audit_; }
  void shutdown();

 private:
  void keep_picture(int width, int height, const ImVec4& background);  // all is stale after a resize or new colour
  void draw_lists(const ImDrawData& data, const std::vector<PixelBox>& boxes, int framebuffer_height);
  void clear_and_draw(const ImDrawData& data, const std::vector<PixelBox>& boxes, int framebuffer_height);
  void audit_render(const ImDrawData& data, bool partial, int framebuffer_width, int framebuffer_height);

  GLuint program_ = 0, vertex_array_ = 0, vertices_ = 0, indices_ = 0, font_texture_ = 0;
  GLint projection_ = -1, sampler_ = -1;
  int picture_width_ = 0, picture_height_ = 0, drawn_indices_ = 0;
  ImVec4 background_;
  DrawDamage damage_;
  int audits_wanted_ = 0;
  Audit audit_;
};

}  // namespace catgeo::platform
