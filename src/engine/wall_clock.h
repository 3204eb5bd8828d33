// The engine's clock: seconds of wall time since the engine's first reading (steady, never set back). Std only.
#pragma once
#include <chrono>

namespace catgeo {

inline double wall_seconds() {
  using clock = std::chrono::steady_clock;
  static const clock::time_point start = clock::now();
  return std::chrono::duration<double>(clock::now() - start).count();
}

}  // namespace catgeo
