// Layouts by canvas size: which arrangement each device class gets, and that its panels tile the canvas.
#include "app/screen_layout.h"
#include "test.h"

using namespace catgeo;

namespace {

ScreenLayout layout_for(float w, float h, bool side_panels = true) {
  ScreenRequest r;
  r.display = ImVec2(w, h);
  r.side_panels = side_panels;
  r.bar_height = 60.0f;
  return choose_screen_layout(r);
}

bool inside(const PanelBox& b, float w, float h) {
  return b.pos.x >= 0 && b.pos.y >= 0 && b.pos.x + b.size.x <= w + 0.5f && b.pos.y + b.size.y <= h + 0.5f;
}

}  // namespace

TEST_CASE("phones_and_portrait_tablets_get_the_figure_on_top_and_a_sheet_below") {
  for (ImVec2 s : {ImVec2(360, 740), ImVec2(390, 844), ImVec2(768, 1024), ImVec2(640, 360)}) {
    const ScreenLayout l = layout_for(s.x, s.y);
    CHECK_MESSAGE(l.kind == ScreenKind::portrait, s.x << "x" << s.y);
    CHECK((l.view.size.x == s.x && l.sheet.size.x == s.x));
    CHECK((l.view.pos.y == 0 && l.sheet.pos.y == l.view.size.y));
    CHECK((l.view.size.y + l.sheet.size.y == s.y && inside(l.sheet, s.x, s.y)));
    CHECK((!l.controls.shown() && !l.readouts.shown() && !l.charts.shown()));
  }
}

TEST_CASE("laptops_and_projectors_get_three_columns_projectors_larger_type") {
  for (ImVec2 s : {ImVec2(1024, 768), ImVec2(1280, 800), ImVec2(1920, 1080)}) {
    const ScreenLayout l = layout_for(s.x, s.y);
    CHECK_MESSAGE(l.kind == ScreenKind::columns, s.x << "x" << s.y);
    CHECK((l.controls.pos.x == 0 && l.view.pos.x == l.controls.size.x));
    CHECK((l.readouts.pos.x == l.view.pos.x + l.view.size.x && inside(l.readouts, s.x, s.y)));
    CHECK((l.charts.pos.y == l.view.size.y && inside(l.charts, s.x, s.y)));
  }
  CHECK((layout_for(1280, 800).font_scale == 1.0f && layout_for(1920, 1080).font_scale > 1.0f));
}

TEST_CASE("embeds_get_the_figure_and_a_play_bar") {
  for (ImVec2 s : {ImVec2(320, 240), ImVec2(400, 300), ImVec2(350, 437), ImVec2(720, 480)}) {
    const ScreenLayout l = layout_for(s.x, s.y, false);
    CHECK((l.kind == ScreenKind::compact && l.view.size.x == s.x && l.bar.shown()));
    CHECK((l.view.size.y + l.bar.size.y == s.y && l.bar.size.x == s.x && l.bar.size.y == 60.0f));
    // A frame under 600 x 480 (an article's figure on a phone) shows only the figure; the caption is the host's.
    CHECK_MESSAGE(l.figure_only == (s.x < 600 || s.y < 480), s.x << "x" << s.y);
  }
}

TEST_CASE("a_lecture_on_a_landscape_screen_is_a_slide_with_one_bar") {
  for (ImVec2 s : {ImVec2(1024, 768), ImVec2(1280, 800), ImVec2(1920, 1080)}) {
    ScreenRequest r;
    r.display = s;
    r.lecture = true;
    r.bar_height = 40.0f;
    const ScreenLayout l = choose_screen_layout(r);
    CHECK_MESSAGE((l.kind == ScreenKind::stage && !l.figure_only), s.x << "x" << s.y);
    CHECK((l.view.size.x == s.x && l.bar.size.x == s.x && l.view.size.y + l.bar.size.y == s.y));
    CHECK((!l.controls.shown() && !l.readouts.shown() && !l.charts.shown() && l.font_scale >= 1.15f));
    CHECK_NEAR(l.bar.size.y, 40.0 * l.font_scale, 1e-3);  // type and bar scale together
    // Two maps side by side on a projector: each at least 35% of the width, under a three-line caption.
    const MapChrome chrome = MapChrome::for_type_size(13.0f * l.font_scale);
    const float caption = 3.0f * 17.0f * l.font_scale;
    const MapArrangement maps = arrange_maps(ImVec2(s.x - 16.0f, l.view.size.y - caption - 40.0f), 2, chrome);
    if (s.x == 1920) CHECK_MESSAGE(maps.map_size >= 0.35f * s.x, maps.map_size);
  }
  ScreenRequest phone;
  phone.display = ImVec2(390, 844);
  phone.lecture = true;
  CHECK(choose_screen_layout(phone).kind == ScreenKind::portrait);  // a phone keeps its portrait layout
}

TEST_CASE("maps_stack_when_that_makes_them_larger") {
  const MapChrome chrome;
  const MapArrangement phone = arrange_maps(ImVec2(374, 500), 2, chrome);  // a phone's figure: about square
  const float side_by_side = (374 - chrome.color_bar - 2 * chrome.margin) / 2;  // 118 px each
  CHECK_MESSAGE((phone.stacked && phone.map_size > 1.5f * side_by_side), phone.map_size);
  // Each stacked map keeps its title line and its band of x tick labels: they fill the height exactly.
  CHECK_NEAR(2 * (phone.map_size + chrome.title + chrome.ticks) + chrome.legend, 500.0, 1e-3);
  const MapArrangement laptop = arrange_maps(ImVec2(640, 480), 2, chrome);
  CHECK(!laptop.stacked);
  CHECK(arrange_maps(ImVec2(374, 900), 1, chrome).stacked == false);  // one map never stacks
}

TEST_CASE("a_tour_step_that_names_a_chart_leaves_the_phone_sheet_room_for_it") {
  ScreenRequest r;
  r.display = ImVec2(390, 844);
  r.figure_header = 190.0f;
  const float figure = choose_screen_layout(r).view.size.y;
  r.sheet_min = 300.0f;
  const ScreenLayout l = choose_screen_layout(r);
  CHECK_MESSAGE((l.sheet.size.y >= 300.0f && l.view.size.y < figure), l.sheet.size.y << " " << figure);
  r.sheet_min = 800.0f;  // never less than 40% for the figure
  CHECK_NEAR(choose_screen_layout(r).view.size.y, 0.4 * 844, 1e-3);
}

TEST_CASE("a_tour_caption_gets_room_above_the_phone_map") {
  const float plain = portrait_figure_height(360, 740), with_caption = portrait_figure_height(360, 740, 180);
  CHECK_MESSAGE(with_caption > plain + 100, plain << " -> " << with_caption);  // the map keeps most of its size
  CHECK((with_caption <= 0.8f * 740 && plain <= 0.7f * 740));           // the sheet keeps a fifth at least
}
