// Test helper: finds a generated asset (assets/<name>) from wherever the core tests run.
#include "test_assets.h"

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace catgeo::test {

bool read_asset(const std::string& name, std::vector<std::uint8_t>& out, std::string& tried) {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("CATGEO_ASSETS_DIR")) dirs.push_back(env);
#ifdef CATGEO_SOURCE_DIR
  dirs.push_back(std::string(CATGEO_SOURCE_DIR) + "/assets");
#endif
  for (const char* rel : {"assets", "../assets", "../../assets", "../../../assets", "../../../../assets"})
    dirs.push_back(rel);
  for (const std::string& dir : dirs) {
    const std::string path = dir + "/" + name;
    tried += (tried.empty() ? "" : ", ") + path;
    std::ifstream file(path, std::ios::binary);
    if (!file) continue;
    out.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    return true;
  }
  return false;
}

}  // namespace catgeo::test
