// Page orientation without OCR. Two questions, each answered by how ink is
// laid out:
//   sideways? Text lines make a row profile that alternates sharply between
//     ink and gaps; the column profile of the same page does not. Compare
//     the best row profile with the best column profile over small skews.
//   upside down? In Latin script, and in Vietnamese far more, ink above a
//     line's x-height band (ascenders, capitals, tone marks) outweighs ink
//     below it (descenders, the dot-below mark). Turned over, it is the
//     other way round.
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

#include "cleanup/cleanup.h"
#include "cleanup/components.h"
#include "cleanup/geometry.h"
#include "cleanup/profile.h"

namespace hoso {
namespace {

// Ink mask at ~`target` dpi with blobs far larger than characters, and
// specks of noise smaller than a tone mark, removed.
cv::Mat TextInk(const cv::Mat& gray, int dpi, double target) {
  const double scale = std::min(1.0, target / std::max(dpi, 1));
  cv::Mat small, ink;
  small = Shrink(gray, scale);
  cv::adaptiveThreshold(small, ink, 1, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 15, 12);
  const int max_side = static_cast<int>(target * 0.5);
  // A tone mark of 12 pt type is ~0.5 x 0.3 mm; dust is a pixel or two.
  const int min_area = std::max(2, static_cast<int>(std::lround(4 * (target / 150.0) * (target / 150.0))));
  KeepComponents(ink, 1, [&](const cv::Rect& r, int area) {
    return r.width <= max_side && r.height <= max_side && area >= min_area;
  });
  return ink;
}

// Letters of a word sit a fraction of their height apart along the line,
// while lines are further apart: smearing the ink along the lines joins
// each word into one blob; smearing across them joins far less. Returns
// blobs after smearing down the page over blobs after smearing across it
// (> 1: lines run across; < 1: they run down the page).
double LineDirection(const cv::Mat& ink, int dpi) {
  const int k = std::max(3, static_cast<int>(std::lround(dpi * 0.06)));
  cv::Mat across, down;
  cv::dilate(ink, across, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(k, 1)));
  cv::dilate(ink, down, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(1, k)));
  const int n_across = CountInkComponents(across);
  const int n_down = CountInkComponents(down);
  return static_cast<double>(std::max(n_down, 1)) / std::max(n_across, 1);
}

// How lopsided the ink of text lines is about their x-height band (given as
// the row sums of ink whose lines lie flat). Marks above the band (ascenders,
// capitals over lower case, tone marks) outweigh those below (descenders, the
// dot below) in upright text: by some 5% of all the lines' ink on Vietnamese
// pages, 10-20% on generated forms. Text in capitals and digits (receipts,
// headings, ID numbers) has next to nothing outside its band, so a balance of
// the marks alone is noise there (a till receipt's few commas and brackets
// made it -0.32).
struct WayUpEvidence {
  double balance = 0;  // (above - below) / (above + below): -1..1
  double net = 0;      // (above - below) / all the lines' ink
};
WayUpEvidence AboveBelowBalance(const std::vector<int>& rows) {
  const int n = static_cast<int>(rows.size());
  // Rows with almost no ink separate lines (a stray speck must not join two).
  const int page_peak = n ? *std::max_element(rows.begin(), rows.end()) : 0;
  const int gap = std::max(1, page_peak / 50);
  std::vector<std::pair<int, int>> lines;  // [top, bottom)
  for (int y = 0; y < n;) {
    while (y < n && rows[y] <= gap) ++y;
    const int top = y;
    while (y < n && rows[y] > gap) ++y;
    if (y - top >= 4) lines.emplace_back(top, y);
  }
  if (lines.empty()) return {};
  // A band of rows far taller than the page's usual line is not a line of
  // text: a photo, a textured desk around a photographed sheet, a box.
  std::vector<int> heights;
  for (const auto& [top, bottom] : lines) heights.push_back(bottom - top);
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const int tallest = 2 * heights[heights.size() / 2];
  double above = 0, below = 0, all = 0;
  for (const auto& [top, bottom] : lines) {
    if (bottom - top > tallest) continue;
    const int peak = *std::max_element(rows.begin() + top, rows.begin() + bottom);
    // The core band: the rows carrying at least 40% of the line's peak.
    int core_top = bottom, core_bottom = top;
    for (int k = top; k < bottom; ++k)
      if (rows[k] >= 0.4 * peak) {
        core_top = std::min(core_top, k);
        core_bottom = std::max(core_bottom, k);
      }
    // Marks stand less than a band's height above or below it; ink
    // further out is another line run into this one (lines set close, a
    // stroke joining them), whose own band would count as marks.
    const int band = core_bottom - core_top + 1;
    if (core_top - top > band || bottom - 1 - core_bottom > band) continue;
    for (int k = top; k < bottom; ++k) {
      all += rows[k];
      if (k < core_top) above += rows[k];
      if (k > core_bottom) below += rows[k];
    }
  }
  WayUpEvidence e;
  if (above + below > 0) e.balance = (above - below) / (above + below);
  if (all > 0) e.net = (above - below) / all;
  return e;
}

}  // namespace

OrientationEstimate EstimateOrientation(const cv::Mat& gray, int dpi, const OrientationOptions& options) {
  OrientationEstimate est;
  if (gray.empty()) return est;
  cv::Mat ink = TextInk(gray, dpi, 100);
  cv::Mat fine = TextInk(gray, dpi, 150);       // tone marks need the detail
  if (cv::countNonZero(ink) < 200) return est;  // nothing to go by
  // Which way the lines run, by smearing; the skew that straightens them,
  // by profiles (smearing is robust to short text blocks, profiles to skew).
  const double direction_ratio = LineDirection(ink, 100);
  // The same question by profiles: the sharpest row profile over the skew
  // range against the sharpest column profile (robust to noise and skew,
  // where smearing joins everything).
  const InkProfile across(ink);
  double best_across = 0, best_down = 0, coarse_down = 0;
  const double coarse_across = across.Search(-options.max_skew, options.max_skew, 1.0, &best_across);
  est.direction_smear = direction_ratio;
  // Smearing decides when it can; when it cannot (heavy skew, noise) the
  // profiles do, with little confidence, so that a judge is asked.
  double vote = std::log(std::max(direction_ratio, 1e-6));
  // The columns' profile, when the lines may run down the page (when the
  // smearing says they run across, it is not needed: most pages).
  InkProfile down;
  if (vote < 0.1) {
    down = across.TurnedClockwise();
    coarse_down = down.Search(-options.max_skew, options.max_skew, 1.0, &best_down);
    // Sharpness is per unit of width: back to totals, comparable both ways.
    const double profile_ratio = (best_across * ink.cols) / std::max(best_down * ink.rows, 1e-9);
    est.direction_profile = profile_ratio;
    if (std::abs(vote) < 0.1 && std::abs(std::log(std::max(profile_ratio, 1e-6))) > 0.2)
      vote = profile_ratio > 1 ? 0.05 : -0.05;
  }
  const bool sideways = vote < 0;
  const InkProfile& profile = sideways ? down : across;
  const double coarse = sideways ? coarse_down : coarse_across;
  // Lines must lie flat to the tenth of a degree, or the x-height band
  // smears over the marks above and below it.
  const double angle = profile.Search(coarse - 0.9, coarse + 0.9, 0.1);
  const InkProfile fine_across(fine);
  const WayUpEvidence up = AboveBelowBalance((sideways ? fine_across.TurnedClockwise() : fine_across).Rows(angle));
  est.rotation = (sideways ? 90 : 0) + (up.balance < 0 ? 180 : 0);
  // Confident when both answers are clear: the line direction by how far
  // the smearing ratio is from even, the way up by how much of the lines'
  // ink the marks tip to one side.
  const double direction = std::abs(vote);
  const double way_up = std::min(1.0, std::abs(up.net) / options.sure_way_up_net);
  est.confidence = std::min(direction * 2, 1.0) * way_up;
  est.balance = up.balance;
  est.net_balance = up.net;
  est.skew_deg = angle;
  return est;
}

cv::Mat RotateClockwise(const cv::Mat& image, int degrees) {
  cv::Mat out;
  switch ((degrees % 360 + 360) % 360) {
    case 90: cv::rotate(image, out, cv::ROTATE_90_CLOCKWISE); return out;
    case 180: cv::rotate(image, out, cv::ROTATE_180); return out;
    case 270: cv::rotate(image, out, cv::ROTATE_90_COUNTERCLOCKWISE); return out;
    default: return image;
  }
}

}  // namespace hoso
