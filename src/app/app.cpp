// The CatGeo view: snapshot intake, frame layout, and the scripting commands (the run's read-outs: app/run_json.h).
#include "app/app.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "app/boundary_contour.h"
#include "app/chart_axes.h"
#include "app/label_audit.h"
#include "app/typeface.h"
#include "core/base/json.h"
#include "core/config/parameters.h"
#include "engine/protocol_codec.h"
#include "imgui_internal.h"  // the active window (drag_to_scroll)

namespace catgeo {

void App::init(TextureStore* textures, EngineLink* engine, const std::string& initial_link, bool off_screen) {
  textures_ = textures;
  engine_ = engine;
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.WindowPadding = ImVec2(8, 8);
  // Keyboard navigation's focus ring (arrows, Space): white, as the page's focus rings (web/catgeo.css), clear of the
  // blue widgets and of the tour's yellow frame.
  style.Colors[ImGuiCol_NavHighlight] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  if (off_screen) set_option("on_screen", 0.0);  // before the boot: an autoplay run must not start before it is seen
  Command boot;
  boot.kind = CommandKind::boot;
  boot.text = initial_link;
  send(std::move(boot));
}

void App::shutdown() {}

std::uint32_t App::send(Command command) {
  if (command.kind != CommandKind::ack) command.id = next_id_++;
  engine_->send(encode_command(command));
  return command.id;
}

std::uint32_t App::send(CommandKind kind) {
  Command command;
  command.kind = kind;
  return send(std::move(command));
}

bool App::poll() {
  bool changed = false;
  std::vector<std::uint8_t> bytes;
  while (engine_->receive(bytes)) {
    Snapshot snapshot;
    if (decode_snapshot(bytes.data(), bytes.size(), snapshot) && view_.apply(std::move(snapshot))) changed = true;
    send(CommandKind::ack);  // the engine publishes the next snapshot only after this one was taken
  }
  if (changed) update_status_line();
  return changed;
}

void App::follow_engine_config() {
  const bool editing = ImGui::IsAnyItemActive() || dragging_class_ >= 0 || pending_reload_;
  if (edit_version_ != view_.config_version && !editing) {
    edit_ = view_.config;
    edit_version_ = view_.config_version;
  }
}

void App::apply_config(const ScenarioConfig& config) {
  edit_ = config;
  dragging_class_ = -1;
  pending_reload_ = false;
  Command command;
  command.kind = CommandKind::load_config;
  command.config = config;
  send(std::move(command));
}

void App::apply_view_options() {
  Command command;
  command.kind = CommandKind::set_view;
  command.config.view = edit_.view;
  send(std::move(command));
}

void App::update_status_line() {
  std::string line;
  if (!view_.has_run()) {
    line = view_.status.empty() ? "No run." : view_.status;
  } else if (view_.state == RunState::diverged) {
    const std::string& m = view_.message;
    line = (m.find("diverged") == std::string::npos ? "Training diverged: " + m : m) +
           " Training is paused; press Reset.";
  } else if (view_.state == RunState::finished && (!view_.latest() || view_.latest()->epoch < view_.epoch)) {
    return;  // the last epoch's numbers are on their way: announce the finish once, with them
  } else {
    // No epoch count while training: the line is aria-live, so it should change only with the state.
    line = view_.config.id + " (" + view_.config.title + "): " + to_string(view_.state);
    if (view_.state == RunState::finished) {
      char numbers[96];
      std::snprintf(numbers, sizeof numbers, " after %d epochs, test accuracy %.1f%%", view_.epoch,
                    100.0 * view_.latest()->test_accuracy);
      line += numbers;
    }
    line += ".";
    if (!view_.status.empty()) line += " " + view_.status;
  }
  if (const TourStep* step = tour_step()) {  // a new step is announced with its title
    line = "Tour step " + std::to_string(view_.config.view.tour) + " of " + std::to_string(kTourSteps) + ": " +
           step->title + ". " + line;
  }
  status_line_ = line;
}

void App::update_images() {
  const ViewConfig& view = edit_.view;
  const bool view_changed = view.measure != images_view_.measure || view.log_scale != images_view_.log_scale;
  if (!view_.fields_valid() || (images_version_ == view_.fields_version && !view_changed)) return;
  const GridFields& fields = view_.fields;
  images_view_ = view;
  images_version_ = view_.fields_version;
  if (fields.dims() != 2) return;
  images_.build(fields, view, *textures_);
  boundary_reference_.clear();
  boundary_network_.clear();
  boundary_segments(fields.reference_posterior, fields.grid, boundary_reference_);
  boundary_segments(fields.network_posterior, fields.grid, boundary_network_);
}

void App::request_probe(double x, double y) {
  if (x == probe_x_ && y == probe_y_) return;
  probe_x_ = x;
  probe_y_ = y;
  Command command;
  command.kind = CommandKind::probe;
  command.x = x;
  command.y = y;
  send(std::move(command));
}

const ProbeResult* App::probe_at(double x, double y) const {
  const ProbeResult& p = view_.probe;
  return p.x == x && p.y == y ? &p : nullptr;
}

namespace {

// Draws `contents` in a borderless panel window at `box` (with its border, which ImGui leaves out for windows without
// a background).
template <typename Contents>
void panel(const char* name, const PanelBox& box, ImGuiWindowFlags extra, Contents contents) {
  if (!box.shown()) return;
  ImGui::SetNextWindowPos(box.pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(box.size, ImGuiCond_Always);
  ImGui::GetBackgroundDrawList()->AddRect(box.pos, ImVec2(box.pos.x + box.size.x, box.pos.y + box.size.y),
                                          ImGui::GetColorU32(ImGuiCol_Border));
  ImGui::Begin(name, nullptr, kPanelWindowFlags | extra);
  contents();
  ImGui::End();
}

constexpr ImGuiWindowFlags kFigureFlags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

}  // namespace

void App::layout_windows() {
  const ViewConfig& view = edit_.view;
  const ImGuiStyle& style = ImGui::GetStyle();
  ScreenRequest request;
  request.display = ImGui::GetIO().DisplaySize;
  request.side_panels = side_panels_visible(view);
  request.run_controls = view.controls;
  request.lecture = view.lecture;
  request.sheet_expanded = sheet_expanded_;
  // A tour step that names a chart or a read-out: the sheet keeps room for its run buttons (two rows), its tabs, the
  // tab page's margins (about a row) and that panel.
  if (const TourStep* step = tour_step(); step && step->focus != TourFocus::figure) {
    const float panel = step->focus == TourFocus::cut_plot ? cut_.plot_height()
                                                            : (kChartLinesForAxes + 3.0f) * ImGui::GetTextLineHeightWithSpacing();
    request.sheet_min = 4.0f * ImGui::GetFrameHeightWithSpacing() + 2.0f * style.WindowPadding.y + panel;
  }
  request.figure_header = figure_header_height_;
  request.bar_height = ImGui::GetFrameHeight() + 2.0f * style.WindowPadding.y;
  layout_ = choose_screen_layout(request);
  ImGuiIO& io = ImGui::GetIO();
  io.FontGlobalScale = typeface_global_scale(*io.Fonts, layout_.font_scale);
  typeface_pixels_wanted_ = typeface_device_pixels(layout_.font_scale, io.DisplayFramebufferScale.x);
  // Portrait: no title bar over the figure (a phone's height is precious).
  const ImGuiWindowFlags figure_flags =
      kFigureFlags | (layout_.kind == ScreenKind::portrait ? ImGuiWindowFlags_NoTitleBar : 0);
  // An embed's title bar only holds the page's "Open in CatGeo" link: a slim one (touch padding would make it 45 px).
  const bool slim_title = layout_.kind == ScreenKind::compact;
  if (slim_title) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, 3.0f));
  panel("View", layout_.view, figure_flags, [&] {
    if (slim_title) ImGui::PopStyleVar();
    draw_view();
  });
  // Until the engine's first snapshot the panels hold kEngineStarting; the windows are laid out all the same, so the
  // first run's frame has settled sizes (the figure's header height is measured a frame ahead).
  const auto or_starting = [&](auto contents) {
    return [&, contents] {
      if (view_.snapshots == 0) ImGui::TextDisabled("%s", kEngineStarting);
      else contents();
    };
  };
  switch (layout_.kind) {
    case ScreenKind::compact:
    case ScreenKind::stage:
      panel("##play-bar", layout_.bar, ImGuiWindowFlags_NoDecoration, or_starting([&] { draw_play_bar(); }));
      break;
    case ScreenKind::portrait:
      panel("##sheet", layout_.sheet, ImGuiWindowFlags_NoTitleBar, or_starting([&] { draw_sheet(); }));
      break;
    case ScreenKind::columns:
      panel("CatGeo lab", layout_.controls, 0, or_starting([&] { draw_controls(true); }));
      panel("Metrics against epoch", layout_.charts, 0, or_starting([&] { draw_charts(); }));
      panel("Readouts", layout_.readouts, 0, or_starting([&] { draw_readouts(true); }));
      break;
  }
}

void App::drag_to_scroll() {
  sheet_scroll_ = {ImGui::GetScrollY(), ImGui::GetScrollMaxY()};
  // ImGui 1.86 scrolls only by wheel and scrollbar; a finger drags the page it is on, as on any phone page. A press on
  // the page's empty space makes the window under it active by its MoveId (though no window here can move): that is
  // the finger on the page, not on a widget.
  // It keeps scrolling when the finger leaves the page, as a phone's page does.
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* page = ImGui::GetCurrentWindow();
  const bool on_page = g.ActiveIdWindow && g.ActiveId == g.ActiveIdWindow->MoveId &&
                       (g.ActiveIdWindow == page || ImGui::IsWindowChildOf(g.ActiveIdWindow, page, false));
  if (touch_sizing_ && on_page && ImGui::IsMouseDragging(ImGuiMouseButton_Left))
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
}

void App::draw_sheet() {
  draw_run_buttons();
  if (!ImGui::BeginTabBar("##sheet-tabs", ImGuiTabBarFlags_FittingPolicyScroll)) return;  // never a cut tab label
  if (ImGui::TabItemButton(sheet_expanded_ ? "-" : "+", ImGuiTabItemFlags_Trailing)) sheet_expanded_ = !sheet_expanded_;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(sheet_expanded_ ? "Show the figure again" : "Give the panels more room");
  // Long tab names when the four fit the bar, else short ones (the ### part keeps each tab's identity).
  struct TabName { const char *long_name, *short_name; };
  constexpr TabName kTabs[] = {{"Controls###controls", "Edit###controls"}, {"Metrics###metrics", "Charts###metrics"},
                               {"Read-outs###readouts", "Values###readouts"}, {"About###about", "About###about"}};
  const ImGuiStyle& style = ImGui::GetStyle();
  float long_width = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;  // the +/- button
  for (const TabName& t : kTabs)
    long_width += ImGui::CalcTextSize(t.long_name, nullptr, true).x + 2.0f * style.FramePadding.x + style.ItemInnerSpacing.x;
  const bool short_names = long_width > ImGui::GetContentRegionAvail().x;
  int index = 0;
  const auto begin_tab = [&](const TabName& name) {
    const char* label = short_names ? name.short_name : name.long_name;
    const ImGuiTabItemFlags flags = sheet_tab_request_ == index++ ? ImGuiTabItemFlags_SetSelected : 0;
    const bool open = ImGui::BeginTabItem(label, nullptr, flags);
    note_fitted_text(label, ImGui::GetItemRectSize().x - 2.0f * style.FramePadding.x);  // stops at ###
    return open;
  };
  const auto scrolling_tab = [&](const TabName& name, auto contents) {  // a tab whose page a finger scrolls
    if (!begin_tab(name)) return;
    ImGui::BeginChild("##tab-page");
    contents();
    drag_to_scroll();
    ImGui::EndChild();
    ImGui::EndTabItem();
  };
  scrolling_tab(kTabs[0], [&] { draw_controls(false); });
  scrolling_tab(kTabs[1], [&] { draw_charts(); });
  scrolling_tab(kTabs[2], [&] { draw_readouts(false); });
  scrolling_tab(kTabs[3], [&] { draw_explanation(); });
  sheet_tab_request_ = -1;
  ImGui::EndTabBar();
}

bool App::shortcut(Shortcut shortcut) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || io.NavVisible || ImGui::IsAnyItemFocused() || ImGui::IsAnyItemActive()) return false;
  if (shortcut == Shortcut::step && tour_step()) return true;  // in a tour the arrows move between steps (the page)
  const bool can_train = view_.state == RunState::training || view_.state == RunState::paused;
  if (!can_train) return false;
  if (shortcut == Shortcut::play_pause) view_.state == RunState::training ? pause() : play();
  else train_epochs(1, 60.0);
  return true;
}

void App::set_touch_sizing(bool touch) {
  if (touch == touch_sizing_) return;
  touch_sizing_ = touch;
  ImGuiStyle& style = ImGui::GetStyle();
  const ImGuiStyle defaults;
  // 13 px type + 2 x 16 px padding = 45 px frames: every button, slider, checkbox and tab a finger can hit.
  style.FramePadding = touch ? ImVec2(10, 16) : defaults.FramePadding;
  style.ItemSpacing = touch ? ImVec2(10, 8) : defaults.ItemSpacing;
  style.ScrollbarSize = touch ? 24.0f : defaults.ScrollbarSize;
  style.GrabMinSize = touch ? 24.0f : defaults.GrabMinSize;
}

ImVec4 App::background_color() const {
  const ImVec4 page(0.09f, 0.10f, 0.12f, 1.0f);
  const ImVec4 panel = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  const float a = panel.w;
  return ImVec4(a * panel.x + (1.0f - a) * page.x, a * panel.y + (1.0f - a) * page.y,
                a * panel.z + (1.0f - a) * page.z, 1.0f);
}

bool App::animating() const {
  // A held mouse button covers dragging a class mean and drawing points (the rebuild follows the release event).
  const bool waiting = view_.completed < last_sent() || view_.snapshots == 0;
  return view_.state == RunState::training || waiting || ImGui::GetIO().WantTextInput || ImGui::IsAnyMouseDown();
}

void App::frame() {
  const ImGuiIO& io = ImGui::GetIO();
  frame_ms_avg_ = 0.9f * frame_ms_avg_ + 0.1f * 1000.0f * io.DeltaTime;
  if (ImGui::GetTime() - fps_shown_at_ >= kFpsShownSeconds) {
    fps_shown_ = io.Framerate;
    fps_shown_at_ = ImGui::GetTime();
  }
  label_audit_start_frame();
  follow_engine_config();
  studies_.follow(view_, sender());
  update_images();
  play_button_min_ = play_button_max_ = figure_min_ = figure_max_ = ImVec2(0, 0);
  cut_.start_frame();
  pad_.start_frame();
  mean_handles_.clear();
  tour_focus_.start_frame();
  layout_windows();
  draw_divergence_banner();
  if (debug_overlay_) {  // setOption('debug', 1): the frame rate, bottom right
    char fps[64];
    std::snprintf(fps, sizeof fps, "%.0f fps", fps_shown_);
    ImGui::GetBackgroundDrawList()->AddText(ImVec2(io.DisplaySize.x - 70, io.DisplaySize.y - 26),
                                            IM_COL32(150, 150, 150, 255), fps);
  }
  layout_report_ = label_audit_finish_frame();
}

bool App::figure_wants_pointer_at(float x, float y) const {
  const auto inside = [&](ImVec2 lo, ImVec2 hi) { return x >= lo.x && x <= hi.x && y >= lo.y && y <= hi.y; };
  const bool tool_on = cut_.on() || (edit_.data == DataKind::drawn_points && tool_ != DataTool::none);
  if (tool_on && inside(figure_min_, figure_max_)) return true;
  const DigitPadPanel::Places& pad = pad_.places();
  if (pad.visible && inside(pad.pad_min, pad.pad_max)) return true;
  for (const ImVec2& c : mean_handles_)
    if (std::hypot(c.x - x, c.y - y) < mean_grab_radius()) return true;
  return false;
}

// ---------------------------------------------------------------- scripting

std::uint32_t App::load_link(const std::string& link) {
  Command command;
  command.kind = CommandKind::load_link;
  command.text = link;
  return send(std::move(command));
}

std::uint32_t App::load_table(const std::string& text) {
  Command command;
  command.kind = CommandKind::load_table;
  command.text = text;
  return send(std::move(command));
}

std::uint32_t App::set_value(const std::string& key, const std::string& value) {
  Command command;
  command.kind = CommandKind::set_key;
  command.key = key;
  command.text = value;
  return send(std::move(command));
}

std::uint32_t App::train_epochs(int epochs, double max_seconds) {
  Command command;
  command.kind = CommandKind::train_epochs;
  command.number = epochs;
  command.seconds = max_seconds;
  return send(std::move(command));
}

std::uint32_t App::train_for(double seconds) {
  Command command;
  command.kind = CommandKind::train_for;
  command.seconds = seconds;
  return send(std::move(command));
}

std::uint32_t App::add_points(const std::vector<DrawnPoint>& points) {
  Command command;
  command.kind = CommandKind::add_points;
  command.points = points;
  return send(std::move(command));
}

std::uint32_t App::set_option(const std::string& name, double value) {
  if (!std::isfinite(value)) return 0;  // nothing to set (catgeo.setOption refuses it with a notice)
  if (name == "tool") {  // 0 look, 1 draw, 2 erase (drawn data)
    tool_ = static_cast<DataTool>(std::clamp(static_cast<int>(value), 0, 2));
    return 0;
  }
  if (name == "sheet_tab") {  // portrait: 0 Controls, 1 Metrics, 2 Read-outs, 3 About
    sheet_tab_request_ = std::clamp(static_cast<int>(value), 0, 3);
    return 0;
  }
  if (name == "on_screen") on_screen_ = value != 0.0;  // and on to the engine
  if (name == "debug") {  // the frame rate in a corner
    debug_overlay_ = value != 0.0;
    return 0;
  }
  if (name == "draw_class") {  // 0-based
    draw_class_ = std::clamp(static_cast<int>(value), 0, drawable_classes() - 1);
    return 0;
  }
  if (name == "path" || name == "path_from" || name == "path_to" || name == "path_pair") {  // MNIST digit path
    std::array<int, 3> path = edit_.view.path;
    if (path[0] < 0) path = {view_.class_number(0), view_.class_number(1), 0};  // the run's first two digits
    const int v = std::max(0, static_cast<int>(value));
    if (name == "path" && v == 0) path = {-1, -1, 0};
    if (name == "path_from") path[0] = std::min(v, 9);
    if (name == "path_to") path[1] = std::min(v, 9);
    if (name == "path_pair") path[2] = std::min(v, static_cast<int>(parameter("path").max));  // the link's largest
    view_applier()(with_digit_path(edit_.view, path[0], path[1], path[2]));
    return last_sent();
  }
  Command command;
  command.kind = CommandKind::set_option;
  command.key = name;
  command.number = value;
  return send(std::move(command));
}

std::string App::perf_json() const {
  const EnginePerf& p = view_.perf;
  JsonValue out = JsonValue::object();
  out.set("fps", JsonValue::number(ImGui::GetIO().Framerate));
  out.set("frame_ms", JsonValue::number(frame_ms_avg_));
  out.set("train_ms_last_tick", JsonValue::number(p.train_ms_last_tick));
  out.set("field_ms_last", JsonValue::number(p.field_ms_last));
  out.set("refreshes_per_second", JsonValue::number(p.refreshes_per_second));
  out.set("refresh_count", JsonValue::number(p.refresh_count));
  out.set("samples_per_second", JsonValue::number(p.samples_per_second));
  out.set("train_samples_per_second", JsonValue::number(p.train_samples_per_second));
  out.set("work_share", JsonValue::number(p.work_share));
  out.set("grid", JsonValue::number(view_.fields_valid() ? view_.fields.grid.count[0] : 0));
  out.set("state", JsonValue::string(to_string(view_.state)));
  out.set("snapshots", JsonValue::number(view_.snapshots));
  return to_json(out);
}

std::string App::layout_report_json() const {
  JsonValue out = JsonValue::object();
  out.set("widgets", JsonValue::number(layout_report_.widgets));
  out.set("labels", JsonValue::number(layout_report_.labels));
  out.set("windows", JsonValue::number(layout_report_.windows));
  // The typeface as rasterised (device px) and the pixel ratio it should match (typeface_device_pixels).
  const ImGuiIO& io = ImGui::GetIO();
  out.set("typeface_device_px", JsonValue::number(io.Fonts->Fonts.empty() ? 0.0 : io.Fonts->Fonts[0]->FontSize));
  out.set("typeface_wanted_px", JsonValue::number(typeface_pixels_wanted_));
  out.set("pixel_ratio", JsonValue::number(io.DisplayFramebufferScale.x));
  JsonValue problems = JsonValue::array();
  for (const LabelProblem& p : layout_report_.problems) {
    JsonValue item = JsonValue::object();
    item.set("kind", JsonValue::string(to_string(p.kind)));
    item.set("window", JsonValue::string(p.window));
    item.set("text", JsonValue::string(p.text));
    if (!p.other.empty()) item.set("other", JsonValue::string(p.other));
    item.set("by", JsonValue::number(std::round(10.0 * p.by) / 10.0));
    problems.push_back(std::move(item));
  }
  out.set("problems", std::move(problems));
  return to_json(out);
}

std::string App::view_rect_json() const {
  JsonValue out = JsonValue::object();
  out.set("valid", JsonValue::boolean(view_frame_valid_));
  out.set("left", JsonValue::number(view_frame_.p0.x));
  out.set("top", JsonValue::number(view_frame_.p0.y));
  out.set("right", JsonValue::number(view_frame_.p1.x));
  out.set("bottom", JsonValue::number(view_frame_.p1.y));
  // The data extent of the maps the view holds (the next frame's, when a snapshot arrived since the last one: a
  // command's Promise resolves before that frame is drawn); the rectangle is the last frame's.
  const GridSpec& grid = map_grid();
  JsonValue extent = JsonValue::array();
  for (double v : {grid.lo[0], grid.hi[0], grid.lo[1], grid.hi[1]}) extent.push_back(JsonValue::number(v));
  out.set("extent", extent);  // data x0, x1, y0, y1
  out.set("tool", JsonValue::string(tool_ == DataTool::draw ? "draw" : tool_ == DataTool::erase ? "erase" : "none"));
  const auto box = [](ImVec2 a, ImVec2 b) {  // left, top, right, bottom
    JsonValue out = JsonValue::array();
    for (float v : {a.x, a.y, b.x, b.y}) out.push_back(JsonValue::number(v));
    return out;
  };
  out.set("play_button", box(play_button_min_, play_button_max_));
  out.set("cut_button", box(cut_.button_min(), cut_.button_max()));
  out.set("cut_tool", JsonValue::boolean(cut_.on()));
  out.set("figure", box(figure_min_, figure_max_));  // every map of the 2-D view
  out.set("tour_focus", box(tour_focus_.min(), tour_focus_.max()));  // what the tour step names (zero size: not drawn)
  const DigitPadPanel::Places& pad = pad_.places();
  out.set("digit_pad", box(pad.pad_min, pad.pad_max));  // the digit pad (MNIST; zero size: not drawn)
  out.set("digit_pad_visible", JsonValue::boolean(pad.visible));  // all of it inside its window's visible part
  out.set("digit_pad_panel", box(pad.panel_min, pad.panel_max));  // that visible part
  out.set("digit_pad_clear", box(pad.clear_min, pad.clear_max));  // the pad's Clear button
  JsonValue sheet_scroll = JsonValue::array();  // portrait: the sheet page's scroll offset and its largest, CSS px
  for (float v : {sheet_scroll_.x, sheet_scroll_.y}) sheet_scroll.push_back(JsonValue::number(v));
  out.set("sheet_scroll", sheet_scroll);
  out.set("canvas", box(ImVec2(0, 0), ImGui::GetIO().DisplaySize));
  out.set("layout", JsonValue::string(to_string(layout_.kind)));
  out.set("figure_only", JsonValue::boolean(layout_.figure_only));
  return to_json(out);
}

}  // namespace catgeo
