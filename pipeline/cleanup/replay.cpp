// The page as the pipeline read it, made again from the scan (see
// ReplayPage in cleanup.h).
#include <opencv2/imgproc.hpp>

#include <cmath>

#include "cleanup/cleanup.h"

namespace hoso {

cv::Mat ReplayPage(const cv::Mat& scan, int width, int rotation, double skew_deg) {
  if (scan.empty()) return {};
  cv::Mat image = ToGray(scan);
  const int across = rotation % 180 ? image.rows : image.cols;
  const double scale = across > 0 && width > 0 ? static_cast<double>(width) / across : 1.0;
  if (std::abs(scale - 1.0) > 0.002)
    cv::resize(image, image, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
  image = RotateClockwise(image, rotation);
  if (skew_deg != 0) image = Rotate(image, skew_deg);
  return image;
}

}  // namespace hoso
