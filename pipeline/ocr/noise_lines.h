// Lines Tesseract reads out of what is not text: a signature's strokes, a
// stamp's rim, a rule, a card's edge, the speckle of a damaged scan
// ("—— TT —<`—=—<_", "„đổ WEupem- xe"). They carry nothing and cost the
// text its accuracy (on a generated damaged set, 0.24% of all characters),
// so they are dropped from the page's lines and its text.
#pragma once

#include <string>

#include "core/ocr_page.h"

namespace hoso {

// A line that is noise: either at least half its characters are neither
// letters nor digits and no word in it is a sure reading (two letters or
// digits or more at confidence 0.85), or Tesseract is unsure of nearly all
// of it (mean word confidence under 0.35, under 30% of its characters in
// words read at 0.6 or more: a stamp's rim read as "vì na sZ (UU/L_"; real
// lines of a damaged page read at 0.8 and above, and a name crossed by a
// signature keeps its sure words).
bool IsNoiseLine(const OcrLine& line);

// A line read surely enough to add it where Tesseract's page layout saw
// none: not noise, a mean word confidence of 0.75 or more and a sure word.
bool IsSureLine(const OcrLine& line);

// The letters and digits in a word (marks and punctuation are not).
int LettersAndDigits(const std::string& word);

// A word read surely: two letters or digits or more at confidence 0.85.
bool IsSureWord(const OcrWord& word);

// Drops noise lines from the page's blocks and, when any went, rebuilds its
// text from what is left (lines one to a row, blocks a blank line apart).
void DropNoiseLines(OcrPage& page);

}  // namespace hoso
