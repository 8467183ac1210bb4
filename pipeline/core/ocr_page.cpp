#include "core/ocr_page.h"

#include <algorithm>

namespace hoso {

Box Union(const Box& a, const Box& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  const int x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  const int x1 = std::max(a.x + a.w, b.x + b.w), y1 = std::max(a.y + a.h, b.y + b.h);
  return Box{x0, y0, x1 - x0, y1 - y0};
}

std::string OcrLine::Text() const {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w.text;
  }
  return out;
}

int OcrPage::word_count() const {
  int n = 0;
  for (const auto& b : blocks)
    for (const auto& l : b.lines) n += static_cast<int>(l.words.size());
  return n;
}

}  // namespace hoso
