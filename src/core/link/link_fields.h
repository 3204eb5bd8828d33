// Per-key share-link codecs of the plain fields (n, sigma, noise, alpha, layers, ..., view flags), limits from
// parameters.h; std only.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/config/config.h"
#include "core/link/link_notices.h"
#include "core/link/link_text.h"
#include "core/base/status.h"

namespace catgeo {

// True for the keys of the plain fields (not scenario, mix, pts, digits).
bool is_field_key(const std::string& key);
// The keys of the plain fields, in link order.
std::vector<std::string> field_keys();
// "&key=value" for every plain field where `config` differs from `base`, in link order.
std::string write_fields(const ScenarioConfig& config, const ScenarioConfig& base);
// Reads every plain field present in `pairs`; out-of-range numbers are clamped and unreadable values kept,
// each with a notice. Then rep and proj are fitted to the layers that exist.
void read_fields(const std::vector<LinkPair>& pairs, ScenarioConfig& config, LinkNotices& n);

// The link text of one key's value in `config` (fields and digits); "" for other keys. The value of a key in
// a base preset is its default.
std::string parameter_text(const ScenarioConfig& config, std::string_view key);
// Sets one key from its link text, strictly (for the CLI and the engine): a value outside the parameter
// table's range or form is rejected with a message naming --key and what it accepts; config is then unchanged.
Status set_parameter(ScenarioConfig& config, const std::string& key, const std::string& value);

}  // namespace catgeo
