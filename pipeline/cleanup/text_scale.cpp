// Text size from ink: letter-sized components with a neighbour of their own
// height beside them (rows of text, not specks, rules or pictures), and the
// median of their heights.
#include "cleanup/text_scale.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"
#include "cleanup/components.h"
#include "cleanup/geometry.h"

namespace hoso {
namespace {

struct Blob {
  int x0, y0, x1, y1;  // x1, y1 exclusive
  int h() const { return y1 - y0; }
};

// Ink that stands out from its neighbourhood (uneven light and grey paper
// are not ink), as a 0/255 mask.
cv::Mat LocalInk(const cv::Mat& gray) {
  const int side = std::max(gray.rows, gray.cols);
  const int block = std::max(15, side / 40) | 1;
  // The grain of a noisy photo or scan is not ink: the threshold stands
  // well above the page's noise (the spread of pixels about their 3x3
  // mean, sampled on a grid).
  cv::Mat mean3;
  cv::blur(gray, mean3, cv::Size(3, 3));
  std::vector<int> dev;
  for (int y = 1; y < gray.rows - 1; y += 7)
    for (int x = 1; x < gray.cols - 1; x += 7) dev.push_back(std::abs(gray.at<uchar>(y, x) - mean3.at<uchar>(y, x)));
  double noise = 0;
  if (!dev.empty()) {
    std::nth_element(dev.begin(), dev.begin() + dev.size() / 2, dev.end());
    noise = 1.4826 * dev[dev.size() / 2];
  }
  cv::Mat ink;
  cv::adaptiveThreshold(gray, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, block,
                        std::max(18.0, 3.0 * noise));
  return ink;
}

// Components that could be letters (or letters run together, as they are
// at low resolution): not specks, not rules, not solid blocks. `stats` as
// LabelInkComponents gives them (row 0: the background).
std::vector<Blob> LetterBlobs(const cv::Mat& stats, int rows) {
  std::vector<Blob> out;
  const int max_h = std::max(8, rows / 12);
  for (int i = 1; i < stats.rows; ++i) {
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (h < 3 || h > max_h || w > 12 * h) continue;
    const double fill = static_cast<double>(area) / (static_cast<double>(w) * h);
    if (fill < 0.12 || fill > 0.95) continue;
    out.push_back({x, y, x + w, y + h});
  }
  return out;
}

// The blobs that have a neighbour of about their height beside them, on
// the same row: letters in words and words in lines.
std::vector<Blob> InRows(std::vector<Blob>& blobs) {
  std::sort(blobs.begin(), blobs.end(), [](const Blob& a, const Blob& b) { return a.x0 < b.x0; });
  std::vector<char> paired(blobs.size(), 0);
  for (size_t i = 0; i < blobs.size(); ++i) {
    const Blob& a = blobs[i];
    const int reach = a.x1 + 2 * a.h();
    for (size_t j = i + 1; j < blobs.size() && blobs[j].x0 <= reach; ++j) {
      const Blob& b = blobs[j];
      const int lo = std::min(a.h(), b.h()), hi = std::max(a.h(), b.h());
      if (2 * lo < hi) continue;
      const int overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
      if (2 * overlap < lo) continue;
      if (b.x0 - a.x1 > 2 * hi) continue;
      paired[i] = paired[j] = 1;
    }
  }
  std::vector<Blob> out;
  for (size_t i = 0; i < blobs.size(); ++i)
    if (paired[i]) out.push_back(blobs[i]);
  return out;
}

// The height below which lies the share `q` of the blobs' box area: a
// letter counts for its size, so the many small dots of a leader or specks
// of a noisy page do not outvote the letters.
int AreaQuantile(std::vector<Blob> blobs, double q) {
  if (blobs.empty()) return 0;
  std::sort(blobs.begin(), blobs.end(), [](const Blob& a, const Blob& b) { return a.h() < b.h(); });
  double total = 0;
  for (const auto& b : blobs) total += static_cast<double>(b.x1 - b.x0) * b.h();
  double run = 0;
  for (const auto& b : blobs)
    if ((run += static_cast<double>(b.x1 - b.x0) * b.h()) >= q * total) return b.h();
  return blobs.back().h();
}

}  // namespace

std::vector<int> LetterHeightsInRows(const cv::Mat& stats, int rows) {
  std::vector<Blob> blobs = LetterBlobs(stats, rows);
  std::vector<int> heights;
  for (const Blob& b : InRows(blobs)) heights.push_back(b.h());
  return heights;
}

double DpiForLetterHeight(double height) {
  // (median letter height in pixels, dpi), measured.
  static const double kTable[][2] = {{6, 40},   {9, 60},   {10, 70},    {12, 85},
                                     {14, 100}, {19, 150}, {24.5, 200}, {39, 300}};
  const int n = sizeof kTable / sizeof kTable[0];
  if (height <= kTable[0][0]) return kTable[0][1] * height / kTable[0][0];
  for (int i = 1; i < n; ++i)
    if (height <= kTable[i][0]) {
      const double t = (height - kTable[i - 1][0]) / (kTable[i][0] - kTable[i - 1][0]);
      return kTable[i - 1][1] + t * (kTable[i][1] - kTable[i - 1][1]);
    }
  return kTable[n - 1][1] * height / kTable[n - 1][0];
}

TextScale EstimateTextScale(const cv::Mat& image, int hint_dpi, const TextScaleOptions& options) {
  TextScale out;
  if (image.empty() || image.depth() != CV_8U) return out;
  // Large pages are measured on a reduction (labelling components costs
  // ~4 ms a megapixel): halved while the resolution the file states stays
  // at 100 dpi or more, or, without one, while the page is over 2,400
  // pixels. A stated resolution is only checked (is the text about the
  // size it implies?), which the reduction does well enough.
  double scale = 1.0;
  const int side = std::max(image.rows, image.cols);
  if (hint_dpi > 0) {
    while (hint_dpi * scale >= 200) scale *= 0.5;
  } else {
    while (side * scale > 2400) scale *= 0.5;
  }
  const cv::Mat small = ToGray(scale < 1.0 ? Shrink(image, scale) : image);
  cv::Mat labels, stats, centroids;
  LabelInkComponents(LocalInk(small), labels, stats, centroids);
  std::vector<Blob> blobs = LetterBlobs(stats, small.rows);
  const std::vector<Blob> letters = InRows(blobs);
  out.text_components = static_cast<int>(letters.size());
  if (out.text_components < options.min_text_components) return out;
  const double median = AreaQuantile(letters, 0.5);
  out.letter_height = median / scale;
  // Agreement: the middle half of the ink within a factor of the median.
  const double spread = (AreaQuantile(letters, 0.75) - AreaQuantile(letters, 0.25)) / std::max(1.0, median);
  out.confidence = std::clamp(std::min(1.0, out.text_components / 200.0) * (1.0 - 0.5 * spread), 0.0, 1.0);
  out.dpi = static_cast<int>(std::lround(DpiForLetterHeight(median) / scale));
  return out;
}

}  // namespace hoso
