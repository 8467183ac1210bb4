// Salt-and-pepper noise (dust on the glass, a dirty feeder, a bad fax) is
// measured as the share of pixels far from their 3x3 median, and removed by
// that median only when there is enough of it to matter: a median costs
// clean pages a little sharpness.
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <vector>

#include "cleanup/cleanup.h"

namespace hoso {

double ImpulseNoiseFraction(const cv::Mat& gray) {
  if (gray.empty()) return 0;
  // Noise from dust, feeders and faxes covers the page evenly: 16 strips of
  // 32 rows (a seventh of an A4 page at 300 dpi) measure it as well as the
  // whole page does, at a seventh of the cost.
  constexpr int kStrips = 16, kRows = 32;
  std::vector<cv::Range> strips;
  if (gray.rows < 4 * kStrips * kRows) {
    strips.emplace_back(0, gray.rows);
  } else {
    for (int i = 0; i < kStrips; ++i) {
      const int top = (gray.rows - kRows) * (2 * i + 1) / (2 * kStrips);
      strips.emplace_back(top, top + kRows);
    }
  }
  long noisy = 0, seen = 0;
  cv::Mat median, diff;
  for (const cv::Range& r : strips) {
    // One row either side, so the median of the strip's edge rows is true.
    const cv::Range padded(std::max(0, r.start - 1), std::min(gray.rows, r.end + 1));
    const cv::Mat strip = gray.rowRange(padded);
    cv::medianBlur(strip, median, 3);
    cv::absdiff(strip, median, diff);
    const cv::Mat inner = diff.rowRange(r.start - padded.start, r.end - padded.start);
    noisy += cv::countNonZero(inner > 100);
    seen += static_cast<long>(inner.total());
  }
  return static_cast<double>(noisy) / static_cast<double>(std::max(seen, 1L));
}

bool Despeckle(cv::Mat& gray, const DespeckleOptions& options) {
  if (!options.enabled || gray.empty()) return false;
  if (ImpulseNoiseFraction(gray) < options.min_impulse_fraction) return false;
  cv::medianBlur(gray, gray, 3);
  return true;
}

}  // namespace hoso
