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

// Histogram of the levels of every fourth row in [top, bottom).
std::vector<long> Levels(const cv::Mat& gray, int top, int bottom) {
  std::vector<long> hist(256, 0);
  for (int y = top; y < bottom; y += 4) {
    const uchar* g = gray.ptr<uchar>(y);
    for (int x = 0; x < gray.cols; ++x) ++hist[g[x]];
  }
  return hist;
}

// The darkest tenth of the ink's levels in a histogram, with how much ink
// there is.
struct InkLevel {
  int level = 0;
  long ink = 0;
};
InkLevel DarkestTenth(const std::vector<long>& hist, int ink_below) {
  InkLevel out;
  for (int v = 0; v < ink_below && v < 256; ++v) out.ink += hist[v];
  long seen = 0;
  while (out.level < 255 && (seen += hist[out.level]) < out.ink / 10) ++out.level;
  return out;
}

// The level of the page's ink for the faded-ink stretch: the darkest tenth
// of the page's ink, or, when a dark minority hides faded text (the median
// over eight bands of rows of each band's darkest tenth, among the bands
// with at least a quarter of the densest band's ink, is above
// options.hidden_faded_above), that median. 0 (not faded) for a page with
// almost no ink (a thousandth of it).
int FadedInkLevel(const cv::Mat& gray, const IlluminationOptions& options) {
  constexpr int kBands = 8;
  std::vector<InkLevel> bands;
  std::vector<long> page(256, 0);
  long densest = 0;
  for (int b = 0; b < kBands; ++b) {
    // Band edges on rows the sampling reads (multiples of 4), as one
    // histogram of the page would.
    const int top = gray.rows * b / kBands / 4 * 4;
    const int bottom = b + 1 == kBands ? gray.rows : gray.rows * (b + 1) / kBands / 4 * 4;
    const std::vector<long> hist = Levels(gray, top, bottom);
    for (int v = 0; v < 256; ++v) page[v] += hist[v];
    bands.push_back(DarkestTenth(hist, options.ink_below));
    densest = std::max(densest, bands.back().ink);
  }
  const InkLevel whole = DarkestTenth(page, options.ink_below);
  if (whole.ink <= static_cast<long>(gray.total() / 4000)) return 0;
  if (whole.level > options.faded_above) return whole.level;
  std::vector<int> levels;
  for (const InkLevel& band : bands)
    if (band.ink > 0 && band.ink * 4 >= densest) levels.push_back(band.level);
  std::nth_element(levels.begin(), levels.begin() + (levels.size() - 1) / 2, levels.end());
  const int median = levels[(levels.size() - 1) / 2];
  return median > options.hidden_faded_above ? median : whole.level;
}

// `red` scaled by how bright `level` is against its median over `stamp`:
// none from options.lift_from of that median down, all from
// options.lift_full up (a weight per level, looked up).
cv::Mat LiftBelowStamp(const cv::Mat& red, const cv::Mat& level, const cv::Mat& stamp,
                       const ColourInkOptions& options) {
  std::vector<long> histogram(256, 0);
  long n = 0;
  for (int y = 0; y < level.rows; ++y) {
    const uchar* l = level.ptr(y);
    const uchar* m = stamp.ptr(y);
    for (int x = 0; x < level.cols; ++x)
      if (m[x]) ++histogram[l[x]], ++n;
  }
  if (n == 0) return red;
  const int median = std::max(Percentile(histogram, n, 0.5), 1);
  const double span = std::max(1e-3, options.lift_full - options.lift_from) * median;
  cv::Mat weights(1, 256, CV_32F);
  for (int v = 0; v < 256; ++v)
    weights.at<float>(v) = static_cast<float>(std::clamp((v - options.lift_from * median) / span, 0.0, 1.0));
  cv::Mat weight, lift;
  cv::LUT(level, weights, weight);
  red.convertTo(lift, CV_32F);
  lift = lift.mul(weight);
  lift.convertTo(lift, CV_8U);
  return lift;
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
  // stretch ink levels back (paper stays white), also where a dark
  // minority (a black line stamped on a faded receipt, a signature in black
  // pen under a faded letter) hides the faded text of the rest of the page.
  const int level = FadedInkLevel(gray, options);
  // One pass maps every level: the faded ink's stretch, then the paper
  // made white (see IlluminationOptions::paper_from).
  cv::Mat lut = PaperLut(options);
  if (level > options.faded_above) {
    const double gain = (255.0 - options.ink_target) / (255.0 - level);
    const cv::Mat white = lut.clone();
    for (int v = 0; v < 256; ++v)
      lut.at<uchar>(v) = white.at<uchar>(cv::saturate_cast<uchar>(std::lround(255.0 - (255.0 - v) * gain)));
  }
  cv::LUT(gray, lut, gray);
  return true;
}

InkShares MeasureInk(const cv::Mat& image, const ColourInkOptions& options) {
  InkShares shares;
  if (image.channels() < 3 || image.empty()) return shares;
  // Every third pixel of every third row: stamps and signatures span many
  // such points, and sampling keeps a pixel's colour (averaging would wash
  // a thin blue stroke into the white around it). The inks are compared
  // within the sheet's inner part: a scanner's black border and punch holes
  // lie along the edges, and would count as black ink.
  constexpr int kStep = 3;
  const int channels = image.channels();
  const int x0 = image.cols * 8 / 100, x1 = image.cols - x0, y0 = image.rows * 5 / 100, y1 = image.rows - y0;
  long coloured = 0, seen = 0, inner_coloured = 0, black = 0, grey = 0, inner = 0;
  for (int y = kStep / 2; y < image.rows; y += kStep) {
    const uchar* row = image.ptr<uchar>(y);
    const bool inner_row = y >= y0 && y < y1;
    for (int x = kStep / 2; x < image.cols; x += kStep) {
      const uchar* px = row + x * channels;
      const int hi = std::max({px[0], px[1], px[2]}), lo = std::min({px[0], px[1], px[2]});
      const int chroma = hi - lo;
      const bool colour = chroma > options.min_chroma ||
                          (chroma > options.min_faded_chroma && chroma >= options.min_chroma_ratio * (255 - lo));
      coloured += colour;
      ++seen;
      if (!inner_row || x < x0 || x >= x1) continue;
      const bool neutral = !colour && chroma <= options.min_faded_chroma;
      inner_coloured += colour;
      black += neutral && hi < options.black_below;
      grey += neutral && hi < options.grey_below;
      ++inner;
    }
  }
  shares.coloured = static_cast<double>(coloured) / static_cast<double>(std::max(seen, 1L));
  const double n = static_cast<double>(std::max(inner, 1L));
  shares.inner_coloured = static_cast<double>(inner_coloured) / n;
  shares.black = static_cast<double>(black) / n;
  shares.grey = static_cast<double>(grey) / n;
  return shares;
}

cv::Mat InkGray(const cv::Mat& image, const ColourInkOptions& options, bool* suppressed, const cv::Mat& luminance) {
  if (suppressed) *suppressed = false;
  auto plain = [&] { return luminance.empty() ? ToGray(image) : luminance; };
  if (image.channels() < 3 || !options.enabled) return plain();
  const InkShares ink = MeasureInk(image, options);
  const bool text_coloured = ink.inner_coloured > options.text_colour_over_black * ink.black &&
                             ink.inner_coloured >= options.text_colour_over_grey * ink.grey;
  if (ink.coloured < options.min_share || text_coloured) return plain();
  // Black text is dark in every channel; red stamps and blue signatures are
  // bright in at least one. The brightest channel keeps the first and
  // drops the others.
  if (suppressed) *suppressed = true;
  cv::Mat channels[4];
  cv::split(image, channels);
  cv::Mat hi = cv::max(cv::max(channels[0], channels[1]), channels[2]);
  if (options.lift_red) {
    // Red (a stamp): lighter by as much as it is red, what its red channel
    // did not make white. Other colours stay as the brightest channel left
    // them: a date or a number filled in in blue pen is text.
    // Near a stamp's strokes only (within ~1/200 of the page of clearly
    // red ones): JPEG tints the rims of black letters too, and lifting
    // them took tone marks off small print.
    const cv::Mat green_blue = cv::min(channels[1], channels[0]);
    cv::Mat red = hi - green_blue;
    red.setTo(0, channels[2] < hi);
    const cv::Mat stamp = red > options.min_chroma;
    cv::Mat near;
    const int k = std::max(3, std::max(image.rows, image.cols) / 200) | 1;
    cv::dilate(stamp, near, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(k, k)));
    red.setTo(0, (red <= options.min_faded_chroma) | ~near);
    // A black letter the stamp crosses is black in its middle (black ink
    // over red is black) and tinted red at its rims (JPEG, the strokes'
    // edges over the ink); lifting the rims wore "Hải" to "Hiải". Pixels
    // next to black stay as the brightest channel left them.
    cv::Mat black = (hi < options.black_below) & ((hi - cv::min(green_blue, channels[2])) <= options.min_faded_chroma);
    cv::dilate(black, black, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(3, 3)));
    // Nor where green and blue are far darker than in the stamp's own ink
    // (the median over its clearly red pixels): black under red darkens
    // what the red ink left of them, down to nothing in a tone mark too
    // thin to have a black middle. (Measured on a generated scan: the
    // stamp's median 69, a tilde under its lettering 0 to 26; a photo's
    // stamp 80, its darkest strokes about 40.)
    red = LiftBelowStamp(red, green_blue, stamp, options);
    red.setTo(0, black);
    cv::add(hi, red, hi);  // saturating at white
  }
  return hi;
}

}  // namespace hoso
