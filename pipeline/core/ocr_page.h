// OcrPage: hoso's own copy of what the OCR engine read on one page —
// blocks, lines and words, each with its box (pixels of the cleaned page)
// and confidence (0..1). No Tesseract or Leptonica type appears here, so
// extraction and validation are tested without images.
#pragma once

#include <string>
#include <vector>

namespace hoso {

struct Box {
  int x = 0;
  int y = 0;
  int w = 0;
  int h = 0;
  bool empty() const { return w <= 0 || h <= 0; }
  bool operator==(const Box&) const = default;
};

// The smallest box holding both (an empty box is ignored).
Box Union(const Box& a, const Box& b);

struct OcrWord {
  std::string text;  // UTF-8, NFC as the engine produced it
  Box box;
  double confidence = 0;  // 0..1
};

struct OcrLine {
  Box box;
  std::vector<OcrWord> words;
  std::string Text() const;  // words joined by single spaces
};

struct OcrBlock {
  Box box;
  std::vector<OcrLine> lines;
};

struct OcrPage {
  int width = 0;
  int height = 0;
  std::vector<OcrBlock> blocks;
  std::string text;            // the engine's own plain-text rendering
  double mean_confidence = 0;  // 0..1, over all words
  bool turned_over = false;    // read turned 180° (the image given was upside down)
  int word_count() const;
};

}  // namespace hoso
