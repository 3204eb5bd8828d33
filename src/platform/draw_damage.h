// What changed on screen since the last frame: ImGui's draw lists are compared with last frame's copies, and each
// changed list (or one drawing a re-uploaded texture) damages the box of its old and new vertices. The renderer
// redraws only these boxes into its kept picture (software WebGL pays for every triangle and pixel it redraws).
#pragma once
#include <GLES3/gl3.h>

#include <vector>

#include "imgui.h"

namespace catgeo::platform {

struct PixelBox {  // framebuffer pixels, GL's y axis (up): [x0, x1) x [y0, y1)
  GLint x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  PixelBox cut(const PixelBox& o) const;   // the intersection
  PixelBox join(const PixelBox& o) const;  // the box around both
};

class DrawDamage {
 public:
  // The boxes to redraw this frame (none: the kept picture is this frame's); everything after forget() or when the
  // lists' number or order, or the display's position, size or scale changed.
  const std::vector<PixelBox>& update(const ImDrawData& data, int framebuffer_width, int framebuffer_height);
  void texture_changed(ImTextureID texture) { changed_textures_.push_back(texture); }
  void forget() { lists_.clear(); everything_ = true; }
  const PixelBox& list_box(int n) const { return lists_[n].box; }  // after update: where list n draws

 private:
  struct KeptList {
    const ImDrawList* list = nullptr;
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
    std::vector<ImDrawCmd> commands;
    PixelBox box;
  };
  bool same(const KeptList& kept, const ImDrawList& list) const;
  bool draws_changed_texture(const ImDrawList& list) const;
  void add_box(PixelBox box);

  std::vector<KeptList> lists_;
  std::vector<ImTextureID> changed_textures_;
  std::vector<PixelBox> boxes_;
  ImVec4 display_;  // position and size: another projection moves every pixel
  ImVec2 scale_;
  bool everything_ = true;
};

}  // namespace catgeo::platform
