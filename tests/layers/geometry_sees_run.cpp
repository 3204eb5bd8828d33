// Layer probe: sees what a file of the core's geometry part sees; a header of the run, above it, must not be there.
#include "core/run/experiment.h"
