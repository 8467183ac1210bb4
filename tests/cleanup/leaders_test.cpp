#include <gtest/gtest.h>

#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"

namespace hoso {
namespace {

// A form line: label and value, then a dotted leader to the margin.
cv::Mat FormLine(cv::Rect* text_box, cv::Rect* leader_box) {
  cv::Mat page(300, 2400, CV_8UC1, cv::Scalar(255));
  cv::putText(page, "Name: Nguyen Van An", cv::Point(100, 150), cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(0), 4,
              cv::LINE_AA);
  *text_box = cv::Rect(90, 90, 800, 80);
  for (int x = 950; x < 2300; x += 22) cv::circle(page, cv::Point(x, 146), 3, cv::Scalar(0), cv::FILLED, cv::LINE_AA);
  *leader_box = cv::Rect(940, 130, 1370, 30);
  return page;
}

int Ink(const cv::Mat& page, const cv::Rect& r) {
  cv::Mat ink;
  cv::threshold(page(r), ink, 128, 255, cv::THRESH_BINARY_INV);
  return cv::countNonZero(ink);
}

TEST(Leaders, ErasesTheDotsAndKeepsTheText) {
  cv::Rect text, leader;
  cv::Mat page = FormLine(&text, &leader);
  const int text_ink = Ink(page, text);
  ASSERT_GT(Ink(page, leader), 1000);
  EXPECT_EQ(RemoveLeaders(page, 300, LeaderOptions{}), 1);
  EXPECT_EQ(Ink(page, leader), 0);
  EXPECT_EQ(Ink(page, text), text_ink);
}

TEST(Leaders, PeriodsOfRunningTextStay) {
  cv::Mat page(200, 1600, CV_8UC1, cv::Scalar(255));
  cv::putText(page, "Q. 3, P. 5, TP. HCM...", cv::Point(50, 120), cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(0), 4,
              cv::LINE_AA);
  const cv::Mat before = page.clone();
  EXPECT_EQ(RemoveLeaders(page, 300, LeaderOptions{}), 0);
  EXPECT_EQ(cv::norm(page, before, cv::NORM_L1), 0.0);
}

}  // namespace
}  // namespace hoso
