// Dotted leaders: the ". . . . ." that forms print for a value to be written
// on. Tesseract reads long runs of them as garbage ("££22EE…") and loses the
// value beside them, so they are erased before OCR. A leader is a run of
// small lone dots of one size on one baseline at one pitch: the periods of
// running text are too few and too irregular to qualify, the marks of
// Vietnamese letters are not lone (a letter sits right above or below them),
// and scanner noise (specks between and around the dots) is stepped over
// rather than breaking the run.
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "cleanup/cleanup.h"
#include "cleanup/components.h"
#include "cleanup/geometry.h"

namespace hoso {
namespace {

struct Dot {
  int label;
  double x, y;
  int area;
};

// Rows of dots: the peaks of the dots' vertical histogram, each with the
// dots within `tol` of it. (A leader's dots share a baseline to a pixel or
// two once the page is deskewed; a fixed window starting at whichever dot
// comes first could cut one leader in two.)
std::vector<std::vector<Dot>> DotRows(const std::vector<Dot>& dots, int height, double tol, int min_dots) {
  std::vector<int> hist(static_cast<size_t>(height) + 1, 0);
  for (const Dot& d : dots) ++hist[static_cast<size_t>(std::clamp(static_cast<int>(std::lround(d.y)), 0, height))];
  const int r = std::max(1, static_cast<int>(std::lround(tol)));
  std::vector<int> near(hist.size(), 0);  // dots within r rows
  for (int y = 0; y <= height; ++y)
    for (int k = std::max(0, y - r); k <= std::min(height, y + r); ++k)
      near[static_cast<size_t>(y)] += hist[static_cast<size_t>(k)];
  std::vector<std::vector<Dot>> rows;
  int last_peak = -10 * r;
  for (int y = 0; y <= height; ++y) {
    const int v = near[static_cast<size_t>(y)];
    if (v < min_dots) continue;
    // A local maximum (the first of a plateau), away from the last peak.
    bool peak = true;
    for (int k = std::max(0, y - 2 * r); k <= std::min(height, y + 2 * r) && peak; ++k)
      if (near[static_cast<size_t>(k)] > v || (k < y && near[static_cast<size_t>(k)] == v)) peak = false;
    if (!peak || y - last_peak <= r) continue;
    last_peak = y;
    // The row's centre: the mean of the dots around the peak (a plateau's
    // first row may lie at its edge).
    double sum = 0;
    int count = 0;
    for (const Dot& d : dots)
      if (std::abs(d.y - y) <= 2 * r) sum += d.y, ++count;
    const double centre = sum / std::max(count, 1);
    std::vector<Dot> row;
    for (const Dot& d : dots)
      if (std::abs(d.y - centre) <= tol) row.push_back(d);
    std::sort(row.begin(), row.end(), [](const Dot& a, const Dot& b) { return a.x < b.x; });
    rows.push_back(std::move(row));
  }
  return rows;
}

struct Pitch {
  double min, max;  // of the first two dots
  double max_gap;   // over dots lost between two
};

// Extends `run` (indices into row, in order, at `pitch`) dot by dot in
// direction dir (+1 right, -1 left): each next dot is one pitch on (or two
// or three, over dots lost to a faded scan), of the run's size; specks
// between are stepped over. A dot of the run's size half a pitch on means
// the first two dots had one lost between them: the pitch is halved.
void Extend(const std::vector<Dot>& row, std::vector<size_t>& run, double& pitch, double area, const Pitch& limits,
            int dir) {
  for (long k = static_cast<long>(dir > 0 ? run.back() : run.front()) + dir;
       k >= 0 && k < static_cast<long>(row.size()); k += dir) {
    const Dot& d = row[static_cast<size_t>(k)];
    const double gap = std::abs(d.x - row[dir > 0 ? run.back() : run.front()].x);
    const bool same_size = d.area <= 2.5 * area && d.area * 2.5 >= area;
    if (same_size && pitch / 2 >= limits.min && std::abs(gap - pitch / 2) <= 0.125 * pitch) pitch /= 2;
    const double steps = std::round(gap / pitch);
    if (gap < 0.7 * pitch) continue;               // a speck between two dots
    if (steps > 3 || gap > limits.max_gap) break;  // the run has ended
    // Off the pitch, or of another size: a speck (or the text that follows).
    if (std::abs(gap - steps * pitch) > 0.25 * pitch || !same_size) continue;
    if (dir > 0) {
      run.push_back(static_cast<size_t>(k));
    } else {
      run.insert(run.begin(), static_cast<size_t>(k));
    }
    // The pitch, from the whole run so far (steady against a dot's jitter).
    double count = 0;
    for (size_t i = 1; i < run.size(); ++i) count += std::round((row[run[i]].x - row[run[i - 1]].x) / pitch);
    pitch = (row[run.back()].x - row[run.front()].x) / count;
  }
}

// The longest run that starts with row[first] and row[second], extended
// to the right and then back to the left (a faded leader may begin with
// dots further apart than any pitch).
std::vector<size_t> Run(const std::vector<Dot>& row, size_t first, size_t second, const Pitch& limits) {
  double pitch = row[second].x - row[first].x;
  if (pitch < limits.min || pitch > limits.max) return {};
  if (std::max(row[first].area, row[second].area) > 2.5 * std::min(row[first].area, row[second].area)) return {};
  const double area = (row[first].area + row[second].area) / 2.0;
  std::vector<size_t> run = {first, second};
  Extend(row, run, pitch, area, limits, +1);
  Extend(row, run, pitch, area, limits, -1);
  return run;
}

// Whether a dot stands alone in its column: no letter right above it (the
// dot below ạ, ị, ọ...) or right below it (a tone mark, the dot of an i)
// within `reach` pixels. A leader's dots have only paper there.
bool Lone(const cv::Mat& ink, const cv::Rect& box, int reach) {
  const cv::Rect page(0, 0, ink.cols, ink.rows);
  const int x0 = box.x - 1, w = box.width + 2;
  for (const cv::Rect band :
       {cv::Rect(x0, box.y - reach - 1, w, reach), cv::Rect(x0, box.y + box.height + 1, w, reach)}) {
    const cv::Rect r = band & page;
    if (r.area() > 0 && cv::countNonZero(ink(r)) >= std::max(4, box.area() / 2)) return false;
  }
  return true;
}

struct Leader {
  double end;    // x of its last dot
  double pitch;  // mean
  int area;      // of its last dot
};

double Median(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// A value that nearly fills its line leaves a leader of a few dots, too few
// to be told from an ellipsis by itself. But a form's leaders all end at
// its right margin: two or more dots at the leaders' pitch and size, the
// last of them at that margin, are a leader's tail. Returns how many.
int EraseTails(const std::vector<Dot>& dots, const std::vector<Leader>& leaders, std::vector<uchar>& erase, int height,
               double row_tol, double mm) {
  if (leaders.size() < 2) return 0;
  std::vector<double> ends, pitches, areas;
  for (const Leader& l : leaders) ends.push_back(l.end), pitches.push_back(l.pitch), areas.push_back(l.area);
  const double edge = Median(ends), pitch = Median(pitches), area = Median(areas);
  // The margin is a margin only if at least two leaders end at it.
  if (std::count_if(ends.begin(), ends.end(), [&](double e) { return std::abs(e - edge) <= 0.5 * pitch; }) < 2)
    return 0;
  std::vector<Dot> left;
  for (const Dot& d : dots)
    if (!erase[static_cast<size_t>(d.label)]) left.push_back(d);
  int tails = 0;
  for (const std::vector<Dot>& row : DotRows(left, height, row_tol, 2)) {
    auto like = [&](const Dot& d) { return d.area <= 2.5 * area && d.area * 2.5 >= area; };
    long last = -1;
    for (size_t k = 0; k < row.size(); ++k)
      if (std::abs(row[k].x - edge) <= 0.5 * pitch && like(row[k])) last = static_cast<long>(k);
    if (last < 0) continue;
    std::vector<size_t> tail = {static_cast<size_t>(last)};
    for (long k = last - 1; k >= 0; --k) {
      const double gap = row[tail.back()].x - row[static_cast<size_t>(k)].x;
      if (gap > 1.25 * pitch || gap > 3 * mm) break;
      if (gap >= 0.75 * pitch && like(row[static_cast<size_t>(k)])) tail.push_back(static_cast<size_t>(k));
    }
    if (tail.size() < 2) continue;
    for (size_t k : tail) erase[static_cast<size_t>(row[k].label)] = 1;
    ++tails;
  }
  return tails;
}

}  // namespace

int RemoveLeaders(cv::Mat& gray, int dpi, const LeaderOptions& options) {
  if (gray.empty() || gray.type() != CV_8UC1) return 0;
  // Dots are found at ~150 dpi (a leader dot is still 2-3 pixels there, and
  // the page has a quarter of the pixels), and erased at full resolution.
  const double scale = std::min(1.0, 150.0 / std::max(dpi, 1));
  const cv::Mat small = Shrink(gray, scale);
  const double small_dpi = dpi * scale;
  cv::Mat ink;
  cv::adaptiveThreshold(small, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV,
                        (static_cast<int>(small_dpi / 10) | 1), 20);
  cv::Mat labels, stats, centroids;
  const int n = LabelInkComponents(ink, labels, stats, centroids);
  // A dot of 10-14 pt type is ~0.3-0.6 mm: at most ~1 mm each side, and at
  // least ~0.15 mm² (a single pixel at 150 dpi is a speck of noise).
  const double mm = std::max(small_dpi, 72.0) / 25.4;
  const int max_side = static_cast<int>(std::ceil(1.0 * mm));
  const int min_area = std::max(1, static_cast<int>(std::lround(0.06 * mm * mm)));
  const int reach = static_cast<int>(std::lround(1.5 * mm));
  std::vector<Dot> dots;
  for (int i = 1; i < n; ++i) {
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (w <= max_side && h <= max_side && area >= min_area && w <= 2.5 * h && h <= 2.5 * w &&
        Lone(ink, cv::Rect(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), w, h), reach))
      dots.push_back({i, centroids.at<double>(i, 0), centroids.at<double>(i, 1), area});
  }
  std::vector<uchar> erase(n, 0);
  std::vector<Leader> leaders;
  int runs = 0;
  const double row_tol = std::max(1.5, 0.3 * mm);
  const Pitch limits{0.6 * mm, 3.0 * mm, 6.0 * mm};
  for (const std::vector<Dot>& row : DotRows(dots, small.rows, row_tol, options.min_dots)) {
    size_t i = 0;
    while (i + 1 < row.size()) {
      // The run from dot i, paired with whichever of the next few dots
      // gives the longest (the nearest may be a speck).
      std::vector<size_t> best;
      for (size_t j = i + 1; j < row.size() && j <= i + 4; ++j) {
        std::vector<size_t> run = Run(row, i, j, limits);
        if (run.size() > best.size()) best = std::move(run);
      }
      if (best.size() >= static_cast<size_t>(options.min_dots)) {
        for (size_t k : best) erase[static_cast<size_t>(row[k].label)] = 1;
        leaders.push_back({row[best.back()].x, (row[best.back()].x - row[best.front()].x) / (best.size() - 1),
                           row[best.back()].area});
        ++runs;
        i = best.back() + 1;
      } else {
        ++i;
      }
    }
  }
  runs += EraseTails(dots, leaders, erase, small.rows, row_tol, mm);
  if (!runs) return 0;
  // Each erased dot's box, back at full resolution with a reduced pixel
  // and one more to spare: the box held nothing but the dot at the reduced
  // size, and a blurred dot's rim is paler than the threshold but still
  // grey (Tesseract read the ghosts of a blurred leader as "_ — ¬").
  const cv::Rect page(0, 0, gray.cols, gray.rows);
  const int spare = 1 + static_cast<int>(std::ceil(1 / scale));
  for (int i = 1; i < n; ++i) {
    if (!erase[static_cast<size_t>(i)]) continue;
    const cv::Rect box(static_cast<int>(std::floor(stats.at<int>(i, cv::CC_STAT_LEFT) / scale)) - spare,
                       static_cast<int>(std::floor(stats.at<int>(i, cv::CC_STAT_TOP) / scale)) - spare,
                       static_cast<int>(std::ceil(stats.at<int>(i, cv::CC_STAT_WIDTH) / scale)) + 2 * spare,
                       static_cast<int>(std::ceil(stats.at<int>(i, cv::CC_STAT_HEIGHT) / scale)) + 2 * spare);
    gray(box & page).setTo(255);
  }
  return runs;
}

}  // namespace hoso
