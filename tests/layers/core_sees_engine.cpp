// Layer probe: sees what a core file sees; an engine header must not be there (cmake/layers.cmake).
#include "engine/protocol.h"
