#include "cleanup/profile.h"

#include <algorithm>
#include <cmath>

namespace hoso {

InkProfile::InkProfile(const cv::Mat& ink) : width_(ink.cols), height_(ink.rows) {
  const float cx = ink.cols / 2.f, cy = ink.rows / 2.f;
  for (int y = 0; y < ink.rows; ++y) {
    const uchar* row = ink.ptr<uchar>(y);
    for (int x = 0; x < ink.cols; ++x)
      if (row[x]) {
        xs_.push_back(x - cx);
        ys_.push_back(y - cy);
      }
  }
}

InkProfile InkProfile::TurnedClockwise() const {
  // Turned clockwise (y down), (x, y) about the centre goes to (-y, x).
  InkProfile out;
  out.width_ = height_;
  out.height_ = width_;
  out.xs_.resize(ys_.size());
  for (size_t i = 0; i < ys_.size(); ++i) out.xs_[i] = -ys_[i];
  out.ys_ = xs_;
  return out;
}

void InkProfile::Project(double angle_deg, std::vector<int>& rows) const {
  // A point turned counter-clockwise by a (y pointing down) lands on row
  // y' = y cos a + x sin a; lines tilted by a become flat.
  const double a = angle_deg * CV_PI / 180.0;
  const float c = static_cast<float>(std::cos(a)), s = static_cast<float>(std::sin(a));
  const int diag = static_cast<int>(std::ceil(std::hypot(width_, height_)));
  rows.assign(static_cast<size_t>(diag) + 2, 0);
  const float offset = diag / 2.f;
  // Rows worked out a block at a time (a loop the compiler vectorises),
  // then counted (which cannot be vectorised: in one loop with it, the
  // arithmetic was not either).
  constexpr size_t kBlock = 1024;
  int at[kBlock];
  const float *xs = xs_.data(), *ys = ys_.data();
  const int n_rows = static_cast<int>(rows.size());
  for (size_t start = 0; start < xs_.size(); start += kBlock) {
    const size_t n = std::min(kBlock, xs_.size() - start);
    for (size_t i = 0; i < n; ++i) at[i] = static_cast<int>(ys[start + i] * c + xs[start + i] * s + offset);
    for (size_t i = 0; i < n; ++i)
      if (at[i] >= 0 && at[i] < n_rows) ++rows[static_cast<size_t>(at[i])];
  }
}

std::vector<int> InkProfile::Rows(double angle_deg) const {
  std::vector<int> rows;
  Project(angle_deg, rows);
  return rows;
}

double InkProfile::Sharpness(double angle_deg) const {
  Project(angle_deg, rows_);
  double sum = 0;
  for (size_t r = 1; r < rows_.size(); ++r) {
    const double d = rows_[r] - rows_[r - 1];
    sum += d * d;
  }
  return sum / std::max(1, width_);
}

double InkProfile::Search(double from, double to, double step, double* best, double* mean) const {
  double top = -1, angle = 0, total = 0;
  int n = 0;
  for (double a = from; a <= to + 1e-9; a += step) {
    const double v = Sharpness(a);
    total += v;
    ++n;
    if (v > top) {
      top = v;
      angle = a;
    }
  }
  if (best) *best = top;
  if (mean) *mean = n ? total / n : 0;
  return angle;
}

}  // namespace hoso
