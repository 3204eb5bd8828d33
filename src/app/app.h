// The CatGeo view: draws the latest engine snapshot with Dear ImGui and turns input into engine commands; knows
// nothing about SDL, GL or the browser, and never runs the science itself (the engine does, see src/engine).
// The platform owns the loop and the ImGui context and calls init / poll / frame / shutdown (sokol style); the JS API
// (src/platform/js_api.cpp) calls the "scripting" methods between frames.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "app/cut_tool.h"
#include "app/decoder_overlay.h"
#include "app/digit_pad_panel.h"
#include "app/digit_path_panel.h"
#include "app/field_images.h"
#include "app/information_panel.h"
#include "app/label_audit.h"
#include "app/layer_panel.h"
#include "app/metrics_panel.h"
#include "app/mnist_view.h"
#include "app/plot_frame.h"
#include "app/run_view.h"
#include "app/screen_layout.h"
#include "app/studies_panel.h"
#include "app/texture_store.h"
#include "app/tour_focus.h"
#include "core/run/digit_pad.h"
#include "core/config/tour.h"
#include "engine/engine_link.h"
#include "engine/protocol.h"
#include "imgui.h"

namespace catgeo {

enum class DataTool { none, draw, erase };
enum class Shortcut { play_pause, step };

// The tiled panels (controls, view, charts, readouts) fill the canvas and draw no background of their own:
// software WebGL pays for every pixel, and their backgrounds were about a third of a frame (20 of 67 ms). The
// platform clears the canvas with background_color(), the colour those backgrounds had.
// Shown wherever numbers are (About, the (i) button): what the formulas rest on.
constexpr const char* kHonestNote =
    "Honest note: only the abstract of Bonnasse-Gahot & Nadal (arXiv 2510.19021) was available. The formulas here are "
    "derived from the paper's abstract and the authors' earlier work; the numbers are this demo's own.";

// What every panel says until the engine's first snapshot (no widgets built from defaults that are not the link's).
constexpr const char* kEngineStarting = "Starting the engine...";

constexpr ImGuiWindowFlags kPanelWindowFlags =
    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBackground;

class FlowingLegend;

class App {
 public:
  // Once, after the ImGui context exists: boots the engine with the page's link ("" = the default scenario), so a
  // shared link builds exactly one run. `off_screen`: an autoplay link waits until set_option("on_screen", 1) says
  // the figure is in view (a page that can tell: an embed below the fold starts when it is scrolled to).
  void init(TextureStore* textures, EngineLink* engine, const std::string& initial_link, bool off_screen = false);
  // Every loop tick, drawn or not: takes the engine's snapshots. True when something new arrived (draw a frame).
  bool poll();
  void frame();     // every drawn frame, between ImGui::NewFrame() and ImGui::Render()
  void shutdown();  // once, while the ImGui context still exists

  ImVec4 background_color() const;
  // The page's figure is in view (set_option "on_screen"; true unless init was told it starts off screen): the
  // platform draws nothing while it is not, and the engine holds an autoplay run.
  bool on_screen() const { return on_screen_; }
  // A first visit with no link: one line of what this is, "Take the tour" and "Explore" above the figure.
  void set_welcome(bool shown) { welcome_ = shown; }
  // Touch devices: controls at least 44 CSS px tall (frame padding, spacing, scrollbars); call before the frame.
  void set_touch_sizing(bool touch);  // the style's window background over the page colour, opaque
  // The typeface size (device pixels) this frame's layout wants; the platform rebuilds the font atlas when it changes.
  int typeface_pixels_wanted() const { return typeface_pixels_wanted_; }
  const ScreenLayout& layout() const { return layout_; }  // this frame's arrangement (the page's HTML follows it)
  // True when the next frame would differ without any input: training, a command not yet answered, a held mouse
  // button, or an active text field (its cursor blinks). Otherwise the platform may skip frames until input arrives.
  bool animating() const;
  // A keyboard shortcut, unless a widget has the keyboard (text input, or keyboard navigation showing its focus,
  // where Space and the arrows belong to the widget). True when it was taken.
  bool shortcut(Shortcut shortcut);

  // ---- scripting (JS API). Commands return their id: view().completed >= id once they took effect. ----
  std::uint32_t load_link(const std::string& link);
  // A table of labelled points (core/data/point_table.h); a bad one leaves the run as it is, its load result says why.
  std::uint32_t load_table(const std::string& text);
  std::uint32_t set_value(const std::string& key, const std::string& value);  // one link key (link-encoded value)
  std::uint32_t play() { return send(CommandKind::play); }
  std::uint32_t pause() { return send(CommandKind::pause); }
  std::uint32_t reset() { return send(CommandKind::reset); }
  std::uint32_t train_epochs(int epochs, double max_seconds);
  std::uint32_t train_for(double seconds);
  std::uint32_t add_points(const std::vector<DrawnPoint>& points);  // switches to drawn data if needed
  // Loads tour step `step` (clamped to 1..kTourSteps), keeping the page chrome (embed, lecture, controls) and a
  // chosen speed.
  std::uint32_t go_to_tour_step(int step);
  // Display options outside the link: grid (points per axis) and refresh_ms go to the engine; tool and draw_class
  // are the view's own. Returns the command id (0 for the view's own options, which apply at once).
  std::uint32_t set_option(const std::string& name, double value);
  // The read-outs of the run are app/run_json.h (on view()); these read the frame.
  std::string perf_json() const;
  std::string tour_json() const;  // the tour step shown: title, caption, look_at, claim (core/config/tour.h)
  std::string view_rect_json() const;  // where the 2-D plot is on the canvas (CSS px), for tests
  // The last frame's layout report (app/label_audit.h): labels cut or drawn over each other, and how many were checked.
  std::string layout_report_json() const;
  // What the read-outs of the cut, the digit path and the pad take from the frame: the measure the maps show (as
  // edited), whether a digit path is asked for, and the pad's pixels with ink.
  FieldMeasure shown_measure() const { return edit_.view.measure; }
  bool path_shown() const { return edit_.view.path[0] >= 0; }
  int pad_inked() const { return pad_.inked(); }
  // The digit pad (MNIST): puts a drawing on it (kPadPixels values in [0, 1], row-major, ink 1; empty: clear) and
  // sends it; the network's reading is drawn_digit_json (app/run_json.h).
  std::uint32_t draw_digit(const std::vector<float>& pixels) { return pad_.put(pixels, sender()); }
  const char* state_name() const { return to_string(view_.state); }
  const std::string& message() const { return view_.message; }  // divergence message, else the status
  const std::string& status_line() const { return status_line_; }  // mirrored into the DOM by the platform
  // The About panel's line on offline use (web/catgeo-offline.js words it: ready, getting ready, not available).
  void set_offline_status(std::string line) { offline_status_ = std::move(line); }
  const std::string& offline_status() const { return offline_status_; }
  const RunView& view() const { return view_; }
  // A press at (x, y) (CSS px of the canvas, the last frame's layout) acts on the figure: on a class mean's handle, on
  // a map while a tool (draw, erase, cut) is on, or on the digit pad. Elsewhere an embedding page may scroll with it.
  bool figure_wants_pointer_at(float x, float y) const;
  std::uint32_t last_sent() const { return next_id_ - 1; }

 private:
  std::uint32_t send(Command command);
  std::uint32_t send(CommandKind kind);
  SendCommand sender() {  // send() for a panel
    return [this](Command command) { return send(std::move(command)); };
  }
  ApplyView view_applier() {  // a panel's edited view options: the widgets' edit and the engine's set_view
    return [this](const ViewConfig& view) {
      edit_.view = view;
      apply_view_options();
    };
  }
  MarkTourFocus focus_marker() {  // mark_tour_focus() for a panel
    return [this](TourFocus focus, ImVec2 min, ImVec2 max) { mark_tour_focus(focus, min, max); };
  }
  // app.cpp
  void follow_engine_config();  // edit_ takes the engine's configuration unless a widget or a drag holds it
  void layout_windows();
  void draw_sheet();  // portrait: run buttons, then Controls / Metrics / Read-outs / About tabs
  void drag_to_scroll();  // touch: a finger dragging in the current window scrolls it
  void apply_config(const ScenarioConfig& config);  // the engine builds a new run from it
  void apply_view_options();                        // edit_.view to the engine (the run goes on)
  void update_status_line();
  void update_images();
  void request_probe(double x, double y);
  const ProbeResult* probe_at(double x, double y) const;  // the engine's answer for this point, once it came
  // controls.cpp
  void draw_controls(bool with_run_buttons);
  void draw_scenario_picker();
  void draw_run_buttons();  // the lab's: Play, Step, Reset, (i), Tour, progress and speed, the run's status
  void draw_play_bar();     // compact and stage: the same in one row
  void draw_play_button();
  void draw_tour_button();  // the lab's way into the tour (not in a tour, not in an embed)
  void draw_progress_and_speed();
  void draw_speed_control(float width);  // epochs per second while playing (link key speed)
  void draw_data_editor();
  // The classes a point may be drawn in: those a link can hold for a drawing, a table's own for a table.
  int drawable_classes() const;
  void draw_table_axes_note();  // under the maps of a table: how its coordinates were scaled into the view
  void draw_table_facts();  // drawn points: a table's size, scaling and class names; load and download buttons
  void draw_network_editor();
  void draw_view_options();
  // view_2d.cpp
  void draw_view();
  void draw_view_2d();
  void draw_panel_2d(const PlotFrame& frame, int which);  // 0 = F_cat, 1 = F_code, 2 = overlay
  void draw_glyphs(const PlotFrame& frame, bool fcat, bool fcode);
  // Before training: F_code's max / min over the data region under kFlatContrast. The map then says so instead of
  // drawing its (all alike, overlapping) ellipses.
  static constexpr double kFlatContrast = 3.0;
  bool untrained_fcode_flat() const;
  void draw_flat_note(const PlotFrame& frame);
  // A small embed, one map at a time: the F_cat / F_code switch, on the step's title line when there is one.
  static constexpr float kSwitchPadding = 6.0f;
  float map_switch_width() const;
  void draw_map_switch();
  void draw_data_points(const PlotFrame& frame);
  void draw_color_bar(ImVec2 p0, ImVec2 p1);
  void handle_canvas_input(const PlotFrame& frame, int map);  // map: 0 F_cat, 1 F_code, 2 overlay
  float mean_grab_radius() const { return touch_sizing_ ? 22.0f : 9.0f; }  // px around a class mean that grab it
  void draw_hover_tooltip(double x, double y);
  // view_1d.cpp
  void draw_view_1d();
  // readouts.cpp
  void draw_readouts(bool with_explanation);
  void draw_charts();
  void draw_explanation();
  void draw_about_button();  // "(i)": exact or estimated, and where the formulas come from (every mode)
  void draw_divergence_banner();
  // tour_view.cpp
  const TourStep* tour_step() const;  // the step the run's link names, or nullptr

  void draw_tour_caption();
  void draw_welcome();  // the first visit's way in
  // After drawing what a tour step may name: when the step names `focus`, outlines [min, max], notes it for the JS API
  // and, once per step, scrolls the current window to show it.
  void mark_tour_focus(TourFocus focus, ImVec2 min, ImVec2 max) {
    tour_focus_.mark(tour_step(), view_.config.view.tour, focus, min, max);
  }
  template <typename Draw>
  void draw_tour_focus(TourFocus focus, Draw draw) {  // draws a group and marks it
    ImGui::BeginGroup();
    draw();
    ImGui::EndGroup();
    mark_tour_focus(focus, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }

  EngineLink* engine_ = nullptr;
  std::uint32_t next_id_ = 1;
  RunView view_;
  MetricChartsPanel metric_charts_;  // the metrics against epoch
  ScenarioConfig edit_;         // the configuration the widgets edit; follows view_.config unless a widget is held
  int edit_version_ = -1;       // view_.config_version that edit_ was taken from
  TextureStore* textures_ = nullptr;
  FieldImages images_;
  int images_version_ = -1;
  ViewConfig images_view_;
  std::vector<float> boundary_reference_, boundary_network_;
  bool touch_sizing_ = false;
  bool debug_overlay_ = false;
  bool welcome_ = false;         // set_welcome, until a choice is made
  bool on_screen_ = true;   // set_option "debug": the frame rate in a corner
  bool tour_caption_shown_ = false;  // drawn this frame
  bool sheet_expanded_ = false;  // portrait: the sheet covers most of the figure
  int sheet_tab_request_ = -1;   // portrait: a tab to select in the next frame (set_option "sheet_tab")
  float figure_header_height_ = 0.0f;  // what the figure shows above its maps (the tour caption), last frame
  float caption_line_y_ = -1.0f;       // a small embed: the step's title line (window cursor y), -1: none
  int portrait_map_ = 0;         // portrait, one map at a time: 0 = F_cat, 1 = F_code
  int tour_map_step_ = 0;        // the tour step that last chose portrait_map_ and the portrait tab
  TourFocusMarker tour_focus_;    // what the tour step names: outlined and scrolled to
  ScreenLayout layout_;          // this frame's arrangement
  int typeface_pixels_wanted_ = 0;
  LabelReport layout_report_;    // the last frame's
  InformationPanel information_;  // I(μ; r), the cost split, the information plane, bias and variance
  StudiesPanel studies_;  // the loss maps and the width study
  CodeScatter scatter_;  // MNIST: the training digits' codes on the maps

  DataTool tool_ = DataTool::none;
  int draw_class_ = 0;
  int dragging_class_ = -1;            // custom mixture: the class whose mean is being dragged
  int dragging_map_ = -1;              // the map it was grabbed on
  bool pending_reload_ = false;        // data edited on the canvas: rebuild the run on mouse release
  double last_draw_x_ = 1e9, last_draw_y_ = 1e9;
  double probe_x_ = 1e300, probe_y_ = 1e300;  // the latest point asked of the engine
  CutTool cut_;  // the 1-D cut through the 2-D view
  // The grid of the 2-D maps: the fields' own (a learned projection's extent follows its codes), the configured one
  // until they arrive.
  const GridSpec& map_grid() const {
    return view_.fields_valid() && view_.fields.dims() == 2 ? view_.fields.grid : edit_.grid;
  }
  PlotFrame view_frame_;               // the (left) 2-D plot, for the JS API
  ImVec2 sheet_scroll_;                // portrait sheet page: scroll offset (x) and its largest (y), for the JS API
  bool view_frame_valid_ = false;
  ImVec2 play_button_min_, play_button_max_;  // the Play/Pause button in this frame (zero size: not drawn)
  ImVec2 figure_min_, figure_max_;            // this frame's plots: every 2-D map, or the 1-D panels (zero: none)
  std::vector<ImVec2> mean_handles_;          // this frame's draggable class means on the maps (screen px)
  DigitPadPanel pad_;  // draw your own digit (MNIST)
  std::string status_line_;
  std::string offline_status_;
  float frame_ms_avg_ = 16.0f;
  // The frame rate as the panel shows it: held for kFpsShownSeconds, so that a number changing every frame does not
  // make the renderer redraw the whole panel every frame (platform/draw_damage.h).
  static constexpr double kFpsShownSeconds = 0.5;
  float fps_shown_ = 0.0f;
  double fps_shown_at_ = -1e9;
};

}  // namespace catgeo
