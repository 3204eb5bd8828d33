// Portable random generator (xoshiro256**) with its own uniform and normal samplers; std only.
// The same seed yields the same stream natively and in WASM (no std:: distributions are used).
#pragma once
#include <cstddef>
#include <cstdint>

namespace catgeo {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 1);

  std::uint64_t next_u64();
  double uniform();                         // [0, 1), 53 random bits
  double uniform(double lo, double hi);     // [lo, hi)
  double normal();                          // standard normal (128-layer ziggurat, see ziggurat_tables.h)
  // count standard normals as floats, two per 64-bit draw (24-bit ziggurat; the training noise).
  void normals(float* out, std::size_t count);
  std::uint32_t below(std::uint32_t bound); // uniform integer in [0, bound), unbiased

 private:
  double normal_tail();  // |z| beyond the base layer, positive
  // Completes a ziggurat draw whose fast test failed: wedge test or tail; a fresh normal() on rejection.
  double normal_slow_path(int layer, double u);
  std::uint64_t state_[4];
};

}  // namespace catgeo
