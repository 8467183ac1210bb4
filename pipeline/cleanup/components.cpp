#include "cleanup/components.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace hoso {

namespace {

constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;

uint64_t Word(const uchar* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

bool HasZeroByte(uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; }

// Appends row y's runs of ink.
void AddRowRuns(const uchar* p, int w, int y, std::vector<InkRun>& out) {
  int x = 0;
  while (x < w) {
    while (x + 8 <= w && Word(p + x) == 0) x += 8;
    while (x < w && !p[x]) ++x;
    if (x >= w) break;
    const int start = x;
    while (x + 8 <= w && !HasZeroByte(Word(p + x))) x += 8;
    while (x < w && p[x]) ++x;
    out.push_back({y, start, x, 0});
  }
}

int Root(std::vector<int>& parent, int i) {
  while (parent[static_cast<size_t>(i)] != i) {
    parent[static_cast<size_t>(i)] = parent[static_cast<size_t>(parent[static_cast<size_t>(i)])];
    i = parent[static_cast<size_t>(i)];
  }
  return i;
}

// Component statistics summed run by run.
struct Stats {
  int left = 0, top = 0, right = 0, bottom = 0;  // inclusive
  int area = 0;
  double sum_x = 0, sum_y = 0;
};

std::vector<Stats> SumStats(const InkComponents& c) {
  std::vector<Stats> s(static_cast<size_t>(c.count) + 1);
  for (const InkRun& r : c.runs) {
    Stats& t = s[static_cast<size_t>(r.label)];
    const int len = r.x1 - r.x0;
    if (t.area == 0) {
      t.left = r.x0, t.top = r.y, t.right = r.x1 - 1, t.bottom = r.y;
    } else {
      t.left = std::min(t.left, r.x0);
      t.right = std::max(t.right, r.x1 - 1);
      t.bottom = r.y;  // runs come in raster order
    }
    t.area += len;
    t.sum_x += (static_cast<double>(r.x0) + r.x1 - 1) * len / 2;
    t.sum_y += static_cast<double>(r.y) * len;
  }
  return s;
}

}  // namespace

InkComponents FindInkComponents(const cv::Mat& mask) {
  CV_Assert(mask.type() == CV_8UC1);
  InkComponents c;
  std::vector<int> parent;
  size_t above = 0, above_end = 0;  // the previous row's runs
  for (int y = 0; y < mask.rows; ++y) {
    const size_t first = c.runs.size();
    AddRowRuns(mask.ptr<uchar>(y), mask.cols, y, c.runs);
    const size_t end = c.runs.size();
    for (size_t j = first; j < end; ++j) parent.push_back(static_cast<int>(j));
    // 8-connected: a run above touches [x0, x1) when it reaches x0 - 1..x1.
    size_t i = above;
    for (size_t j = first; j < end; ++j) {
      const InkRun& run = c.runs[j];
      while (i < above_end && c.runs[i].x1 < run.x0) ++i;
      for (size_t k = i; k < above_end && c.runs[k].x0 <= run.x1; ++k) {
        const int a = Root(parent, static_cast<int>(j)), b = Root(parent, static_cast<int>(k));
        if (a != b) parent[static_cast<size_t>(std::max(a, b))] = std::min(a, b);
      }
    }
    above = first;
    above_end = end;
  }
  // A component's root is its first run: numbered as met.
  std::vector<int> label(c.runs.size(), 0);
  for (size_t r = 0; r < c.runs.size(); ++r) {
    const int root = Root(parent, static_cast<int>(r));
    label[r] = root == static_cast<int>(r) ? ++c.count : label[static_cast<size_t>(root)];
    c.runs[r].label = label[r];
  }
  return c;
}

int LabelInkComponents(const cv::Mat& mask, cv::Mat& labels, cv::Mat& stats, cv::Mat& centroids) {
  const InkComponents c = FindInkComponents(mask);
  const std::vector<Stats> s = SumStats(c);
  labels.create(mask.size(), CV_32S);
  labels.setTo(0);
  for (const InkRun& r : c.runs) std::fill(labels.ptr<int>(r.y) + r.x0, labels.ptr<int>(r.y) + r.x1, r.label);
  const int n = c.count + 1;
  stats.create(n, cv::CC_STAT_MAX, CV_32S);
  centroids.create(n, 2, CV_64F);
  int ink = 0;
  for (int i = 1; i < n; ++i) {
    const Stats& t = s[static_cast<size_t>(i)];
    int* row = stats.ptr<int>(i);
    row[cv::CC_STAT_LEFT] = t.left;
    row[cv::CC_STAT_TOP] = t.top;
    row[cv::CC_STAT_WIDTH] = t.right - t.left + 1;
    row[cv::CC_STAT_HEIGHT] = t.bottom - t.top + 1;
    row[cv::CC_STAT_AREA] = t.area;
    centroids.at<double>(i, 0) = t.sum_x / t.area;
    centroids.at<double>(i, 1) = t.sum_y / t.area;
    ink += t.area;
  }
  int* background = stats.ptr<int>(0);
  background[cv::CC_STAT_LEFT] = 0;
  background[cv::CC_STAT_TOP] = 0;
  background[cv::CC_STAT_WIDTH] = mask.cols;
  background[cv::CC_STAT_HEIGHT] = mask.rows;
  background[cv::CC_STAT_AREA] = mask.cols * mask.rows - ink;
  centroids.at<double>(0, 0) = (mask.cols - 1) / 2.0;
  centroids.at<double>(0, 1) = (mask.rows - 1) / 2.0;
  return n;
}

namespace {

// OpenAlong for rows: each row's runs of ink eroded and dilated by a
// window [x - a, x - a + length - 1] (a = length / 2), outside the row
// ink for the erosion and paper for the dilation.
void OpenRows(const cv::Mat& mask, cv::Mat& out, int length) {
  out = cv::Mat::zeros(mask.size(), CV_8UC1);
  const int w = mask.cols, a = length / 2;
  std::vector<InkRun> runs;
  for (int y = 0; y < mask.rows; ++y) {
    runs.clear();
    AddRowRuns(mask.ptr<uchar>(y), w, y, runs);
    uchar* row = out.ptr<uchar>(y);
    for (const InkRun& r : runs) {
      // Eroded: x whose window lies in the run (or beyond an edge it reaches).
      const int lo = r.x0 == 0 ? 0 : r.x0 + a;
      const int hi = r.x1 == w ? w - 1 : r.x1 - length + a;
      if (lo > hi) continue;
      // Dilated: every y whose window meets [lo, hi].
      const int from = std::max(0, lo - length + 1 + a), to = std::min(w - 1, hi + a);
      std::fill(row + from, row + to + 1, uchar{255});
    }
  }
}

}  // namespace

cv::Mat OpenAlong(const cv::Mat& mask, int length, bool across) {
  CV_Assert(mask.type() == CV_8UC1 && length >= 1);
  cv::Mat out;
  if (across) {
    OpenRows(mask, out, length);
    return out;
  }
  cv::Mat turned, opened;
  cv::transpose(mask, turned);
  OpenRows(turned, opened, length);
  cv::transpose(opened, out);
  return out;
}

int CountInkComponents(const cv::Mat& mask) { return FindInkComponents(mask).count; }

void KeepComponents(cv::Mat& mask, uchar value, const std::function<bool(const cv::Rect& box, int area)>& keep) {
  const InkComponents c = FindInkComponents(mask);
  const std::vector<Stats> s = SumStats(c);
  std::vector<uchar> kept(s.size(), 0);
  for (size_t i = 1; i < s.size(); ++i) {
    const Stats& t = s[i];
    kept[i] = keep(cv::Rect(t.left, t.top, t.right - t.left + 1, t.bottom - t.top + 1), t.area);
  }
  mask.setTo(0);
  for (const InkRun& r : c.runs)
    if (kept[static_cast<size_t>(r.label)]) std::fill(mask.ptr<uchar>(r.y) + r.x0, mask.ptr<uchar>(r.y) + r.x1, value);
}

}  // namespace hoso
