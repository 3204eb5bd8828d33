// The CatGeo app: for now one window showing that the core library is linked and running.
#include "app/app.h"

#include "core/rng.h"

namespace catgeo {

void App::init() {
  ImGui::StyleColorsDark();
  core_sample_ = Rng(1).normal();
}

void App::frame() {
  ImGui::SetNextWindowPos(ImVec2(24.0f, 24.0f), ImGuiCond_FirstUseEver);
  ImGui::Begin("CatGeo", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::TextUnformatted("Geometry of category learning");
  ImGui::Separator();
  ImGui::Text("Core linked: catgeo::Rng(1).normal() = %.6f", core_sample_);
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::Text("%.0f x %.0f px, scale %.2f, %.1f fps", io.DisplaySize.x, io.DisplaySize.y,
              io.DisplayFramebufferScale.x, io.Framerate);
  ImGui::End();
}

void App::shutdown() {}

}  // namespace catgeo
