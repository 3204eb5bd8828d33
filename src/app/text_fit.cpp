// Text that fits a width (see text_fit.h).
#include "app/text_fit.h"

#include "imgui.h"

namespace catgeo {

const char* fit_text(const char* long_text, const char* short_text, float width) {
  return ImGui::CalcTextSize(long_text).x <= width ? long_text : short_text;
}

std::string fit_words(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  const std::string ellipsis = "…";
  std::size_t end = text.size();
  while ((end = text.rfind(' ', end - 1)) != std::string::npos && end > 0) {
    std::string head = text.substr(0, end);
    while (!head.empty() && (head.back() == ',' || head.back() == ':' || head.back() == '(')) head.pop_back();
    if (ImGui::CalcTextSize((head + ellipsis).c_str()).x <= width) return head + ellipsis;
  }
  return text.substr(0, text.find(' ')) + ellipsis;
}

}  // namespace catgeo
