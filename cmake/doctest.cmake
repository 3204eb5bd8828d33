# doctest (Debian's doctest-dev, installed by scripts/setup) for the C++ tests. Its one header is seen through a folder
# of its own (build/<preset>/third_party/doctest -> /usr/include/doctest), so that the WebAssembly build of the core
# tests does not put the host's /usr/include on its include path.
set(CATGEO_DOCTEST_DIR /usr/include/doctest)
if(NOT EXISTS ${CATGEO_DOCTEST_DIR}/doctest.h)
  message(FATAL_ERROR "doctest missing (${CATGEO_DOCTEST_DIR}/doctest.h): run scripts/setup (Debian's doctest-dev)")
endif()
set(CATGEO_DOCTEST_ROOT ${CMAKE_BINARY_DIR}/third_party)
if(NOT IS_SYMLINK ${CATGEO_DOCTEST_ROOT}/doctest)
  file(MAKE_DIRECTORY ${CATGEO_DOCTEST_ROOT})
  file(CREATE_LINK ${CATGEO_DOCTEST_DIR} ${CATGEO_DOCTEST_ROOT}/doctest SYMBOLIC)
endif()
add_library(catgeo_doctest INTERFACE)
target_include_directories(catgeo_doctest SYSTEM INTERFACE ${CATGEO_DOCTEST_ROOT})
