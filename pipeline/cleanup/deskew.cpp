// Skew estimation by projection profiles: rotate the ink of a reduced page
// through candidate angles and keep the one whose row sums are sharpest
// (text lines and the gaps between them line up). Coarse, then fine.
#include <opencv2/imgproc.hpp>

#include <cmath>

#include "cleanup/cleanup.h"
#include "cleanup/components.h"
#include "cleanup/geometry.h"
#include "cleanup/profile.h"

namespace hoso {

cv::Mat Rotate(const cv::Mat& image, double angle_deg) {
  if (image.type() == CV_8UC1 && std::abs(angle_deg) <= 45) return ShearRotate(image, angle_deg);
  cv::Mat out;
  const cv::Point2f c(image.cols / 2.f, image.rows / 2.f);
  const cv::Scalar white = image.channels() == 1 ? cv::Scalar(255) : cv::Scalar(255, 255, 255);
  cv::warpAffine(image, out, cv::getRotationMatrix2D(c, -angle_deg, 1.0), image.size(), cv::INTER_LINEAR,
                 cv::BORDER_CONSTANT, white);
  return out;
}

SkewEstimate EstimateSkew(const cv::Mat& gray, int dpi, const DeskewOptions& options) {
  SkewEstimate est;
  if (gray.empty()) return est;
  // ~75 dpi is enough to see lines; text-line ink only (no big dark areas).
  const double scale = std::min(1.0, 75.0 / std::max(dpi, 1));
  cv::Mat small, ink;
  small = Shrink(gray, scale);
  cv::adaptiveThreshold(small, ink, 1, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 15, 12);
  // Drop components far larger than characters (borders, photos, stamps' rings),
  // ruled lines and the edges of dark borders (thin and long: they would
  // pull the profile to their own angle, often the scanner's 0°), and
  // anything touching the page's edge.
  const int max_side = static_cast<int>(75 * 0.5);  // half an inch at 75 dpi
  KeepComponents(ink, 1, [&](const cv::Rect& r, int) {
    const bool thin_line = r.height <= 2 && r.width > 8 * r.height;
    const bool at_edge = r.x == 0 || r.y == 0 || r.x + r.width >= ink.cols || r.y + r.height >= ink.rows;
    return !(r.width > max_side * 4 || r.height > max_side || thin_line || at_edge);
  });
  const InkProfile profile(ink);
  if (profile.pixels() < 50) return est;
  double best = 0, mean = 0;
  const double coarse = profile.Search(-options.max_angle, options.max_angle, 0.5, &best, &mean);
  const double fine = profile.Search(coarse - 0.5, coarse + 0.5, 0.05, &best);
  est.angle_deg = std::round(fine * 100) / 100;
  // How far the peak stands above the average angle: near 0 for pages
  // without lines (photos, noise), near 1 for text.
  est.confidence = best > 0 ? std::clamp((best - mean) / best, 0.0, 1.0) : 0.0;
  return est;
}

}  // namespace hoso
