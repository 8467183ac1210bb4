// Dotted leaders: the ". . . . ." that forms print for a value to be written
// on. Tesseract reads long runs of them as garbage ("££22EE…") and loses the
// value beside them, so they are erased before OCR. A leader is a run of
// small, evenly spaced blobs on one baseline; the periods of running text
// are too few to qualify.
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

#include "cleanup/cleanup.h"
#include "cleanup/geometry.h"

namespace hoso {

int RemoveLeaders(cv::Mat& gray, int dpi, const LeaderOptions& options) {
  if (gray.empty() || gray.type() != CV_8UC1) return 0;
  // Dots are found at ~150 dpi (a leader dot is still 2-3 pixels there, and
  // the page has a quarter of the pixels), and erased at full resolution.
  const double scale = std::min(1.0, 150.0 / std::max(dpi, 1));
  const cv::Mat small = Shrink(gray, scale);
  const double small_dpi = dpi * scale;
  cv::Mat ink;
  cv::adaptiveThreshold(small, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV,
                        (static_cast<int>(small_dpi / 10) | 1), 20);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S, cv::CCL_BBDT);
  // A dot of 10-14 pt type is ~0.3-0.6 mm: at most ~1 mm each side.
  const double mm = std::max(small_dpi, 72.0) / 25.4;
  const int max_side = static_cast<int>(std::ceil(1.0 * mm));
  struct Dot {
    int label;
    double x, y;
  };
  std::vector<Dot> dots;
  for (int i = 1; i < n; ++i) {
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (w <= max_side && h <= max_side && area >= 1 && w <= 2.5 * h && h <= 2.5 * w)
      dots.push_back({i, centroids.at<double>(i, 0), centroids.at<double>(i, 1)});
  }
  // Rows: sort by y, then chain dots left to right with near-constant gaps.
  std::sort(dots.begin(), dots.end(), [](const Dot& a, const Dot& b) { return a.y < b.y; });
  std::vector<uchar> erase(n, 0);
  int runs = 0;
  const double row_tol = 0.5 * mm, max_gap = 3.0 * mm;
  size_t start = 0;
  while (start < dots.size()) {
    size_t end = start;
    while (end < dots.size() && dots[end].y - dots[start].y <= row_tol) ++end;
    std::vector<Dot> row(dots.begin() + static_cast<long>(start), dots.begin() + static_cast<long>(end));
    std::sort(row.begin(), row.end(), [](const Dot& a, const Dot& b) { return a.x < b.x; });
    size_t r0 = 0;
    for (size_t i = 1; i <= row.size(); ++i) {
      const bool breaks = i == row.size() || row[i].x - row[i - 1].x > max_gap ||
                          std::abs(row[i].y - row[i - 1].y) > row_tol;
      if (!breaks) continue;
      if (i - r0 >= static_cast<size_t>(options.min_dots)) {
        // Even spacing: gaps within 40% of their median.
        std::vector<double> gaps;
        for (size_t k = r0 + 1; k < i; ++k) gaps.push_back(row[k].x - row[k - 1].x);
        std::vector<double> sorted = gaps;
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2), sorted.end());
        const double med = sorted[sorted.size() / 2];
        const size_t even = std::count_if(gaps.begin(), gaps.end(),
                                          [&](double g) { return std::abs(g - med) <= 0.4 * med; });
        if (even >= gaps.size() * 8 / 10) {
          for (size_t k = r0; k < i; ++k) erase[row[k].label] = 1;
          ++runs;
        }
      }
      r0 = i;
    }
    start = end;
  }
  if (!runs) return 0;
  // Each erased dot's box, back at full resolution with a pixel to spare
  // (the box held nothing but the dot at the reduced size).
  const cv::Rect page(0, 0, gray.cols, gray.rows);
  for (int i = 1; i < n; ++i) {
    if (!erase[i]) continue;
    const cv::Rect box(static_cast<int>(std::floor(stats.at<int>(i, cv::CC_STAT_LEFT) / scale)) - 1,
                       static_cast<int>(std::floor(stats.at<int>(i, cv::CC_STAT_TOP) / scale)) - 1,
                       static_cast<int>(std::ceil(stats.at<int>(i, cv::CC_STAT_WIDTH) / scale)) + 2,
                       static_cast<int>(std::ceil(stats.at<int>(i, cv::CC_STAT_HEIGHT) / scale)) + 2);
    gray(box & page).setTo(255);
  }
  return runs;
}

}  // namespace hoso
