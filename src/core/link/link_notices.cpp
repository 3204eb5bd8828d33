// Notices of a share-link read: wording of a problem for the page (key=value) or the CLI (--key value).
#include "core/link/link_notices.h"

namespace catgeo {
namespace {

constexpr std::size_t kMaxNotices = 10;
constexpr std::size_t kMaxShown = 40;  // characters of link text quoted in a notice

}  // namespace

void LinkNotices::add(const std::string& problem, const std::string& outcome) {
  if (list_.size() >= kMaxNotices) {
    ++dropped_;
    return;
  }
  list_.push_back(strict_ || outcome.empty() ? problem : problem + "; " + outcome);
}

std::string LinkNotices::named(const std::string& key, const std::string& value) const {
  return strict_ ? "--" + key + " " + shown(value) : key + "=" + shown(value);
}

std::string LinkNotices::quoted(const std::string& key, const std::string& value) const {
  return strict_ ? "--" + key + " '" + shown(value) + "'" : key + "='" + shown(value) + "'";
}

std::vector<std::string> LinkNotices::finish() {
  if (dropped_ > 0) list_.push_back("... and " + std::to_string(dropped_) + " more problems in the link");
  dropped_ = 0;
  return std::move(list_);
}

std::string shown(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && i < kMaxShown; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    out.push_back(c >= 0x20 && c < 0x7f ? static_cast<char>(c) : '?');
  }
  if (text.size() > kMaxShown) out += "...";
  return out;
}

}  // namespace catgeo
