// Lifecycle reports from the platform to the hosting page (web/catgeo-loader.js shows them).
#pragma once

namespace catgeo::platform {

// state: "running" after the first frame is on screen, "failed" when the app cannot start.
void report_page_status(const char* state, const char* message);

}  // namespace catgeo::platform
