// The one table of run parameters (share-link keys with a number or a choice): range, label, help; std only.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/base/status.h"

namespace catgeo {

enum class ParameterKind {
  integer,  // whole number in [min, max]
  real,     // number in [min, max]
  seed,     // whole number 0 .. 2^64-1 (min/max unused)
  choice,   // one of `choices`, joined by '|'
  flag,     // 0 or 1
  part,     // a limit or the words inside a structured key (e.g. "layers.width" of layers=64t-128s), not a key itself
};

// The default of every key is its value in the scenario's base preset (scenarios.h): a link writes a key
// only where the run differs from that preset, and the CLI starts from the preset too.
struct ParameterSpec {
  const char* key;       // link key ("sigma"), or "key.part" for a limit inside a structured key
  ParameterKind kind;
  double min;            // integer, real, part: allowed range, inclusive
  double max;
  const char* choices;   // choice, flag and a part of words: the allowed words joined by '|' ("adam|sgd"), in the
                         // order of their enum's values (config.h); "" otherwise
  const char* label;     // widget label, at most 18 characters
  const char* help;      // one line
  bool affects_run;      // false for the view keys (the CLI ignores them)
};

// Every entry, in share-link order.
const std::vector<ParameterSpec>& parameter_table();
// nullptr for a key that is not in the table.
const ParameterSpec* find_parameter(std::string_view key);
// The spec of a key the code knows is in the table (asserts otherwise).
const ParameterSpec& parameter(std::string_view key);

// The words of an entry with choices ("adam|sgd" -> adam, sgd); empty for the others.
std::vector<std::string> choice_words(const ParameterSpec& spec);
// The word of value `index` of an enum whose words `key` lists (choice_word("opt", 1) is "sgd"); it lives as long as
// the program. Asserts that the key has that many words.
const std::string& choice_word(std::string_view key, int index);
// The index of `word` among the words of `key`; -1 when it is not one of them.
int choice_index(std::string_view key, std::string_view word);
// The allowed values as a message shows them: "[0.01, 10]", "adam or sgd", "0 or 1", "0 to 2^64-1".
std::string range_text(const ParameterSpec& spec);
bool in_range(const ParameterSpec& spec, double value);
// A limit or value as messages show it: whole numbers in full (10000), others in the shortest exact form (1e-5).
std::string limit_text(double value);
// Success when `value` lies in the range of `key`; otherwise "<what> must be in <range>, got <value>",
// where `what` defaults to the key.
Status check_range(std::string_view key, double value, const std::string& what = "");

}  // namespace catgeo
