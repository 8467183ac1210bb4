// Reading a page the way a clerk does: find the printed labels among the
// OCR words (whatever OCR did to their tone marks or a letter), take the
// value to the right of each label, or on the next line when the label
// stands alone, up to the next label, without the dotted leaders.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/ocr_page.h"
#include "core/record.h"
#include "extract/templates.h"

namespace hoso {

// One OCR line with its words split into comparison tokens (bare letters).
struct LineView {
  const OcrLine* line = nullptr;
  struct Token {
    std::string ascii;
    int word = 0;  // index into line->words
  };
  std::vector<Token> tokens;
  bool has_colon = false;
  std::string text;
};
std::vector<LineView> PageLines(const OcrPage& page);
// A text's words as bare lower-case letters (vn::MakeKey Ascii).
std::vector<std::string> AsciiTokens(const std::string& text);
// The same of a line, from its tokens.
std::vector<std::string> AsciiTokens(const LineView& line);

// Same word despite OCR: bare letters equal, or one letter off in a word
// of four letters or more.
bool TokenMatch(const std::string& a, const std::string& b);

// A value as read, before normalisation, with where it was.
struct RawField {
  std::string text;
  double confidence = 0;
  Box box;
  int page = 0;
};

// The fields of `doc` found on one page, by key (first occurrence wins).
std::map<std::string, RawField> ReadFields(const std::vector<LineView>& lines, int page_index, const DocTemplate& doc);

// A "label: value" as printed, wherever it stands: at the start of a line
// or after another value on it ("Ngày sinh: 01/02/1980 ....... Giới tính:
// Nam"), with its value, or the line under it when nothing follows the
// colon.
struct LabelledValue {
  std::string label;                // as printed, without item number and colon
  std::vector<std::string> tokens;  // its words' bare letters
  RawField value;                   // empty: nothing after the colon, nor under it
  size_t line = 0;                  // index of the label's line
  size_t last_line = 0;             // of the value's last line
};
// Every labelled value of a page, in reading order. Where one line holds
// several, a value ends at the next label: after a dotted leader, at a wide
// gap, or where the words before the next colon read as a label.
std::vector<LabelledValue> ReadLabelledValues(const std::vector<LineView>& lines, int page_index);
// A line that opens with an item's number ("3.", "10.", "a)").
bool StartsWithItemNumber(const LineView& l);
// Addresses wrap: up to two following lines with no colon, no item number,
// no boilerplate, read with some confidence, join `v`'s value.
void JoinWrappedLines(const std::vector<LineView>& lines, LabelledValue& v);

struct Classification {
  std::string type;  // empty: no title matched
  int score = 0;     // title tokens matched
};
// Which template's title the page carries (titles are lines without a colon).
Classification ClassifyPage(const std::vector<LineView>& lines, const Templates& templates);

}  // namespace hoso
