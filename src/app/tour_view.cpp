// The guided tour on the page: the current step's caption above the figure, what to look at, Prev / Next / End,
// and tour_json() for the JS API (core/tour.h holds the steps).
#include <string>

#include "app/app.h"
#include "app/flow_layout.h"
#include "core/json.h"
#include "core/tour.h"

namespace catgeo {

const TourStep* App::tour_step() const {
  const int n = view_.config.view.tour;
  return n >= 1 && n <= kTourSteps ? &tour_steps()[n - 1] : nullptr;
}

void App::draw_tour_caption() {
  const TourStep* step = tour_step();
  if (!step) return;
  const int n = view_.config.view.tour;
  const ViewConfig& view = edit_.view;
  // The next step keeps the page chrome (an embed stays an embed, a lecture a lecture).
  const auto go = [&](int to) {
    std::string link = "tour=" + std::to_string(to);
    if (view.embed) link += "&embed=1";
    if (view.lecture) link += "&lecture=1";
    if (!view.controls) link += "&controls=0";
    load_link(link);
  };
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
  // An embed has no charts: say where the named one is.
  const char* play = !step->claim.metric                  ? ""
                     : layout_.kind == ScreenKind::compact  ? " Press Play; the full page has the charts."
                     : layout_.kind == ScreenKind::portrait ? " Press Play; the charts are in the Metrics tab."
                                                            : " Press Play.";
  ImGui::TextDisabled("Look at: %s.%s", step->look_at, play);
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
