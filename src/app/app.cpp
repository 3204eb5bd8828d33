// The CatGeo app: frame loop (train under a budget, refresh fields, draw windows) and the scripting methods.
#include "app/app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/boundary_contour.h"
#include "core/field_export.h"
#include "core/json.h"
#include "core/run_report.h"
#include "core/scenarios.h"
#include "core/share_link.h"

namespace catgeo {

void App::init(TextureStore* textures) {
  textures_ = textures;
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.WindowPadding = ImVec2(8, 8);
  Result<ScenarioConfig> preset = scenario_preset("E5");
  apply_config(preset.value);
}

void App::shutdown() {}

void App::apply_config(const ScenarioConfig& config) {
  lab_.load(config);
  if (config.view.autoplay) lab_.play();  // autoplay=1 links start training at once
  ++config_stamp_;
  images_version_ = -1;
  dragging_class_ = -1;
  pending_reload_ = false;
  lab_.refresh_fields(ImGui::GetTime(), true);
  update_status_line();
}

void App::reset() {
  lab_.reset();
  images_version_ = -1;
  lab_.refresh_fields(ImGui::GetTime(), true);
  update_status_line();
}

void App::step_epochs(int epochs) {
  lab_.pause();
  lab_.train_epochs(epochs, 60.0);
  lab_.refresh_fields(ImGui::GetTime(), true);
  update_status_line();
}

std::string App::message() const {
  const std::string diverged = lab_.divergence_message();
  return diverged.empty() ? lab_.status() : diverged;
}

void App::update_status_line() {
  const Experiment* run = lab_.run();
  std::string line;
  if (!run) {
    line = lab_.status().empty() ? "No run." : lab_.status();
  } else if (lab_.state() == LabState::diverged) {
    const std::string m = lab_.divergence_message();
    line = (m.find("diverged") == std::string::npos ? "Training diverged: " + m : m) +
           " Training is paused; press Reset.";
  } else {
    // No epoch count here: the line is aria-live, so it should change only with the state.
    line = run->config().id + " (" + run->config().title + "): " + to_string(lab_.state()) + ".";
    if (!lab_.status().empty()) line += " " + lab_.status();
  }
  status_line_ = line;
}

void App::update_images() {
  const ViewConfig& view = lab_.config().view;
  const bool view_changed = view.measure != images_view_.measure || view.log_scale != images_view_.log_scale;
  if (!lab_.fields_valid() || (images_version_ == lab_.fields_version() && !view_changed)) return;
  const GridFields& fields = lab_.fields();
  images_view_ = view;
  images_version_ = lab_.fields_version();
  if (fields.dims() != 2) return;
  images_.build(fields, view, *textures_);
  boundary_reference_.clear();
  boundary_network_.clear();
  boundary_segments(fields.reference_posterior, fields.grid, boundary_reference_);
  boundary_segments(fields.network_posterior, fields.grid, boundary_network_);
}

namespace {

// Positions the next panel window and draws its border, which ImGui leaves out for windows without a background.
void place_panel(ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(size, ImGuiCond_Always);
  ImGui::GetBackgroundDrawList()->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y),
                                          ImGui::GetColorU32(ImGuiCol_Border));
}

}  // namespace

// Embed mode (panels hidden): the view fills the canvas; a slim bar of run controls at the bottom unless controls=0.
void App::layout_compact(const ViewConfig& view) {
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float bar_h = view.controls ? 2.0f * ImGui::GetFrameHeightWithSpacing() + 2.0f * style.WindowPadding.y : 0.0f;
  place_panel(ImVec2(0, 0), ImVec2(size.x, std::max(120.0f, size.y - bar_h)));
  draw_view();
  if (!view.controls) return;
  ImGui::SetNextWindowPos(ImVec2(0, size.y - bar_h), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(std::min(size.x, 420.0f), bar_h), ImGuiCond_Always);
  ImGui::Begin("##compact-controls", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  draw_run_buttons();
  ImGui::End();
}

void App::layout_windows() {
  const ViewConfig& view = lab_.config().view;
  ImGui::GetIO().FontGlobalScale = view.lecture ? 1.4f : 1.0f;  // lecture: readable from the back of the room
  if (!side_panels_visible(view)) {
    layout_compact(view);
    return;
  }
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const float left = std::min(320.0f, std::max(240.0f, size.x * 0.24f));
  const float right = std::min(360.0f, std::max(260.0f, size.x * 0.26f));
  const float middle = std::max(200.0f, size.x - left - right);
  const float view_h = std::max(200.0f, size.y * 0.64f);
  // The bottom-right corner stays free: the page scrolls there (see the wheel policy) and the fps line sits there.
  const float right_h = std::max(200.0f, size.y - 44.0f);
  place_panel(ImVec2(0, 0), ImVec2(left, size.y));
  draw_controls();
  place_panel(ImVec2(left, 0), ImVec2(middle, view_h));
  draw_view();
  place_panel(ImVec2(left, view_h), ImVec2(middle, size.y - view_h));
  draw_charts();
  place_panel(ImVec2(left + middle, 0), ImVec2(size.x - left - middle, right_h));
  draw_readouts();
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
  return lab_.busy() || ImGui::GetIO().WantTextInput || ImGui::IsAnyMouseDown();
}

void App::frame() {
  const ImGuiIO& io = ImGui::GetIO();
  frame_ms_avg_ = 0.9f * frame_ms_avg_ + 0.1f * 1000.0f * io.DeltaTime;
  lab_.advance(std::min(0.045, frame_budget_ms_ * speed_ / 1000.0));
  lab_.refresh_fields(ImGui::GetTime());
  update_images();
  update_status_line();
  layout_windows();
  draw_divergence_banner();
  if (lab_.run() && lab_.config().data == DataKind::mnist && show_gallery_)
    gallery_.draw_window(*lab_.run(), &show_gallery_);
  char fps[64];
  std::snprintf(fps, sizeof fps, "%.0f fps", io.Framerate);
  ImGui::GetBackgroundDrawList()->AddText(ImVec2(io.DisplaySize.x - 70, io.DisplaySize.y - 26),
                                          IM_COL32(150, 150, 150, 255), fps);
}

// ---------------------------------------------------------------- scripting

std::string App::load_link(const std::string& link) {
  LinkDecodeResult decoded = decode_share_link(link);
  apply_config(decoded.config);
  JsonValue out = JsonValue::object();
  out.set("ok", JsonValue::boolean(lab_.run() != nullptr && !decoded.fell_back_to_defaults));
  // Digits still on their way are not an error: the run starts when they arrive.
  const bool pending = !lab_.run() && lab_.waiting_for_digits();
  out.set("pending", JsonValue::boolean(pending));
  out.set("error", JsonValue::string(lab_.run() || pending ? std::string() : lab_.status()));
  JsonValue notices = JsonValue::array();
  for (const std::string& n : decoded.notices) notices.push_back(JsonValue::string(n));
  out.set("notices", notices);
  out.set("link", JsonValue::string(encode_share_link(lab_.config())));
  return to_json(out);
}

std::string App::set_value(const std::string& key, const std::string& value) {
  std::string link = encode_share_link(lab_.config());
  // Replace the key if present, else append; the decoder reads keys in any order.
  std::string out;
  bool replaced = false;
  size_t start = 0;
  while (start <= link.size()) {
    size_t end = link.find('&', start);
    if (end == std::string::npos) end = link.size();
    std::string pair = link.substr(start, end - start);
    if (pair.compare(0, key.size() + 1, key + "=") == 0) {
      pair = key + "=" + value;
      replaced = true;
    }
    if (!pair.empty()) out += (out.empty() ? "" : "&") + pair;
    start = end + 1;
  }
  if (!replaced) out += "&" + key + "=" + value;
  return load_link(out);
}

std::string App::metrics_json(bool with_history) {
  const Experiment* run = lab_.run();
  if (!run) {
    JsonValue out = JsonValue::object();
    out.set("scenario", JsonValue::string(lab_.config().id));
    out.set("state", JsonValue::string("no_run"));
    out.set("message", JsonValue::string(lab_.status()));
    return to_json(out);
  }
  JsonValue summary = run_summary(*run, with_history);
  summary.set("state", JsonValue::string(to_string(lab_.state())));
  summary.set("message", JsonValue::string(message()));
  summary.set("epoch_progress", JsonValue::number(run->trainer().epoch_progress()));
  return to_json(summary);
}

std::string App::config_json() {
  const ScenarioConfig& c = lab_.config();
  JsonValue out = JsonValue::object();
  std::string notice;
  out.set("link", JsonValue::string(encode_share_link(c, &notice)));
  out.set("scenario", JsonValue::string(c.id));
  out.set("title", JsonValue::string(c.title));
  out.set("data", JsonValue::string(to_string(c.data)));
  out.set("dims", JsonValue::number(c.grid.dims));
  out.set("classes", JsonValue::number(lab_.run() ? lab_.run()->num_classes()
                                                  : static_cast<double>(c.classes.size())));
  out.set("points", JsonValue::number(static_cast<double>(c.points.size())));
  out.set("sigma", JsonValue::number(c.network.noise_sigma));
  out.set("lr", JsonValue::number(c.training.learning_rate));
  out.set("batch", JsonValue::number(c.training.batch_size));
  out.set("opt", JsonValue::string(to_string(c.training.optimizer)));
  out.set("seed", JsonValue::number(static_cast<double>(c.training.seed)));
  out.set("epochs", JsonValue::number(c.training.epochs));
  out.set("layers", hidden_layers_json(c.network.hidden));
  out.set("view", JsonValue::string(c.view.mode == ViewMode::overlay ? "overlay" : "side"));
  out.set("measure", JsonValue::string(c.view.measure == FieldMeasure::trace ? "trace" : "lmax"));
  out.set("log", JsonValue::boolean(c.view.log_scale));
  out.set("grid", JsonValue::number(lab_.display_resolution()));
  out.set("speed", JsonValue::number(speed_));
  if (!notice.empty()) out.set("notice", JsonValue::string(notice));
  return to_json(out);
}

std::string App::fields_json() {
  const GridFields& f = lab_.fields();
  JsonValue out = JsonValue::object();
  out.set("valid", JsonValue::boolean(lab_.fields_valid()));
  out.set("dims", JsonValue::number(f.dims()));
  out.set("nx", JsonValue::number(f.grid.count[0]));
  out.set("ny", JsonValue::number(f.dims() == 2 ? f.grid.count[1] : 1));
  out.set("version", JsonValue::number(lab_.fields_version()));
  if (lab_.fields_valid() && f.size() > 0) {
    const FieldMeasure m = lab_.config().view.measure;
    double cat_max = 0, code_max = 0;
    int cat_arg = 0, code_arg = 0;
    for (int i = 0; i < f.size(); ++i) {
      const double a = field_measure(f.fcat, f.fcat_eigen, i, m), b = field_measure(f.fcode, f.fcode_eigen, i, m);
      if (a > cat_max) cat_max = a, cat_arg = i;
      if (b > code_max) code_max = b, code_arg = i;
    }
    out.set("fcat_max", JsonValue::number(cat_max));
    out.set("fcode_max", JsonValue::number(code_max));
    JsonValue at_cat = JsonValue::array(), at_code = JsonValue::array();
    for (int k = 0; k < f.dims(); ++k) {
      at_cat.push_back(JsonValue::number(f.points(k, cat_arg)));
      at_code.push_back(JsonValue::number(f.points(k, code_arg)));
    }
    out.set("fcat_argmax", at_cat);
    out.set("fcode_argmax", at_code);
  }
  return to_json(out);
}

std::string App::perf_json() {
  const LabPerf& p = lab_.perf();
  JsonValue out = JsonValue::object();
  out.set("fps", JsonValue::number(ImGui::GetIO().Framerate));
  out.set("frame_ms", JsonValue::number(frame_ms_avg_));
  out.set("train_ms_last_frame", JsonValue::number(p.train_ms_last_frame));
  out.set("field_ms_last", JsonValue::number(p.field_ms_last));
  out.set("refreshes_per_second", JsonValue::number(p.refreshes_per_second));
  out.set("refresh_count", JsonValue::number(p.refresh_count));
  out.set("grid", JsonValue::number(lab_.display_resolution()));
  out.set("state", JsonValue::string(to_string(lab_.state())));
  return to_json(out);
}

std::string App::view_rect_json() {
  JsonValue out = JsonValue::object();
  out.set("valid", JsonValue::boolean(view_frame_valid_));
  out.set("left", JsonValue::number(view_frame_.p0.x));
  out.set("top", JsonValue::number(view_frame_.p0.y));
  out.set("right", JsonValue::number(view_frame_.p1.x));
  out.set("bottom", JsonValue::number(view_frame_.p1.y));
  JsonValue extent = JsonValue::array();
  for (double v : {view_frame_.lo[0], view_frame_.hi[0], view_frame_.lo[1], view_frame_.hi[1]})
    extent.push_back(JsonValue::number(v));
  out.set("extent", extent);  // data x0, x1, y0, y1
  out.set("tool", JsonValue::string(tool_ == DataTool::draw ? "draw" : tool_ == DataTool::erase ? "erase" : "none"));
  return to_json(out);
}

std::string App::train_epochs(int epochs, double max_seconds) {
  lab_.pause();
  lab_.train_epochs(epochs, max_seconds);
  lab_.refresh_fields(ImGui::GetTime(), true);
  update_status_line();
  return metrics_json(false);
}

std::string App::add_points(const std::vector<DrawnPoint>& points) {
  ScenarioConfig config = lab_.config();
  if (config.data != DataKind::drawn_points) {
    Result<ScenarioConfig> base = scenario_preset("E5");
    base.value.network = config.network;
    base.value.training = config.training;
    base.value.view = config.view;
    if (config.grid.dims == 2) base.value.grid = config.grid;
    config = base.value;
    config.id = "drawn";
    config.title = "Your points (F_cat estimated by KDE)";
    config.data = DataKind::drawn_points;
    config.classes.clear();
    config.points.clear();
  }
  for (const DrawnPoint& p : points) config.points.push_back(quantize_for_link(p));
  apply_config(config);
  return config_json();
}

void App::set_option(const std::string& name, double value) {
  if (name == "grid") {
    lab_.set_display_resolution(static_cast<int>(value));
    lab_.refresh_fields(ImGui::GetTime(), true);
  } else if (name == "speed") {
    speed_ = std::clamp(value, 0.1, 4.5);
  } else if (name == "refresh_ms") {
    lab_.set_refresh_interval(std::clamp(value, 0.0, 5000.0) / 1000.0);
  } else if (name == "tool") {  // 0 look, 1 draw, 2 erase (drawn data)
    tool_ = static_cast<DataTool>(std::clamp(static_cast<int>(value), 0, 2));
  } else if (name == "draw_class") {  // 0-based
    draw_class_ = std::clamp(static_cast<int>(value), 0, 5);
  } else if (name == "budget_ms") {
    frame_budget_ms_ = std::clamp(value, 1.0, 45.0);
  }
}

}  // namespace catgeo
