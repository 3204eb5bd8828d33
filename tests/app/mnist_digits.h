// Test helper: hands assets/mnist14.cgd to the engine's MNIST source (engine/mnist_source.h), as the page's fetch does.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/mnist_source.h"
#include "test.h"
#include "test_assets.h"

namespace catgeo::test {

// False (and a failed expectation naming where it looked) when the asset is missing.
inline bool install_mnist_digits() {
  std::vector<std::uint8_t> bytes;
  std::string tried;
  if (!read_asset("mnist14.cgd", bytes, tried)) {
    CHECK_MESSAGE(false, "assets/mnist14.cgd not found (looked in " << tried << "); scripts/setup makes it");
    return false;
  }
  set_mnist_bytes(bytes.data(), bytes.size());
  return true;
}

}  // namespace catgeo::test
