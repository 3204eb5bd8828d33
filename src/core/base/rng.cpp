// Portable random generator: xoshiro256** seeded by splitmix64, ziggurat normals.
#include "core/base/rng.h"

#include <cmath>

#include "core/base/ziggurat_tables.h"

namespace catgeo {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(std::uint64_t seed) {
  std::uint64_t x = seed;
  for (auto& s : state_) s = splitmix64(x);
}

std::uint64_t Rng::next_u64() {
  const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

double Rng::uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

double Rng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

double Rng::normal() {
  // Ziggurat (Doornik 2005): one 64-bit draw gives the layer (low 7 bits) and a signed uniform (top 53 bits).
  // About 98.8% of draws return from the first comparison; the rest test the wedge or sample the tail.
  const ZigguratTables& t = ZigguratTables::get();
  const std::uint64_t bits = next_u64();
  const int layer = static_cast<int>(bits & (ZigguratTables::kLayers - 1));
  const double u = 2.0 * (static_cast<double>(bits >> 11) * 0x1.0p-53) - 1.0;  // [-1, 1)
  if (std::fabs(u) < t.inner[layer]) return u * t.x[layer];
  return normal_slow_path(layer, u);
}

void Rng::normals(float* out, std::size_t count) {
  // Each 32-bit half of a draw is one ziggurat draw: layer from the low 7 bits, a signed uniform in [-1, 1)
  // from the top 24 bits (bit 7 is unused). An odd count drops the last half.
  const ZigguratTables& t = ZigguratTables::get();
  const auto from_word = [&](std::uint32_t word) {
    const int layer = static_cast<int>(word & (ZigguratTables::kLayers - 1));
    const float u = static_cast<float>(static_cast<std::int32_t>(word) >> 8) * 0x1.0p-23f;
    return std::fabs(u) < t.inner_float[layer] ? u * t.x_float[layer]
                                               : static_cast<float>(normal_slow_path(layer, u));
  };
  std::size_t i = 0;
  for (; i + 2 <= count; i += 2) {
    const std::uint64_t bits = next_u64();
    out[i] = from_word(static_cast<std::uint32_t>(bits));
    out[i + 1] = from_word(static_cast<std::uint32_t>(bits >> 32));
  }
  if (i < count) out[i] = from_word(static_cast<std::uint32_t>(next_u64()));
}

double Rng::normal_slow_path(int layer, double u) {
  const ZigguratTables& t = ZigguratTables::get();
  if (layer == 0) return u < 0.0 ? -normal_tail() : normal_tail();
  const double x = u * t.x[layer];
  const double height = t.f[layer] + uniform() * (t.f[layer + 1] - t.f[layer]);
  if (height < std::exp(-0.5 * x * x)) return x;
  return normal();  // rejected: an independent fresh draw keeps the distribution exact
}

double Rng::normal_tail() {
  // Marsaglia's tail method for |z| > r.
  const double r = ZigguratTables::kTailStart;
  double x, y;
  do {
    x = -std::log(1.0 - uniform()) / r;  // 1 - uniform() lies in (0, 1]
    y = -std::log(1.0 - uniform());
  } while (2.0 * y < x * x);
  return r + x;
}

std::uint32_t Rng::below(std::uint32_t bound) {
  // Lemire's multiply-shift with rejection: unbiased and identical on every platform.
  std::uint64_t m = static_cast<std::uint64_t>(static_cast<std::uint32_t>(next_u64() >> 32)) * bound;
  std::uint32_t low = static_cast<std::uint32_t>(m);
  if (low < bound) {
    const std::uint32_t threshold = static_cast<std::uint32_t>(-bound) % bound;
    while (low < threshold) {
      m = static_cast<std::uint64_t>(static_cast<std::uint32_t>(next_u64() >> 32)) * bound;
      low = static_cast<std::uint32_t>(m);
    }
  }
  return static_cast<std::uint32_t>(m >> 32);
}

}  // namespace catgeo
