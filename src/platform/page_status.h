// Lifecycle reports from the platform to the hosting page (web/catgeo-loader.js shows them).
#pragma once
#include <string>

namespace catgeo::platform {

// state: "running" after the first frame is on screen, "failed" when the app cannot start.
void report_page_status(const char* state, const char* message);

// Copies the app's one-line status (training state, divergence message, config errors) into the page's
// aria-live element #catgeo-status, so that screen readers and tests can read what the canvas shows.
void mirror_app_status(const char* text);

// After snapshots arrived: tells the page's JavaScript (Module.onCatgeoSnapshot) which commands have taken effect,
// the current share link and which command's load outcome the view holds, so that waiting promises resolve and the
// URL hash follows the run without polling (web/catgeo-api.js, web/catgeo-share.js).
void report_engine_progress(unsigned completed, const char* share_link, unsigned load_command);

// The page's initial link (location.hash without '#'), read once before the first run is built.
std::string initial_page_link();

// The app's arrangement (app/screen_layout.h to_string) and type scale, for the page's HTML: <body
// data-catgeo-layout> and the CSS variable --catgeo-ui-scale.
void report_page_layout(const char* kind, float font_scale);

// True once, on a first visit to the lab with no link (not embedded): the app greets with a way in.
bool welcome_wanted();

}  // namespace catgeo::platform
