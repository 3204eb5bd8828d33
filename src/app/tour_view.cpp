// The guided tour on the page: the current step's caption above the figure, what to look at, Prev / Next / End,
// and tour_json() for the JS API (core/config/tour.h holds the steps).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "app/app.h"
#include "app/flow_layout.h"
#include "app/label_audit.h"
#include "app/text_fit.h"
#include "core/base/json.h"
#include "core/base/number_text.h"
#include "core/config/tour.h"

namespace catgeo {

const TourStep* App::tour_step() const {
  const int n = view_.config.view.tour;
  return n >= 1 && n <= kTourSteps ? &tour_steps()[n - 1] : nullptr;
}

std::uint32_t App::go_to_tour_step(int step) {
  // The next step keeps the page chrome (an embed stays an embed, a lecture a lecture) and a chosen speed.
  const ViewConfig& view = edit_.view;
  std::string link = "tour=" + std::to_string(std::clamp(step, 1, kTourSteps));
  if (view.embed) link += "&embed=1";
  if (view.lecture) link += "&lecture=1";
  if (!view.controls) link += "&controls=0";
  if (view.speed != kAutoSpeed) link += "&speed=" + std::string(std::isinf(view.speed) ? "max" : format_number(view.speed));
  return load_link(link);
}

void App::draw_welcome() {
  if (!welcome_ || tour_step()) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.35f, 1.0f),
                     "CatGeo trains a small network in your browser and shows where its code becomes most sensitive: "
                     "near where the category changes, as Bonnasse-Gahot & Nadal argue.");
  ImGui::PopTextWrapPos();
  const auto button = [&](const char* label) { return touch_sizing_ ? ImGui::Button(label) : ImGui::SmallButton(label); };
  if (button("Take the tour")) {
    welcome_ = false;
    go_to_tour_step(1);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("12 short steps, each a live figure with its claim");
  same_line_or_wrap(ImGui::CalcTextSize("Explore").x + 2.0f * ImGui::GetStyle().FramePadding.x);
  if (button("Explore")) welcome_ = false;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The lab as it is: change the data, the network and the noise");
}

void App::draw_tour_caption() {
  const TourStep* step = tour_step();
  if (!step) return;
  const int n = view_.config.view.tour;
  const auto go = [&](int to) { go_to_tour_step(to); };
  if (layout_.figure_only) {  // a small embed: the step's title over its map; the caption is the host page's
    char title[160];
    std::snprintf(title, sizeof title, "Tour %d/%d: %s", n, kTourSteps, step->title);
    caption_line_y_ = ImGui::GetCursorPosY();
    const float room = ImGui::GetContentRegionAvail().x - map_switch_width() - ImGui::GetStyle().ItemSpacing.x;
    const std::string shown = fit_words(title, room);
    ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.35f, 1.0f), "%s", shown.c_str());
    note_fitted_text(shown.c_str(), room);
    if (shown != title && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", title);
    return;
  }
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.35f, 1.0f), "Tour %d/%d: %s", n, kTourSteps, step->title);
  ImGui::PopTextWrapPos();
  // The buttons follow on the same line while they fit (a phone puts them on the next).
  const auto button = [&](const char* label) {  // full-size buttons for fingers
    same_line_or_wrap(ImGui::CalcTextSize(label).x + 2.0f * ImGui::GetStyle().FramePadding.x);
    return touch_sizing_ ? ImGui::Button(label) : ImGui::SmallButton(label);
  };
  if (n > 1 && button("◀ Prev")) go(n - 1);
  if (n < kTourSteps && button("Next ▶")) go(n + 1);
  if (button("End")) set_value("tour", "0");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("End the tour (the figure stays)");
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(step->caption);
  // An embed has no charts: say where the named one is. A figure that plays by itself is not told to press Play.
  const char* start = edit_.view.autoplay ? " It trains by itself;" : " Press Play;";
  const char* where = layout_.kind == ScreenKind::compact    ? " the full page has the charts."
                      : layout_.kind == ScreenKind::portrait ? " the charts are in the Metrics tab."
                                                             : "";
  if (!step->claim.metric) ImGui::TextDisabled("Look at: %s.", step->look_at);
  else if (*where) ImGui::TextDisabled("Look at: %s.%s%s", step->look_at, start, where);
  else ImGui::TextDisabled("Look at: %s.%.*s.", step->look_at, static_cast<int>(std::strlen(start)) - 1, start);
  ImGui::PopTextWrapPos();
}

std::string App::tour_json() const {
  JsonValue out = JsonValue::object();
  const TourStep* step = tour_step();
  out.set("step", JsonValue::number(step ? view_.config.view.tour : 0));
  out.set("count", JsonValue::number(kTourSteps));
  out.set("shown", JsonValue::boolean(tour_caption_shown_));
  if (step) {
    out.set("title", JsonValue::string(step->title));
    out.set("caption", JsonValue::string(step->caption));
    out.set("look_at", JsonValue::string(step->look_at));
    out.set("link", JsonValue::string(step->link));
    if (step->claim.metric) {
      JsonValue claim = JsonValue::object();
      claim.set("metric", JsonValue::string(step->claim.metric));
      claim.set("rises", JsonValue::boolean(step->claim.rises));
      claim.set("epochs", JsonValue::number(step->claim.epochs));
      out.set("claim", claim);
    }
  }
  return to_json(out);
}

}  // namespace catgeo
