// What the app needs from the GPU: upload an RGBA image into a numbered slot and get an ImTextureID; no GL here.
#pragma once
#include <cstdint>

#include "imgui.h"

namespace catgeo {

// The app's texture slots, one per picture.
enum TextureSlot { kSlotFcat = 1, kSlotFcode = 2, kSlotRegionsReference = 3, kSlotRegionsNetwork = 4,
                   kSlotCodeScatter = 5, kSlotBiasNoise = 6, kSlotBias = 7, kSlotVariance = 8,
                   kSlotFcodeOverFcat = 9, kSlotLossFcat = 10, kSlotLossBefore = 11, kSlotLossLatest = 12 };

class TextureStore {
 public:
  virtual ~TextureStore() = default;
  // Creates or updates the texture of `slot` from w*h RGBA pixels (row 0 = top, bytes R,G,B,A in memory order);
  // returns the id to draw it with. Cheap to call again with the same size (sub-image update).
  virtual ImTextureID upload(int slot, int width, int height, const std::uint32_t* rgba) = 0;
};

}  // namespace catgeo
