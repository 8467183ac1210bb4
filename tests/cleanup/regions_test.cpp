#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"
#include "support/test_support.h"

namespace hoso {
namespace {

// Scanner damage drawn on a text page: a dark border on the left, two
// punch-hole shadows in it, and an ID-card photo (a flat grey block, turned
// a little) beside the text. All go; the text stays as it was.
TEST(SolidRegions, BordersPunchHolesAndPhotosGoTextStays) {
  const cv::Mat clean = test::TextPage(2480, 3508, 25);
  cv::Mat page = clean.clone();
  cv::rectangle(page, cv::Rect(0, 0, 150, page.rows), cv::Scalar(20), cv::FILLED);
  for (double f : {0.3, 0.7}) cv::circle(page, cv::Point(240, static_cast<int>(page.rows * f)), 38, cv::Scalar(20), cv::FILLED);
  const cv::RotatedRect photo(cv::Point2f(2150, 3000), cv::Size2f(300, 400), 4);
  cv::Point2f c[4];
  photo.points(c);
  std::vector<cv::Point> poly(c, c + 4);
  cv::fillConvexPoly(page, poly, cv::Scalar(150));
  cv::GaussianBlur(page, page, cv::Size(0, 0), 1.2);
  cv::Mat noise(page.size(), CV_16SC1);
  cv::randn(noise, 0, 12);
  cv::Mat noisy;
  page.convertTo(noisy, CV_16SC1);
  noisy += noise;
  noisy.convertTo(page, CV_8UC1);

  EXPECT_EQ(RemoveSolidRegions(page, 300, {}), 4);
  // Where the damage was, paper now (the border, the holes, the photo).
  EXPECT_GT(cv::mean(page(cv::Rect(0, 0, 150, page.rows)))[0], 200);
  EXPECT_GT(cv::mean(page(cv::Rect(210, static_cast<int>(page.rows * 0.3) - 30, 60, 60)))[0], 200);
  EXPECT_GT(cv::mean(page(photo.boundingRect()))[0], 200);
  // The text is untouched: its ink as dark as before.
  const cv::Mat ink = clean < 100;
  EXPECT_LT(cv::mean(page, ink)[0], 110);
  EXPECT_GT(cv::countNonZero(ink & (page < 128)), cv::countNonZero(ink) * 8 / 10);
}

TEST(SolidRegions, APageOfTextHasNone) {
  cv::Mat page = test::TextPage(2480, 3508, 30, 60);  // large, bold-ish text
  const cv::Mat before = page.clone();
  EXPECT_EQ(RemoveSolidRegions(page, 300, {}), 0);
  EXPECT_EQ(cv::countNonZero(page != before), 0);
}

}  // namespace
}  // namespace hoso
