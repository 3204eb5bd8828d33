// Draws Dear ImGui's draw data with WebGL2, setting every piece of GL state it needs and querying none: the page owns
// the whole context, and any glGet* is a synchronous round trip that waits for the GPU (in software WebGL, for the
// previous frame's pixels: 95% of the page's main-thread time with the stock backend, which backs up 20 values a
// frame).
#pragma once
#include <GLES3/gl3.h>

struct ImDrawData;

namespace catgeo::platform {

class ImGuiRenderer {
 public:
  // Compiles the shader, makes the buffers and uploads ImGui's font atlas (the ImGui context must exist).
  // Returns null, or what failed.
  const char* init();
  // (Re)uploads the font atlas after it was rebuilt (a new typeface size); not between NewFrame and Render.
  void upload_font_atlas();
  void render(const ImDrawData* data, int framebuffer_width, int framebuffer_height);
  void shutdown();

 private:
  GLuint program_ = 0, vertex_array_ = 0, vertices_ = 0, indices_ = 0, font_texture_ = 0;
  GLint projection_ = -1, sampler_ = -1;
};

}  // namespace catgeo::platform
