// Changed screen boxes between two frames' draw lists (see draw_damage.h).
#include "platform/draw_damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace catgeo::platform {
namespace {

template <typename T>
bool same_bytes(const std::vector<T>& kept, const ImVector<T>& now) {
  return static_cast<int>(kept.size()) == now.Size &&
         (now.Size == 0 || std::memcmp(kept.data(), now.Data, sizeof(T) * now.Size) == 0);
}

bool same_commands(const std::vector<ImDrawCmd>& kept, const ImVector<ImDrawCmd>& now) {
  if (static_cast<int>(kept.size()) != now.Size) return false;
  for (int i = 0; i < now.Size; ++i) {
    const ImDrawCmd &p = kept[i], &q = now[i];
    if (p.ClipRect.x != q.ClipRect.x || p.ClipRect.y != q.ClipRect.y || p.ClipRect.z != q.ClipRect.z ||
        p.ClipRect.w != q.ClipRect.w || p.TextureId != q.TextureId || p.VtxOffset != q.VtxOffset ||
        p.IdxOffset != q.IdxOffset || p.ElemCount != q.ElemCount || p.UserCallback != q.UserCallback ||
        p.UserCallbackData != q.UserCallbackData)
      return false;
  }
  return true;
}

// The pixels a list can touch: its vertices' box, one pixel wider on each side (rounding), in GL's y-up pixels.
PixelBox vertex_box(const ImDrawList& list, const ImDrawData& data, int width, int height) {
  float x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  for (const ImDrawVert& v : list.VtxBuffer) {
    x0 = std::min(x0, v.pos.x), y0 = std::min(y0, v.pos.y);
    x1 = std::max(x1, v.pos.x), y1 = std::max(y1, v.pos.y);
  }
  if (!(x0 <= x1 && y0 <= y1)) return PixelBox{};
  const ImVec2 scale = data.FramebufferScale, origin = data.DisplayPos;
  PixelBox box;
  box.x0 = std::max(0, static_cast<GLint>(std::floor((x0 - origin.x) * scale.x)) - 1);
  box.x1 = std::min(width, static_cast<GLint>(std::ceil((x1 - origin.x) * scale.x)) + 1);
  box.y0 = std::max(0, height - static_cast<GLint>(std::ceil((y1 - origin.y) * scale.y)) - 1);
  box.y1 = std::min(height, height - static_cast<GLint>(std::floor((y0 - origin.y) * scale.y)) + 1);
  return box;
}

}  // namespace

PixelBox PixelBox::cut(const PixelBox& o) const {
  return PixelBox{std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
}

PixelBox PixelBox::join(const PixelBox& o) const {
  return PixelBox{std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
}

bool DrawDamage::same(const KeptList& kept, const ImDrawList& list) const {
  return kept.list == &list && same_bytes(kept.vertices, list.VtxBuffer) && same_bytes(kept.indices, list.IdxBuffer) &&
         same_commands(kept.commands, list.CmdBuffer) && !draws_changed_texture(list);
}

bool DrawDamage::draws_changed_texture(const ImDrawList& list) const {
  for (const ImDrawCmd& cmd : list.CmdBuffer)
    if (std::find(changed_textures_.begin(), changed_textures_.end(), cmd.TextureId) != changed_textures_.end())
      return true;
  return false;
}

const std::vector<PixelBox>& DrawDamage::update(const ImDrawData& data, int width, int height) {
  boxes_.clear();
  const bool reordered = static_cast<int>(lists_.size()) != data.CmdListsCount ||
                         !std::equal(lists_.begin(), lists_.end(), data.CmdLists,
                                     [](const KeptList& kept, const ImDrawList* list) { return kept.list == list; });
  const ImVec4 display(data.DisplayPos.x, data.DisplayPos.y, data.DisplaySize.x, data.DisplaySize.y);
  const bool moved = display.x != display_.x || display.y != display_.y || display.z != display_.z ||
                     display.w != display_.w || data.FramebufferScale.x != scale_.x ||
                     data.FramebufferScale.y != scale_.y;
  display_ = display;
  scale_ = data.FramebufferScale;
  const bool all = everything_ || reordered || moved;
  if (all) {
    boxes_.push_back(PixelBox{0, 0, width, height});
    lists_.assign(data.CmdListsCount, KeptList{});
  }
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    KeptList& kept = lists_[n];
    if (!all && same(kept, list)) continue;
    const PixelBox box = vertex_box(list, data, width, height);
    if (!all) add_box(kept.box.empty() ? box : box.empty() ? kept.box : kept.box.join(box));  // where it was and is
    kept.list = &list;
    kept.vertices.assign(list.VtxBuffer.begin(), list.VtxBuffer.end());
    kept.indices.assign(list.IdxBuffer.begin(), list.IdxBuffer.end());
    kept.commands.assign(list.CmdBuffer.begin(), list.CmdBuffer.end());
    kept.box = box;
  }
  everything_ = false;
  changed_textures_.clear();
  return boxes_;
}

// Overlapping boxes become one (each box is one redraw pass over the lists).
void DrawDamage::add_box(PixelBox box) {
  if (box.empty()) return;
  for (bool merged = true; merged;) {
    merged = false;
    for (auto it = boxes_.begin(); it != boxes_.end(); ++it) {
      if (it->cut(box).empty()) continue;
      box = box.join(*it);
      boxes_.erase(it);
      merged = true;
      break;
    }
  }
  boxes_.push_back(box);
}

}  // namespace catgeo::platform
