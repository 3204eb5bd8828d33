// The CatGeo app: draws the lab with Dear ImGui; knows nothing about SDL, GL or the browser.
// The platform owns the loop and the ImGui context and calls init / frame / shutdown (sokol style).
#pragma once
#include "imgui.h"

namespace catgeo {

class App {
 public:
  void init();      // once, after the ImGui context exists and before the first frame
  void frame();     // every frame, between ImGui::NewFrame() and ImGui::Render()
  void shutdown();  // once, while the ImGui context still exists

  ImVec4 background_color() const { return ImVec4(0.09f, 0.10f, 0.12f, 1.0f); }

 private:
  double core_sample_ = 0.0;  // first normal draw of Rng(1): shows the core is linked
};

}  // namespace catgeo
