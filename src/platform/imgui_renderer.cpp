// WebGL2 renderer for Dear ImGui draw lists without state queries, redrawing only what changed (see imgui_renderer.h).
#include "platform/imgui_renderer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "imgui.h"

namespace catgeo::platform {
namespace {

constexpr const char* kVertexShader = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 colour;
uniform mat4 projection;
out vec2 frag_uv;
out vec4 frag_colour;
void main() {
  frag_uv = uv;
  frag_colour = colour;
  gl_Position = projection * vec4(position, 0.0, 1.0);
})";

constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D image;
in vec2 frag_uv;
in vec4 frag_colour;
layout (location = 0) out vec4 out_colour;
void main() { out_colour = frag_colour * texture(image, frag_uv); })";

GLuint compile(GLenum kind, const char* source) {
  const GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  return shader;
}

}  // namespace

const char* ImGuiRenderer::init() {
  const GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader), fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint linked = 0;
  glGetProgramiv(program_, GL_LINK_STATUS, &linked);  // once, at start-up
  if (!linked) return "the ImGui shader did not compile or link";
  projection_ = glGetUniformLocation(program_, "projection");
  sampler_ = glGetUniformLocation(program_, "image");

  glGenVertexArrays(1, &vertex_array_);
  glGenBuffers(1, &vertices_);
  glGenBuffers(1, &indices_);
  glBindVertexArray(vertex_array_);
  glBindBuffer(GL_ARRAY_BUFFER, vertices_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);  // recorded in the vertex array
  const GLsizei stride = sizeof(ImDrawVert);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);

  ImGui::GetIO().BackendRendererName = "catgeo_webgl2";
  upload_font_atlas();
  return nullptr;
}

void ImGuiRenderer::upload_font_atlas() {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
  if (!font_texture_) glGenTextures(1, &font_texture_);
  glBindTexture(GL_TEXTURE_2D, font_texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
  atlas.ClearTexData();  // the GPU holds the pixels now
  damage_.forget();      // every text in the kept picture is stale
}

void ImGuiRenderer::keep_picture(int width, int height, const ImVec4& background) {
  const bool same_background = background.x == background_.x && background.y == background_.y &&
                               background.z == background_.z && background.w == background_.w;
  if (same_background && width == picture_width_ && height == picture_height_) return;
  background_ = background;
  picture_width_ = width;  // a resized canvas starts blank
  picture_height_ = height;
  damage_.forget();
}

void ImGuiRenderer::render(const ImDrawData* data, int framebuffer_width, int framebuffer_height,
                           const ImVec4& background) {
  if (!data || framebuffer_width <= 0 || framebuffer_height <= 0) return;
  keep_picture(framebuffer_width, framebuffer_height, background);
  const std::vector<PixelBox>& boxes = damage_.update(*data, framebuffer_width, framebuffer_height);
  drawn_indices_ = 0;
  if (!boxes.empty()) clear_and_draw(*data, boxes, framebuffer_height);
  const bool partial = !boxes.empty() && !damage_.everything();
  if (audits_wanted_ > 0) audit_render(*data, partial, framebuffer_width, framebuffer_height);
}

void ImGuiRenderer::clear_and_draw(const ImDrawData& data, const std::vector<PixelBox>& boxes,
                                   int framebuffer_height) {
  glViewport(0, 0, picture_width_, picture_height_);
  glEnable(GL_SCISSOR_TEST);
  glClearColor(background_.x, background_.y, background_.z, background_.w);
  for (const PixelBox& box : boxes) {
    glScissor(box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
    glClear(GL_COLOR_BUFFER_BIT);
  }
  draw_lists(data, boxes, framebuffer_height);
  glDisable(GL_SCISSOR_TEST);
}

// The kept picture read back, then the whole frame drawn afresh and read back: they must be the same pixels.
void ImGuiRenderer::audit_render(const ImDrawData& data, bool partial, int width, int height) {
  --audits_wanted_;
  const std::size_t bytes = static_cast<std::size_t>(width) * height * 4;
  std::vector<unsigned char> kept(bytes), fresh(bytes);
  glPixelStorei(GL_PACK_ALIGNMENT, 4);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, kept.data());
  const int indices = drawn_indices_;
  clear_and_draw(data, {PixelBox{0, 0, width, height}}, height);
  drawn_indices_ = indices;
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, fresh.data());
  ++audit_.renders;
  if (partial) ++audit_.redrawn_renders;
  for (std::size_t i = 0; i < bytes; i += 4)
    if (std::memcmp(&kept[i], &fresh[i], 4) != 0) ++audit_.differing_pixels;
}

// The lists as ImGui would draw them, each command scissored to its clip rectangle cut by each damaged box (the boxes
// do not overlap, so their order does not matter).
void ImGuiRenderer::draw_lists(const ImDrawData& data, const std::vector<PixelBox>& boxes, int framebuffer_height) {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glUseProgram(program_);
  glUniform1i(sampler_, 0);
  // Orthographic projection of the display rectangle (y down) onto clip space.
  const float l = data.DisplayPos.x, r = l + data.DisplaySize.x, t = data.DisplayPos.y, b = t + data.DisplaySize.y;
  const float projection[16] = {2.0f / (r - l), 0, 0, 0,  0, 2.0f / (t - b), 0, 0,  0, 0, -1, 0,
                                (r + l) / (l - r), (t + b) / (b - t), 0, 1};
  glUniformMatrix4fv(projection_, 1, GL_FALSE, projection);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vertex_array_);
  glBindBuffer(GL_ARRAY_BUFFER, vertices_);
  const ImVec2 scale = data.FramebufferScale, origin = data.DisplayPos;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const PixelBox& reach = damage_.list_box(n);
    if (std::none_of(boxes.begin(), boxes.end(), [&](const PixelBox& box) { return !box.cut(reach).empty(); }))
      continue;  // nothing of this list is redrawn
    const ImDrawList* list = data.CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                 list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (int c = 0; c < list->CmdBuffer.Size; ++c) {
      const ImDrawCmd& cmd = list->CmdBuffer[c];
      if (cmd.UserCallback) {
        cmd.UserCallback(list, &cmd);  // (ImDrawCallback_ResetRenderState needs nothing: all state is set above)
        continue;
      }
      const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
      const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      const GLint sx = static_cast<GLint>(x0), sy = static_cast<GLint>(framebuffer_height - y1);  // GL's y points up
      const PixelBox clip{sx, sy, sx + static_cast<GLsizei>(x1 - x0), sy + static_cast<GLsizei>(y1 - y0)};
      bool bound = false;
      for (const PixelBox& box : boxes) {
        const PixelBox cut = clip.cut(box).cut(reach);
        if (cut.empty()) continue;
        if (!bound) glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
        bound = true;
        glScissor(cut.x0, cut.y0, cut.x1 - cut.x0, cut.y1 - cut.y0);
        drawn_indices_ += static_cast<int>(cmd.ElemCount);
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                       sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                       reinterpret_cast<void*>(static_cast<std::intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
      }
    }
  }
  glBindVertexArray(0);
}

void ImGuiRenderer::shutdown() {
  glDeleteTextures(1, &font_texture_);
  glDeleteBuffers(1, &vertices_);
  glDeleteBuffers(1, &indices_);
  glDeleteVertexArrays(1, &vertex_array_);
  glDeleteProgram(program_);
}

}  // namespace catgeo::platform
