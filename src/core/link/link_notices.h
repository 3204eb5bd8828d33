// Notices of a share-link read (what was wrong, what was used instead), capped so garbage cannot flood the UI; std
// only.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace catgeo {

class LinkNotices {
 public:
  // strict: the reader checks one option for the CLI; problems are then named "--key value" and carry no
  // fallback, because the caller rejects the value instead of using a replacement.
  explicit LinkNotices(bool strict = false) : strict_(strict) {}

  // "problem; outcome" (the link) or "problem" (strict).
  void add(const std::string& problem, const std::string& outcome = "");
  // How a key and its value appear in a message: sigma=50 (link) or --sigma 50 (strict).
  std::string named(const std::string& key, const std::string& value) const;
  // The same with the value quoted: sigma='abc' or --sigma 'abc'.
  std::string quoted(const std::string& key, const std::string& value) const;
  bool strict() const { return strict_; }
  bool empty() const { return list_.empty(); }
  const std::vector<std::string>& list() const { return list_; }
  // The notices, with a last line counting those left out.
  std::vector<std::string> finish();

 private:
  bool strict_;
  std::vector<std::string> list_;
  std::size_t dropped_ = 0;
};

// Link text as it may be shown in a notice: printable ASCII, at most 40 characters.
std::string shown(std::string_view text);

}  // namespace catgeo
