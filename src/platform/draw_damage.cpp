// Changed screen tiles between two frames' draw lists, joined into a few boxes (see draw_damage.h).
#include "platform/draw_damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace catgeo::platform {
namespace {

constexpr std::uint64_t kEmptyTile = 0x84222325cbf29ce4ULL;
constexpr std::uint64_t kPrime = 0x100000001b3ULL;

// FNV-1a over 32-bit words.
std::uint64_t mix_words(std::uint64_t h, const void* bytes, std::size_t size) {
  const unsigned char* p = static_cast<const unsigned char*>(bytes);
  for (std::size_t i = 0; i + 4 <= size; i += 4) {
    std::uint32_t word;
    std::memcpy(&word, p + i, 4);
    h = (h ^ word) * kPrime;
  }
  return h;
}

// A tile's hash after one more triangle: depends on the order (the later triangle is drawn over the earlier).
std::uint64_t add_to_tile(std::uint64_t tile, std::uint64_t triangle) {
  return ((tile << 7 | tile >> 57) ^ triangle) * 0x9e3779b97f4a7c15ULL;
}

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

struct DownBox {  // framebuffer pixels, y down: [x0, x1) x [y0, y1)
  int x0, y0, x1, y1;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
};

}  // namespace

PixelBox PixelBox::cut(const PixelBox& o) const {
  return PixelBox{std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
}

PixelBox PixelBox::join(const PixelBox& o) const {
  return PixelBox{std::min(x0, o.x0), std::min(y0, o.y0), std::max(x1, o.x1), std::max(y1, o.y1)};
}

void DrawDamage::texture_changed(ImTextureID texture) {
  ++texture_uploads_[texture];
  changed_textures_.push_back(texture);
}

bool DrawDamage::same(const KeptList& kept, const ImDrawList& list) const {
  if (kept.list != &list || !same_bytes(kept.vertices, list.VtxBuffer) || !same_bytes(kept.indices, list.IdxBuffer) ||
      !same_commands(kept.commands, list.CmdBuffer))
    return false;
  for (const ImDrawCmd& cmd : list.CmdBuffer)
    if (std::find(changed_textures_.begin(), changed_textures_.end(), cmd.TextureId) != changed_textures_.end())
      return false;
  return true;
}

const std::vector<PixelBox>& DrawDamage::update(const ImDrawData& data, int width, int height) {
  const bool resized = width != width_ || height != height_;
  const ImVec4 display(data.DisplayPos.x, data.DisplayPos.y, data.DisplaySize.x, data.DisplaySize.y);
  const bool moved = display.x != display_.x || display.y != display_.y || display.z != display_.z ||
                     display.w != display_.w || data.FramebufferScale.x != scale_.x ||
                     data.FramebufferScale.y != scale_.y;
  const bool reordered = static_cast<int>(lists_.size()) != data.CmdListsCount ||
                         !std::equal(lists_.begin(), lists_.end(), data.CmdLists,
                                     [](const KeptList& kept, const ImDrawList* list) { return kept.list == list; });
  display_ = display;
  scale_ = data.FramebufferScale;
  width_ = width, height_ = height;
  columns_ = (width + kTile - 1) / kTile, rows_ = (height + kTile - 1) / kTile;
  boxes_.clear();
  whole_ = everything_ || resized || moved || reordered;
  if (whole_) {  // every list anew (its tiles are another frame's)
    lists_.assign(data.CmdListsCount, KeptList{});
    for (int n = 0; n < data.CmdListsCount; ++n) keep(*data.CmdLists[n], data, lists_[n]);
    boxes_.push_back(PixelBox{0, 0, width, height});
    everything_ = false;
    changed_textures_.clear();
    return boxes_;
  }
  changed_.assign(static_cast<std::size_t>(rows_) * columns_, 0);
  bool any = false;
  for (int n = 0; n < data.CmdListsCount; ++n) {
    KeptList& kept = lists_[n];
    if (same(kept, *data.CmdLists[n])) continue;
    const std::vector<std::uint64_t> before = std::move(kept.tiles);
    keep(*data.CmdLists[n], data, kept);
    for (std::size_t i = 0; i < changed_.size(); ++i) changed_[i] |= before[i] != kept.tiles[i];
    any = true;
  }
  changed_textures_.clear();
  if (!any) return boxes_;
  // Runs of changed tiles in each row; a run under one of the same width in the row above lengthens its box.
  std::vector<PixelBox> open, next;
  for (int row = 0; row < rows_; ++row) {
    next.clear();
    const GLint down0 = row * kTile, down1 = std::min(height, down0 + kTile);
    const std::uint8_t* changed = changed_.data() + static_cast<std::size_t>(row) * columns_;
    for (int column = 0; column < columns_;) {
      if (!changed[column]) { ++column; continue; }
      int end = column;
      while (end < columns_ && changed[end]) ++end;
      PixelBox run{column * kTile, height - down1, std::min(width, end * kTile), height - down0};
      const auto above = std::find_if(open.begin(), open.end(),
                                      [&](const PixelBox& b) { return b.x0 == run.x0 && b.x1 == run.x1; });
      if (above != open.end()) {
        run.y1 = above->y1;
        open.erase(above);
      }
      next.push_back(run);
      column = end;
    }
    for (const PixelBox& closed : open) boxes_.push_back(closed);
    open.swap(next);
  }
  for (const PixelBox& closed : open) boxes_.push_back(closed);
  join_closest_boxes();
  return boxes_;
}

// Copies the list and hashes it per tile: every triangle's hash goes into each tile its pixels can reach (its
// vertices' box, one pixel wider for rounding, cut by its clip rectangle); the list's box is the box around them.
void DrawDamage::keep(const ImDrawList& list, const ImDrawData& data, KeptList& kept) {
  kept.list = &list;
  kept.vertices.assign(list.VtxBuffer.begin(), list.VtxBuffer.end());
  kept.indices.assign(list.IdxBuffer.begin(), list.IdxBuffer.end());
  kept.commands.assign(list.CmdBuffer.begin(), list.CmdBuffer.end());
  kept.tiles.assign(static_cast<std::size_t>(rows_) * columns_, kEmptyTile);
  kept.box = PixelBox{};
  const ImVec2 scale = data.FramebufferScale, origin = data.DisplayPos;
  DownBox reach{width_, height_, 0, 0};
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    if (cmd.UserCallback) continue;  // draws nothing here (imgui_renderer.cpp)
    const DownBox clip{std::max(0, static_cast<int>(std::floor((cmd.ClipRect.x - origin.x) * scale.x))),
                       std::max(0, static_cast<int>(std::floor((cmd.ClipRect.y - origin.y) * scale.y))),
                       std::min(width_, static_cast<int>(std::ceil((cmd.ClipRect.z - origin.x) * scale.x))),
                       std::min(height_, static_cast<int>(std::ceil((cmd.ClipRect.w - origin.y) * scale.y)))};
    if (clip.empty()) continue;
    const auto found = texture_uploads_.find(cmd.TextureId);
    const std::uint32_t uploads = found == texture_uploads_.end() ? 0 : found->second;
    const std::uint64_t texture = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(cmd.TextureId));
    std::uint64_t command = mix_words(kEmptyTile, &cmd.ClipRect, sizeof(cmd.ClipRect));
    command = mix_words(command, &texture, sizeof(texture));
    command = mix_words(command, &uploads, sizeof(uploads));
    for (unsigned i = cmd.IdxOffset; i + 3 <= cmd.IdxOffset + cmd.ElemCount; i += 3) {
      float x0 = std::numeric_limits<float>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
      std::uint64_t triangle = command;
      for (unsigned k = 0; k < 3; ++k) {
        const ImDrawVert& v = list.VtxBuffer[cmd.VtxOffset + list.IdxBuffer[i + k]];
        x0 = std::min(x0, v.pos.x), x1 = std::max(x1, v.pos.x);
        y0 = std::min(y0, v.pos.y), y1 = std::max(y1, v.pos.y);
        triangle = mix_words(triangle, &v, sizeof(ImDrawVert));
      }
      const DownBox box{std::max(clip.x0, static_cast<int>(std::floor((x0 - origin.x) * scale.x)) - 1),
                        std::max(clip.y0, static_cast<int>(std::floor((y0 - origin.y) * scale.y)) - 1),
                        std::min(clip.x1, static_cast<int>(std::ceil((x1 - origin.x) * scale.x)) + 1),
                        std::min(clip.y1, static_cast<int>(std::ceil((y1 - origin.y) * scale.y)) + 1)};
      if (box.empty()) continue;
      for (int row = box.y0 / kTile; row <= (box.y1 - 1) / kTile; ++row)
        for (int column = box.x0 / kTile; column <= (box.x1 - 1) / kTile; ++column) {
          std::uint64_t& tile = kept.tiles[static_cast<std::size_t>(row) * columns_ + column];
          tile = add_to_tile(tile, triangle);
        }
      reach = DownBox{std::min(reach.x0, box.x0), std::min(reach.y0, box.y0), std::max(reach.x1, box.x1),
                      std::max(reach.y1, box.y1)};
    }
  }
  if (!reach.empty()) kept.box = PixelBox{reach.x0, height_ - reach.y1, reach.x1, height_ - reach.y0};
}

// A box that overlaps others takes them in (the renderer draws each pixel of a box once, so boxes must not overlap).
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

// Joins the two boxes whose joined box adds the fewest pixels, until kMaxBoxes are left (more than 64: one box).
void DrawDamage::join_closest_boxes() {
  if (boxes_.size() > 64) {
    PixelBox all = boxes_.front();
    for (const PixelBox& box : boxes_) all = all.join(box);
    boxes_.assign(1, all);
    return;
  }
  while (boxes_.size() > static_cast<std::size_t>(kMaxBoxes)) {
    std::size_t best_a = 0, best_b = 1;
    std::int64_t best_cost = std::numeric_limits<std::int64_t>::max();
    for (std::size_t a = 0; a < boxes_.size(); ++a)
      for (std::size_t b = a + 1; b < boxes_.size(); ++b) {
        const std::int64_t cost = boxes_[a].join(boxes_[b]).area() - boxes_[a].area() - boxes_[b].area();
        if (cost < best_cost) best_cost = cost, best_a = a, best_b = b;
      }
    const PixelBox joined = boxes_[best_a].join(boxes_[best_b]);
    boxes_.erase(boxes_.begin() + static_cast<std::ptrdiff_t>(best_b));
    boxes_.erase(boxes_.begin() + static_cast<std::ptrdiff_t>(best_a));
    add_box(joined);
  }
}

}  // namespace catgeo::platform
