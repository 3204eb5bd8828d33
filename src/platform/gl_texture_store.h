// WebGL2 implementation of the app's TextureStore: one GL texture per slot, LINEAR filtering, clamped edges.
#pragma once
#include <map>
#include <utility>
#include <vector>

#include "app/texture_store.h"

namespace catgeo::platform {

class GlTextureStore : public TextureStore {
 public:
  ImTextureID upload(int slot, int width, int height, const std::uint32_t* rgba) override;
  void release_all();  // while the GL context is still current
  // The textures that got new pixels since the last call (the renderer redraws what shows them).
  std::vector<ImTextureID> take_uploaded() { return std::move(uploaded_); }

 private:
  struct Texture {
    unsigned int id = 0;
    int width = 0, height = 0;
  };
  std::map<int, Texture> textures_;
  std::vector<ImTextureID> uploaded_;
};

}  // namespace catgeo::platform
