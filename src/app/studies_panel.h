// The paper's conditions on the page (issue 20): the information-loss maps beside F_cat, before training and now (view
// option lossmap), and the width study's chart of I(μ; r) against its high-SNR approximation by N/σ² (view option
// widths). Its own state: the maps' textures and which settings a width study was asked for.
#pragma once
#include "app/panel_context.h"
#include "app/run_view.h"
#include "app/texture_store.h"

namespace catgeo {

class StudiesPanel {
 public:
  // A width study shown and not asked for these settings yet: asks the engine (a shared link with widths=1 shows what
  // its sender saw).
  void follow(const RunView& view, const SendCommand& send);
  void draw_loss_maps(float width, const RunView& view, TextureStore& textures, const MarkTourFocus& mark);
  void draw_width_study(float width, const RunView& view, const SendCommand& send, const MarkTourFocus& mark);

 private:
  struct LossImages {  // F_cat, the loss before training and now, uploaded once per new map
    int version = -1;
    ImTextureID textures[3] = {nullptr, nullptr, nullptr};
  } loss_images_;
  int width_study_asked_ = -1;  // the configuration version the view last asked a width study for
};

}  // namespace catgeo
