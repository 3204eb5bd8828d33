# The layers of src/ point one way: core -> engine -> app -> platform (and core -> cli). Each layer is seen through its
# own include root, ${CMAKE_BINARY_DIR}/layers/<layer>, which holds one link, <layer> -> src/<layer>: a target puts
# its own layer's root on its include path and gets the roots of the layers below from the libraries it links. So an
# include against the direction (core including "engine/protocol.h", app including "platform/worker_link.h") names a
# folder that no include path of that file holds, and the build fails. The parts of the core are held the same way
# among themselves (src/core/CMakeLists.txt). tests/layers checks it on every configure.
# A layer may be a part of one, as core/nn: its root is layers/core-nn, holding core/nn -> src/core/nn.
function(catgeo_layer_root layer out_var)
  string(REPLACE "/" "-" root_name ${layer})
  set(root ${CMAKE_BINARY_DIR}/layers/${root_name})
  if(NOT IS_SYMLINK ${root}/${layer})
    get_filename_component(parent ${root}/${layer} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${layer} ${root}/${layer} SYMBOLIC)
  endif()
  set(${out_var} ${root} PARENT_SCOPE)
endfunction()
