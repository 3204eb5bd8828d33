// What changed on screen since the last frame, in 32-pixel tiles. A draw list whose bytes and textures did not change
// costs one compare with last frame's copy; a changed one is hashed per tile (every triangle that can touch the tile:
// its vertices, texture and the texture's upload count, its clip rectangle, in drawing order), and the tiles whose hash
// moved are redrawn, joined into a few boxes. The renderer redraws only these boxes into its kept picture (software
// WebGL pays for every triangle and pixel it redraws, so a new number in a table redraws that number).
#pragma once
#include <GLES3/gl3.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "imgui.h"

namespace catgeo::platform {

struct PixelBox {  // framebuffer pixels, GL's y axis (up): [x0, x1) x [y0, y1)
  GLint x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  PixelBox cut(const PixelBox& o) const;   // the intersection
  PixelBox join(const PixelBox& o) const;  // the box around both
  std::int64_t area() const { return empty() ? 0 : std::int64_t{x1 - x0} * (y1 - y0); }
};

class DrawDamage {
 public:
  static constexpr int kTile = 32;      // framebuffer pixels per tile side
  static constexpr int kMaxBoxes = 6;   // each box is one pass over the lists it meets: more are joined

  // The boxes to redraw this frame, not overlapping (none: the kept picture is this frame's); everything after
  // forget() or when the framebuffer's size or the display's position or scale changed.
  const std::vector<PixelBox>& update(const ImDrawData& data, int framebuffer_width, int framebuffer_height);
  void texture_changed(ImTextureID texture);
  void forget() { everything_ = true; }
  const PixelBox& list_box(int n) const { return lists_[n].box; }  // after update: where list n draws
  bool everything() const { return whole_; }  // after update: the boxes are the whole picture

 private:
  struct KeptList {  // last frame's copy of a list, and its hash per tile
    const ImDrawList* list = nullptr;
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
    std::vector<ImDrawCmd> commands;
    std::vector<std::uint64_t> tiles;  // rows_ x columns_, row 0 at the top
    PixelBox box;
  };
  bool same(const KeptList& kept, const ImDrawList& list) const;
  void keep(const ImDrawList& list, const ImDrawData& data, KeptList& kept);  // copies and hashes it
  void add_box(PixelBox box);  // joins it with every box it overlaps
  void join_closest_boxes();   // until at most kMaxBoxes are left

  int width_ = 0, height_ = 0, columns_ = 0, rows_ = 0;
  std::vector<KeptList> lists_;
  std::vector<std::uint8_t> changed_;  // per tile, this frame
  std::vector<ImTextureID> changed_textures_;  // since the last frame
  std::unordered_map<ImTextureID, std::uint32_t> texture_uploads_;
  std::vector<PixelBox> boxes_;
  ImVec4 display_;  // position and size: another projection moves every pixel
  ImVec2 scale_;
  bool everything_ = true;  // the next update redraws the whole picture (forget())
  bool whole_ = false;      // the last update did
};

}  // namespace catgeo::platform
