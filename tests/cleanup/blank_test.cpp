#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"
#include "support/test_support.h"

namespace hoso {
namespace {

TEST(Blank, WhitePageIsBlank) {
  cv::Mat page(3508, 2480, CV_8UC1, cv::Scalar(250));
  EXPECT_TRUE(DetectBlank(page, 300, {}).blank);
}

TEST(Blank, NoisyGreyPaperIsBlank) {
  cv::Mat page(3508, 2480, CV_8UC1), noise(3508, 2480, CV_8UC1);
  page.setTo(225);
  cv::randn(noise, 0, 12);
  page -= noise;
  EXPECT_TRUE(DetectBlank(page, 300, {}).blank);
}

TEST(Blank, FaintBleedThroughIsBlank) {
  // The back of a printed page: the mirrored text shows at ~12% contrast.
  cv::Mat text = test::TextPage(2480, 3508, 25), mirrored;
  cv::flip(text, mirrored, 1);
  cv::Mat page = 255 - (255 - mirrored) * 0.12;
  EXPECT_TRUE(DetectBlank(page, 300, {}).blank) << DetectBlank(page, 300, {}).ink_fraction;
}

TEST(Blank, ScannerBordersDoNotCount) {
  cv::Mat page(3508, 2480, CV_8UC1, cv::Scalar(245));
  page(cv::Rect(0, 0, 120, 3508)).setTo(20);
  page(cv::Rect(2400, 0, 80, 3508)).setTo(20);
  EXPECT_TRUE(DetectBlank(page, 300, {}).blank);
}

TEST(Blank, AFewTypedLinesAreNotBlank) {
  EXPECT_FALSE(DetectBlank(test::TextPage(2480, 3508, 2), 300, {}).blank);
}

TEST(Blank, CleanMarksButKeepsTheBlankPage) {
  cv::Mat page(1754, 1240, CV_8UC1, cv::Scalar(255));
  auto clean = Clean(SourcePage{3, page, 150, true}, CleanupOptions{});
  ASSERT_TRUE(clean.ok());
  EXPECT_TRUE(clean->blank);
  EXPECT_EQ(clean->index, 3);
  EXPECT_FALSE(clean->gray.empty());
}

}  // namespace
}  // namespace hoso

namespace hoso {
namespace {

TEST(Despeckle, CleansSaltAndPepperAndLeavesCleanPagesAlone) {
  cv::Mat page = test::TextPage(2480, 3508, 20);
  const cv::Mat original = page.clone();
  EXPECT_FALSE(Despeckle(page, {}));
  EXPECT_EQ(cv::norm(page, original, cv::NORM_L1), 0.0);
  cv::RNG rng(3);
  for (int i = 0; i < 40000; ++i) page.at<uchar>(rng.uniform(0, page.rows), rng.uniform(0, page.cols)) = i % 2 ? 0 : 255;
  EXPECT_GT(ImpulseNoiseFraction(page), 0.002);
  EXPECT_TRUE(Despeckle(page, {}));
  EXPECT_LT(ImpulseNoiseFraction(page), 0.0005);
}

}  // namespace
}  // namespace hoso
