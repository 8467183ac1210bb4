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

#include <vector>

#include "core/ocr_page.h"

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

// Reading order. Mode 4 reads a letter's header line by line across the
// page ("UBND THÀNH PHỐ ĐÀ NẴNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), and so
// the subject beside a note in the margin, the "Nơi nhận" list beside the
// signer. A person reads them block by block.
//
// The page's blocks in the order a person reads them: the text is cut, again
// and again, at its widest white gap: across (between lines and paragraphs)
// or down (a gap of at least 3 mm with two lines of text or more on each
// side: the gutter of a two-column header; one line's wide space is not
// one), the upper part before the lower, the left before the
// right. Rules and frames are kept as ink, so a ruled table is not cut into
// columns. Boxes are in the page's pixels; pieces one above another with no
// cut down between them share a `column`.
struct TextBlock {
  cv::Rect box;
  int column = 0;
};
std::vector<TextBlock> ReadingBlocks(const cv::Mat& gray, int dpi);

// Blocks with ink where no word was read, of a size text can have (a line's
// height or more, no more than a quarter of the page across or down): what
// Tesseract's page layout set aside as a picture. A title or a signer's
// rank beside a stamp ("KT. GIÁM ĐỐC") is lost that way; these are worth a
// second reading on their own.
std::vector<size_t> UnreadBlocks(const OcrPage& page, const std::vector<TextBlock>& blocks, int dpi);

// Puts the words read into those blocks, in their order: a line that crossed
// a gutter is split there, each block's lines stay in the order they were
// read, and the text is written again column piece by column piece. A page
// whose order already agrees (every single-column page) is left exactly as
// it was. Returns whether the order changed.
bool OrderByBlocks(OcrPage& page, const std::vector<TextBlock>& blocks);

// A column of small print beside a letter's subject can stand so close
// that no white gap shows it (1.5 mm on a real letter: a word space).
// What shows it is its left edge: lines one under another each go on,
// after a space, at one place across the page, and lines below or above
// begin there with nothing to their left. Such lines are split there, the
// text to the left read before the column (each a block of its own). Not a
// form's values set at a tab, their labels ending in ':', nor a list's
// numbers before their items (too narrow to be text of their own). Returns
// whether the page changed (its text then written again block by block).
bool SplitAtLeftEdges(OcrPage& page, int dpi);

}  // namespace hoso
