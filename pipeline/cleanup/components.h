// The 8-connected components of an ink mask, found run by run. Every
// cleanup step and the OCR's layout check label a mask of the page's ink
// (a page is ~5% ink): OpenCV's labelling visits every pixel twice and
// updates its statistics at each one, background included, and was 5% of
// all the CPU a page costs. Here a row is scanned for its runs of ink eight
// bytes at a time, runs are joined to the runs they touch in the row above,
// and the statistics are summed run by run.
#pragma once

#include <opencv2/core.hpp>

#include <functional>
#include <vector>

namespace hoso {

// One horizontal run of ink: row y, columns [x0, x1).
struct InkRun {
  int y = 0, x0 = 0, x1 = 0;
  int label = 0;  // its component, 1..n
};

// A mask's components: its runs in raster order, each with its component's
// label. Components are numbered 1..n in the raster order of their first
// pixel (top to bottom, left to right).
struct InkComponents {
  std::vector<InkRun> runs;
  int count = 0;  // n: labels are 1..count
};

// The components of `mask` (CV_8UC1, non-zero: ink).
InkComponents FindInkComponents(const cv::Mat& mask);

// cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8,
// CV_32S), computed from the runs: returns the number of labels (n + 1, the
// background's 0 among them), `labels` (CV_32S), `stats` (CV_32S, n + 1
// rows of CC_STAT_*) and `centroids` (CV_64F). The components are the same,
// numbered in the raster order of their first pixel (OpenCV's block
// algorithms number some in another order). Row 0, the background, has its
// area; its box is the whole mask and its centroid the mask's centre.
int LabelInkComponents(const cv::Mat& mask, cv::Mat& labels, cv::Mat& stats, cv::Mat& centroids);

// The number of components (cv::connectedComponents(mask, ..., 8) - 1).
int CountInkComponents(const cv::Mat& mask);

// cv::morphologyEx(mask, out, cv::MORPH_OPEN, a length x 1 rectangle) for
// `across` (or 1 x length), with OpenCV's borders, for a mask of 0 and 255
// (ink), worked out run by run:
// a run of ink across (or down) at least `length` long is kept (shifted a
// pixel when `length` is even, as OpenCV's anchor has it); a run that
// reaches the mask's edge counts as running on beyond it. Rules across and
// down a page are found so: OpenCV's opening visits each pixel `length`
// times.
cv::Mat OpenAlong(const cv::Mat& mask, int length, bool across);

// Keeps the components of `mask` for which keep(box, area) is true, as
// `value`; clears the rest.
void KeepComponents(cv::Mat& mask, uchar value, const std::function<bool(const cv::Rect& box, int area)>& keep);

}  // namespace hoso
