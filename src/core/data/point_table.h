// A table of labelled points (CSV, TSV or semicolon-separated text) -> coordinates and classes; Eigen + std only.
#pragma once
#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/status.h"

namespace catgeo {

struct PointTable {
  int dims = 2;                          // 1: columns x, label; 2: x, y, label
  Eigen::MatrixXd x;                     // (dims, N) the coordinates as written
  std::vector<int> labels;               // (N) class index from 0
  std::vector<std::string> class_names;  // (classes) each class's label as written ("0", "setosa"), in class order
  bool header = false;                   // the first line was a header
};

// The table, or a failure whose message is one line naming the place: "line N, column M: expected a number, found
// 'abc'" (lines counted from 1, the header included; columns from 1), "line N: ..." for a whole-line problem, no place
// for a whole-table problem ("the table has only one class ('a'): it needs 2 to 6").
//
// Format: one point per line, fields separated by a comma, a tab or a semicolon (the first of tab, semicolon, comma
// found outside quotes on the first line that is not a comment); UTF-8 (an optional BOM) or UTF-16 (LE or BE, with a
// BOM, or without one when every other byte is NUL, as in ASCII text); lines end in LF, CRLF, or CR alone in text
// without any LF (old Mac files); other text holding NUL bytes fails; blank lines and
// lines starting with '#' are skipped (but counted); fields may be double-quoted ("a, b", "" for a quote); spaces
// around fields are trimmed. The first line is a header when its coordinate fields are not numbers (or it names a
// label column); a header column named label, class, category or y_true (any case) is the label, otherwise the
// last column is. 2 columns are x, label (1-D), 3 are x, y, label (2-D); more need a header naming the label and
// x (and y). Coordinates are finite numbers (1e-3, +2, -0.5, .5). Labels are numbers (classes ordered by value) or
// names (ordered by first appearance; a mix counts as names) without control characters. Limits: table.classes,
// table.points, table.label of the parameter table, and at least 2 points per class.
Result<PointTable> parse_point_table(std::string_view text);

}  // namespace catgeo
