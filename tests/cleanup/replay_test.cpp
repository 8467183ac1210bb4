#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"
#include "support/test_support.h"

namespace hoso {
namespace {

// The share of the two pages' ink that they have in common.
double InkOverlap(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat ia = a < 128, ib = b < 128, both, either;
  cv::bitwise_and(ia, ib, both);
  cv::bitwise_or(ia, ib, either);
  return static_cast<double>(cv::countNonZero(both)) / std::max(1, cv::countNonZero(either));
}

// A 200 dpi scan fed in sideways and skewed: from the scan and the page's
// record alone, the replay is the page the pipeline read, pixel for pixel
// where the ink is.
TEST(ReplayPage, MakesThePageThePipelineReadFromTheScanAndItsRecord) {
  cv::Mat page = test::TextPage(1654, 2339, 25, 28), skewed, scan;
  cv::warpAffine(page, skewed, cv::getRotationMatrix2D(cv::Point2f(827, 1170), 2.5, 1.0), page.size(), cv::INTER_LINEAR,
                 cv::BORDER_CONSTANT, cv::Scalar(255));
  cv::rotate(skewed, scan, cv::ROTATE_90_COUNTERCLOCKWISE);
  CleanupOptions options;
  options.orientation.ink_only = true;  // which way the lines run, from the ink
  auto clean = Clean(SourcePage{0, scan, 200, true}, options);
  ASSERT_TRUE(clean.ok());
  ASSERT_EQ(clean->rotation, 90);
  ASSERT_NE(clean->skew_deg, 0.0);
  const cv::Mat replayed = ReplayPage(scan, clean->gray.cols, clean->rotation, clean->skew_deg);
  ASSERT_EQ(replayed.size(), clean->gray.size());
  EXPECT_GT(InkOverlap(replayed, clean->gray), 0.8);
  // Not the scan as it came.
  cv::Mat as_scanned;
  cv::resize(ToGray(scan), as_scanned, clean->gray.size());
  EXPECT_LT(InkOverlap(as_scanned, clean->gray), 0.3);
  EXPECT_TRUE(ReplayPage(cv::Mat(), 100, 0, 0).empty());
}

}  // namespace
}  // namespace hoso
