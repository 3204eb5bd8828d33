// Test helper: finds a generated asset (assets/<name>) or an example table (tests/tables/<name>) wherever tests run.
#include "test_assets.h"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace catgeo::test {

namespace {

// The first of dir/name that opens, over $env_name, <source>/source_dir and the relative `source_dir`s above the
// build directory.
bool read_first(const char* env_name, const std::string& source_dir, const std::string& name, std::string& out,
                std::string& tried) {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv(env_name)) dirs.push_back(env);
#ifdef CATGEO_SOURCE_DIR
  dirs.push_back(std::string(CATGEO_SOURCE_DIR) + "/" + source_dir);
#endif
  for (const char* up : {"", "../", "../../", "../../../", "../../../../"}) dirs.push_back(up + source_dir);
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

}  // namespace

bool read_asset(const std::string& name, std::vector<std::uint8_t>& out, std::string& tried) {
  std::string bytes;
  if (!read_first("CATGEO_ASSETS_DIR", "assets", name, bytes, tried)) return false;
  out.assign(bytes.begin(), bytes.end());
  return true;
}

bool read_test_table(const std::string& name, std::string& out, std::string& tried) {
  return read_first("CATGEO_TABLES_DIR", "tests/tables", name, out, tried);
}

}  // namespace catgeo::test
