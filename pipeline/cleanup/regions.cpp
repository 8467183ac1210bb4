// Solid dark regions that carry no text: scanner borders, punch-hole
// shadows, the photo on an ID copy. Text is dark and busy (strokes and
// gaps alternate within a few millimetres); these are dark and smooth. At
// ~50 dpi, where scanner noise averages out, a pixel clearly darker than
// the paper around it whose neighbourhood barely varies belongs to such a
// region; regions at least a few millimetres a side are painted with the
// paper's level before the illumination step (which would otherwise turn a
// grey photo into a frame of grey edges that Tesseract reads as letters).
//
// "The paper around it" is not one level: light falling off towards a
// corner makes half a page as dark as a border. The paper is a smooth
// surface (a cubic in x and y) fitted to the bright level of each
// few-millimetre block, refitted without the blocks far below it (borders,
// photos): a gradient of light is smooth and the fit follows it; a border
// has an edge and stays below it.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "cleanup/cleanup.h"
#include "cleanup/components.h"
#include "cleanup/geometry.h"

namespace hoso {
namespace {

constexpr int kTerms = 10;  // 1, u, v, u², uv, v², u³, u²v, uv², v³

std::array<double, kTerms> Monomials(double u, double v) {
  return {1, u, v, u * u, u * v, v * v, u * u * u, u * u * v, u * v * v, v * v * v};
}

// The paper's level over `small` (CV_8UC1), as a CV_32F image of its size.
cv::Mat PaperSurface(const cv::Mat& small, int block) {
  struct Sample {
    double u, v, level;
  };
  std::vector<Sample> samples;
  std::vector<uchar> values;
  const double half_w = small.cols / 2.0, half_h = small.rows / 2.0;
  for (int y0 = 0; y0 < small.rows; y0 += block)
    for (int x0 = 0; x0 < small.cols; x0 += block) {
      const cv::Rect r = cv::Rect(x0, y0, block, block) & cv::Rect(0, 0, small.cols, small.rows);
      values.clear();
      for (int y = r.y; y < r.y + r.height; ++y)
        values.insert(values.end(), small.ptr<uchar>(y) + r.x, small.ptr<uchar>(y) + r.x + r.width);
      auto nth = values.begin() + static_cast<long>(values.size() * 9 / 10);
      std::nth_element(values.begin(), nth, values.end());  // the block's paper: its brightest tenth
      samples.push_back(
          {(r.x + r.width / 2.0) / half_w - 1, (r.y + r.height / 2.0) / half_h - 1, static_cast<double>(*nth)});
    }
  std::vector<bool> use(samples.size(), true);
  cv::Mat coef(kTerms, 1, CV_64F, cv::Scalar(0));
  for (int round = 0; round < 4; ++round) {
    cv::Mat a(0, kTerms, CV_64F), b(0, 1, CV_64F);
    for (size_t i = 0; i < samples.size(); ++i) {
      if (!use[i]) continue;
      const auto m = Monomials(samples[i].u, samples[i].v);
      a.push_back(cv::Mat(1, kTerms, CV_64F, const_cast<double*>(m.data())).clone());
      b.push_back(samples[i].level);
    }
    if (a.rows < kTerms * 2 || !cv::solve(a, b, coef, cv::DECOMP_SVD)) break;
    // Blocks well below the surface are not paper: fit again without them.
    for (size_t i = 0; i < samples.size(); ++i) {
      const auto m = Monomials(samples[i].u, samples[i].v);
      double fit = 0;
      for (int k = 0; k < kTerms; ++k) fit += coef.at<double>(k) * m[k];
      use[i] = samples[i].level > fit - 15;
    }
  }
  // Row by row the cubic is one in u alone: a0 + a1 u + a2 u² + a3 u³.
  const double* k = coef.ptr<double>();
  cv::Mat surface(small.size(), CV_32FC1);
  for (int y = 0; y < small.rows; ++y) {
    const double v = (y + 0.5) / half_h - 1;
    const double a0 = k[0] + v * (k[2] + v * (k[5] + v * k[9])), a1 = k[1] + v * (k[4] + v * k[8]),
                 a2 = k[3] + v * k[7], a3 = k[6];
    float* row = surface.ptr<float>(y);
    for (int x = 0; x < small.cols; ++x) {
      const double u = (x + 0.5) / half_w - 1;
      row[x] = static_cast<float>(std::clamp(a0 + u * (a1 + u * (a2 + u * a3)), 0.0, 255.0));
    }
  }
  return surface;
}

// Paints the pixels of `frame` (a mask over the reduced page, at `scale`
// of the full one), widened by `margin` full-resolution pixels, with the
// paper's level where each lies: block by block from the reduced page (a
// frame is a tenth of the page; resizing masks and levels to full size
// cost more than the rest of the step).
void PaintFrame(cv::Mat& gray, const cv::Mat& frame, const cv::Mat& paper, double scale, double margin) {
  cv::Mat mask;
  const int m = 2 * static_cast<int>(std::ceil(margin * scale)) + 1;
  cv::dilate(frame, mask, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(m, m)));
  for (int y = 0; y < mask.rows; ++y) {
    const uchar* mk = mask.ptr<uchar>(y);
    const float* level = paper.ptr<float>(y);
    const int y0 = static_cast<int>(std::floor(y / scale)),
              y1 = std::min(gray.rows, static_cast<int>(std::ceil((y + 1) / scale)));
    for (int x = 0; x < mask.cols; ++x) {
      if (!mk[x]) continue;
      const int x0 = static_cast<int>(std::floor(x / scale)),
                x1 = std::min(gray.cols, static_cast<int>(std::ceil((x + 1) / scale)));
      const uchar v = cv::saturate_cast<uchar>(level[x]);
      for (int r = y0; r < y1; ++r) std::fill(gray.ptr<uchar>(r) + x0, gray.ptr<uchar>(r) + x1, v);
    }
  }
}

// Thin scanner borders: a band along an image edge a few pixels deep at
// 50 dpi, too thin for the texture test (its window straddles the band and
// the paper). Along each edge, each row (or column) is dark from the edge
// to some depth; when most rows of the edge are, the edge carries a band,
// and each row's dark run is painted with the paper's level, a margin
// deeper. Text reaching the image's edge darkens a few rows, not most.
int PaintEdgeBands(cv::Mat& gray, const cv::Mat& small, const cv::Mat& paper, double scale, double margin,
                   const SolidRegionOptions& options) {
  int bands = 0;
  for (int edge = 0; edge < 4; ++edge) {
    const bool vertical = edge < 2;  // left, right: runs along rows
    const int lines = vertical ? small.rows : small.cols, length = vertical ? small.cols : small.rows;
    const int max_depth = std::max(2, static_cast<int>(options.max_band_share * length));
    auto at = [&](const cv::Mat& m, int line, int d) -> float {
      const int x = vertical ? (edge == 0 ? d : length - 1 - d) : line;
      const int y = vertical ? line : (edge == 2 ? d : length - 1 - d);
      return m.type() == CV_32FC1 ? m.at<float>(y, x) : static_cast<float>(m.at<uchar>(y, x));
    };
    std::vector<int> depth(static_cast<size_t>(lines), 0);
    int dark_lines = 0;
    for (int line = 0; line < lines; ++line) {
      int d = 0;
      while (d < max_depth && at(paper, line, d) - at(small, line, d) > options.min_darkness) ++d;
      depth[static_cast<size_t>(line)] = d;
      dark_lines += d > 0 && d < max_depth;
    }
    if (dark_lines < options.min_band_lines * lines) continue;
    ++bands;
    const int full_length = vertical ? gray.cols : gray.rows;
    for (int line = 0; line < lines; ++line) {
      const int d = depth[static_cast<size_t>(line)];
      if (d == 0 || d >= max_depth) continue;
      const int deep = std::min(full_length, static_cast<int>(std::ceil((d + 0.5) / scale + margin)));
      const int from = static_cast<int>(std::floor(line / scale)),
                to = std::min(vertical ? gray.rows : gray.cols, static_cast<int>(std::ceil((line + 1) / scale)));
      const uchar level = cv::saturate_cast<uchar>(at(paper, line, d));
      cv::Rect r = vertical ? cv::Rect(edge == 0 ? 0 : gray.cols - deep, from, deep, to - from)
                            : cv::Rect(from, edge == 2 ? 0 : gray.rows - deep, to - from, deep);
      gray(r & cv::Rect(0, 0, gray.cols, gray.rows)).setTo(level);
    }
  }
  return bands;
}

// Where the reduced page is clearly darker than its paper and smooth (the
// standard deviation over `window`, ~2.5 mm, low): photos, borders and
// holes, not text.
cv::Mat DarkAndSmooth(const cv::Mat& small, const cv::Mat& paper, cv::Size window, const SolidRegionOptions& options) {
  cv::Mat f, mean, sq_mean;
  small.convertTo(f, CV_32F);
  cv::boxFilter(f, mean, CV_32F, window);
  cv::boxFilter(f.mul(f), sq_mean, CV_32F, window);
  cv::Mat var = sq_mean - mean.mul(mean);
  cv::Mat candidate(small.size(), CV_8UC1);
  for (int y = 0; y < small.rows; ++y) {
    const float* v = var.ptr<float>(y);
    const float* p = paper.ptr<float>(y);
    const uchar* s = small.ptr<uchar>(y);
    uchar* c = candidate.ptr<uchar>(y);
    for (int x = 0; x < small.cols; ++x)
      c[x] = (p[x] - s[x] > options.min_darkness && std::sqrt(std::max(v[x], 0.f)) < options.max_texture) ? 255 : 0;
  }
  cv::morphologyEx(candidate, candidate, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  // The texture window shaved its half-width off every region: give it back.
  cv::dilate(candidate, candidate, cv::getStructuringElement(cv::MORPH_RECT, window));
  return candidate;
}

// The steepest change of the paper's grey around each pixel of `small`, per
// pixel: with the text closed away (its strokes are a pixel at ~50 dpi), so
// that a region beside a line of text is not taken for steep-edged.
cv::Mat Steepness(const cv::Mat& small) {
  cv::Mat paper, gx, gy, magnitude;
  cv::morphologyEx(small, paper, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
  cv::Sobel(paper, gx, CV_32F, 1, 0, 3, 1.0 / 8);
  cv::Sobel(paper, gy, CV_32F, 0, 1, 3, 1.0 / 8);
  cv::magnitude(gx, gy, magnitude);
  cv::dilate(magnitude, magnitude, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  return magnitude;
}

// How steep the region's rim is: along its outline (where it does not run
// along the image's edge), the steepest change of grey within a pixel of
// it, per pixel, as a share of how much darker than the paper the region
// is (the median over the outline). A photo, a border or a hole ends in a
// step; the shade a phone or a hand casts over a photographed sheet fades
// in over a slope, and the text in it must not be painted over.
double RimSteepness(const cv::Mat& small, const cv::Mat& steepness, const cv::Mat& region, const cv::Mat& paper) {
  const double darkness = cv::mean(paper, region)[0] - cv::mean(small, region)[0];
  if (darkness <= 0) return 0;
  std::vector<std::vector<cv::Point>> outline;
  cv::findContours(region, outline, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
  std::vector<float> steep;
  for (const auto& c : outline)
    for (const auto& p : c)
      if (p.x > 1 && p.y > 1 && p.x < small.cols - 2 && p.y < small.rows - 2) steep.push_back(steepness.at<float>(p));
  if (steep.empty()) return 1;  // all along the image's edges: a frame
  std::nth_element(steep.begin(), steep.begin() + static_cast<long>(steep.size() / 2), steep.end());
  return steep[steep.size() / 2] / darkness;
}

}  // namespace

int RemoveSolidRegions(cv::Mat& gray, int dpi, const SolidRegionOptions& options) {
  if (!options.enabled || gray.empty() || gray.type() != CV_8UC1) return 0;
  const double scale = std::min(1.0, 50.0 / std::max(dpi, 1));
  const double small_dpi = std::max(dpi, 1) * scale;
  const cv::Mat small = Shrink(gray, scale);
  const cv::Mat paper = PaperSurface(small, std::max(4, static_cast<int>(std::lround(6 * small_dpi / 25.4))));
  const cv::Size window(5, 5);
  cv::Mat candidate = DarkAndSmooth(small, paper, window, options);
  cv::Mat labels, stats, centroids;
  std::vector<int> painted;
  const int n = LabelInkComponents(candidate, labels, stats, centroids);
  const int min_side = std::max(3, static_cast<int>(std::lround(options.min_side_mm * small_dpi / 25.4)));
  // Each region is filled at full resolution as the rotated rectangle
  // around it (photos, borders and the squares round punch holes), a little
  // larger: its rim, blurred by the scan, goes too, without staircase edges.
  // It is filled with the paper's level where it lies.
  const double margin = 1.2 * dpi / 25.4;
  int regions = 0;
  cv::Mat steepness;
  std::vector<cv::Point> points;
  for (int i = 1; i < n; ++i) {
    const int x0 = stats.at<int>(i, cv::CC_STAT_LEFT), y0 = stats.at<int>(i, cv::CC_STAT_TOP);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    // A frame (a border on three or four sides of the page) lies along the
    // image's edges; it is thin, and its box is most of the page. A border
    // on one side may be narrower than any photo or hole: it is long.
    const bool at_edge = x0 == 0 || y0 == 0 || x0 + w == small.cols || y0 + h == small.rows;
    if (at_edge ? std::min(w, h) < 2 || std::max(w, h) < 4 * min_side : w < min_side || h < min_side) continue;
    const bool solid = area >= w * h / 2;
    if (!solid && !at_edge) continue;
    if (steepness.empty()) steepness = Steepness(small);
    const cv::Mat region = labels == i;
    if (RimSteepness(small, steepness, region, paper) < options.min_rim_steepness) continue;
    points.clear();
    double level = 0;
    for (int y = y0; y < y0 + h; ++y)
      for (int x = x0; x < x0 + w; ++x)
        if (labels.at<int>(y, x) == i) {
          points.emplace_back(x, y);
          level += paper.at<float>(y, x);
        }
    cv::RotatedRect r = cv::minAreaRect(points);
    if (!solid || r.size.area() > 0.5 * small.total()) {
      // Painted where it is, not as its box; nothing that darkens much of
      // the page is a frame.
      if (!at_edge || area > options.max_frame_share * small.total()) continue;
      PaintFrame(gray, region, paper, scale, margin);
      painted.push_back(i);
      ++regions;
      continue;
    }
    r.center =
        cv::Point2f(static_cast<float>((r.center.x + 0.5) / scale), static_cast<float>((r.center.y + 0.5) / scale));
    r.size = cv::Size2f(static_cast<float>((r.size.width + 1) / scale + 2 * margin),
                        static_cast<float>((r.size.height + 1) / scale + 2 * margin));
    cv::Point2f corners[4];
    r.points(corners);
    std::vector<cv::Point> poly;
    for (const auto& c : corners) poly.emplace_back(cvRound(c.x), cvRound(c.y));
    cv::fillConvexPoly(gray, poly, cv::Scalar(std::lround(level / points.size())), cv::LINE_8);
    painted.push_back(i);
    ++regions;
  }
  // What is left along the edges, with what was painted now paper.
  cv::Mat left = small;
  if (!painted.empty()) {
    left = small.clone();
    cv::Mat done = cv::Mat::zeros(small.size(), CV_8UC1);
    for (int i : painted) done.setTo(255, labels == i);
    cv::dilate(done, done, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    left.setTo(255, done);
  }
  return regions + PaintEdgeBands(gray, left, paper, scale, margin, options);
}

}  // namespace hoso
