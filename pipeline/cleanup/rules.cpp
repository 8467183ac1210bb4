// Combs: the boxes a form prints for the characters of a value, one to a
// box, as the residence form CT01 (Circular 66/2023) prints the twelve
// digits of a personal ID number. Tesseract reads the boxes' sides as "1"
// or "|" among the digits (an ID of 12 digits came out with 20), so they
// are erased before OCR. A comb is a rule across (a thin straight run of
// ink at least ~25 mm long, longer than a stamp's flattest arc) met by four
// sides or more (thin runs down, taller than a letter's stem) at an even
// pitch of a character's width. Other rules are left: a table's grid keeps
// its columns together in the reading order, and Tesseract reads past a
// lone rule (erasing them cost 40 real till receipts 0.8 points of CER).
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "cleanup/cleanup.h"
#include "cleanup/components.h"
#include "cleanup/geometry.h"

namespace hoso {

namespace {

// Components of a mask with their label image, stats and centroids, as
// LabelInkComponents gives them (row 0: the background).
struct Components {
  cv::Mat labels, stats, centroids;
  int n = 0;
};

// The components of `mask` no thicker than `max_thick` across their run
// (height for rules across, width for rules down), labelled 1..n-1 in the
// order a labelling of a mask of them alone would give: one labelling,
// not two.
Components ThinComponents(const cv::Mat& mask, int max_thick, bool across) {
  Components all;
  all.n = LabelInkComponents(mask, all.labels, all.stats, all.centroids);
  std::vector<int> to(static_cast<size_t>(all.n), 0);
  int kept = 1;
  for (int i = 1; i < all.n; ++i) {
    const int w = all.stats.at<int>(i, cv::CC_STAT_WIDTH), h = all.stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const int area = all.stats.at<int>(i, cv::CC_STAT_AREA);
    const int length = across ? w : h;
    // Mean thickness: a slightly tilted rule spans a few rows, yet is thin.
    if (length > 0 && area / length <= max_thick) to[static_cast<size_t>(i)] = kept++;
  }
  Components thin;
  thin.n = kept;
  thin.stats = cv::Mat(kept, all.stats.cols, all.stats.type());
  thin.centroids = cv::Mat(kept, all.centroids.cols, all.centroids.type());
  all.stats.row(0).copyTo(thin.stats.row(0));
  all.centroids.row(0).copyTo(thin.centroids.row(0));
  for (int i = 1; i < all.n; ++i)
    if (const int k = to[static_cast<size_t>(i)]) {
      all.stats.row(i).copyTo(thin.stats.row(k));
      all.centroids.row(i).copyTo(thin.centroids.row(k));
    }
  thin.labels = all.labels;  // relabelled in place
  for (int y = 0; y < thin.labels.rows; ++y) {
    int* l = thin.labels.ptr<int>(y);
    for (int x = 0; x < thin.labels.cols; ++x) l[x] = to[static_cast<size_t>(l[x])];
  }
  return thin;
}

}  // namespace

int RemoveRules(cv::Mat& gray, int dpi, const RuleOptions& options) {
  if (gray.empty() || gray.type() != CV_8UC1 || !options.enabled) return 0;
  // Found at ~150 dpi, erased at full resolution.
  const double scale = std::min(1.0, 150.0 / std::max(dpi, 1));
  const cv::Mat small = Shrink(gray, scale);
  const double mm = std::max(dpi * scale, 72.0) / 25.4;
  cv::Mat ink;
  cv::adaptiveThreshold(small, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV,
                        (static_cast<int>(dpi * scale / 10) | 1), 20);
  const int thick = std::max(2, static_cast<int>(std::lround(options.max_thickness_mm * mm)));
  // A scanned rule has gaps (a thermal printer's, a faded stretch) and
  // steps a row where it is not quite level: bridged first, or it breaks
  // into pieces too short to be taken for a rule, left as dashes.
  cv::Mat bridged;
  cv::morphologyEx(ink, bridged, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {5, 3}));
  const cv::Mat across = OpenAlong(bridged, std::max(8, static_cast<int>(options.min_across_mm * mm)), true);
  const Components rule = ThinComponents(across, thick, true);
  if (rule.n <= 1) return 0;  // no rule across, so no comb (most pages)
  const cv::Mat down = OpenAlong(ink, std::max(6, static_cast<int>(options.min_down_mm * mm)), false);
  const Components side = ThinComponents(down, thick, false);
  if (side.n <= 4) return 0;  // a comb has four sides or more
  const cv::Mat &across_labels = rule.labels, &across_stats = rule.stats;
  const cv::Mat &labels = side.labels, &stats = side.stats, &centroids = side.centroids;
  const int rules_across = rule.n, n = side.n;
  // Sides that meet a rule across at their top or bottom, by that rule.
  std::vector<std::vector<int>> sides(static_cast<size_t>(rules_across));  // side labels meeting each rule
  for (int i = 1; i < n; ++i) {
    const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                     stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    for (const int end_y : {r.y, r.y + r.height - 1}) {
      const cv::Rect window =
          cv::Rect(r.x - 1, end_y - thick, r.width + 2, 2 * thick + 1) & cv::Rect(0, 0, ink.cols, ink.rows);
      int met = 0;
      for (int y = window.y; y < window.y + window.height && !met; ++y)
        for (int x = window.x; x < window.x + window.width && !met; ++x) met = across_labels.at<int>(y, x);
      if (met) sides[static_cast<size_t>(met)].push_back(i);
    }
  }
  // A comb: four sides or more on one rule, at a character's pitch (at most
  // ~12 mm), evenly. A table's grid (columns of their own widths), a
  // receipt's or a letter's lone rule are left: they keep a table's
  // columns together in the reading order, and Tesseract reads past them.
  cv::Mat rules = cv::Mat::zeros(ink.size(), CV_8UC1);
  int count = 0;
  for (int a = 1; a < rules_across; ++a) {
    std::vector<int>& on = sides[static_cast<size_t>(a)];
    if (on.size() < 4) continue;
    std::vector<double> xs;
    for (int i : on) xs.push_back(centroids.at<double>(i, 0));
    std::sort(xs.begin(), xs.end());
    std::vector<double> pitch;
    for (size_t k = 1; k < xs.size(); ++k) pitch.push_back(xs[k] - xs[k - 1]);
    std::vector<double> sorted = pitch;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[sorted.size() / 2];
    if (median > options.max_pitch_mm * mm || sorted.back() > 1.5 * median || sorted.front() < 0.5 * median) continue;
    // Boxes are paper inside: a banner of white letters on black also
    // shows thin runs across and down.
    cv::Rect box(across_stats.at<int>(a, cv::CC_STAT_LEFT), across_stats.at<int>(a, cv::CC_STAT_TOP),
                 across_stats.at<int>(a, cv::CC_STAT_WIDTH), 1);
    for (int i : on)
      box |= cv::Rect(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                      stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    if (cv::countNonZero(ink(box)) > 0.35 * box.area()) continue;
    rules.setTo(255, across_labels == a);
    for (int i : on) {
      const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                       stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
      rules(r).setTo(255, labels(r) == i);
    }
    ++count;
  }
  if (count == 0) return 0;
  // To full resolution, a little wider (a rule's grey edges), painted with
  // the paper's tone.
  cv::Mat full;
  cv::resize(rules, full, gray.size(), 0, 0, cv::INTER_NEAREST);
  const int grow = std::max(1, static_cast<int>(std::lround(1.0 / scale)));
  cv::dilate(full, full, cv::getStructuringElement(cv::MORPH_RECT, {2 * grow + 1, 2 * grow + 1}));
  // The paper: the brightest tenth of the page.
  int hist[256] = {0};
  for (int y = 0; y < gray.rows; y += 4) {
    const uchar* g = gray.ptr<uchar>(y);
    for (int x = 0; x < gray.cols; x += 4) ++hist[g[x]];
  }
  int total = 0, seen = 0, paper = 255;
  for (int v : hist) total += v;
  for (int v = 255; v >= 0; --v)
    if ((seen += hist[v]) >= total / 10) {
      paper = v;
      break;
    }
  gray.setTo(paper, full);
  return count;
}

}  // namespace hoso
