// The CatGeo lab app: draws the lab with Dear ImGui; knows nothing about SDL, GL or the browser.
// The platform owns the loop and the ImGui context and calls init / frame / shutdown (sokol style); the JS API
// (through src/platform/js_api.cpp) calls the "scripting" methods below between frames.
#pragma once
#include <string>
#include <vector>

#include "app/field_images.h"
#include "app/lab.h"
#include "app/mnist_view.h"
#include "app/plot_frame.h"
#include "app/texture_store.h"
#include "imgui.h"

namespace catgeo {

enum class DataTool { none, draw, erase };

// The tiled panels (controls, view, charts, readouts) fill the canvas and draw no background of their own:
// software WebGL pays for every pixel, and their backgrounds were about a third of a frame (20 of 67 ms). The
// platform clears the canvas with background_color(), the colour those backgrounds had.
constexpr ImGuiWindowFlags kPanelWindowFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBackground;

class App {
 public:
  void init(TextureStore* textures);  // once, after the ImGui context exists and before the first frame
  void frame();                       // every frame, between ImGui::NewFrame() and ImGui::Render()
  void shutdown();                    // once, while the ImGui context still exists

  ImVec4 background_color() const;  // the style's window background over the page colour, opaque
  // True when the next frame would differ without any input: training, pending fields or digits, a held
  // mouse button, or an active text field (its cursor blinks). Otherwise the platform may skip frames until input arrives.
  bool animating() const;

  // ---- scripting (JS API); every method returns JSON text or plain text ----
  std::string load_link(const std::string& link);  // {"ok":..,"error":..,"notices":[..],"link":..}
  std::string set_value(const std::string& key, const std::string& value);  // one share-link key, then load
  std::string metrics_json(bool with_history);
  std::string config_json();
  std::string fields_json();
  std::string perf_json();
  std::string view_rect_json();  // where the 2-D plot is on the canvas (CSS px), for tests
  void play() { lab_.play(); }
  void pause() { lab_.pause(); }
  void reset();
  void step_epochs(int epochs);
  std::string train_epochs(int epochs, double max_seconds);  // synchronous; returns metrics_json(false)
  std::string add_points(const std::vector<DrawnPoint>& points);  // switches to drawn data if needed
  void set_option(const std::string& name, double value);  // grid, speed, refresh_ms, budget_ms, tool, draw_class
  const char* state_name() const { return to_string(lab_.state()); }
  std::string message() const;       // divergence message, else the status line
  const std::string& status_line() const { return status_line_; }  // mirrored into the DOM by the platform
  const Lab& lab() const { return lab_; }  // read-only, for the share/export glue (app/share_hooks.h)

 private:
  MisclassifiedGallery gallery_;  // MNIST: misclassified test digits
  bool show_gallery_ = true;
  // app.cpp
  void layout_windows();
  void layout_compact(const ViewConfig& view);
  void apply_config(const ScenarioConfig& config);  // load + keep UI in sync
  void update_status_line();
  void update_images();
  // controls.cpp
  void draw_controls();
  void draw_scenario_picker();
  void draw_run_buttons();
  void draw_data_editor();
  void draw_network_editor();
  void draw_view_options();
  // view_2d.cpp
  void draw_view();
  void draw_view_2d();
  void draw_panel_2d(const PlotFrame& frame, int which);  // 0 = F_cat, 1 = F_code, 2 = overlay
  void draw_glyphs(const PlotFrame& frame, bool fcat, bool fcode);
  void draw_data_points(const PlotFrame& frame);
  void draw_color_bar(ImVec2 p0, ImVec2 p1);
  void handle_canvas_input(const PlotFrame& frame);
  void draw_hover_tooltip(double x, double y);
  // view_1d.cpp
  void draw_view_1d();
  // readouts.cpp
  void draw_readouts();
  void draw_charts();
  void draw_explanation();
  void draw_divergence_banner();

  Lab lab_;
  TextureStore* textures_ = nullptr;
  FieldImages images_;
  int images_version_ = -1;
  ViewConfig images_view_;
  std::vector<float> boundary_reference_, boundary_network_;
  GridFields hover_fields_;

  double speed_ = 1.0;                 // multiplies the per-frame training budget
  double frame_budget_ms_ = 10.0;
  DataTool tool_ = DataTool::none;
  int draw_class_ = 0;
  int dragging_class_ = -1;            // custom mixture: the class whose mean is being dragged
  bool pending_reload_ = false;        // data edited on the canvas: rebuild the run on mouse release
  double last_draw_x_ = 1e9, last_draw_y_ = 1e9;
  PlotFrame view_frame_;               // the (left) 2-D plot, for the JS API
  bool view_frame_valid_ = false;
  std::string status_line_;
  std::string link_text_;
  int link_config_stamp_ = -1;
  int config_stamp_ = 0;               // bumps when the config changes
  float frame_ms_avg_ = 16.0f;
};

}  // namespace catgeo
