// Uneven light, grey paper and faded ink. The paper is estimated by taking
// the brightest value around each point of a much reduced page (text
// strokes vanish, the light falling off does not), and the page is divided
// by it: paper becomes white wherever it is. Faint ink is then stretched
// back to black. (Dark scanner borders and punch holes wider than the
// estimate's reach are not removed here.)
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "cleanup/cleanup.h"
#include "cleanup/geometry.h"
#include "ingest/pix.h"

namespace hoso {
namespace {

// Levels from `paper_from` up become white; those between `ramp_from` and
// it are spread over everything above `ramp_from`.
cv::Mat PaperLut(const IlluminationOptions& options) {
  const int lo = std::clamp(options.ramp_from, 0, 254), hi = std::clamp(options.paper_from, lo + 1, 255);
  cv::Mat lut(1, 256, CV_8UC1);
  for (int v = 0; v < 256; ++v)
    lut.at<uchar>(v) = v >= hi   ? 255
                       : v <= lo ? static_cast<uchar>(v)
                                 : cv::saturate_cast<uchar>(lo + (v - lo) * (255.0 - lo) / (hi - lo));
  return lut;
}

}  // namespace

bool FlattenIllumination(cv::Mat& gray, int dpi, const IlluminationOptions& options) {
  if (!options.enabled || gray.empty()) return false;
  // A black-and-white scan (a fax, a scanner's 1-bit mode) has no light to
  // even out and no faded ink to stretch: the scanner's threshold settled
  // both, and the division would leave it as it is, at ~1% of the page's
  // cost.
  if (IsTwoLevel(gray)) return false;
  // ~1/8 of 300 dpi: a letter's stroke is under a pixel there.
  const double scale = std::min(1.0, 36.0 / std::max(dpi, 1));
  cv::Mat small, paper;
  small = Shrink(gray, scale);
  // Brightest within ~4 mm: wider than any stroke, narrower than a border.
  const int k = std::max(3, static_cast<int>(std::lround(36 * 0.16)) | 1);
  cv::dilate(small, paper, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(k, k)));
  cv::GaussianBlur(paper, paper, cv::Size(0, 0), k / 2.0);
  cv::resize(paper, paper, gray.size(), 0, 0, cv::INTER_LINEAR);
  // gray * 255 / paper, rounded and capped at white (OpenCV's vectorised
  // 8-bit division; where the paper estimate is 0, so is the ink).
  cv::divide(gray, paper, gray, 255.0);
  // Faded ink: where the darkest tenth of the ink sits well above black,
  // stretch ink levels back (paper stays white).
  std::vector<int> hist(256, 0);  // of every fourth row: plenty for a tenth
  for (int y = 0; y < gray.rows; y += 4) {
    const uchar* g = gray.ptr<uchar>(y);
    for (int x = 0; x < gray.cols; ++x) ++hist[g[x]];
  }
  // One pass maps every level: the faded ink's stretch, then the paper
  // made white (see IlluminationOptions::paper_from).
  cv::Mat lut = PaperLut(options);
  int ink = 0;
  for (int v = 0; v < options.ink_below && v < 256; ++v) ink += hist[v];
  if (ink > static_cast<int>(gray.total() / 4000)) {
    int seen = 0, level = 0;
    while (level < 255 && (seen += hist[level]) < ink / 10) ++level;
    if (level > options.faded_above) {
      const double gain = (255.0 - options.ink_target) / (255.0 - level);
      const cv::Mat white = lut.clone();
      for (int v = 0; v < 256; ++v)
        lut.at<uchar>(v) = white.at<uchar>(cv::saturate_cast<uchar>(std::lround(255.0 - (255.0 - v) * gain)));
    }
  }
  cv::LUT(gray, lut, gray);
  return true;
}

double ColouredInkShare(const cv::Mat& image, const ColourInkOptions& options) {
  if (image.channels() < 3 || image.empty()) return 0;
  // Every third pixel of every third row: stamps and signatures span many
  // such points, and sampling keeps a pixel's colour (averaging would wash
  // a thin blue stroke into the white around it).
  constexpr int kStep = 3;
  const int channels = image.channels();
  long coloured = 0, seen = 0;
  for (int y = kStep / 2; y < image.rows; y += kStep) {
    const uchar* row = image.ptr<uchar>(y);
    for (int x = kStep / 2; x < image.cols; x += kStep) {
      const uchar* px = row + x * channels;
      const int hi = std::max({px[0], px[1], px[2]}), lo = std::min({px[0], px[1], px[2]});
      const int chroma = hi - lo;
      coloured += chroma > options.min_chroma ||
                  (chroma > options.min_faded_chroma && chroma >= options.min_chroma_ratio * (255 - lo));
      ++seen;
    }
  }
  return static_cast<double>(coloured) / static_cast<double>(std::max(seen, 1L));
}

cv::Mat InkGray(const cv::Mat& image, const ColourInkOptions& options, bool* suppressed, const cv::Mat& luminance) {
  if (suppressed) *suppressed = false;
  auto plain = [&] { return luminance.empty() ? ToGray(image) : luminance; };
  if (image.channels() < 3 || !options.enabled) return plain();
  if (ColouredInkShare(image, options) < options.min_share) return plain();
  // Black text is dark in every channel; red stamps and blue signatures are
  // bright in at least one. The brightest channel keeps the first and
  // drops the others.
  if (suppressed) *suppressed = true;
  cv::Mat channels[4];
  cv::split(image, channels);
  return cv::max(cv::max(channels[0], channels[1]), channels[2]);
}

}  // namespace hoso
