// libFuzzer target: decode any bytes as a share link, re-encode, decode again; the configs must match.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/geometry/drawn_reference.h"
#include "core/link/share_link.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const catgeo::LinkDecodeResult first = catgeo::decode_share_link(text);
  std::string omitted;  // drawn points too many for a link are left out on purpose
  const std::string link = catgeo::encode_share_link(first.config, &omitted);
  const catgeo::LinkDecodeResult second = catgeo::decode_share_link(link);
  const bool stable = catgeo::encode_share_link(second.config) == link;
  // The only notice a re-encoded link may give is about its data, not the link: a drawing whose F_cat is 0 everywhere.
  const std::string flat = catgeo::flat_reference_notice(second.config);
  const bool clean = second.notices.empty() || (second.notices.size() == 1 && second.notices[0] == flat);
  if ((omitted.empty() && !catgeo::configs_equal(first.config, second.config)) || !stable ||
      (omitted.empty() && !clean)) {
    std::fprintf(stderr, "share link not reproduced:\n  re-encoded: %s\n", link.c_str());
    for (const std::string& n : second.notices) std::fprintf(stderr, "  notice: %s\n", n.c_str());
    std::abort();
  }
  return 0;
}
