// WebGL2 textures for the field images: glTexImage2D on the first upload or a size change, glTexSubImage2D after.
#include "platform/gl_texture_store.h"

#include <GLES3/gl3.h>

#include <cstdint>

namespace catgeo::platform {

ImTextureID GlTextureStore::upload(int slot, int width, int height, const std::uint32_t* rgba) {
  Texture& t = textures_[slot];
  if (t.id == 0) {
    glGenTextures(1, &t.id);
    glBindTexture(GL_TEXTURE_2D, t.id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  } else {
    glBindTexture(GL_TEXTURE_2D, t.id);
  }
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  if (t.width != width || t.height != height) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    t.width = width;
    t.height = height;
  } else {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  }
  const ImTextureID id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(t.id));
  uploaded_.push_back(id);
  return id;
}

void GlTextureStore::release_all() {
  for (auto& entry : textures_)
    if (entry.second.id) glDeleteTextures(1, &entry.second.id);
  textures_.clear();
}

}  // namespace catgeo::platform
