// Test helper: finds a generated asset (assets/<name>) or an example table (tests/tables/<name>) from wherever the
// core tests run, natively or in WASM.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace catgeo::test {

// Looks in $CATGEO_ASSETS_DIR, then <source>/assets when the build defines CATGEO_SOURCE_DIR, then relative to
// the build directory. Fills `out` and returns true when found; `tried` lists the paths looked at.
bool read_asset(const std::string& name, std::vector<std::uint8_t>& out, std::string& tried);
// The same for an example table of points, tests/tables/<name> (shared with the browser and CLI tests).
bool read_test_table(const std::string& name, std::string& out, std::string& tried);

}  // namespace catgeo::test
