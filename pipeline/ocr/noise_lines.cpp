#include "ocr/noise_lines.h"

#include <algorithm>
#include <string>

#include "core/vn_text.h"

namespace hoso {

namespace {

bool IsLetterOrDigit(const vn::Glyph& g) { return g.letter || (g.base >= U'0' && g.base <= U'9'); }

}  // namespace

int LettersAndDigits(const std::string& word) {
  int n = 0;
  for (const vn::Glyph& g : vn::Decode(word)) n += IsLetterOrDigit(g);
  return n;
}

bool IsSureWord(const OcrWord& word) { return LettersAndDigits(word.text) >= 2 && word.confidence >= 0.85; }

bool IsNoiseLine(const OcrLine& line) {
  if (line.words.empty()) return false;
  int chars = 0, symbols = 0, fair_chars = 0;
  bool sure_word = false;
  double confidence = 0;
  for (const OcrWord& word : line.words) {
    int alnum = 0;
    for (const vn::Glyph& g : vn::Decode(word.text)) {
      if (g.base == U' ') continue;
      ++chars;
      symbols += !IsLetterOrDigit(g);
      alnum += IsLetterOrDigit(g);
    }
    sure_word |= IsSureWord(word);
    if (word.confidence >= 0.6) fair_chars += alnum;
    confidence += word.confidence;
  }
  if (chars == 0) return true;  // blanks read out of a smudge
  confidence /= static_cast<double>(line.words.size());
  const bool graphics = chars > 0 && 2 * symbols >= chars && !sure_word;
  const bool unreadable = confidence < 0.35 && fair_chars * 10 < chars * 3;
  return graphics || unreadable;
}

bool IsSureLine(const OcrLine& line) {
  if (line.words.empty() || IsNoiseLine(line)) return false;
  double confidence = 0;
  bool sure_word = false;
  for (const OcrWord& word : line.words) {
    confidence += word.confidence;
    sure_word |= IsSureWord(word);
  }
  return sure_word && confidence >= 0.75 * static_cast<double>(line.words.size());
}

void DropNoiseLines(OcrPage& page) {
  bool dropped = false;
  for (OcrBlock& block : page.blocks) {
    const size_t before = block.lines.size();
    std::erase_if(block.lines, IsNoiseLine);
    dropped |= block.lines.size() != before;
  }
  if (!dropped) return;
  std::erase_if(page.blocks, [](const OcrBlock& b) { return b.lines.empty(); });
  std::string text;
  for (const OcrBlock& block : page.blocks) {
    for (const OcrLine& line : block.lines) text += line.Text() + "\n";
    text += "\n";
  }
  page.text = std::move(text);
}

}  // namespace hoso
