// Table of labelled points: lines, delimiter, quoted fields, header, columns, numbers and classes (see point_table.h).
#include "core/data/point_table.h"

#include <algorithm>
#include <cctype>
#include <numeric>

#include "core/base/number_text.h"
#include "core/config/parameters.h"

namespace catgeo {
namespace {

struct Line {
  int number = 0;         // from 1, counting every line of the text
  std::string_view text;  // without the line break
};

struct Fields {
  std::vector<std::string> text;  // (columns) trimmed, quotes removed
};

std::string at_line(int line) { return "line " + std::to_string(line) + ": "; }
std::string at_cell(int line, int column) {
  return "line " + std::to_string(line) + ", column " + std::to_string(column + 1) + ": ";
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// A field as a message quotes it: at most 40 bytes (cut at a UTF-8 character boundary), control bytes as '?'.
std::string quoted(std::string_view s) {
  std::string out;
  for (const char c : s) out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c);
  if (out.size() > 40) {
    std::size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "...";
  }
  return "'" + out + "'";
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// UTF-16 text as UTF-8: false when a surrogate is unpaired.
bool utf16_to_utf8(std::string_view bytes, bool little_endian, std::string& out) {
  out.clear();
  auto unit = [&](std::size_t i) {
    const unsigned lo = static_cast<unsigned char>(bytes[i + (little_endian ? 0 : 1)]);
    const unsigned hi = static_cast<unsigned char>(bytes[i + (little_endian ? 1 : 0)]);
    return hi << 8 | lo;
  };
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    unsigned code = unit(i);
    if (code >= 0xDC00 && code <= 0xDFFF) return false;
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (i + 3 >= bytes.size()) return false;
      const unsigned low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    }
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out += {static_cast<char>(0xC0 | code >> 6), static_cast<char>(0x80 | (code & 0x3F))};
    } else if (code < 0x10000) {
      out += {static_cast<char>(0xE0 | code >> 12), static_cast<char>(0x80 | (code >> 6 & 0x3F)),
              static_cast<char>(0x80 | (code & 0x3F))};
    } else {
      out += {static_cast<char>(0xF0 | code >> 18), static_cast<char>(0x80 | (code >> 12 & 0x3F)),
              static_cast<char>(0x80 | (code >> 6 & 0x3F)), static_cast<char>(0x80 | (code & 0x3F))};
    }
  }
  return true;
}

// ASCII text written as UTF-16 without a byte-order mark: a NUL in every other byte (odd bytes for little-endian).
bool looks_like_utf16(std::string_view text, bool little_endian) {
  const std::size_t checked = std::min<std::size_t>(text.size(), 256) & ~std::size_t{1};
  if (checked < 2 || text.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < checked; i += 2) {
    const char ascii = text[i + (little_endian ? 0 : 1)], zero = text[i + (little_endian ? 1 : 0)];
    if (zero != '\0' || ascii == '\0') return false;
  }
  return true;
}

// The table's text as UTF-8 without a byte-order mark: UTF-16 (LE or BE, with a BOM or plainly ASCII) is decoded; a
// UTF-8 BOM is dropped. Other text with NUL bytes (UTF-32, a spreadsheet's binary file) fails.
Result<std::string> table_text(std::string_view text) {
  using R = Result<std::string>;
  const bool bom_le = text.substr(0, 2) == "\xFF\xFE", bom_be = text.substr(0, 2) == "\xFE\xFF";
  const bool le = bom_le || looks_like_utf16(text, true), be = !le && (bom_be || looks_like_utf16(text, false));
  std::string out;
  if (le || be) {
    if (text.size() % 2 != 0 || !utf16_to_utf8(text.substr(bom_le || bom_be ? 2 : 0), le, out))
      return R::fail(std::string("the table looks like UTF-16 ") + (le ? "(little-endian)" : "(big-endian)") +
                     " but is not valid UTF-16: save it as UTF-8 (CSV UTF-8) and load it again");
  } else {
    out = std::string(text.substr(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0));
  }
  const std::size_t nul = out.find('\0');
  if (nul != std::string::npos)
    return R::fail("the table holds a NUL byte (byte " + std::to_string(nul + 1) +
                   "): it is not plain text (UTF-32 or a spreadsheet file?); save it as CSV UTF-8 and load it again");
  return {std::move(out), Status::success()};
}

// The lines that hold data or a header: no line breaks, blank and '#' lines left out (numbers kept). Lines end in LF
// or CRLF; in text without any LF (old Mac files) a CR alone ends a line.
std::vector<Line> content_lines(std::string_view text) {
  const char line_end = text.find('\n') == std::string_view::npos ? '\r' : '\n';
  std::vector<Line> lines;
  int number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find(line_end);
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view content = trimmed(line);
    if (content.empty() || content.front() == '#') continue;
    lines.push_back({number, line});
  }
  return lines;
}

// Tab, else semicolon, else comma: the first of them found outside quotes.
char detect_delimiter(std::string_view line) {
  bool in_quotes = false, tab = false, semicolon = false;
  for (const char c : line) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    tab = tab || c == '\t';
    semicolon = semicolon || c == ';';
  }
  return tab ? '\t' : semicolon ? ';' : ',';
}

// The fields of a line: spaces around each trimmed, "..." unquoted ("" is a quote inside).
Status split_fields(const Line& line, char delimiter, Fields& out) {
  out.text.clear();
  const std::string_view s = line.text;
  auto space = [&](char c) { return c == ' ' || (c == '\t' && delimiter != '\t'); };
  std::size_t i = 0;
  while (true) {
    const int column = static_cast<int>(out.text.size());
    while (i < s.size() && space(s[i])) ++i;
    std::string field;
    if (i < s.size() && s[i] == '"') {
      bool closed = false;
      for (++i; i < s.size(); ++i) {
        if (s[i] != '"') {
          field.push_back(s[i]);
        } else if (i + 1 < s.size() && s[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          closed = true;
          ++i;
          break;
        }
      }
      if (!closed) return Status::error(at_cell(line.number, column) + "the quote that opens this field is not closed");
      while (i < s.size() && space(s[i])) ++i;
      if (i < s.size() && s[i] != delimiter)
        return Status::error(at_cell(line.number, column) + "text after the closing quote; quote the whole field");
    } else {
      const std::size_t end = std::min(s.size(), s.find(delimiter, i));
      field = std::string(s.substr(i, end - i));
      i = end;
      while (!field.empty() && space(field.back())) field.pop_back();
    }
    out.text.push_back(std::move(field));
    if (i >= s.size()) return Status::success();
    ++i;  // the delimiter
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A number as tables write it: JSON grammar plus a leading '+', leading zeros, ".5" and "5.".
enum class NumberForm { number, not_finite, other };
NumberForm read_number(std::string_view s, double& out) {
  if (!std::any_of(s.begin(), s.end(), is_digit)) {
    std::string word = lower(s);
    if (!word.empty() && (word[0] == '+' || word[0] == '-')) word.erase(0, 1);
    return word == "nan" || word == "inf" || word == "infinity" ? NumberForm::not_finite : NumberForm::other;
  }
  std::string t(s);
  if (!t.empty() && t[0] == '+') t.erase(0, 1);
  const std::size_t start = !t.empty() && t[0] == '-' ? 1 : 0;
  if (start < t.size() && t[start] == '.') t.insert(start, "0");
  const std::size_t dot = t.find('.');
  if (dot != std::string::npos && (dot + 1 == t.size() || !is_digit(t[dot + 1]))) t.erase(dot, 1);
  while (t.size() > start + 1 && t[start] == '0' && is_digit(t[start + 1])) t.erase(start, 1);
  if (parse_number(t, out)) return NumberForm::number;
  return !t.empty() && json_number_length(t) == t.size() ? NumberForm::not_finite : NumberForm::other;
}

bool is_label_name(const std::string& header_field) {
  const std::string name = lower(header_field);
  return name == "label" || name == "class" || name == "category" || name == "y_true";
}

int find_name(const std::vector<std::string>& fields, const char* name) {
  for (std::size_t c = 0; c < fields.size(); ++c)
    if (lower(fields[c]) == name) return static_cast<int>(c);
  return -1;
}

// Which columns hold the label and the coordinates.
struct Columns {
  int count = 0;
  int label = 0;
  std::vector<int> coordinates;  // (dims)
};

Result<Columns> choose_columns(const Line& first, const Fields& fields, bool& header) {
  using R = Result<Columns>;
  Columns c;
  c.count = static_cast<int>(fields.text.size());
  const auto named_label = std::find_if(fields.text.begin(), fields.text.end(), is_label_name);
  c.label = named_label != fields.text.end() ? static_cast<int>(named_label - fields.text.begin()) : c.count - 1;
  header = c.count >= 2;
  for (int col = 0; col < c.count; ++col) {
    double x = 0.0;
    if (col != c.label && read_number(fields.text[col], x) != NumberForm::other) header = false;
  }
  if (!header) c.label = c.count - 1;
  const std::string expected = "expected 2 columns (x, label) or 3 (x, y, label)";
  if (c.count < 2)
    return R::fail(at_line(first.number) + "1 column, " + expected + " separated by commas, tabs or semicolons");
  if (c.count <= 3) {
    for (int col = 0; col < c.count; ++col)
      if (col != c.label) c.coordinates.push_back(col);
    return {c, Status::success()};
  }
  const int x = header ? find_name(fields.text, "x") : -1;
  const int y = header ? find_name(fields.text, "y") : -1;
  if (!header || named_label == fields.text.end() || x < 0) {
    return R::fail(at_line(first.number) + std::to_string(c.count) + " columns, " + expected +
                   ", or a header naming the label column (label, class, category or y_true) and x (and y)");
  }
  c.coordinates.push_back(x);
  if (y >= 0) c.coordinates.push_back(y);
  return {c, Status::success()};
}

// Classes in order: by value when every label is a number, otherwise by first appearance. Returns old -> new index.
std::vector<int> class_order(std::vector<std::string>& names) {
  const int count = static_cast<int>(names.size());
  std::vector<double> value(names.size());
  bool numeric = true;
  for (int k = 0; k < count; ++k) numeric = numeric && read_number(names[k], value[k]) == NumberForm::number;
  std::vector<int> order(names.size());  // new index -> old index
  std::iota(order.begin(), order.end(), 0);
  if (numeric) std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return value[a] < value[b]; });
  std::vector<int> new_index(names.size());
  std::vector<std::string> sorted(names.size());
  for (int k = 0; k < count; ++k) {
    new_index[order[k]] = k;
    sorted[k] = names[order[k]];
  }
  names = std::move(sorted);
  return new_index;
}

}  // namespace

Result<PointTable> parse_point_table(std::string_view text) {
  using R = Result<PointTable>;
  const ParameterSpec& class_limit = parameter("table.classes");
  const ParameterSpec& point_limit = parameter("table.points");
  const ParameterSpec& label_limit = parameter("table.label");
  const Result<std::string> utf8 = table_text(text);
  if (!utf8.ok()) return R::fail(utf8.status.message);
  const std::vector<Line> lines = content_lines(utf8.value);
  if (lines.empty()) return R::fail("the table is empty: give one point per line, as x, label or x, y, label");

  const char delimiter = detect_delimiter(lines[0].text);
  Fields fields;
  Status s = split_fields(lines[0], delimiter, fields);
  if (!s.ok) return R::fail(s.message);
  PointTable table;
  Result<Columns> chosen = choose_columns(lines[0], fields, table.header);
  if (!chosen.ok()) return R::fail(chosen.status.message);
  const Columns& columns = chosen.value;
  table.dims = static_cast<int>(columns.coordinates.size());

  std::vector<double> coordinates;  // (dims * N) in point order
  std::vector<int> first_line;      // (classes) the line of each class's first point
  std::vector<int> class_count;     // (classes)
  for (std::size_t l = table.header ? 1 : 0; l < lines.size(); ++l) {
    const Line& line = lines[l];
    s = split_fields(line, delimiter, fields);
    if (!s.ok) return R::fail(s.message);
    if (static_cast<int>(fields.text.size()) != columns.count) {
      const int got = static_cast<int>(fields.text.size());
      return R::fail(at_line(line.number) + std::to_string(got) + (got == 1 ? " column" : " columns") + ", expected " +
                     std::to_string(columns.count) + " like line " + std::to_string(lines[0].number));
    }
    if (table.labels.size() >= static_cast<std::size_t>(point_limit.max))
      return R::fail(at_line(line.number) + "more than " + limit_text(point_limit.max) +
                     " points; a table may have at most " + limit_text(point_limit.max));
    for (const int col : columns.coordinates) {
      const std::string& field = fields.text[col];
      double x = 0.0;
      const NumberForm form = read_number(field, x);
      if (form == NumberForm::not_finite)
        return R::fail(at_cell(line.number, col) + "expected a finite number, found " + quoted(field));
      if (form == NumberForm::other)
        return R::fail(at_cell(line.number, col) + "expected a number, found " +
                       (field.empty() ? std::string("an empty field") : quoted(field)));
      coordinates.push_back(x);
    }
    const std::string& label = fields.text[columns.label];
    if (label.empty()) return R::fail(at_cell(line.number, columns.label) + "missing class label");
    const auto control = std::find_if(label.begin(), label.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    });
    if (control != label.end())
      return R::fail(at_cell(line.number, columns.label) + "the class label " + quoted(label) +
                     " holds a control character (byte " + std::to_string(static_cast<unsigned char>(*control)) +
                     "); class names must be printable text");
    if (label.size() > static_cast<std::size_t>(label_limit.max))
      return R::fail(at_cell(line.number, columns.label) + "a class label of " + std::to_string(label.size()) +
                     " bytes; labels may have at most " + limit_text(label_limit.max));
    const auto known = std::find(table.class_names.begin(), table.class_names.end(), label);
    int mu = static_cast<int>(known - table.class_names.begin());
    if (known == table.class_names.end()) {
      if (table.class_names.size() >= static_cast<std::size_t>(class_limit.max))
        return R::fail(at_cell(line.number, columns.label) + "class " + std::to_string(mu + 1) + " (" + quoted(label) +
                       "): a table may have at most " + limit_text(class_limit.max) + " classes");
      table.class_names.push_back(label);
      first_line.push_back(line.number);
      class_count.push_back(0);
    }
    ++class_count[mu];
    table.labels.push_back(mu);
  }

  const int classes = static_cast<int>(table.class_names.size());
  if (classes == 0)
    return R::fail("the table has a header but no points: give one point per line after it, as " +
                   std::string(table.dims == 1 ? "x, label" : "x, y, label"));
  if (classes < class_limit.min)
    return R::fail("the table has only one class (" + quoted(table.class_names[0]) + "): it needs " +
                   limit_text(class_limit.min) + " to " + limit_text(class_limit.max));
  for (int mu = 0; mu < classes; ++mu) {
    if (class_count[mu] < 2)
      return R::fail(at_line(first_line[mu]) + "class " + quoted(table.class_names[mu]) +
                     " has only 1 point; each class needs at least 2");
  }
  const std::vector<int> new_index = class_order(table.class_names);
  for (int& mu : table.labels) mu = new_index[mu];
  const Eigen::Index n = static_cast<Eigen::Index>(table.labels.size());
  table.x = Eigen::Map<const Eigen::MatrixXd>(coordinates.data(), table.dims, n);
  return {std::move(table), Status::success()};
}

}  // namespace catgeo
