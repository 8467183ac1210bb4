#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include <cmath>

#include "cleanup/geometry.h"
#include "support/test_support.h"

namespace hoso {
namespace {

// The centre of the ink (dark pixels) of a grey image.
cv::Point2d InkCentre(const cv::Mat& gray) {
  const cv::Moments m = cv::moments(gray < 128, true);
  return {m.m10 / m.m00, m.m01 / m.m00};
}

TEST(ShearRotate, MatchesWarpAffineWithinAGreyLevel) {
  const cv::Mat page = test::TextPage(1240, 1754, 20);
  for (double angle : {-14.0, -3.0, 0.4, 7.5}) {
    const cv::Point2f c((page.cols - 1) / 2.f, (page.rows - 1) / 2.f);
    cv::Mat expected;
    cv::warpAffine(page, expected, cv::getRotationMatrix2D(c, -angle, 1.0), page.size(), cv::INTER_LINEAR,
                   cv::BORDER_CONSTANT, cv::Scalar(255));
    const cv::Mat got = ShearRotate(page, angle);
    ASSERT_EQ(got.size(), page.size());
    cv::Mat diff;
    cv::absdiff(got, expected, diff);
    // Away from the corners the shears cut differently, the same picture.
    const cv::Rect inner(page.cols / 5, page.rows / 5, page.cols * 3 / 5, page.rows * 3 / 5);
    EXPECT_LT(cv::mean(diff(inner))[0], 1.5) << angle;
  }
}

TEST(ShearRotate, TurnsClockwiseAboutTheCentre) {
  // A dot right of the centre goes below it when turned clockwise (y down).
  cv::Mat page(1001, 801, CV_8UC1, cv::Scalar(255));
  cv::circle(page, cv::Point(600, 500), 12, cv::Scalar(0), cv::FILLED);
  const cv::Mat turned = ShearRotate(page, 30);
  const cv::Point2d at = InkCentre(turned);
  const double a = 30 * CV_PI / 180;
  EXPECT_NEAR(at.x, 400 + 200 * std::cos(a), 1.0);
  EXPECT_NEAR(at.y, 500 + 200 * std::sin(a), 1.0);
  // What falls in from outside is white.
  EXPECT_EQ(turned.at<uchar>(0, 0), 255);
}

TEST(Shrink, KeepsCoordinatesAndAverages) {
  cv::Mat page(3508, 2480, CV_8UC1, cv::Scalar(255));
  cv::rectangle(page, cv::Rect(1200, 1800, 300, 120), cv::Scalar(0), cv::FILLED);
  for (double scale : {0.5, 1 / 3.0, 0.25, 50 / 300.0, 75 / 300.0, 0.8}) {
    const cv::Mat small = Shrink(page, scale);
    EXPECT_NEAR(small.cols, page.cols * scale, 2) << scale;
    EXPECT_NEAR(small.rows, page.rows * scale, 2) << scale;
    const cv::Point2d at = InkCentre(small);
    EXPECT_NEAR(at.x, 1350 * scale, 1.0) << scale;
    EXPECT_NEAR(at.y, 1860 * scale, 1.0) << scale;
    // The block's edge is averaged (grey), its middle stays black.
    EXPECT_EQ(small.at<uchar>(static_cast<int>(1860 * scale), static_cast<int>(1350 * scale)), 0) << scale;
  }
  EXPECT_EQ(Shrink(page, 1.0).data, page.data);
}

// Odd sizes too: each 2x2 block becomes its exact mean, the trailing odd row
// and column are dropped (the general area path would blend neighbouring
// blocks by a sliver more and more towards the far edge, and is far slower).
TEST(Shrink, HalvesOddSizesExactly) {
  cv::RNG rng(7);
  cv::Mat blocks(877, 1240, CV_8UC1);
  rng.fill(blocks, cv::RNG::UNIFORM, 0, 256);
  cv::Mat page;
  cv::resize(blocks, page, cv::Size(), 2, 2, cv::INTER_NEAREST);
  cv::copyMakeBorder(page, page, 0, 1, 0, 1, cv::BORDER_CONSTANT, cv::Scalar(0));  // 2481 x 1755
  const cv::Mat half = Shrink(page, 0.5);
  ASSERT_EQ(half.size(), blocks.size());
  EXPECT_EQ(cv::norm(half, blocks, cv::NORM_INF), 0);
  const cv::Mat quarter = Shrink(page, 0.25);
  EXPECT_EQ(quarter.size(), cv::Size(620, 438));
}

}  // namespace
}  // namespace hoso
