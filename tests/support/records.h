// Records built by hand for the tests of the registry, the review station
// and the exports: the pieces every such test needs.
#pragma once

#include <string>

#include "core/record.h"

namespace hoso::test {

// Page `index` of a dossier: A4 at 300 dpi (2480 x 3508), with `text`.
inline PageRecord A4Page(int index, const std::string& text = "") {
  PageRecord p;
  p.index = index;
  p.width = 2480;
  p.height = 3508;
  p.dpi = 300;
  p.text = text;
  p.ocr_confidence = 0.9;  // read well
  return p;
}

}  // namespace hoso::test
