# Web-only third-party targets from the scripts/setup cache: SDL2 built for WASM and the Dear ImGui backends
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

# Dear ImGui backends for the platform layer: SDL2 input + OpenGL ES 3 (WebGL2) renderer.
add_library(imgui_backends STATIC
  ${CATGEO_IMGUI_DIR}/backends/imgui_impl_sdl.cpp
  ${CATGEO_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${CATGEO_IMGUI_DIR}/backends)
target_compile_definitions(imgui_backends PUBLIC IMGUI_IMPL_OPENGL_ES3)
target_link_libraries(imgui_backends PUBLIC imgui SDL2::SDL2)
