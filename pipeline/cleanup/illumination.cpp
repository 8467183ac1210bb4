// Uneven light, grey paper and faded ink. The paper is estimated by taking
// the brightest value around each point of a much reduced page (text
// strokes vanish, the light falling off does not), and the page is divided
// by it: paper becomes white wherever it is. Faint ink is then stretched
// back to black. (Dark scanner borders and punch holes wider than the
// estimate's reach are not removed here.)
#include <opencv2/imgproc.hpp>

#include <algorithm>

#include "cleanup/cleanup.h"

namespace hoso {

bool FlattenIllumination(cv::Mat& gray, int dpi, const IlluminationOptions& options) {
  if (!options.enabled || gray.empty()) return false;
  // ~1/8 of 300 dpi: a letter's stroke is under a pixel there.
  const double scale = std::min(1.0, 36.0 / std::max(dpi, 1));
  cv::Mat small, paper;
  cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_AREA);
  // Brightest within ~4 mm: wider than any stroke, narrower than a border.
  const int k = std::max(3, static_cast<int>(std::lround(36 * 0.16)) | 1);
  cv::dilate(small, paper, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(k, k)));
  cv::GaussianBlur(paper, paper, cv::Size(0, 0), k / 2.0);
  cv::resize(paper, paper, gray.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat flat;
  gray.convertTo(flat, CV_32F);
  cv::Mat paper_f;
  paper.convertTo(paper_f, CV_32F);
  paper_f = cv::max(paper_f, 1.0f);
  cv::divide(flat, paper_f, flat, 255.0);
  // Faded ink: where the darkest tenth of the ink sits well above black,
  // stretch ink levels back (paper stays white).
  cv::Mat flat8;
  flat.convertTo(flat8, CV_8U);
  std::vector<int> hist(256, 0);
  int ink = 0;
  for (int y = 0; y < flat8.rows; ++y) {
    const uchar* row = flat8.ptr<uchar>(y);
    for (int x = 0; x < flat8.cols; ++x)
      if (row[x] < options.ink_below) {
        ++hist[row[x]];
        ++ink;
      }
  }
  if (ink > static_cast<int>(flat8.total() / 1000)) {
    int seen = 0, level = 0;
    while (level < 255 && (seen += hist[level]) < ink / 10) ++level;
    if (level > options.faded_above) {
      const float gain = (255.0f - options.ink_target) / (255.0f - level);
      flat = 255.0f - (255.0f - flat) * gain;
    }
  }
  flat.convertTo(gray, CV_8U);  // saturates to 0..255
  return true;
}

cv::Mat InkGray(const cv::Mat& image, const ColourInkOptions& options, bool* suppressed) {
  if (suppressed) *suppressed = false;
  if (image.channels() != 3 || !options.enabled) return ToGray(image);
  // Coloured ink: one channel far above another, on a pixel not too dark.
  cv::Mat channels[3];
  cv::split(image, channels);
  cv::Mat hi = cv::max(cv::max(channels[0], channels[1]), channels[2]);
  cv::Mat lo = cv::min(cv::min(channels[0], channels[1]), channels[2]);
  cv::Mat colourful = (hi - lo) > options.min_chroma;
  const double share = static_cast<double>(cv::countNonZero(colourful)) / static_cast<double>(image.total());
  if (share < options.min_share) return ToGray(image);
  // Black text is dark in every channel; red stamps and blue signatures are
  // bright in at least one. The brightest channel keeps the first and
  // drops the others.
  if (suppressed) *suppressed = true;
  return hi;
}

}  // namespace hoso
