// CATGEO_CHECK: programmer-error assertion with file:line and a message (active in every build).
#pragma once
#include <cstdio>
#include <cstdlib>

#define CATGEO_CHECK(cond, msg)                                                         \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: check failed: %s (%s)\n", __FILE__, __LINE__, #cond, \
                   msg);                                                                \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)
