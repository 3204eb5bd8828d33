# Web-only third-party targets from the scripts/setup cache: Dear ImGui 1.86 (Debian sources) and SDL2 built for WASM.
if(DEFINED ENV{CATGEO_CACHE})
  set(CATGEO_CACHE_DEFAULT "$ENV{CATGEO_CACHE}")
else()
  set(CATGEO_CACHE_DEFAULT "$ENV{HOME}/.cache/catgeo")
endif()
set(CATGEO_CACHE "${CATGEO_CACHE_DEFAULT}" CACHE PATH "Folder filled by scripts/setup (Debian sources, SDL2 for WASM)")

file(GLOB CATGEO_IMGUI_DIR LIST_DIRECTORIES true "${CATGEO_CACHE}/src/imgui-1.86*")
set(CATGEO_SDL2_PREFIX "${CATGEO_CACHE}/sdl2-wasm")
if(NOT IS_DIRECTORY "${CATGEO_IMGUI_DIR}" OR NOT EXISTS "${CATGEO_SDL2_PREFIX}/lib/libSDL2.a")
  message(FATAL_ERROR "ImGui sources or SDL2-for-WASM missing under ${CATGEO_CACHE}: run scripts/setup")
endif()

# SDL2 2.26.5, static, built by scripts/setup with emcmake.
add_library(SDL2::SDL2 STATIC IMPORTED GLOBAL)
set_target_properties(SDL2::SDL2 PROPERTIES
  IMPORTED_LOCATION "${CATGEO_SDL2_PREFIX}/lib/libSDL2.a"
  INTERFACE_INCLUDE_DIRECTORIES "${CATGEO_SDL2_PREFIX}/include/SDL2"
  INTERFACE_COMPILE_DEFINITIONS SDL_MAIN_HANDLED)

# Dear ImGui core: no OS or GPU dependency (this is all the app layer may see).
add_library(imgui STATIC
  ${CATGEO_IMGUI_DIR}/imgui.cpp
  ${CATGEO_IMGUI_DIR}/imgui_draw.cpp
  ${CATGEO_IMGUI_DIR}/imgui_tables.cpp
  ${CATGEO_IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${CATGEO_IMGUI_DIR})
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_FILE_FUNCTIONS)

# Dear ImGui backends for the platform layer: SDL2 input + OpenGL ES 3 (WebGL2) renderer.
add_library(imgui_backends STATIC
  ${CATGEO_IMGUI_DIR}/backends/imgui_impl_sdl.cpp
  ${CATGEO_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${CATGEO_IMGUI_DIR}/backends)
target_compile_definitions(imgui_backends PUBLIC IMGUI_IMPL_OPENGL_ES3)
target_link_libraries(imgui_backends PUBLIC imgui SDL2::SDL2)
