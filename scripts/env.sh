# Shared environment for CatGeo scripts (sourced, not run): cache folder and toolchain variables.
export CATGEO_CACHE="${CATGEO_CACHE:-$HOME/.cache/catgeo}"
export NODE_PATH=/usr/share/nodejs
export NODE_OPTIONS="${NODE_OPTIONS:-} --no-experimental-fetch"
mkdir -p "$CATGEO_CACHE"
