// A photographed sheet: the paper is the large bright region of the photo;
// its outline, simplified to four corners, is the quadrilateral the camera
// saw, and a perspective warp makes it the rectangle it was.
#include <algorithm>
#include <cmath>
#include <optional>
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

// The share of the quadrilateral's weakest side along which it is a
// sheet's edge on a desk: at each of 19 points along it, just inside is
// brighter than just outside (by at least `min_step` grey levels), and the
// change happens as a step, not a slope: the steepest change across the
// side, per pixel, is at least `min_steepness` of the difference. Both are
// measured where the point is, so a sheet half in shadow has its edge in
// the shade too; a shadow's edge across the sheet is a slope (its steepness
// 0.02-0.09 of the difference), and a line drawn through a page's text has
// white paper on both sides.
double SheetEdgeShare(const cv::Mat& small, const std::vector<cv::Point>& quad, double min_step, double min_steepness) {
  cv::Mat gx, gy;
  cv::Sobel(small, gx, CV_32F, 1, 0, 3, 1.0 / 8);
  cv::Sobel(small, gy, CV_32F, 0, 1, 3, 1.0 / 8);
  cv::Point2f centre(0, 0);
  for (const auto& p : quad) centre += cv::Point2f(p);
  centre *= 1.0f / static_cast<float>(quad.size());
  auto within = [&](const cv::Point& q) { return q.x >= 0 && q.y >= 0 && q.x < small.cols && q.y < small.rows; };
  double weakest = 1;
  for (size_t i = 0; i < quad.size(); ++i) {
    const cv::Point2f a = quad[i], b = quad[(i + 1) % quad.size()];
    const cv::Point2f d = b - a;
    const float len = std::hypot(d.x, d.y);
    if (len < 1) continue;
    cv::Point2f in(-d.y / len, d.x / len);
    if ((centre - a).dot(in) < 0) in = -in;
    int edge = 0, seen = 0;
    for (int k = 1; k < 20; ++k) {
      const cv::Point2f p = a + d * (k / 20.0f);
      double inside = 0, outside = 0, steepest = 0;
      int n_in = 0, n_out = 0;
      for (int t = 3; t <= 8; ++t) {
        if (const cv::Point q(p + in * static_cast<float>(t)); within(q)) inside += small.at<uchar>(q), ++n_in;
        if (const cv::Point q(p - in * static_cast<float>(t)); within(q)) outside += small.at<uchar>(q), ++n_out;
      }
      if (!n_in || !n_out) continue;  // the frame's edge: nothing outside to see
      for (int t = -4; t <= 4; ++t)
        if (const cv::Point q(p + in * static_cast<float>(t)); within(q))
          steepest = std::max(steepest, std::abs(static_cast<double>(gx.at<float>(q) * in.x + gy.at<float>(q) * in.y)));
      ++seen;
      const double step = inside / n_in - outside / n_out;
      if (step >= min_step && steepest >= min_steepness * step) ++edge;
    }
    if (seen >= 5) weakest = std::min(weakest, static_cast<double>(edge) / seen);
  }
  return weakest;
}

// The sheet within `region` (a mask of the photo at ~600 pixels, the sheet
// as a white blob): four corners, or none when the region is no sheet.
std::optional<std::vector<cv::Point>> SheetIn(const cv::Mat& small, const cv::Mat& region,
                                              const SheetOptions& options) {
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(region.clone(), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  const double frame = static_cast<double>(small.rows) * small.cols;
  const std::vector<cv::Point>* best = nullptr;
  double best_area = 0;
  for (const auto& c : contours) {
    const double a = cv::contourArea(c);
    if (a > best_area) best_area = a, best = &c;
  }
  if (!best || best_area < options.min_area * frame) return std::nullopt;
  std::vector<cv::Point> hull, quad;
  cv::convexHull(*best, hull);
  const double perimeter = cv::arcLength(hull, true);
  for (double eps = 0.01; eps <= 0.06 && quad.size() != 4; eps += 0.01)
    cv::approxPolyDP(hull, quad, eps * perimeter, true);
  if (quad.size() != 4 || !cv::isContourConvex(quad)) return std::nullopt;
  // The quadrilateral must hold most of the region (a sheet, not a blob),
  // and the desk must be darker than the paper.
  const double quad_area = cv::contourArea(quad);
  if (best_area < 0.9 * quad_area) return std::nullopt;
  cv::Mat inside(small.size(), CV_8UC1, cv::Scalar(0));
  cv::fillConvexPoly(inside, quad, cv::Scalar(255));
  const double paper = cv::mean(small, inside)[0], desk = cv::mean(small, ~inside)[0];
  if (paper - desk < options.min_contrast) return std::nullopt;
  // Every side a step from paper to desk, not a shadow's slope: a region
  // cut off by a shadow across the sheet would crop its text away.
  if (SheetEdgeShare(small, quad, 0.1 * (paper - desk), options.min_edge) < 0.75) return std::nullopt;
  return quad;
}

// The paper as the brighter of the photo's two grey levels (Otsu): a sheet
// in even light on a darker desk.
cv::Mat BrightRegion(const cv::Mat& small) {
  cv::Mat bright;
  cv::threshold(small, bright, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  // Text and shade inside the paper closed, specks of the desk opened.
  const int k = std::max(3, std::max(small.rows, small.cols) / 40) | 1;
  cv::morphologyEx(bright, bright, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {k, k}));
  cv::morphologyEx(bright, bright, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  return bright;
}

// The paper as what the middle of the photo is joined to before the frame's
// edge is (a watershed from the two): a shadow across sheet and desk makes
// part of the paper darker than the lit desk, so no grey level divides
// them, but it changes the light over a slope, while the sheet's edge is a
// step. The photo is taken with the sheet in its middle.
cv::Mat JoinedToTheMiddle(const cv::Mat& small_colour) {
  cv::Mat smooth;
  cv::GaussianBlur(small_colour, smooth, cv::Size(7, 7), 0);
  cv::Mat markers(smooth.size(), CV_32SC1, cv::Scalar(0));
  cv::rectangle(markers, cv::Rect(0, 0, markers.cols, markers.rows), cv::Scalar(1), 2);
  const cv::Size middle(std::max(1, markers.cols / 5), std::max(1, markers.rows / 5));
  markers(cv::Rect((markers.cols - middle.width) / 2, (markers.rows - middle.height) / 2, middle.width, middle.height))
      .setTo(2);
  cv::watershed(smooth, markers);
  cv::Mat paper = markers == 2;
  cv::morphologyEx(paper, paper, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  return paper;
}

}  // namespace

SheetQuad FindSheet(const cv::Mat& image, const SheetOptions& options) {
  SheetQuad out;
  if (image.empty()) return out;
  // At ~600 pixels: the sheet's outline, not its text.
  const double scale = std::min(1.0, 600.0 / std::max(image.rows, image.cols));
  const cv::Mat small_image = scale < 1 ? Shrink(image, scale) : image;
  cv::Mat small = ToGray(small_image);
  cv::GaussianBlur(small, small, cv::Size(5, 5), 0);
  auto quad = SheetIn(small, BrightRegion(small), options);
  if (!quad) {
    cv::Mat colour = small_image;
    if (colour.channels() == 1) cv::cvtColor(colour, colour, cv::COLOR_GRAY2BGR);
    if (colour.channels() == 4) cv::cvtColor(colour, colour, cv::COLOR_BGRA2BGR);
    if (colour.depth() == CV_8U) quad = SheetIn(small, JoinedToTheMiddle(colour), options);
  }
  if (!quad) return out;
  out.corners = Ordered(*quad, scale);
  for (int i = 0; i < 4; ++i) {
    const cv::Point2f a = out.corners[(i + 3) % 4] - out.corners[i], b = out.corners[(i + 1) % 4] - out.corners[i];
    const double cosine = a.dot(b) / (std::hypot(a.x, a.y) * std::hypot(b.x, b.y));
    out.tilt_deg = std::max(out.tilt_deg, std::abs(std::acos(std::clamp(cosine, -1.0, 1.0)) * 180 / CV_PI - 90));
  }
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
