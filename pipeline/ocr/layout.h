// Which of Tesseract's page segmentation modes suits a page. Forms and
// letters are one column of lines; Tesseract's fully automatic mode also
// looks for columns, and on forms finds one that is not there: the item
// numbers ("1.", "2.", ...) down the left margin, read as a garbled line of
// their own while each item loses its number. Mode 4 (one column of lines)
// reads those pages right but interleaves the lines of a page that does
// have columns (a journal page, a two-column letter). So the page is looked
// at first: text split by the same wide gutter on many of its lines is in
// columns.
#pragma once

#include <opencv2/core.hpp>

namespace hoso {

struct ColumnEvidence {
  int text_rows = 0;    // pixel rows (at ~75 dpi) with text
  int gutter_rows = 0;  // of those, rows split by the commonest gutter
  double gutter_x = 0;  // where that gutter ends (fraction of the width)
  bool columns() const { return text_rows > 0 && gutter_rows >= 40 && gutter_rows >= 0.35 * text_rows; }
};

// Looks for a gutter: a gap of at least 4 mm, ink on both sides, ending at
// the same place (within 2 mm) on many rows of text. Word spaces, the gap
// after an item number and a line's end never qualify; a two-column header
// or a pair of signatures covers too few rows.
ColumnEvidence FindColumns(const cv::Mat& gray, int dpi);

}  // namespace hoso
