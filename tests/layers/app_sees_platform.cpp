// Layer probe: sees what an app file sees; a platform header must not be there (cmake/layers.cmake).
#include "platform/worker_link.h"
