#!/bin/sh
# Builds one layer probe (tests/layers/CMakeLists.txt): "builds" expects it to compile; "fails HEADER" expects the
# compiler to stop because HEADER is on no include path of that layer, and nothing else.
# Usage: layer_check.sh BUILD_DIR TARGET builds | fails HEADER
build_dir=$1 target=$2 expect=$3 header=$4
output=$(cmake --build "$build_dir" --target "$target" 2>&1)
status=$?
if [ "$expect" = builds ]; then
  [ $status -eq 0 ] && exit 0
  printf 'layer probe %s did not build:\n%s\n' "$target" "$output"
  exit 1
fi
if [ $status -eq 0 ]; then
  printf 'layer probe %s built: %s is on its include path, against the layers (cmake/layers.cmake)\n' "$target" "$header"
  exit 1
fi
if printf '%s' "$output" | grep -q "$header.*\(No such file or directory\|file not found\)"; then
  printf 'as expected, %s stops at: %s\n' "$target" "$(printf '%s' "$output" | grep -m1 "$header")"
  exit 0
fi
printf 'layer probe %s failed for another reason than %s:\n%s\n' "$target" "$header" "$output"
exit 1
