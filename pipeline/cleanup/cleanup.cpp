#include "cleanup/cleanup.h"

#include <opencv2/imgproc.hpp>

namespace hoso {

Status CleanupOptions::Validate() const {
  if (blank.min_ink_fraction < 0 || blank.min_ink_fraction > 0.5)
    return Status::Error(ErrorCode::kInvalidArgument, "blank.min_ink_fraction must be 0..0.5");
  if (blank.margin < 0 || blank.margin >= 0.5)
    return Status::Error(ErrorCode::kInvalidArgument, "blank.margin must be 0..0.5");
  return Status::Ok();
}

cv::Mat ToGray(const cv::Mat& image) {
  if (image.channels() == 1) return image;
  cv::Mat gray;
  cv::cvtColor(image, gray, image.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
  return gray;
}

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
  cv::resize(inner, small, cv::Size(), scale, scale, cv::INTER_AREA);
  // Ink is darker than the local background by a clear margin; flat grey
  // paper, uneven light and faint bleed-through are not.
  cv::Mat background, ink;
  cv::medianBlur(small, background, 31);
  cv::Mat diff;
  cv::subtract(background, small, diff);
  cv::threshold(diff, ink, 60, 255, cv::THRESH_BINARY);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8);
  const double min_area = options.min_blob_area_300dpi * (100.0 / 300.0) * (100.0 / 300.0) * 9;
  double ink_pixels = 0;
  for (int i = 1; i < n; ++i) {
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (area >= min_area) ink_pixels += area;
  }
  verdict.ink_fraction = ink_pixels / std::max(1, small.rows * small.cols);
  verdict.blank = verdict.ink_fraction < options.min_ink_fraction;
  return verdict;
}

Result<CleanPage> Clean(const SourcePage& page, const CleanupOptions& options) {
  if (Status s = options.Validate(); !s.ok()) return s;
  if (page.image.empty()) return Status::Error(ErrorCode::kInvalidArgument, "empty page image");
  CleanPage out;
  out.index = page.index;
  out.dpi = page.dpi;
  out.color = page.image;
  out.gray = ToGray(page.image);
  out.blank = DetectBlank(out.gray, page.dpi, options.blank).blank;
  return out;
}

}  // namespace hoso
