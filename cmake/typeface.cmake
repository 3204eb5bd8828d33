# The labels' typeface: DejaVu Sans from Debian's fonts-dejavu-core (licence: assets/fonts/DejaVu-LICENSE.txt), cut at
# build time (python3-fonttools) to the glyphs the labels use and compiled in as bytes: the catgeo_typeface library.
set(CATGEO_TYPEFACE_SOURCE /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf)
if(NOT EXISTS ${CATGEO_TYPEFACE_SOURCE})
  message(FATAL_ERROR "${CATGEO_TYPEFACE_SOURCE} missing: run scripts/setup (it installs fonts-dejavu-core)")
endif()
# Basic Latin and Latin-1 (± × · ² ½), Greek, dashes, quotes and ellipsis, super- and subscripts, arrows, the
# mathematical operators (∇ ∑ √ ∫ ≈ ≤) and the geometric shapes of the play bar (▶ ■). The view asks ImGui for
# every code point up to U+25FF; the atlas holds only those the cut font has.
set(CATGEO_TYPEFACE_UNICODES
  "U+0020-007E,U+00A0-00FF,U+0391-03A9,U+03B1-03C9,U+2009-2027,U+2070-208E,U+1D40,U+1E21,U+2190-2193,U+21D2,U+2200-2265,U+25A0-25CF")
set(typeface_ttf ${CMAKE_BINARY_DIR}/typeface/typeface.ttf)
set(typeface_cpp ${CMAKE_BINARY_DIR}/typeface/typeface_bytes.cpp)
add_custom_command(
  OUTPUT ${typeface_ttf}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/typeface
  COMMAND /usr/bin/python3 -m fontTools.subset ${CATGEO_TYPEFACE_SOURCE} --unicodes=${CATGEO_TYPEFACE_UNICODES}
          --output-file=${typeface_ttf} --no-hinting --desubroutinize --layout-features= --drop-tables+=FFTM
  DEPENDS ${CATGEO_TYPEFACE_SOURCE} ${PROJECT_SOURCE_DIR}/cmake/typeface.cmake
  COMMENT "Cutting DejaVu Sans to the labels' glyphs")
add_custom_command(
  OUTPUT ${typeface_cpp}
  COMMAND ${CMAKE_COMMAND} -DINPUT=${typeface_ttf} -DOUTPUT=${typeface_cpp} -DSYMBOL=kTypefaceBytes
          -P ${PROJECT_SOURCE_DIR}/cmake/embed_bytes.cmake
  DEPENDS ${typeface_ttf} ${PROJECT_SOURCE_DIR}/cmake/embed_bytes.cmake)
add_library(catgeo_typeface STATIC ${typeface_cpp})
