// The labels' typeface: the cut DejaVu Sans holds every glyph the labels write, at the device's pixel size.
#include "app/typeface.h"

#include "imgui.h"
#include "test.h"

using namespace catgeo;

TEST_CASE("typeface_holds_the_notation_glyphs") {
  // σ μ λ ∇ ∑ √ ≈ ≤ ⁻ ¹ ² ᵀ · × − ▶ ■ ▼ ○ — ḡ ‖: what the notation, the legends and the play bar write.
  constexpr ImWchar kNotation[] = {0x03C3, 0x03BC, 0x03BB, 0x2207, 0x2211, 0x221A, 0x2248, 0x2264, 0x207B, 0x00B9,
                                   0x00B2, 0x1D40, 0x00B7, 0x00D7, 0x2212, 0x25B6, 0x25A0, 0x25BC, 0x25CB, 0x2014,
                                   0x1E21, 0x2016};
  ImFontAtlas atlas;
  load_typeface(atlas, 26);
  CHECK(atlas.Fonts.Size == 1);
  const ImFont* font = atlas.Fonts[0];
  CHECK(font->FontSize == 26.0f);
  for (ImWchar c : kNotation) CHECK_MESSAGE(font->FindGlyphNoFallback(c) != nullptr, "missing U+" << std::hex << c);
  CHECK(font->FindGlyphNoFallback(0x4E00) == nullptr);  // a CJK ideograph: not in the cut font
  // A proportional face, not ImGui's fixed-width default: 'i' is much narrower than 'M'.
  CHECK(font->FindGlyph('i')->AdvanceX < 0.6f * font->FindGlyph('M')->AdvanceX);
}

TEST_CASE("typeface_is_rasterised_for_the_pixel_ratio") {
  CHECK(typeface_device_pixels(1.0f, 1.0f) == 13);
  CHECK(typeface_device_pixels(1.0f, 3.0f) == 39);
  CHECK(typeface_device_pixels(1.25f, 2.0f) == 33);  // 32.5 rounds up
  ImFontAtlas atlas;
  load_typeface(atlas, typeface_device_pixels(1.0f, 3.0f));
  // Drawn at 13 CSS px (16.25 at the projector's 1.25x) whatever size the atlas holds.
  CHECK_NEAR(typeface_global_scale(atlas, 1.0f) * atlas.Fonts[0]->FontSize, 13.0, 1e-5);
  CHECK_NEAR(typeface_global_scale(atlas, 1.25f) * atlas.Fonts[0]->FontSize, 16.25, 1e-5);
}
