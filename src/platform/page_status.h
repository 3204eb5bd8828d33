// Lifecycle reports from the platform to the hosting page (web/catgeo-loader.js shows them).
#pragma once

namespace catgeo::platform {

// state: "running" after the first frame is on screen, "failed" when the app cannot start.
void report_page_status(const char* state, const char* message);

// Copies the app's one-line status (training state, divergence message, config errors) into the page's
// aria-live element #catgeo-status, so that screen readers and tests can read what the canvas shows.
void mirror_app_status(const char* text);

}  // namespace catgeo::platform
