// Helpers shared by the cleanup steps: reducing a page for analysis and
// turning it by a small angle (both on every page's path, so both take
// OpenCV's fast paths, exact halvings and row-wise shears, where they can),
// and reading a level off a histogram.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace hoso {

// The image reduced by `scale` (0 < scale <= 1), averaging pixels. Halves
// exactly while it can (OpenCV's 2x2 area path is ~8 times faster than an
// arbitrary area reduction), then reduces the rest. A point (x, y) of the
// image is at (x * scale, y * scale) in the result; a trailing odd row or
// column may be dropped.
cv::Mat Shrink(const cv::Mat& image, double scale);

// An 8-bit one-channel image turned clockwise by angle_deg (|angle| at most
// 45) about its centre, the same size, filled with white: three
// shears (Paeth), each a linear shift of rows or of columns, ~7 times
// faster than warpAffine and within a grey level of it on average.
cv::Mat ShearRotate(const cv::Mat& gray, double angle_deg);

// The level below which `fraction` of a 256-level histogram of `total`
// values lies (the first level whose running count reaches it).
int Percentile(const std::vector<long>& hist, long total, double fraction);

}  // namespace hoso
