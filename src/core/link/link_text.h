// URL text of a share link: link body, percent decoding, key=value pairs, base64url; std only.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/link/link_notices.h"

namespace catgeo {

// The part of a link after '#' (or after a leading '?'), without surrounding blanks.
std::string_view link_body(std::string_view link);
// %XX becomes the byte; a '%' not followed by two hex digits stays as it is.
std::string percent_decode(std::string_view text);
// %XX for every byte except A-Z a-z 0-9 - . _ ~ and the bytes in `keep`: a value that read_pairs decodes back.
std::string percent_encode(std::string_view text, std::string_view keep = "");
// The pieces between separators (n separators give n + 1 pieces, some maybe empty).
std::vector<std::string_view> split(std::string_view text, char separator);
// The link with the pair `key=value` (value link-encoded) in place of the key's pair, or appended when it has none.
std::string with_pair(std::string_view link, const std::string& key, const std::string& value);

struct LinkPair {
  std::string key;    // percent-decoded
  std::string value;  // percent-decoded
};

// Control bytes: 0x00-0x1F and 0x7F; shown as "0x01" ("0x00 NUL").
bool is_control_byte(char c);
std::string control_byte_text(char c);
// The body without control bytes (NUL, newline, ...); a notice names the first, where it was and how many.
std::string without_control_bytes(std::string_view body, LinkNotices& n);
// The key=value pairs of a link body; segments without '=', keys that is_known rejects and repeated keys
// give notices.
std::vector<LinkPair> read_pairs(std::string_view body, bool (*is_known)(const std::string& key), LinkNotices& n);
// The value of `key`, or nullptr.
const std::string* find_value(const std::vector<LinkPair>& pairs, const char* key);

// base64url without padding (RFC 4648 section 5).
std::string base64url(const std::vector<std::uint8_t>& bytes);
bool from_base64url(std::string_view text, std::vector<std::uint8_t>& out);

}  // namespace catgeo
