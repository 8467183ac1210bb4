// Form pages built by hand for the extraction tests: each line's words
// with boxes, left to right, and the extraction options of the models.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extract.h"

namespace hoso {
namespace test {

// Each line's words 20 px apart ("<gap>" leaves 800 px: another column).
inline OcrPage PageOf(const std::vector<std::string>& lines, double confidence = 0.9) {
  OcrPage page;
  page.width = 2480;
  page.height = 3508;
  OcrBlock block;
  int y = 100;
  for (const std::string& text : lines) {
    OcrLine line;
    std::istringstream in(text);
    int x = 200;
    for (std::string w; in >> w;) {
      if (w == "<gap>") {  // a column's gap
        x += 800;
        continue;
      }
      OcrWord word{w, Box{x, y, static_cast<int>(w.size()) * 20, 40}, confidence};
      x += word.box.w + 20;
      line.box = Union(line.box, word.box);
      line.words.push_back(word);
    }
    block.lines.push_back(line);
    page.text += text + "\n";
    y += 70;
  }
  page.blocks.push_back(block);
  return page;
}

inline ExtractOptions Options() {
  ExtractOptions o;
  auto t = Templates::Load(Templates::DefaultDir());
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  o.templates = *t;
  auto n = NameList::Load(NameList::DefaultDir());
  EXPECT_TRUE(n.ok());
  o.names = std::make_shared<NameList>(std::move(n).value());
  return o;
}

}  // namespace test
}  // namespace hoso
