#include "cleanup/geometry.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace hoso {

cv::Mat Shrink(const cv::Mat& image, double scale) {
  cv::Mat out = image;
  if (scale >= 0.999 || image.empty()) return out;
  while (scale <= 0.5 + 1e-9 && out.cols >= 2 && out.rows >= 2) {
    // An odd row or column left over would make the ratio not exactly 2,
    // and OpenCV would take its general area path (~15 times slower).
    cv::Mat half;
    const cv::Mat even = out(cv::Rect(0, 0, out.cols & ~1, out.rows & ~1));
    cv::resize(even, half, cv::Size(even.cols / 2, even.rows / 2), 0, 0, cv::INTER_AREA);
    out = half;
    scale *= 2;
  }
  if (scale < 0.999) {
    // Less than a halving left: bilinear sampling still sees every pixel.
    cv::Mat rest;
    cv::resize(out, rest, cv::Size(), scale, scale, cv::INTER_LINEAR);
    out = rest;
  }
  return out;
}

namespace {

constexpr int kOne = 256;  // fixed-point weights

// out(x, y) = in(x - shift(y), y), shift(y) = (y - cy) * t, linear.
void ShearRows(const cv::Mat& in, cv::Mat& out, double t) {
  out.create(in.size(), CV_8UC1);
  const int w = in.cols;
  const double cy = (in.rows - 1) / 2.0;
  for (int y = 0; y < in.rows; ++y) {
    const double shift = (y - cy) * t;
    const int k = static_cast<int>(std::floor(shift));
    const int f = static_cast<int>(std::lround((shift - k) * kOne)), g = kOne - f;
    const uchar* s = in.ptr<uchar>(y);
    uchar* d = out.ptr<uchar>(y);
    // d[x] = g * s[x - k] + f * s[x - k - 1]; both inside for x in [k + 1, w + k).
    const int lo = std::clamp(k + 1, 0, w), hi = std::clamp(w + k, lo, w);
    auto at = [&](int i) { return i >= 0 && i < w ? s[i] : 255; };
    for (int x = 0; x < lo; ++x) d[x] = static_cast<uchar>((g * at(x - k) + f * at(x - k - 1) + kOne / 2) >> 8);
    const uchar* a = s - k;
    const uchar* b = s - k - 1;
    for (int x = lo; x < hi; ++x) d[x] = static_cast<uchar>((g * a[x] + f * b[x] + kOne / 2) >> 8);
    for (int x = hi; x < w; ++x) d[x] = static_cast<uchar>((g * at(x - k) + f * at(x - k - 1) + kOne / 2) >> 8);
  }
}

// out(x, y) = in(x, y - shift(x)), shift(x) = (x - cx) * t, linear. Done a
// row at a time: across a run of columns with the same whole shift, the two
// source rows are fixed and contiguous.
void ShearColumns(const cv::Mat& in, cv::Mat& out, double t) {
  out.create(in.size(), CV_8UC1);
  const int w = in.cols, h = in.rows;
  const double cx = (w - 1) / 2.0;
  std::vector<int> whole(w);
  std::vector<uint16_t> f(w), g(w);
  for (int x = 0; x < w; ++x) {
    const double shift = (x - cx) * t;
    whole[x] = static_cast<int>(std::floor(shift));
    f[x] = static_cast<uint16_t>(std::lround((shift - whole[x]) * kOne));
    g[x] = static_cast<uint16_t>(kOne - f[x]);
  }
  // Runs of columns sharing a whole shift.
  std::vector<std::pair<int, int>> runs;
  for (int x = 0; x < w;) {
    int e = x;
    while (e < w && whole[e] == whole[x]) ++e;
    runs.emplace_back(x, e);
    x = e;
  }
  const std::vector<uchar> white(w, 255);
  for (int y = 0; y < h; ++y) {
    uchar* d = out.ptr<uchar>(y);
    for (const auto& [x0, x1] : runs) {
      const int ra = y - whole[x0], rb = ra - 1;
      const uchar* a = ra >= 0 && ra < h ? in.ptr<uchar>(ra) : white.data();
      const uchar* b = rb >= 0 && rb < h ? in.ptr<uchar>(rb) : white.data();
      for (int x = x0; x < x1; ++x) d[x] = static_cast<uchar>((g[x] * a[x] + f[x] * b[x] + kOne / 2) >> 8);
    }
  }
}

}  // namespace

cv::Mat ShearRotate(const cv::Mat& gray, double angle_deg) {
  CV_Assert(gray.type() == CV_8UC1 && std::abs(angle_deg) <= 45);
  // Clockwise by a (y down) = shear rows by -tan(a/2), columns by sin(a),
  // rows by -tan(a/2).
  const double a = angle_deg * CV_PI / 180.0;
  cv::Mat one, two;
  ShearRows(gray, one, -std::tan(a / 2));
  ShearColumns(one, two, std::sin(a));
  ShearRows(two, one, -std::tan(a / 2));
  return one;
}

int Percentile(const std::vector<long>& hist, long total, double fraction) {
  long seen = 0;
  int v = 0;
  while (v < 255 && (seen += hist[static_cast<size_t>(v)]) < static_cast<long>(fraction * total)) ++v;
  return v;
}

}  // namespace hoso
