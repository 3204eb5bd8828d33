# Shared environment for CatGeo scripts (sourced, not run): cache folder and toolchain variables.
export CATGEO_CACHE="${CATGEO_CACHE:-$HOME/.cache/catgeo}"
export NODE_PATH=/usr/share/nodejs
export NODE_OPTIONS="${NODE_OPTIONS:-} --no-experimental-fetch"
mkdir -p "$CATGEO_CACHE"
# ccache (CMakeLists.txt uses it when installed): one cache for every clone, paths taken relative to the checkout.
export CCACHE_DIR="${CCACHE_DIR:-$CATGEO_CACHE/ccache}"
CCACHE_BASEDIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CCACHE_BASEDIR
export CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-4G}"
