// Salt-and-pepper noise (dust on the glass, a dirty feeder, a bad fax) is
// measured as the share of pixels far from their 3x3 median, and removed by
// that median only when there is enough of it to matter: a median costs
// clean pages a little sharpness.
#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"

namespace hoso {

double ImpulseNoiseFraction(const cv::Mat& gray) {
  if (gray.empty()) return 0;
  cv::Mat median, diff;
  cv::medianBlur(gray, median, 3);
  cv::absdiff(gray, median, diff);
  return static_cast<double>(cv::countNonZero(diff > 100)) / static_cast<double>(gray.total());
}

bool Despeckle(cv::Mat& gray, const DespeckleOptions& options) {
  if (!options.enabled || gray.empty()) return false;
  if (ImpulseNoiseFraction(gray) < options.min_impulse_fraction) return false;
  cv::medianBlur(gray, gray, 3);
  return true;
}

}  // namespace hoso
