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

// A value as read, before normalisation, with where it was.
struct RawField {
  std::string text;
  double confidence = 0;
  Box box;
  int page = 0;
};

// The fields of `doc` found on one page, by key (first occurrence wins).
std::map<std::string, RawField> ReadFields(const std::vector<LineView>& lines, int page_index, const DocTemplate& doc);

struct Classification {
  std::string type;  // empty: no title matched
  int score = 0;     // title tokens matched
};
// Which template's title the page carries (titles are lines without a colon).
Classification ClassifyPage(const std::vector<LineView>& lines, const Templates& templates);

}  // namespace hoso
