// Layer probe: sees what a file of the core's geometry part sees; its own headers and the network's are there.
#include "core/geometry/grid_fields.h"
#include "core/nn/mlp.h"
