// URL text of a share link: body, percent decoding, pairs (control bytes dropped with a notice), base64url.
#include "core/link/link_text.h"

#include <algorithm>
#include <cstdio>

namespace catgeo {
namespace {

constexpr char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool is_control_byte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f;
}

std::string control_byte_text(char c) {
  char code[8];
  std::snprintf(code, sizeof code, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
  return std::string(code) + (c == '\0' ? " NUL" : "");
}

std::string_view link_body(std::string_view link) {
  const std::size_t hash = link.find('#');
  if (hash != std::string_view::npos) {
    link.remove_prefix(hash + 1);
  } else if (!link.empty() && link[0] == '?') {
    link.remove_prefix(1);
  }
  while (!link.empty() && (link.front() == ' ' || link.front() == '\t')) link.remove_prefix(1);
  while (!link.empty() && (link.back() == ' ' || link.back() == '\n' || link.back() == '\r' || link.back() == '\t')) {
    link.remove_suffix(1);
  }
  return link;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string percent_encode(std::string_view text, std::string_view keep) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved || keep.find(c) != std::string_view::npos) {
      out.push_back(c);
    } else {
      out += {'%', kHex[u >> 4], kHex[u & 15]};
    }
  }
  return out;
}

std::string without_control_bytes(std::string_view body, LinkNotices& n) {
  std::string out;
  std::size_t count = 0, first = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (!is_control_byte(body[i])) {
      out.push_back(body[i]);
    } else if (count++ == 0) {
      first = i;
    }
  }
  if (count > 0) {
    n.add("dropped " + std::to_string(count) + " control character" + (count > 1 ? "s" : "") + " from the link (" +
              control_byte_text(body[first]) + " at character " + std::to_string(first + 1) +
              (count > 1 ? ", ..." : "") + ")",
          "read the rest");
  }
  return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::vector<LinkPair> read_pairs(std::string_view body, bool (*is_known)(const std::string& key), LinkNotices& n) {
  std::vector<LinkPair> pairs;
  for (std::string_view segment : split(body, '&')) {
    if (segment.empty()) continue;
    const std::size_t eq = segment.find('=');
    const std::string key = percent_decode(segment.substr(0, eq));
    if (eq == std::string_view::npos) {
      n.add("ignored '" + shown(key) + "' (expected key=value)");
      continue;
    }
    if (!is_known(key)) {
      n.add("ignored unknown key '" + shown(key) + "'");
      continue;
    }
    std::string value = percent_decode(segment.substr(eq + 1));
    auto same = std::find_if(pairs.begin(), pairs.end(), [&](const LinkPair& p) { return p.key == key; });
    if (same != pairs.end()) {
      n.add("key '" + key + "' appears twice; used the last value");
      same->value = std::move(value);
    } else {
      pairs.push_back({key, std::move(value)});
    }
  }
  return pairs;
}

const std::string* find_value(const std::vector<LinkPair>& pairs, const char* key) {
  for (const LinkPair& p : pairs) {
    if (p.key == key) return &p.value;
  }
  return nullptr;
}

std::string base64url(const std::vector<std::uint8_t>& bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t left = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t chunk = static_cast<std::uint32_t>(bytes[i]) << 16;
    if (left > 1) chunk |= static_cast<std::uint32_t>(bytes[i + 1]) << 8;
    if (left > 2) chunk |= bytes[i + 2];
    for (std::size_t k = 0; k < left + 1; ++k) out.push_back(kBase64Alphabet[(chunk >> (18 - 6 * k)) & 63]);
  }
  return out;
}

bool from_base64url(std::string_view text, std::vector<std::uint8_t>& out) {
  if (text.size() % 4 == 1) return false;
  std::uint32_t bits = 0;
  int bit_count = 0;
  for (const char c : text) {
    const char* at = std::find(kBase64Alphabet, kBase64Alphabet + 64, c);
    if (at == kBase64Alphabet + 64) return false;
    bits = (bits << 6) | static_cast<std::uint32_t>(at - kBase64Alphabet);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      out.push_back(static_cast<std::uint8_t>((bits >> bit_count) & 0xFF));
    }
  }
  return true;
}

std::string with_pair(std::string_view link, const std::string& key, const std::string& value) {
  std::string out;
  bool replaced = false;
  for (std::string_view pair : split(link, '&')) {
    if (pair.empty()) continue;
    std::string text(pair);
    if (text.compare(0, key.size() + 1, key + "=") == 0) {
      text = key + "=" + value;
      replaced = true;
    }
    out += (out.empty() ? "" : "&") + text;
  }
  if (!replaced) out += (out.empty() ? "" : "&") + key + "=" + value;
  return out;
}

}  // namespace catgeo
