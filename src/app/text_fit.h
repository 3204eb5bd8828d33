// Text that fits a width without being cut mid-word: a shorter form, or whole words and an ellipsis. Needs only ImGui.
#pragma once
#include <string>

namespace catgeo {

// The long text when it fits in `width` (CSS px at the current font), else the short one.
const char* fit_text(const char* long_text, const char* short_text, float width);
// The text when it fits, else its longest run of whole words that fits with "…" after it (the first word, cut, when
// not even that fits). Show the full text in a tooltip when the result differs.
std::string fit_words(const std::string& text, float width);

}  // namespace catgeo
