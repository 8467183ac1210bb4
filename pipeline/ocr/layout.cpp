#include "ocr/layout.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "cleanup/geometry.h"

namespace hoso {

ColumnEvidence FindColumns(const cv::Mat& gray, int dpi) {
  ColumnEvidence evidence;
  if (gray.empty() || gray.type() != CV_8UC1) return evidence;
  const double scale = std::min(1.0, 75.0 / std::max(dpi, 1));
  const cv::Mat small = Shrink(gray, scale);
  const double mm = std::max(dpi, 1) * scale / 25.4;
  cv::Mat ink, smear;
  cv::adaptiveThreshold(small, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 15, 15);
  // Text only: frames, rules, photos and the card outline of an ID copy
  // (taller than 6 mm or wider than 30 mm) would make gutters of their own.
  KeepComponents(ink, 255, [&](const cv::Rect& r, int) { return r.height <= 6 * mm && r.width <= 30 * mm; });
  // Letters and the spaces between words (~1-2 mm) join into one run; a
  // gutter stays open.
  const int join = std::max(3, static_cast<int>(std::lround(2.5 * mm)) | 1);
  cv::dilate(ink, smear, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(join, 1)));
  const int min_gap = static_cast<int>(std::lround(4 * mm));
  const double bin = std::max(1.0, 2 * mm);
  std::vector<int> ends(static_cast<size_t>(small.cols / bin) + 2, 0);
  // Scanner edges (a margin of 5% each side) are not a column's edge.
  const int x0 = small.cols / 20, x1 = small.cols - small.cols / 20;
  for (int y = 0; y < smear.rows; ++y) {
    const uchar* row = smear.ptr<uchar>(y);
    int last_ink = -1;
    bool any = false;
    for (int x = x0; x < x1; ++x) {
      if (!row[x]) continue;
      any = true;
      if (last_ink >= 0 && x - last_ink - 1 >= min_gap) ++ends[static_cast<size_t>(x / bin)];
      last_ink = x;
    }
    evidence.text_rows += any;
  }
  // The commonest place a gap ends, give or take a bin (a row counts once
  // per place; ragged line ends move where gaps start, not where they end).
  for (size_t b = 1; b + 1 < ends.size(); ++b) {
    const int rows = ends[b - 1] + ends[b] + ends[b + 1];
    if (rows > evidence.gutter_rows) {
      evidence.gutter_rows = rows;
      evidence.gutter_x = (b + 0.5) * bin / std::max(1, small.cols);
    }
  }
  return evidence;
}

}  // namespace hoso
