// A photographed sheet: the paper is the large bright region of the photo;
// its outline, simplified to four corners, is the quadrilateral the camera
// saw, and a perspective warp makes it the rectangle it was.
#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"
#include "cleanup/geometry.h"

namespace hoso {
namespace {

double Distance(const cv::Point2f& a, const cv::Point2f& b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Corners in order: top-left, top-right, bottom-right, bottom-left.
std::array<cv::Point2f, 4> Ordered(const std::vector<cv::Point>& quad, double scale) {
  std::array<cv::Point2f, 4> out;
  auto pick = [&](auto better) {
    cv::Point best = quad[0];
    for (const auto& p : quad)
      if (better(p, best)) best = p;
    return cv::Point2f(static_cast<float>(best.x / scale), static_cast<float>(best.y / scale));
  };
  out[0] = pick([](const cv::Point& a, const cv::Point& b) { return a.x + a.y < b.x + b.y; });
  out[2] = pick([](const cv::Point& a, const cv::Point& b) { return a.x + a.y > b.x + b.y; });
  out[1] = pick([](const cv::Point& a, const cv::Point& b) { return a.x - a.y > b.x - b.y; });
  out[3] = pick([](const cv::Point& a, const cv::Point& b) { return a.x - a.y < b.x - b.y; });
  return out;
}

// How sharp the quadrilateral's weakest side is: along each side, the
// steepest brightness change across it within a few pixels, per pixel (its
// median over the side). A sheet's edge on a desk is a step; the edge of a
// shadow across the sheet, which a bright region can also end at, is a slope.
double WeakestEdge(const cv::Mat& small, const std::vector<cv::Point>& quad) {
  cv::Mat gx, gy;
  cv::Sobel(small, gx, CV_32F, 1, 0, 3, 1.0 / 8);
  cv::Sobel(small, gy, CV_32F, 0, 1, 3, 1.0 / 8);
  double weakest = 1e9;
  for (size_t i = 0; i < quad.size(); ++i) {
    const cv::Point2f a = quad[i], b = quad[(i + 1) % quad.size()];
    const cv::Point2f d = b - a;
    const double len = std::hypot(d.x, d.y);
    if (len < 1) continue;
    const cv::Point2f n(-d.y / static_cast<float>(len), d.x / static_cast<float>(len));
    std::vector<double> steep;
    for (int k = 1; k < 20; ++k) {
      const cv::Point2f p = a + d * (k / 20.0f);
      double best = 0;
      for (int t = -4; t <= 4; ++t) {
        const cv::Point q(cvRound(p.x + n.x * t), cvRound(p.y + n.y * t));
        if (q.x < 0 || q.y < 0 || q.x >= small.cols || q.y >= small.rows) continue;
        best = std::max(best, std::abs(gx.at<float>(q) * n.x + gy.at<float>(q) * n.y) * 1.0);
      }
      steep.push_back(best);
    }
    std::nth_element(steep.begin(), steep.begin() + steep.size() / 2, steep.end());
    weakest = std::min(weakest, steep[steep.size() / 2]);
  }
  return weakest;
}

}  // namespace

SheetQuad FindSheet(const cv::Mat& image, const SheetOptions& options) {
  SheetQuad out;
  if (image.empty()) return out;
  // At ~600 pixels: the sheet's outline, not its text.
  const double scale = std::min(1.0, 600.0 / std::max(image.rows, image.cols));
  cv::Mat small = ToGray(scale < 1 ? Shrink(image, scale) : image);
  cv::GaussianBlur(small, small, cv::Size(5, 5), 0);
  cv::Mat bright;
  cv::threshold(small, bright, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  // Text and shade inside the paper closed, specks of the desk opened.
  const int k = std::max(3, std::max(small.rows, small.cols) / 40) | 1;
  cv::morphologyEx(bright, bright, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {k, k}));
  cv::morphologyEx(bright, bright, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(bright, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  const double frame = static_cast<double>(small.rows) * small.cols;
  const std::vector<cv::Point>* best = nullptr;
  double best_area = 0;
  for (const auto& c : contours) {
    const double a = cv::contourArea(c);
    if (a > best_area) best_area = a, best = &c;
  }
  if (!best || best_area < options.min_area * frame) return out;
  std::vector<cv::Point> hull, quad;
  cv::convexHull(*best, hull);
  const double perimeter = cv::arcLength(hull, true);
  for (double eps = 0.01; eps <= 0.06 && quad.size() != 4; eps += 0.01)
    cv::approxPolyDP(hull, quad, eps * perimeter, true);
  if (quad.size() != 4 || !cv::isContourConvex(quad)) return out;
  // The quadrilateral must hold most of the bright region (a sheet, not a
  // blob), and the desk must be darker than the paper.
  const double quad_area = cv::contourArea(quad);
  if (best_area < 0.9 * quad_area) return out;
  cv::Mat inside(small.size(), CV_8UC1, cv::Scalar(0));
  cv::fillConvexPoly(inside, quad, cv::Scalar(255));
  const double paper = cv::mean(small, inside)[0], desk = cv::mean(small, ~inside)[0];
  if (paper - desk < options.min_contrast) return out;
  // Every side a step from paper to desk, not a shadow's slope: a region
  // cut off by a shadow across the sheet would crop its text away.
  if (WeakestEdge(small, quad) < options.min_edge * (paper - desk)) return out;
  out.corners = Ordered(quad, scale);
  // A sheet already filling the frame (a scan, a cropped photo) needs nothing.
  const cv::Point2f frame_corners[4] = {{0, 0},
                                        {static_cast<float>(image.cols), 0},
                                        {static_cast<float>(image.cols), static_cast<float>(image.rows)},
                                        {0, static_cast<float>(image.rows)}};
  double off = 0;
  for (int i = 0; i < 4; ++i) off = std::max(off, Distance(out.corners[i], frame_corners[i]));
  out.found = off > options.min_margin * std::max(image.rows, image.cols);
  return out;
}

cv::Mat RectifySheet(const cv::Mat& image, const SheetQuad& sheet) {
  const auto& c = sheet.corners;
  // The longer of each pair of opposite sides: the nearer one, foreshortened
  // least. A strong tilt still shortens the sheet along it; most sheets are
  // A4 (or A5), so an aspect within 15% of A4's is taken to be A4's.
  double w = std::max(Distance(c[0], c[1]), Distance(c[3], c[2]));
  double h = std::max(Distance(c[0], c[3]), Distance(c[1], c[2]));
  constexpr double kA4 = 1.41421356;
  if (h >= w && std::abs(h / w / kA4 - 1) < 0.15) h = w * kA4;
  if (w > h && std::abs(w / h / kA4 - 1) < 0.15) w = h * kA4;
  const std::vector<cv::Point2f> src(c.begin(), c.end());
  const std::vector<cv::Point2f> dst = {{0, 0}, {float(w), 0}, {float(w), float(h)}, {0, float(h)}};
  cv::Mat out;
  cv::warpPerspective(image, out, cv::getPerspectiveTransform(src, dst),
                      cv::Size(static_cast<int>(std::lround(w)), static_cast<int>(std::lround(h))), cv::INTER_CUBIC,
                      cv::BORDER_REPLICATE);
  return out;
}

}  // namespace hoso
