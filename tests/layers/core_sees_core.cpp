// Layer probe: sees what a core file sees; a core header is there.
#include "core/config/config.h"
