#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <string>

#include "cleanup/cleanup.h"

namespace hoso {
namespace {

int Ink(const cv::Mat& page, const cv::Rect& r) {
  cv::Mat ink;
  cv::threshold(page(r), ink, 128, 255, cv::THRESH_BINARY_INV);
  return cv::countNonZero(ink);
}

// Twelve digits one to a printed box, as CT01 (Circular 66/2023) prints
// the personal ID number, at 300 dpi: boxes ~6 mm, lines 2 px.
struct Comb {
  cv::Mat page = cv::Mat(400, 2400, CV_8UC1, cv::Scalar(255));
  std::vector<cv::Rect> digits;  // inside each box, clear of its sides
  std::vector<cv::Rect> sides;   // each box's left side
  cv::Rect top_rule;
  Comb() {
    const int box = 70, x0 = 700, y0 = 150;
    for (int i = 0; i < 12; ++i) {
      const int x = x0 + i * box;
      cv::rectangle(page, cv::Rect(x, y0, box, box), cv::Scalar(30), 2);
      cv::putText(page, std::to_string(i % 10), cv::Point(x + 18, y0 + 55), cv::FONT_HERSHEY_SIMPLEX, 1.6,
                  cv::Scalar(0), 4, cv::LINE_AA);
      digits.push_back(cv::Rect(x + 10, y0 + 8, box - 20, box - 16));
      sides.push_back(cv::Rect(x - 2, y0 + 8, 5, box - 16));
    }
    top_rule = cv::Rect(x0 + 10, y0 - 2, 12 * box - 20, 5);
    // The label before it: letters with tall stems ("l", "h", "d").
    cv::putText(page, "Identification held:", cv::Point(40, 205), cv::FONT_HERSHEY_SIMPLEX, 1.6, cv::Scalar(0), 4,
                cv::LINE_AA);
  }
};

TEST(Rules, TheBoxesOfAnIdNumberGoAndItsDigitsStay) {
  Comb c;
  std::vector<int> digit_ink;
  for (const auto& d : c.digits) digit_ink.push_back(Ink(c.page, d));
  const int label_ink = Ink(c.page, cv::Rect(30, 140, 640, 90));
  ASSERT_GT(Ink(c.page, c.top_rule), 1000);
  EXPECT_GT(RemoveRules(c.page, 300, RuleOptions{}), 0);
  EXPECT_EQ(Ink(c.page, c.top_rule), 0);
  for (size_t i = 0; i < c.sides.size(); ++i) EXPECT_EQ(Ink(c.page, c.sides[i]), 0) << "box " << i;
  for (size_t i = 0; i < c.digits.size(); ++i) EXPECT_EQ(Ink(c.page, c.digits[i]), digit_ink[i]) << "digit " << i;
  EXPECT_EQ(Ink(c.page, cv::Rect(30, 140, 640, 90)), label_ink);
}

// A stamp's ring is no rule: its flattest stretch is far shorter than one.
// Nor is a lone upright stroke that meets no rule across.
TEST(Rules, AStampsRingAndALoneStrokeStay) {
  cv::Mat page(900, 1200, CV_8UC1, cv::Scalar(255));
  cv::circle(page, cv::Point(450, 450), 295, cv::Scalar(40), 12, cv::LINE_AA);  // 50 mm across, 1 mm line
  cv::line(page, cv::Point(1000, 200), cv::Point(1000, 400), cv::Scalar(0), 3);
  cv::Mat before = page.clone();
  EXPECT_EQ(RemoveRules(page, 300, RuleOptions{}), 0);
  EXPECT_EQ(cv::countNonZero(before != page), 0);
}

TEST(Rules, OffMeansUntouched) {
  Comb c;
  const cv::Mat before = c.page.clone();
  RuleOptions off;
  off.enabled = false;
  EXPECT_EQ(RemoveRules(c.page, 300, off), 0);
  EXPECT_EQ(cv::countNonZero(before != c.page), 0);
}

}  // namespace
}  // namespace hoso
