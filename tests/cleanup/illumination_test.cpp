#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"
#include "support/test_support.h"

namespace hoso {
namespace {

// Mean of the paper (pixels that are not ink in the clean page) in a region.
double PaperMean(const cv::Mat& page, const cv::Mat& clean, const cv::Rect& r) {
  cv::Mat paper = clean(r) > 200;
  return cv::mean(page(r), paper)[0];
}

TEST(Illumination, FlattensLightFallingOffAcrossThePage) {
  const cv::Mat clean = test::TextPage(2480, 3508, 25);
  cv::Mat page(clean.size(), CV_8UC1);
  for (int y = 0; y < page.rows; ++y)
    for (int x = 0; x < page.cols; ++x)
      page.at<uchar>(y, x) = cv::saturate_cast<uchar>(clean.at<uchar>(y, x) * (1.0 - 0.45 * x / page.cols));
  const cv::Rect left(100, 400, 300, 2000), right(2080, 400, 300, 2000);
  ASSERT_GT(PaperMean(page, clean, left) - PaperMean(page, clean, right), 80);
  ASSERT_TRUE(FlattenIllumination(page, 300, {}));
  EXPECT_GT(PaperMean(page, clean, left), 240);
  EXPECT_GT(PaperMean(page, clean, right), 240);
  // The text is still there, dark.
  cv::Mat ink = clean < 100;
  EXPECT_LT(cv::mean(page, ink)[0], 90);
}

TEST(Illumination, RestoresFadedInk) {
  const cv::Mat clean = test::TextPage(2480, 3508, 25);
  cv::Mat faded = 255 - (255 - clean) * 0.35;  // ink at ~165
  cv::Mat ink = clean < 60;
  ASSERT_GT(cv::mean(faded, ink)[0], 150);
  ASSERT_TRUE(FlattenIllumination(faded, 300, {}));
  EXPECT_LT(cv::mean(faded, ink)[0], 70);
}

TEST(ColourInk, RedStampOverBlackTextIsDropped) {
  cv::Mat page(600, 800, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::Mat text(page.size(), CV_8UC1, cv::Scalar(0)), ring(page.size(), CV_8UC1, cv::Scalar(0));
  cv::putText(text, "Ho va ten", cv::Point(50, 300), cv::FONT_HERSHEY_SIMPLEX, 3, cv::Scalar(255), 8);
  cv::circle(ring, cv::Point(400, 280), 180, cv::Scalar(255), 14);
  page.setTo(cv::Scalar(20, 20, 20), text);
  page.setTo(cv::Scalar(40, 30, 210), ring);  // a red ring (BGR) over the text
  bool dropped = false;
  const cv::Mat gray = InkGray(page, {}, &dropped);
  EXPECT_TRUE(dropped);
  // The ring is paper-bright now; the text it does not cover is still black.
  EXPECT_GT(cv::mean(gray, ring)[0], 180);
  EXPECT_LT(cv::mean(gray, text & ~ring)[0], 40);
  // A plain grey page is read by luminance.
  cv::Mat grey_page(100, 100, CV_8UC3, cv::Scalar(128, 128, 128));
  InkGray(grey_page, {}, &dropped);
  EXPECT_FALSE(dropped);
}

}  // namespace
}  // namespace hoso
