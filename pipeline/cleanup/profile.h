// Projection profiles of ink at candidate angles, the measure behind deskew
// and orientation: the row sums of the ink turned by an angle alternate
// sharply between text lines and the gaps between them when the lines lie
// flat. Computed from the ink pixels' coordinates, not by turning images.
#pragma once

#include <opencv2/core.hpp>

#include <vector>

namespace hoso {

class InkProfile {
 public:
  // `ink`: 8-bit mask, non-zero where there is ink.
  explicit InkProfile(const cv::Mat& ink);
  bool empty() const { return xs_.empty(); }
  size_t pixels() const { return xs_.size(); }
  // Sum of squared differences of neighbouring row sums with the ink turned
  // by angle_deg (counter-clockwise), per unit of width.
  double Sharpness(double angle_deg) const;
  // The sharpest angle in [from, to] at `step`; *best receives its sharpness
  // and *mean the mean over the range (both optional).
  double Search(double from, double to, double step, double* best = nullptr, double* mean = nullptr) const;
  // The row sums with the ink turned by angle_deg (as Sharpness sees them),
  // top to bottom over the page's diagonal.
  std::vector<int> Rows(double angle_deg) const;
  // The same ink turned 90° clockwise (no image is turned).
  InkProfile TurnedClockwise() const;

  InkProfile() = default;  // no ink

 private:
  void Project(double angle_deg, std::vector<int>& rows) const;
  std::vector<float> xs_, ys_;  // relative to the centre
  int width_ = 0, height_ = 0;
  mutable std::vector<int> rows_;
};

}  // namespace hoso
