#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"
#include "support/test_support.h"

namespace hoso {
namespace {

// ScanTailor's habit: draw text turned by a known angle, find it again.
class SkewTest : public ::testing::TestWithParam<double> {};

TEST_P(SkewTest, FindsTheAngleItWasTurnedBy) {
  const double angle = GetParam();
  cv::Mat page = test::TextPage(2480, 3508, 25);
  cv::Mat turned;
  cv::warpAffine(page, turned, cv::getRotationMatrix2D(cv::Point2f(1240, 1754), angle, 1.0), page.size(),
                 cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  const SkewEstimate est = EstimateSkew(turned, 300, DeskewOptions{});
  EXPECT_NEAR(est.angle_deg, angle, 0.15);
  EXPECT_GT(est.confidence, 0.3);
}

INSTANTIATE_TEST_SUITE_P(Angles, SkewTest, ::testing::Values(0.0, 0.7, -1.3, 4.5, -7.25, 12.0, -14.5));

TEST(Skew, PageWithoutLinesIsLeftAlone) {
  cv::Mat noise(1200, 900, CV_8UC1);
  cv::randu(noise, 0, 255);
  cv::Mat blank(1200, 900, CV_8UC1, cv::Scalar(255));
  EXPECT_EQ(EstimateSkew(blank, 300, {}).confidence, 0.0);
  SourcePage page{0, blank, 300, true};
  auto clean = Clean(page, CleanupOptions{});
  ASSERT_TRUE(clean.ok());
  EXPECT_EQ(clean->skew_deg, 0.0);
}

TEST(Skew, CleanStraightensTheRecordAndThePage) {
  cv::Mat page = test::TextPage(2480, 3508, 25), turned;
  cv::warpAffine(page, turned, cv::getRotationMatrix2D(cv::Point2f(1240, 1754), 3.0, 1.0), page.size(),
                 cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  auto clean = Clean(SourcePage{0, turned, 300, true}, CleanupOptions{});
  ASSERT_TRUE(clean.ok());
  EXPECT_NEAR(clean->skew_deg, 3.0, 0.15);
  // The straightened page has no skew left.
  EXPECT_NEAR(EstimateSkew(clean->gray, 300, {}).angle_deg, 0.0, 0.15);
}

TEST(Resolution, ScalesLowAndHighDpiToTheTarget) {
  ResolutionOptions o;
  EXPECT_DOUBLE_EQ(ResolutionScale(300, o), 1.0);
  EXPECT_DOUBLE_EQ(ResolutionScale(150, o), 2.0);
  EXPECT_DOUBLE_EQ(ResolutionScale(600, o), 0.5);
  auto clean = Clean(SourcePage{0, test::TextPage(850, 1100, 5, 14), 100, true}, CleanupOptions{});
  ASSERT_TRUE(clean.ok());
  EXPECT_EQ(clean->dpi, 300);
  EXPECT_EQ(clean->gray.cols, 2550);
}

}  // namespace
}  // namespace hoso
