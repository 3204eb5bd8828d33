// The view's status line (the page's aria-live #catgeo-status): it changes with the state, not with each epoch; a
// finished run is announced once, with its epochs and test accuracy; a tour step with its title.
#include <cstdio>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/config/tour.h"
#include "engine/in_process_link.h"
#include "imgui.h"
#include "test.h"

namespace {

class NullTextures : public catgeo::TextureStore {
 public:
  ImTextureID upload(int slot, int, int, const std::uint32_t*) override {
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(slot + 1));
  }
};

// Runs the engine and the view's intake (no frames drawn) until `done` or a step limit; records each new status line.
template <typename Done>
void run_until(catgeo::InProcessLink& engine, catgeo::App& app, std::vector<std::string>& lines, Done done) {
  for (int t = 0; t < 20000 && !done(); ++t) {
    engine.run(0.004);
    app.poll();
    if (lines.empty() || lines.back() != app.status_line()) lines.push_back(app.status_line());
  }
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "\n  " + line;
  return out;
}

}  // namespace

TEST_CASE("status_line_announces_a_finished_run_once_and_a_tour_step") {
  ImGui::CreateContext();
  NullTextures textures;
  catgeo::InProcessLink engine;
  catgeo::App app;
  app.init(&textures, &engine, "scenario=E5&epochs=6&speed=max");
  std::vector<std::string> lines;
  run_until(engine, app, lines, [&] { return app.view().completed >= app.last_sent(); });
  app.play();
  run_until(engine, app, lines, [&] {
    return app.view().state == catgeo::RunState::finished && app.status_line().find("finished") != std::string::npos;
  });
  const catgeo::RunView& view = app.view();
  CHECK_MESSAGE((view.state == catgeo::RunState::finished && view.latest() != nullptr), "the run did not finish");
  char expected[96];
  std::snprintf(expected, sizeof expected, "finished after 6 epochs, test accuracy %.1f%%",
                100.0 * view.latest()->test_accuracy);
  CHECK_MESSAGE(lines.back().find(expected) != std::string::npos, "last line: " << lines.back() << " (expected '"
                                                                                << expected << "')");
  int finished = 0;
  for (const std::string& line : lines) finished += line.find("finished") != std::string::npos;
  CHECK_MESSAGE(finished == 1, "the finish announced " << finished << " times:" << joined(lines));
  CHECK_MESSAGE(lines.size() <= 4, "6 epochs gave " << lines.size() << " status lines:" << joined(lines));

  app.go_to_tour_step(3);
  run_until(engine, app, lines, [&] { return app.view().completed >= app.last_sent(); });
  const std::string tour = std::string("Tour step 3 of ") + std::to_string(catgeo::kTourSteps) + ": " +
                           catgeo::tour_steps()[2].title + ". ";
  CHECK_MESSAGE(app.status_line().rfind(tour, 0) == 0, "tour step line: " << app.status_line());
  app.shutdown();
  ImGui::DestroyContext();
}
