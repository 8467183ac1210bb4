// Blank-page detection: ink that stands out from its local background,
// ignoring the margins, dust and faint bleed-through from the back side.
#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"
#include "cleanup/components.h"
#include "cleanup/geometry.h"
#include "cleanup/text_scale.h"

namespace hoso {

BlankVerdict DetectBlank(const cv::Mat& gray, int dpi, const BlankOptions& options) {
  BlankVerdict verdict;
  if (gray.empty()) {
    verdict.blank = true;
    return verdict;
  }
  const int mx = static_cast<int>(gray.cols * options.margin);
  const int my = static_cast<int>(gray.rows * options.margin);
  cv::Mat inner = gray(cv::Rect(mx, my, gray.cols - 2 * mx, gray.rows - 2 * my));
  // Work at ~100 dpi: enough for ink, and fast.
  const double scale = dpi > 100 ? 100.0 / dpi : 1.0;
  cv::Mat small;
  small = Shrink(inner, scale);
  // Ink is darker than the local background by a clear margin; flat grey
  // paper, uneven light and faint bleed-through are not.
  // The local background: the median over ~8 mm, taken at 25 dpi (a
  // median of 9 there) and spread back, which is 16 times cheaper than at
  // 100 dpi and as blind to strokes.
  cv::Mat tiny, background, diff, ink;
  tiny = Shrink(small, 0.25);
  if (tiny.rows < 9 || tiny.cols < 9) {
    cv::medianBlur(small, background, 31);
  } else {
    cv::medianBlur(tiny, tiny, 9);
    cv::resize(tiny, background, small.size(), 0, 0, cv::INTER_LINEAR);
  }
  cv::subtract(background, small, diff);
  cv::threshold(diff, ink, 60, 255, cv::THRESH_BINARY);
  cv::Mat labels, stats, centroids;
  const int n = LabelInkComponents(ink, labels, stats, centroids);
  const double min_area = options.min_blob_area_300dpi * (100.0 / 300.0) * (100.0 / 300.0) * 9;
  double ink_pixels = 0;
  for (int i = 1; i < n; ++i) {
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (area >= min_area) ink_pixels += area;
  }
  verdict.ink_fraction = ink_pixels / std::max(1, small.rows * small.cols);
  // A few short lines (a receipt's, a note's) are little ink but plainly
  // text: letters side by side in rows. Such a page is read.
  verdict.text_components = static_cast<int>(LetterHeightsInRows(stats, ink.rows).size());
  verdict.blank =
      verdict.ink_fraction < options.min_ink_fraction && verdict.text_components < options.min_text_components;
  return verdict;
}

}  // namespace hoso
