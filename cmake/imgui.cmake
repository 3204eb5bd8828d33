# Dear ImGui 1.86 core from the scripts/setup cache (Debian source package): no OS or GPU dependency, so the view
# builds natively (headless tests) and to WebAssembly (the page).
if(DEFINED ENV{CATGEO_CACHE})
  set(CATGEO_CACHE_DEFAULT "$ENV{CATGEO_CACHE}")
else()
  set(CATGEO_CACHE_DEFAULT "$ENV{HOME}/.cache/catgeo")
endif()
set(CATGEO_CACHE "${CATGEO_CACHE_DEFAULT}" CACHE PATH "Folder filled by scripts/setup (Debian sources, SDL2 for WASM)")

file(GLOB CATGEO_IMGUI_DIR LIST_DIRECTORIES true "${CATGEO_CACHE}/src/imgui-1.86*")
if(NOT IS_DIRECTORY "${CATGEO_IMGUI_DIR}")
  message(FATAL_ERROR "Dear ImGui sources missing under ${CATGEO_CACHE}/src: run scripts/setup")
endif()

add_library(imgui STATIC
  ${CATGEO_IMGUI_DIR}/imgui.cpp
  ${CATGEO_IMGUI_DIR}/imgui_draw.cpp
  ${CATGEO_IMGUI_DIR}/imgui_tables.cpp
  ${CATGEO_IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${CATGEO_IMGUI_DIR})
# IMGUI_ENABLE_TEST_ENGINE: ImGui reports each labelled widget to the hooks of src/app/imgui_item_hooks.cpp (the
# layout report), a target of the app (catgeo_imgui_hooks) that imgui links: every program with ImGui has them.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_ENABLE_TEST_ENGINE)
