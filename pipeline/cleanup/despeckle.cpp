// Salt-and-pepper noise (dust on the glass, a dirty feeder, a bad fax) is
// measured as specks: ink components of a few pixels, counted per square
// centimetre, and removed with a 3x3 median only when there are enough of
// them to matter: a median costs clean pages a little sharpness (the thin
// strokes of a serif face at 200 dpi are a pixel wide).
//
// Specks are judged against the page's own contrast, not a fixed level: on
// a faded page scanned at 200 dpi, pepper noise shrunk and smeared by JPEG
// is a grey dot as pale as the faded text, but it is still a dot of a
// pixel or two alone on the paper, and text is not made of those.
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "cleanup/cleanup.h"
#include "cleanup/components.h"
#include "cleanup/geometry.h"

namespace hoso {
double SpeckDensity(const cv::Mat& gray, int dpi) {
  if (gray.empty() || gray.type() != CV_8UC1) return 0;
  dpi = std::max(dpi, 50);
  // Noise covers the page evenly: 10 strips of ~2 mm (a fifteenth of an A4
  // page) measure it as well as the whole page does, at a fifteenth of the cost.
  constexpr int kStrips = 10;
  const int strip_rows = std::max(16, static_cast<int>(std::lround(2.0 * dpi / 25.4)));
  std::vector<cv::Range> strips;
  if (gray.rows < 4 * kStrips * strip_rows) {
    strips.emplace_back(0, gray.rows);
  } else {
    for (int i = 0; i < kStrips; ++i) {
      const int top = (gray.rows - strip_rows) * (2 * i + 1) / (2 * kStrips);
      strips.emplace_back(top, top + strip_rows);
    }
  }
  // The paper's and the ink's levels, at half resolution (the mean of
  // each 2x2 block: a speck there is mostly paper, a stroke still ink).
  std::vector<long> hist(256, 0);
  long total = 0;
  for (const cv::Range& r : strips) {
    const cv::Mat half = Shrink(gray.rowRange(r), 0.5);
    for (int y = 0; y < half.rows; ++y) {
      const uchar* m = half.ptr<uchar>(y);
      for (int x = 0; x < half.cols; ++x) ++hist[m[x]];
    }
    total += static_cast<long>(half.total());
  }
  const int paper = Percentile(hist, total, 0.9), ink = Percentile(hist, total, 0.005);
  if (paper - ink < 40) return 0;  // no ink to speak of
  const double threshold = paper - 0.4 * (paper - ink);
  // A speck: at most ~0.045 mm² (six pixels at 300 dpi), or four pixels (a
  // pixel of noise at 300 dpi, reduced and smeared, spans 2x2 at 200).
  const double px_per_mm = dpi / 25.4;
  const int max_area = std::max(4, static_cast<int>(std::lround(0.045 * px_per_mm * px_per_mm)));
  long specks = 0;
  double area_mm2 = 0;
  cv::Mat dark, labels, stats, centroids;
  for (const cv::Range& r : strips) {
    const cv::Mat strip = gray.rowRange(r);
    cv::threshold(strip, dark, threshold, 255, cv::THRESH_BINARY_INV);
    const int n = LabelInkComponents(dark, labels, stats, centroids);
    for (int i = 1; i < n; ++i) {
      const int top = stats.at<int>(i, cv::CC_STAT_TOP), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
      if (top == 0 || top + h == strip.rows) continue;  // cut by the strip: not known to be small
      specks += stats.at<int>(i, cv::CC_STAT_AREA) <= max_area;
    }
    area_mm2 += strip.total() / (px_per_mm * px_per_mm);
  }
  return area_mm2 > 0 ? specks / (area_mm2 / 100.0) : 0;
}

bool Despeckle(cv::Mat& gray, int dpi, const DespeckleOptions& options) {
  if (!options.enabled || gray.empty() || dpi < options.min_dpi) return false;
  if (SpeckDensity(gray, dpi) < options.min_specks_per_cm2) return false;
  cv::medianBlur(gray, gray, 3);
  return true;
}

}  // namespace hoso
