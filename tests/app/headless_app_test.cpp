// The real view, headless (Dear ImGui's example_null way: no renderer, the font atlas built but never uploaded) with
// an in-process engine: every preset for a few hundred frames at phone, tablet, laptop and iframe sizes, the mouse
// sweeping over the panels; natively and under ASan+UBSan (scripts/test).
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/run_json.h"
#include "app/typeface.h"
#include "core/run/digit_pad.h"
#include "core/base/json.h"
#include "core/config/scenarios.h"
#include "engine/in_process_link.h"
#include "engine/mnist_source.h"
#include "imgui.h"
#include "mnist_digits.h"
#include "test.h"
#include "test_assets.h"

namespace {

class NullTextures : public catgeo::TextureStore {
 public:
  ImTextureID upload(int slot, int width, int height, const std::uint32_t* rgba) override {
    uploads += width > 0 && height > 0 && rgba != nullptr;
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(slot + 1));
  }
  int uploads = 0;
};

struct HeadlessResult {
  catgeo::RunView view;
  int vertices = 0;  // in the last frame's draw lists
  int rejected = 0;  // commands the engine could not decode
  std::uint32_t last_sent = 0;
  int uploads = 0;
  std::string metrics;
  std::string layout;  // the last frame's layout report
};

// sheet_tab: portrait, the sheet's tab to show (-1: the first); wait_for_decoder: also until the decoder check's result
// is in (slow under ASan); drawing: a digit put on the digit pad (MNIST) before the frames.
HeadlessResult run_headless(const std::string& link, ImVec2 size, int frames, int sheet_tab = -1,
                            bool wait_for_decoder = false, const std::vector<float>& drawing = {}) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = size;
  catgeo::load_typeface(*io.Fonts, catgeo::typeface_device_pixels(1.0f, 1.0f));
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)));
  NullTextures textures;
  catgeo::InProcessLink engine;
  catgeo::App app;
  app.init(&textures, &engine, link);
  if (sheet_tab >= 0) app.set_option("sheet_tab", sheet_tab);
  if (!drawing.empty()) app.draw_digit(drawing);
  HeadlessResult out;
  for (int f = 0; f < frames; ++f) {
    io.DeltaTime = 1.0f / 60.0f;
    // The mouse sweeps every panel (each frame redrawn, hover read-outs asked of the engine); no clicks.
    io.MousePos = ImVec2(std::fmod(f * 37.0f, size.x), std::fmod(f * 23.0f + 11.0f, size.y));
    engine.run(0.004);
    app.poll();
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
  }
  // Let the engine answer every command the view sent, then draw once more.
  for (int t = 0; t < 2000 && app.view().completed < app.last_sent(); ++t) {
    engine.run(0.004);
    app.poll();
  }
  for (int t = 0; t < 20000 && wait_for_decoder && !app.view().decoder.valid; ++t) {
    engine.run(0.004);
    app.poll();
  }
  ImGui::NewFrame();
  app.frame();
  ImGui::Render();
  if (const ImDrawData* data = ImGui::GetDrawData()) out.vertices = data->TotalVtxCount;
  out.view = app.view();
  out.rejected = engine.rejected_commands();
  out.last_sent = app.last_sent();
  out.uploads = textures.uploads;
  out.metrics = catgeo::metrics_json(app.view(), true);
  out.layout = app.layout_report_json();
  app.shutdown();
  ImGui::DestroyContext();
  return out;
}

bool finite_fields(const catgeo::GridFields& f) {
  return f.fcode.allFinite() && f.fcat.allFinite() && f.network_posterior.allFinite();
}

void check_run(const std::string& link, ImVec2 size, int frames) {
  const HeadlessResult r = run_headless(link, size, frames);
  const std::string where = link + " at " + std::to_string(static_cast<int>(size.x)) + "x" +
                            std::to_string(static_cast<int>(size.y));
  CHECK_MESSAGE(r.view.has_run(), where << ": no run (" << r.view.status << ")");
  CHECK_MESSAGE(r.view.facts.serial == 1, where << ": " << r.view.facts.serial << " runs built");
  CHECK_MESSAGE(r.view.completed == r.last_sent, where << ": commands unanswered");
  CHECK_MESSAGE(r.rejected == 0, where << ": the engine refused " << r.rejected << " commands");
  CHECK_MESSAGE(r.view.epoch_progress > 0.0, where << ": autoplay did not train");
  CHECK_MESSAGE((r.view.fields_valid() && finite_fields(r.view.fields)), where << ": no finite fields");
  CHECK_MESSAGE(r.view.history.size() >= 1, where << ": no history");
  CHECK_MESSAGE(r.vertices > 1000, where << ": only " << r.vertices << " vertices drawn");
  CHECK_MESSAGE(catgeo::parse_json(r.metrics).ok(), where << ": metrics JSON does not parse");
}

}  // namespace

TEST_CASE("headless_every_preset_at_laptop_size" * SLOW) {
  for (const std::string& id : catgeo::scenario_ids()) {
    if (id == "mnist") continue;  // below, with the digits loaded
    check_run("scenario=" + id + "&autoplay=1", ImVec2(1280, 800), 240);
  }
}

TEST_CASE("headless_layouts_at_phone_tablet_lecture_and_iframe_sizes" * SLOW) {
  check_run("scenario=E5&autoplay=1", ImVec2(390, 844), 200);
  check_run("scenario=E1&autoplay=1&lecture=1", ImVec2(1024, 768), 200);
  check_run("scenario=E7&autoplay=1&embed=1", ImVec2(400, 300), 200);
  check_run("scenario=E6&autoplay=1&view=overlay", ImVec2(1920, 1080), 200);
}

TEST_CASE("headless_mnist_with_the_digits" * SLOW) {
  if (!catgeo::test::install_mnist_digits()) return;
  check_run("scenario=mnist&autoplay=1&digits=49", ImVec2(1280, 800), 200);
}

namespace {

// The layout report of the last frame: nothing cut, nothing drawn over anything, and enough checked to mean it.
void check_layout(const std::string& link, ImVec2 size, int sheet_tab = -1) {
  const HeadlessResult r = run_headless(link, size, 150, sheet_tab);
  const std::string where = link + " at " + std::to_string(static_cast<int>(size.x)) + "x" +
                            std::to_string(static_cast<int>(size.y)) + " tab " + std::to_string(sheet_tab);
  const catgeo::Result<catgeo::JsonValue> report = catgeo::parse_json(r.layout);
  CHECK_MESSAGE(report.ok(), where << ": the layout report does not parse");
  if (!report.ok()) return;
  const catgeo::JsonValue& problems = *report.value.find("problems");
  CHECK_MESSAGE(r.view.fields_valid(), where << ": no fields drawn yet, so the maps' labels went unchecked");
  CHECK_MESSAGE(report.value.find("labels")->as_number() >= 10, where << ": too few labels checked: " << r.layout);
  CHECK_MESSAGE(problems.size() == 0, where << ": " << r.layout);
}

}  // namespace

TEST_CASE("headless_layout_report_at_every_size" * SLOW) {
  const ImVec2 sizes[] = {{360, 740}, {768, 1024}, {1280, 800}, {1920, 1080}};
  for (const char* link : {"scenario=E1", "scenario=E5", "scenario=E7"})
    for (ImVec2 size : sizes) check_layout(link, size);
  for (int tab = 1; tab < 4; ++tab)  // the phone's and the portrait tablet's other sheet tabs
    for (ImVec2 size : {ImVec2(360, 740), ImVec2(768, 1024)}) check_layout("scenario=E5", size, tab);
  for (const char* link : {"scenario=E1&lecture=1", "scenario=E5&lecture=1"}) check_layout(link, ImVec2(1024, 768));
  // MNIST: the learned projection's maps, the digit tooltips, the gallery.
  if (!catgeo::test::install_mnist_digits()) return;
  for (ImVec2 size : {ImVec2(1280, 800), ImVec2(1920, 1080)}) {
    check_layout("scenario=mnist&digits=49", size);
    check_layout("scenario=mnist", size);  // ten digits: a 10 x 10 confusion matrix in a narrow column
  }
  for (int tab = 0; tab < 4; ++tab) check_layout("scenario=mnist&digits=49", ImVec2(360, 740), tab);
  for (const char* link : {"scenario=E5&embed=1", "scenario=E1&embed=1", "tour=4&embed=1"}) {
    check_layout(link, ImVec2(720, 480));
    check_layout(link, ImVec2(400, 300));
  }
}

TEST_CASE("headless_decoder_check_and_layer_picker_layouts" * SLOW) {
  // E6 with F_code at its first layer and the decoder ellipses: the result arrives, the map names its layer, and
  // the legend, the note and the picker fit at laptop and phone sizes.
  const std::string link = "scenario=E6&layer=0&decoder=1";
  for (ImVec2 size : {ImVec2(1280, 800), ImVec2(1920, 1080), ImVec2(360, 740), ImVec2(768, 1024)}) {
    const HeadlessResult r = run_headless(link, size, 300, -1, true);
    const std::string where = link + " at " + std::to_string(static_cast<int>(size.x)) + "x" +
                              std::to_string(static_cast<int>(size.y));
    CHECK_MESSAGE((r.view.fields_layer == 0 && r.view.config.view.layer == 0),
                     where << ": layer " << r.view.fields_layer);
    CHECK_MESSAGE((r.view.decoder.valid && r.view.decoder.points.cols() > 0), where << ": no decoder result");
    const catgeo::Result<catgeo::JsonValue> report = catgeo::parse_json(r.layout);
    CHECK_MESSAGE((report.ok() && report.value.find("problems")->size() == 0), where << ": " << r.layout);
  }
}

TEST_CASE("headless_digit_pad_layouts_with_a_drawing" * SLOW) {
  // A drawn 1 (a vertical stroke of ink) on the pad: read by the engine, and the pad, its posterior bars, the nearest
  // digits and the marker on the maps fit at laptop, portrait tablet and phone sizes (the phone's Read-outs tab).
  if (!catgeo::test::install_mnist_digits()) return;
  std::vector<float> one(catgeo::kPadPixels, 0.0f);
  for (int i = 5; i < 23; ++i)
    for (int j = 13; j < 15; ++j) one[i * catgeo::kPadSide + j] = 1.0f;
  const std::string link = "scenario=mnist&digits=01";
  for (const auto& [size, tab] : {std::make_pair(ImVec2(1280, 800), -1), std::make_pair(ImVec2(1920, 1080), -1),
                                  std::make_pair(ImVec2(768, 1024), 2), std::make_pair(ImVec2(360, 740), 2)}) {
    const HeadlessResult r = run_headless(link, size, 150, tab, false, one);
    const std::string where = std::to_string(static_cast<int>(size.x)) + "x" + std::to_string(static_cast<int>(size.y));
    CHECK_MESSAGE((r.view.drawn.active && r.view.drawn.valid),
                     where << ": the drawing was not read: " << r.view.drawn.error);
    CHECK_MESSAGE(r.rejected == 0, where << ": the engine refused " << r.rejected << " commands");
    const catgeo::Result<catgeo::JsonValue> report = catgeo::parse_json(r.layout);
    CHECK_MESSAGE((report.ok() && report.value.find("problems")->size() == 0), where << ": " << r.layout);
  }
}
