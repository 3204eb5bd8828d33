# The layers of src/ point one way: core -> engine -> app -> platform (and core -> cli). Each layer is seen through its
# own include root, ${CMAKE_BINARY_DIR}/layers/<layer>, which holds one link, <layer> -> src/<layer>: a target puts
# its own layer's root on its include path and gets the roots of the layers below from the libraries it links. So an
# include against the direction (core including "engine/protocol.h", app including "platform/worker_link.h") names a
# folder that no include path of that file holds, and the build fails. tests/layers checks it on every configure.
function(catgeo_layer_root layer out_var)
  set(root ${CMAKE_BINARY_DIR}/layers/${layer})
  if(NOT IS_SYMLINK ${root}/${layer})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${layer} ${root}/${layer} SYMBOLIC)
  endif()
  set(${out_var} ${root} PARENT_SCOPE)
endfunction()
