// The control panel: scenario picker, play/pause/step/reset and speed, the data editor (custom mixture, drawn
// points), the network and training settings, and the view options. Every run-changing edit restarts the run.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "app/app.h"
#include "app/colormap.h"
#include "app/flow_layout.h"
#include "app/label_audit.h"
#include "app/text_fit.h"
#include "app/share_hooks.h"
#include "core/config/parameters.h"
#include "core/config/scenarios.h"
#include "core/link/share_link.h"
#include "core/run/table_scenario.h"

namespace catgeo {
namespace {

// The value a widget shows, as the number it stands for: a float slider's value printed with its own format and read
// back, so that the link holds 0.68 when the slider shows 0.68 (not 0.6800000071525574).
double as_shown(float value, const char* format) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return std::strtod(text, nullptr);
}

// A logarithmic slider for the parameter-table key (its label and range), `format` as shown: sets `value` while it is
// dragged and returns true once an edit is finished. The tooltip is the table's help unless one is given.
bool log_slider(const char* key, double& value, const char* format, float width, const char* tooltip = nullptr) {
  const ParameterSpec& range = parameter(key);
  float shown = static_cast<float>(value);
  ImGui::SetNextItemWidth(width);
  if (ImGui::SliderFloat(range.label, &shown, static_cast<float>(range.min), static_cast<float>(range.max), format,
                         ImGuiSliderFlags_Logarithmic))
    value = as_shown(shown, format);
  const bool done = ImGui::IsItemDeactivatedAfterEdit();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip ? tooltip : range.help);
  return done;
}

// Deterministic starter points for "draw your own data": two small clusters the user can edit.
std::vector<DrawnPoint> starter_points() {
  std::vector<DrawnPoint> points;
  for (int i = 0; i < 24; ++i) {
    const double a = i * 2.39996, r = 0.15 + 0.5 * std::sqrt((i + 0.5) / 24.0);
    for (int label = 0; label < 2; ++label) {
      DrawnPoint p;
      p.x[0] = (label == 0 ? -0.8 : 0.8) + r * std::cos(a);
      p.x[1] = (label == 0 ? -0.3 : 0.3) + r * std::sin(a);
      p.label = label;
      points.push_back(quantize_for_link(p));
    }
  }
  return points;
}

ScenarioConfig as_custom(ScenarioConfig c) {
  c.id = "custom";
  c.title = custom_mixture_title(c.grid.dims);
  return c;
}

}  // namespace

void App::draw_controls(bool with_run_buttons) {
  draw_scenario_picker();
  ImGui::Separator();
  if (with_run_buttons) {
    draw_run_buttons();
    ImGui::Separator();
  }
  if (ImGui::CollapsingHeader("Data", ImGuiTreeNodeFlags_DefaultOpen)) draw_data_editor();
  if (ImGui::CollapsingHeader("Network and training", ImGuiTreeNodeFlags_DefaultOpen)) draw_network_editor();
  if (ImGui::CollapsingHeader("View", ImGuiTreeNodeFlags_DefaultOpen)) draw_view_options();
  if (ImGui::CollapsingHeader("Share link")) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("#%s", view_.share_link.c_str());
    if (!view_.share_notice.empty()) ImGui::TextDisabled("(%s)", view_.share_notice.c_str());
    if (!view_.share_notice.empty() && view_.config.data == DataKind::drawn_points &&
        ImGui::SmallButton("Export the table beside the link"))
      request_share_action(ShareAction::export_table_csv);
    ImGui::PopTextWrapPos();
    draw_share_buttons();  // app/share_hooks.h: Copy link, Embed, PNG, CSV, History, Config
  }
}

void App::draw_table_facts() {
  const ScenarioConfig& config = view_.config;  // what runs (a table is not edited by the widgets)
  const bool table = is_table(config);
  if (table) {
    int classes = 0;
    for (const DrawnPoint& p : config.points) classes = std::max(classes, p.label + 1);
    ImGui::TextWrapped("Your table: %d points in %d classes, %s. F_cat comes from a class-wise KDE posterior: it is "
                       "estimated.", static_cast<int>(config.points.size()), classes,
                       config.points_dims == 1 ? "1-D" : "2-D");
    ImGui::TextWrapped("Scaled into the view (the same scale on both axes): %s",
                       describe_scaling(config.scaling, config.points_dims).c_str());
    ImGui::TextUnformatted("Classes:");
    for (int mu = 0; mu < classes; ++mu) {  // the legend: the table's own class names, in the classes' colours
      const std::string name = view_.class_name(mu);
      same_line_or_wrap(ImGui::CalcTextSize(name.c_str()).x);
      ImGui::TextColored(class_color_vec(mu), "%s", name.c_str());
    }
  }
  if (ImGui::Button("Load a table...")) request_share_action(ShareAction::open_table);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Paste or choose a CSV/TSV file: x, label or x, y, label per line");
  ImGui::SameLine();
  if (ImGui::Button("Download the points")) request_share_action(ShareAction::export_table_csv);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The points as a CSV table, in the table's own coordinates");
}

void App::draw_scenario_picker() {
  const ScenarioConfig& current = edit_;
  ImGui::TextUnformatted("Scenario");
  const std::string preview = current.id + ": " + current.title;
  const float room = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - 2.0f * ImGui::GetStyle().FramePadding.x;
  const std::string shown = fit_words(preview, room);  // the combo would cut it mid-word
  note_fitted_text(shown.c_str(), room);
  ImGui::SetNextItemWidth(-1);
  const bool open = ImGui::BeginCombo("##scenario", shown.c_str());
  if (shown != preview && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", preview.c_str());
  if (open) {
    for (const std::string& id : scenario_ids()) {
      Result<ScenarioConfig> preset = scenario_preset(id);
      const std::string label = id + ": " + preset.value.title;
      if (ImGui::Selectable(label.c_str(), current.id == id)) apply_config(preset.value);
    }
    if (ImGui::Selectable("custom: your Gaussian mixture (2-6 classes)", current.id == "custom")) {
      ScenarioConfig base = current.data == DataKind::mixture ? current : scenario_preset(base_preset_id(2)).value;
      apply_config(as_custom(base));
    }
    if (ImGui::Selectable("drawn: draw your own points (F_cat estimated)", current.id == "drawn")) {
      add_points(starter_points());
      tool_ = DataTool::draw;
    }
    if (ImGui::Selectable("table: your own points from a CSV/TSV table (F_cat estimated)"))
      request_share_action(ShareAction::open_table);  // the page's table box (web/catgeo-table.js)
    ImGui::EndCombo();
  }
}

void App::draw_play_button() {
  if (view_.state == RunState::training) {
    if (ImGui::Button("Pause", ImVec2(4.9f * ImGui::GetFontSize(), 0))) pause();
  } else if (ImGui::Button("Play", ImVec2(4.9f * ImGui::GetFontSize(), 0))) {
    play();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Space (while the page has focus)");
  play_button_min_ = ImGui::GetItemRectMin();
  play_button_max_ = ImGui::GetItemRectMax();
}

void App::draw_progress_and_speed() {
  if (!view_.has_run()) return;
  const int epochs = view_.config.training.epochs;
  const float progress = static_cast<float>(view_.epoch_progress / epochs);
  char full[64], brief[32];
  std::snprintf(full, sizeof full, "epoch %d / %d  (%s)", view_.epoch, epochs, to_string(view_.state));
  std::snprintf(brief, sizeof brief, "%d / %d", view_.epoch, epochs);
  const float speed_width = std::min(9.0f * ImGui::GetFontSize(), 0.45f * ImGui::GetContentRegionAvail().x);
  const float bar_width = ImGui::GetContentRegionAvail().x - speed_width - ImGui::GetStyle().ItemSpacing.x;
  const char* label = fit_text(full, brief, bar_width - 2.0f * ImGui::GetStyle().FramePadding.x);
  ImGui::ProgressBar(std::min(1.0f, progress), ImVec2(bar_width, 0), label);
  ImGui::SameLine();
  draw_speed_control(speed_width);
}

void App::draw_run_buttons() {
  const RunState state = view_.state;
  const bool can_train = state == RunState::training || state == RunState::paused;
  if (!can_train) ImGui::BeginDisabled();
  draw_play_button();
  ImGui::SameLine();
  if (ImGui::Button("Step")) train_epochs(1, 60.0);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Train one epoch (right arrow)");
  if (!can_train) ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Reset")) reset();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to epoch 0 with the same seed (same initial network)");
  ImGui::SameLine();
  draw_about_button();  // in every mode, embeds and lectures included
  draw_tour_button();
  draw_progress_and_speed();
  if (!view_.status.empty() && state != RunState::diverged) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.6f, 0.4f, 1.0f));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(view_.status.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
}

void App::draw_tour_button() {  // the lab's way into the tour
  if (tour_step() || edit_.view.embed) return;
  same_line_or_wrap(ImGui::CalcTextSize("Tour").x + 2.0f * ImGui::GetStyle().FramePadding.x);
  if (ImGui::Button("Tour")) go_to_tour_step(1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The guided tour of the paper's claims, step by step");
}

void App::draw_play_bar() {
  const RunState state = view_.state;
  const bool can_train = state == RunState::training || state == RunState::paused;
  if (!can_train) ImGui::BeginDisabled();
  draw_play_button();
  if (layout_.kind == ScreenKind::stage) {
    ImGui::SameLine();
    if (ImGui::Button("Step")) train_epochs(1, 60.0);
  }
  if (!can_train) ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Reset")) reset();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to epoch 0 with the same seed (same initial network)");
  ImGui::SameLine();
  draw_about_button();
  draw_tour_button();
  ImGui::SameLine();
  draw_progress_and_speed();
}

namespace {

// The speed control's stops, epochs per second; one more stop past the last is "as fast as possible".
constexpr double kSpeedStops[] = {0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128};
constexpr int kSpeedStopCount = static_cast<int>(sizeof kSpeedStops / sizeof kSpeedStops[0]);

int speed_stop(double epochs_per_second) {
  if (std::isinf(epochs_per_second)) return kSpeedStopCount;
  int best = 0;
  for (int i = 1; i < kSpeedStopCount; ++i)
    if (std::abs(std::log(kSpeedStops[i] / epochs_per_second)) < std::abs(std::log(kSpeedStops[best] / epochs_per_second)))
      best = i;
  return best;
}

}  // namespace

void App::draw_speed_control(float width) {
  const ViewConfig& view = edit_.view;
  const double pace = playing_pace(view, edit_.training.epochs);
  int stop = speed_stop(pace);
  char full[48], brief[24];
  if (std::isinf(pace)) {
    std::snprintf(full, sizeof full, "speed: max");
    std::snprintf(brief, sizeof brief, "max");
  } else {
    std::snprintf(full, sizeof full, "%.3g epochs/s", pace);
    std::snprintf(brief, sizeof brief, "%.3g/s", pace);
  }
  const char* label = fit_text(full, brief, width - 2.0f * ImGui::GetStyle().FramePadding.x);
  ImGui::SetNextItemWidth(width);
  if (ImGui::SliderInt("##speed", &stop, 0, kSpeedStopCount, label, ImGuiSliderFlags_NoInput)) {
    edit_.view.speed = stop == kSpeedStopCount ? kMaxSpeed : kSpeedStops[stop];
    apply_view_options();
  }
  note_fitted_text(label, width - 2.0f * ImGui::GetStyle().FramePadding.x);
  if (ImGui::IsItemHovered()) {
    char reader[64] = "";
    if (view.speed == kAutoSpeed && !std::isinf(pace))
      std::snprintf(reader, sizeof reader, "\nNow a reader's pace: the run over about %.0f s.", kReaderSeconds);
    ImGui::SetTooltip("Training speed while playing, in epochs per second (link key speed); right end: as fast as "
                      "this device allows.%s", reader);
  }
}

int App::drawable_classes() const {
  if (!edit_.class_names.empty()) return static_cast<int>(edit_.class_names.size());
  return static_cast<int>(parameter("pts.label").max) + 1;
}

void App::draw_data_editor() {
  ScenarioConfig& config = edit_;
  if (config.data == DataKind::drawn_points) {
    draw_table_facts();
    if (config.points_dims == 1) return;  // drawing is on the 2-D view
    if (!is_table(view_.config))
      ImGui::TextWrapped("Draw on the 2-D view. F_cat comes from a class-wise KDE posterior: it is estimated.");
    else
      ImGui::TextWrapped("Draw on the 2-D view to add points.");
    int tool = static_cast<int>(tool_);
    ImGui::RadioButton("Look", &tool, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Draw", &tool, 1);
    ImGui::SameLine();
    ImGui::RadioButton("Erase", &tool, 2);
    tool_ = static_cast<DataTool>(tool);
    ImGui::TextUnformatted("Class:");
    const int classes = drawable_classes();
    draw_class_ = std::min(draw_class_, classes - 1);
    for (int mu = 0; mu < classes; ++mu) {
      ImGui::SameLine();
      ImGui::PushID(mu);
      ImGui::PushStyleColor(ImGuiCol_Button, class_color(mu, draw_class_ == mu ? 255 : 110));
      char label[12];
      std::snprintf(label, sizeof label, "%d", mu + 1);
      if (ImGui::Button(label, ImVec2(24, 0))) {
        draw_class_ = mu;
        if (tool_ == DataTool::none) tool_ = DataTool::draw;
      }
      ImGui::PopStyleColor();
      ImGui::PopID();
    }
    ImGui::Text("%d points", static_cast<int>(config.points.size()));
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear")) {
      ScenarioConfig c = config;
      c.points.clear();
      apply_config(c);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Example")) {
      ScenarioConfig c = config;
      c.points = starter_points();
      apply_config(c);
    }
    return;
  }
  if (config.data != DataKind::mixture) return;
  const int dims = config.grid.dims;
  bool changed = false;
  if (config.id != "custom") {
    ImGui::TextWrapped("%s. Edit it to make a custom mixture%s.", config.title.c_str(),
                       dims == 2 ? " (or drag a class mean on the 2-D view)" : "");
  }
  const float em = ImGui::GetFontSize();  // widths in ems follow the lecture and projector type sizes
  int classes = static_cast<int>(config.classes.size());
  ImGui::SetNextItemWidth(7.7f * em);
  const ParameterSpec& class_range = parameter("classes");
  if (ImGui::SliderInt("classes", &classes, static_cast<int>(class_range.min), static_cast<int>(class_range.max))) {
    ScenarioConfig c = as_custom(config);
    while (static_cast<int>(c.classes.size()) < classes) {
      GaussianClass g = c.classes.back();
      const double angle = 2.0944 * c.classes.size() + 0.5;
      g.mean(0) = std::cos(angle);
      if (dims == 2) g.mean(1) = std::sin(angle);
      c.classes.push_back(g);
    }
    c.classes.resize(classes);
    apply_config(c);
    return;
  }
  for (int mu = 0; mu < static_cast<int>(config.classes.size()); ++mu) {
    GaussianClass& g = config.classes[mu];
    ImGui::PushID(mu);
    ImGui::ColorButton("##c", class_color_vec(mu), ImGuiColorEditFlags_NoTooltip, ImVec2(0.9f * em, 0.9f * em));
    ImGui::SameLine();
    float mean[2] = {static_cast<float>(g.mean(0)), dims == 2 ? static_cast<float>(g.mean(1)) : 0.0f};
    ImGui::SetNextItemWidth((dims == 2 ? 9.2f : 4.6f) * em);
    if (dims == 2 ? ImGui::DragFloat2("mean", mean, 0.01f, -3.0f, 3.0f, "%.2f")
                  : ImGui::DragFloat("mean", mean, 0.01f, -3.0f, 3.0f, "%.2f")) {
      g.mean(0) = mean[0];
      if (dims == 2) g.mean(1) = mean[1];
    }
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    float sd[2] = {static_cast<float>(std::sqrt(g.cov(0, 0))), dims == 2 ? static_cast<float>(std::sqrt(g.cov(1, 1))) : 0.f};
    const float sd_width = (dims == 2 ? 9.2f : 4.6f) * em;
    if (dims == 2) ImGui::Indent(1.5f * em);
    else same_line_or_wrap(sd_width + ImGui::CalcTextSize(" sd").x);
    ImGui::SetNextItemWidth(sd_width);
    if (dims == 2 ? ImGui::DragFloat2("sd x, y", sd, 0.005f, 0.05f, 2.0f, "%.2f")
                  : ImGui::DragFloat("sd", sd, 0.005f, 0.05f, 2.0f, "%.2f")) {
      const double corr = dims == 2 ? g.cov(0, 1) / std::sqrt(g.cov(0, 0) * g.cov(1, 1)) : 0.0;
      g.cov(0, 0) = double(sd[0]) * sd[0];
      if (dims == 2) {
        g.cov(1, 1) = double(sd[1]) * sd[1];
        g.cov(0, 1) = g.cov(1, 0) = corr * sd[0] * sd[1];
      }
    }
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    float prior = static_cast<float>(g.prior);
    const float prior_width = (dims == 2 ? 3.8f : 3.5f) * em;
    same_line_or_wrap(prior_width + ImGui::CalcTextSize(" prior").x);
    ImGui::SetNextItemWidth(prior_width);
    if (ImGui::DragFloat("prior", &prior, 0.01f, 0.05f, 10.0f, "%.2f")) g.prior = prior;
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    if (dims == 2) {
      float corr = static_cast<float>(g.cov(0, 1) / std::sqrt(g.cov(0, 0) * g.cov(1, 1)));
      ImGui::SetNextItemWidth(9.2f * em);
      if (ImGui::DragFloat("corr", &corr, 0.01f, -0.9f, 0.9f, "%.2f"))
        g.cov(0, 1) = g.cov(1, 0) = corr * std::sqrt(g.cov(0, 0) * g.cov(1, 1));
      changed |= ImGui::IsItemDeactivatedAfterEdit();
      ImGui::Unindent(1.5f * em);
    }
    ImGui::PopID();
  }
  if (changed) apply_config(as_custom(config));
}

void App::draw_network_editor() {
  ScenarioConfig& config = edit_;
  NetworkConfig& network = config.network;
  std::vector<LayerSpec>& hidden = network.hidden;
  bool changed = false;
  const int count = static_cast<int>(hidden.size());
  const int rep = network.representation_layer < 0 ? count - 1 : network.representation_layer;
  const int proj = network.projection_layer;
  const ParameterSpec& width_range = parameter("layers.width");
  const float em = ImGui::GetFontSize();  // widths in ems follow the lecture and projector type sizes
  const float slider_width = -7.0f * em;  // room for the longest label, "learning rate"
  ImGui::TextDisabled("Hidden layers");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("In order from the input. r: the noisy layer the read-out sees; x: the learned 2-D projection.");
  for (int l = 0; l < count; ++l) {
    ImGui::PushID(l);
    int width = hidden[l].width;
    ImGui::SetNextItemWidth(8.5f * em);
    if (l == proj) ImGui::BeginDisabled();  // the projection space keeps its dimension
    if (ImGui::SliderInt("##w", &width, static_cast<int>(width_range.min), static_cast<int>(width_range.max),
                         "%d units"))
      hidden[l].width = width;
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::SameLine();
    int act = static_cast<int>(hidden[l].activation);
    ImGui::SetNextItemWidth(6.2f * em);
    const auto activation_word = [](void*, int index, const char** word) {
      *word = to_string(static_cast<Activation>(index));
      return true;
    };
    const int activations = static_cast<int>(choice_words(parameter("layers.activation")).size());
    if (ImGui::Combo("##a", &act, activation_word, nullptr, activations)) {
      hidden[l].activation = static_cast<Activation>(act);
      changed = true;
    }
    if (l == proj) ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled(l == rep ? "r" : l == proj ? "x" : " ");
    ImGui::PopID();
  }
  // New layers go just before r and after the projection x, so both keep their meaning.
  const int first_free = proj + 1;
  if (count < static_cast<int>(parameter("layers").max) && ImGui::SmallButton("+ layer")) {
    hidden.insert(hidden.begin() + rep, LayerSpec{64, Activation::tanh});
    if (network.representation_layer >= 0) ++network.representation_layer;
    changed = true;
  }
  if (rep > first_free) {
    ImGui::SameLine();
    if (ImGui::SmallButton("- layer")) {
      hidden.erase(hidden.begin() + rep - 1);
      if (network.representation_layer >= 0) --network.representation_layer;
      changed = true;
    }
  }
  const ParameterSpec& noise_range = parameter("noise");
  int noise = static_cast<int>(network.noise);
  const char* noise_models[] = {"Gaussian", "dropout"};
  ImGui::SetNextItemWidth(slider_width);
  if (ImGui::Combo(noise_range.label, &noise, noise_models, 2)) {
    network.noise = static_cast<NoiseModel>(noise);
    changed = true;
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Noise on r: additive Gaussian r = f + σz, or Gaussian dropout r_i = f_i (1 + ξ_i),\n"
                      "ξ_i ~ N(0, α) (needs sigmoid units at r). Each has its own F_code (spec 1.6).");
  if (network.noise == NoiseModel::dropout) {
    changed |= log_slider("alpha", network.dropout_alpha, "%.2f", slider_width,
                          "Variance α of the dropout noise ξ on r while training; α = p/(1-p) for a dropout rate p.\n"
                          "F_code = Σ_i (1/α + 2) ∇f_i ∇f_iᵀ / f_i²: small units carry the most information.");
  } else {
    changed |= log_slider("sigma", network.noise_sigma, "%.2f", slider_width,
                          "Gaussian noise added to r while training (spec 2.3). At 0.5-1 F_code follows F_cat in most\n"
                          "presets (docs/experiments.md lists the misses); at 0.2 the loss depends less on where\n"
                          "sensitivity sits and the match can fail.");
  }
  changed |= log_slider("lr", config.training.learning_rate, "%.4g", slider_width);
  const ParameterSpec& batch_range = parameter("batch");
  int batch = config.training.batch_size;
  ImGui::SetNextItemWidth(slider_width);
  if (ImGui::SliderInt(batch_range.label, &batch, static_cast<int>(batch_range.min), static_cast<int>(batch_range.max),
                       "%d", ImGuiSliderFlags_Logarithmic))
    config.training.batch_size = batch;
  changed |= ImGui::IsItemDeactivatedAfterEdit();
  int opt = static_cast<int>(config.training.optimizer);
  const char* optimizers[] = {"Adam", "SGD"};
  ImGui::SetNextItemWidth(5.4f * em);
  if (ImGui::Combo("##opt", &opt, optimizers, 2)) {
    config.training.optimizer = static_cast<OptimizerKind>(opt);
    changed = true;
  }
  same_line_or_wrap(7.0f * em + ImGui::CalcTextSize(" seed").x);
  ImGui::SetNextItemWidth(7.0f * em);
  ImGui::InputScalar("seed", ImGuiDataType_U64, &config.training.seed);  // all 64 bits, as the link carries them
  changed |= ImGui::IsItemDeactivatedAfterEdit();
  int epochs = config.training.epochs;
  const ParameterSpec& epoch_range = parameter("epochs");
  ImGui::SetNextItemWidth(slider_width);
  if (ImGui::SliderInt(epoch_range.label, &epochs, static_cast<int>(epoch_range.min), static_cast<int>(epoch_range.max), "%d",
                       ImGuiSliderFlags_Logarithmic))
    config.training.epochs = epochs;
  changed |= ImGui::IsItemDeactivatedAfterEdit();
  if (changed) apply_config(ScenarioConfig(config));
}

void App::draw_view_options() {
  ViewConfig& view = edit_.view;
  const ViewConfig before = view;
  if (edit_.grid.dims == 2) {
    int mode = static_cast<int>(view.mode);
    ImGui::RadioButton("side by side", &mode, 0);
    same_line_or_wrap(toggle_width("overlay"));
    ImGui::RadioButton("overlay", &mode, 1);
    view.mode = static_cast<ViewMode>(mode);
  }
  int measure = static_cast<int>(view.measure);
  ImGui::RadioButton("trace", &measure, 0);
  same_line_or_wrap(toggle_width("largest eigenvalue"));
  ImGui::RadioButton("largest eigenvalue", &measure, 1);
  view.measure = static_cast<FieldMeasure>(measure);
  ImGui::Checkbox("log scale", &view.log_scale);
  same_line_or_wrap(toggle_width("glyphs"));
  ImGui::Checkbox("glyphs", &view.glyphs);
  ImGui::Checkbox("data", &view.show_data);
  same_line_or_wrap(toggle_width("boundaries"));
  ImGui::Checkbox("boundaries", &view.show_boundary);
  if (edit_.grid.dims == 2) ImGui::Checkbox("decoder check (NECO)", &view.decoder);
  if (edit_.data == DataKind::mixture) {  // the paper's conditions (issue 20): they need the exact p(x|μ)
    ImGui::Checkbox("information-loss map", &view.loss_map);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Where the noise of r costs information about the category, before training and now,\n"
                        "beside F_cat (Charts). Monte-Carlo at each point of a coarse grid, in the background.");
    ImGui::Checkbox("width study", &view.width_study);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("These settings trained again at widths 8 to 512 of r and noise σ, 2σ: I(μ; r) against\n"
                        "its high-SNR approximation by N/σ² (Charts). 8 runs in the background, cancellable.");
  }
  if (view.mode != before.mode || view.measure != before.measure || view.log_scale != before.log_scale ||
      view.glyphs != before.glyphs || view.show_data != before.show_data || view.show_boundary != before.show_boundary ||
      view.decoder != before.decoder || view.loss_map != before.loss_map || view.width_study != before.width_study)
    apply_view_options();
  draw_layer_picker(view_, edit_, view_applier());
  if (edit_.grid.dims == 2) {
    const int resolution = view_.fields_valid() ? view_.fields.grid.count[0] : 0;
    ImGui::TextUnformatted("Field grid:");
    same_line_or_wrap(toggle_width("64×64"));
    if (ImGui::RadioButton("64×64", resolution == 64)) set_option("grid", 64);
    same_line_or_wrap(toggle_width("128×128"));
    if (ImGui::RadioButton("128×128", resolution == 128)) set_option("grid", 128);
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%.0f fps; engine: train %.1f ms/slice, fields %.1f ms", fps_shown_,
                      view_.perf.train_ms_last_tick, view_.perf.field_ms_last);
  if (view.decoder && view_.perf.decoder_ms_last > 0.0)
    ImGui::TextDisabled("decoder check: %.0f ms of engine time (in chunks)", view_.perf.decoder_ms_last);
  ImGui::PopTextWrapPos();
}

}  // namespace catgeo
