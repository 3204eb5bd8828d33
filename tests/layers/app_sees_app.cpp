// Layer probe: sees what an app file sees; an app header is there.
#include "app/run_view.h"
