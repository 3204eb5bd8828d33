// The layout report finds what it claims to: a cut widget label, a cut or overlapping figure label, an overlong line.
#include "app/label_audit.h"

#include <string>

#include "app/typeface.h"
#include "imgui.h"
#include "test.h"

using namespace catgeo;

namespace {

// One frame with one 200 x 200 window whose contents `draw` makes; returns that frame's report.
template <typename Draw>
LabelReport audit_one_window(Draw draw) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(400, 400);
  io.DeltaTime = 1.0f / 60.0f;
  load_typeface(*io.Fonts, 13);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  ImGui::NewFrame();
  label_audit_start_frame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(200, 200));
  ImGui::Begin("probe", nullptr, ImGuiWindowFlags_NoDecoration);
  draw();
  ImGui::End();
  LabelReport report = label_audit_finish_frame();
  ImGui::Render();
  ImGui::DestroyContext();
  return report;
}

bool has(const LabelReport& r, LabelProblem::Kind kind, const std::string& text) {
  for (const LabelProblem& p : r.problems)
    if (p.kind == kind && p.text == text) return true;
  return false;
}

}  // namespace

TEST_CASE("label_audit_passes_a_tidy_window") {
  const LabelReport r = audit_one_window([] {
    ImGui::Button("Play");
    float v = 0.5f;
    ImGui::SetNextItemWidth(80);
    ImGui::SliderFloat("noise σ", &v, 0.0f, 1.0f);
    ImGui::TextWrapped("A wrapped line is never cut, however long it is, because it wraps at the window's edge.");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw_label(dl, ImVec2(10, 150), IM_COL32_WHITE, "x₁");
    draw_label(dl, ImVec2(60, 150), IM_COL32_WHITE, "x₂");
  });
  CHECK_MESSAGE(r.problems.empty(), r.problems.size() << " problems, first: " << r.problems.front().text);
  CHECK((r.widgets == 2 && r.labels == 2 && r.windows >= 1));
}

TEST_CASE("label_audit_reports_cut_overlapping_and_overlong_labels") {
  const LabelReport r = audit_one_window([] {
    float v = 0.5f;
    ImGui::SetNextItemWidth(150);  // the label starts at 154 px of a 200 px window
    ImGui::SliderFloat("learning rate", &v, 0.0f, 1.0f);
    ImGui::Button("A button label longer than its box", ImVec2(60, 0));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw_label(dl, ImVec2(10, 150), IM_COL32_WHITE, "F_cat (exact)");
    draw_label(dl, ImVec2(30, 152), IM_COL32_WHITE, "-2");
    draw_label(dl, ImVec2(20, 100), IM_COL32_WHITE, "inside a small box", ImVec2(20, 100), ImVec2(60, 120));
    ImGui::TextUnformatted("A line of text that is not wrapped runs past the edge of the window");
  });
  CHECK(has(r, LabelProblem::Kind::clipped, "learning rate"));
  CHECK(has(r, LabelProblem::Kind::clipped, "A button label longer than its box"));
  CHECK(has(r, LabelProblem::Kind::overlap, "F_cat (exact)"));
  CHECK(has(r, LabelProblem::Kind::clipped, "inside a small box"));
  CHECK(has(r, LabelProblem::Kind::overflow, ""));
  CHECK_MESSAGE(r.problems.size() == 5, r.problems.size());
}
