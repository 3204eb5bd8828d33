// What the rest of the platform layer (js_api.cpp) may ask the web main loop; SDL-free interface.
#pragma once
#include <cstdint>

namespace catgeo {
class App;
}

namespace catgeo::platform {

App& app();                    // the one app instance (one canvas per page)
std::uint32_t frames_drawn();  // frames completed since start

}  // namespace catgeo::platform
