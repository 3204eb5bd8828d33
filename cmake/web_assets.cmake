# Copies the MNIST asset and its licence next to the page: build/<preset>/web/assets/ (served same-origin).
# Included from src/platform/CMakeLists.txt after catgeo_web is defined; expects CATGEO_WEB_DIR.
# The .cgd files are build output of scripts/make_mnist_asset.mjs (scripts/setup); when one is missing the
# build still succeeds and the page shows the download error when the MNIST scenario is chosen.
set(CATGEO_ASSET_SOURCES)
foreach(name mnist14.cgd mnist7.cgd MNIST-LICENSE.txt)
  if(EXISTS ${PROJECT_SOURCE_DIR}/assets/${name})
    list(APPEND CATGEO_ASSET_SOURCES ${PROJECT_SOURCE_DIR}/assets/${name})
  else()
    message(WARNING "assets/${name} is missing: run node scripts/make_mnist_asset.mjs (the page's MNIST "
                    "scenario will report a download error)")
  endif()
endforeach()
set(CATGEO_ASSET_COPIES)
foreach(source ${CATGEO_ASSET_SOURCES})
  get_filename_component(name ${source} NAME)
  list(APPEND CATGEO_ASSET_COPIES ${CATGEO_WEB_DIR}/assets/${name})
endforeach()
if(CATGEO_ASSET_SOURCES)
  add_custom_command(OUTPUT ${CATGEO_ASSET_COPIES}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CATGEO_WEB_DIR}/assets
    COMMAND ${CMAKE_COMMAND} -E copy ${CATGEO_ASSET_SOURCES} ${CATGEO_WEB_DIR}/assets
    DEPENDS ${CATGEO_ASSET_SOURCES}
    COMMENT "Copying the MNIST asset to ${CATGEO_WEB_DIR}/assets")
  add_custom_target(catgeo_web_assets DEPENDS ${CATGEO_ASSET_COPIES})
  add_dependencies(catgeo_web catgeo_web_assets)
endif()
