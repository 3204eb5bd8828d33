# Web-only third-party targets from the scripts/setup cache: SDL2 built for WASM and the Dear ImGui input backend
# (cmake/imgui.cmake, included first, defines imgui and CATGEO_IMGUI_DIR).
set(CATGEO_SDL2_PREFIX "${CATGEO_CACHE}/sdl2-wasm")
if(NOT EXISTS "${CATGEO_SDL2_PREFIX}/lib/libSDL2.a")
  message(FATAL_ERROR "SDL2-for-WASM missing under ${CATGEO_CACHE}: run scripts/setup")
endif()

# SDL2 2.26.5, static, built by scripts/setup with emcmake.
add_library(SDL2::SDL2 STATIC IMPORTED GLOBAL)
set_target_properties(SDL2::SDL2 PROPERTIES
  IMPORTED_LOCATION "${CATGEO_SDL2_PREFIX}/lib/libSDL2.a"
  INTERFACE_INCLUDE_DIRECTORIES "${CATGEO_SDL2_PREFIX}/include/SDL2"
  INTERFACE_COMPILE_DEFINITIONS SDL_MAIN_HANDLED)

# Dear ImGui's SDL2 input backend for the platform layer (the WebGL2 renderer is our own: src/platform/imgui_renderer).
add_library(imgui_backends STATIC ${CATGEO_IMGUI_DIR}/backends/imgui_impl_sdl.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${CATGEO_IMGUI_DIR}/backends)
target_link_libraries(imgui_backends PUBLIC imgui SDL2::SDL2)
