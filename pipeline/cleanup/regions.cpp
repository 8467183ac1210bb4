// Solid dark regions that carry no text: scanner borders, punch-hole
// shadows, the photo on an ID copy. Text is dark and busy (strokes and
// gaps alternate within a few millimetres); these are dark and smooth. At
// ~50 dpi, where scanner noise averages out, a pixel clearly darker than
// the paper whose neighbourhood barely varies belongs to such a region;
// regions at least a few millimetres a side are painted with the paper's
// level before the illumination step (which would otherwise turn a grey
// photo into a frame of grey edges that Tesseract reads as letters).
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "cleanup/cleanup.h"

namespace hoso {

int RemoveSolidRegions(cv::Mat& gray, int dpi, const SolidRegionOptions& options) {
  if (!options.enabled || gray.empty() || gray.type() != CV_8UC1) return 0;
  const double scale = std::min(1.0, 50.0 / std::max(dpi, 1));
  const double small_dpi = std::max(dpi, 1) * scale;
  cv::Mat small;
  cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_AREA);
  // The paper: the brightest common level (the 75th percentile of the page).
  int hist[256] = {0};
  for (int y = 0; y < small.rows; ++y)
    for (int x = 0; x < small.cols; ++x) ++hist[small.at<uchar>(y, x)];
  long seen = 0;
  int paper = 0;
  while (paper < 255 && (seen += hist[paper]) < static_cast<long>(small.total()) * 3 / 4) ++paper;
  // Local texture: the standard deviation over ~2.5 mm.
  cv::Mat f, mean, sq_mean;
  small.convertTo(f, CV_32F);
  const cv::Size window(5, 5);
  cv::boxFilter(f, mean, CV_32F, window);
  cv::boxFilter(f.mul(f), sq_mean, CV_32F, window);
  cv::Mat var = sq_mean - mean.mul(mean);
  cv::Mat candidate(small.size(), CV_8UC1);
  for (int y = 0; y < small.rows; ++y) {
    const float* v = var.ptr<float>(y);
    const uchar* s = small.ptr<uchar>(y);
    uchar* c = candidate.ptr<uchar>(y);
    for (int x = 0; x < small.cols; ++x)
      c[x] = (paper - s[x] > options.min_darkness && std::sqrt(std::max(v[x], 0.f)) < options.max_texture) ? 255 : 0;
  }
  cv::morphologyEx(candidate, candidate, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  // The texture window shaved its half-width off every region: give it back.
  cv::dilate(candidate, candidate, cv::getStructuringElement(cv::MORPH_RECT, window));
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(candidate, labels, stats, centroids, 8, CV_32S);
  const int min_side = std::max(3, static_cast<int>(std::lround(options.min_side_mm * small_dpi / 25.4)));
  // Each region is filled at full resolution as the rotated rectangle
  // around it (photos, borders and the squares round punch holes), a little
  // larger: its rim, blurred by the scan, goes too, without staircase edges.
  const double margin = 1.2 * dpi / 25.4;
  int regions = 0;
  std::vector<cv::Point> points;
  for (int i = 1; i < n; ++i) {
    const int x0 = stats.at<int>(i, cv::CC_STAT_LEFT), y0 = stats.at<int>(i, cv::CC_STAT_TOP);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (w < min_side || h < min_side || area < w * h / 2) continue;  // too small, or not solid
    points.clear();
    for (int y = y0; y < y0 + h; ++y)
      for (int x = x0; x < x0 + w; ++x)
        if (labels.at<int>(y, x) == i) points.emplace_back(x, y);
    cv::RotatedRect r = cv::minAreaRect(points);
    r.center = cv::Point2f(static_cast<float>((r.center.x + 0.5) / scale), static_cast<float>((r.center.y + 0.5) / scale));
    r.size = cv::Size2f(static_cast<float>((r.size.width + 1) / scale + 2 * margin),
                        static_cast<float>((r.size.height + 1) / scale + 2 * margin));
    cv::Point2f corners[4];
    r.points(corners);
    std::vector<cv::Point> poly;
    for (const auto& c : corners) poly.emplace_back(cvRound(c.x), cvRound(c.y));
    cv::fillConvexPoly(gray, poly, cv::Scalar(paper), cv::LINE_8);
    ++regions;
  }
  return regions;
}

}  // namespace hoso
