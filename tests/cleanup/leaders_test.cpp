#include <gtest/gtest.h>

#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <vector>

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

// A blurred, faded scan: each dot's rim is paler than its core but still grey.
// The whole dot goes, rim too (Tesseract read the grey ghosts of a leader
// as "_ — ¬"), and the text keeps its ink.
TEST(Leaders, ABlurredLeaderLeavesNoGhost) {
  cv::Rect text, leader;
  cv::Mat page = FormLine(&text, &leader);
  page = 255 - (255 - page) * 0.6;  // grey ink, as on a faded page
  cv::GaussianBlur(page, page, cv::Size(0, 0), 1.8);
  const int text_ink = Ink(page, text);
  EXPECT_EQ(RemoveLeaders(page, 300, LeaderOptions{}), 1);
  double darkest = 0;
  cv::minMaxLoc(page(leader), &darkest);
  EXPECT_GT(darkest, 225);
  EXPECT_EQ(Ink(page, text), text_ink);
}

// A form whose leaders end at its right margin: a value that nearly fills
// its line leaves a tail of three dots there, too few for a leader by
// itself, but at the leaders' pitch and ending at their margin. It goes; an
// ellipsis of the same dots elsewhere on the page stays.
TEST(Leaders, ATailAtTheLeadersMarginGoes) {
  cv::Mat page(700, 2400, CV_8UC1, cv::Scalar(255));
  auto dots = [&](int from, int to, int y) {
    for (int x = from; x <= to; x += 22) cv::circle(page, cv::Point(x, y), 3, cv::Scalar(0), cv::FILLED, cv::LINE_AA);
  };
  cv::putText(page, "Name: Nguyen Van An", cv::Point(100, 150), cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(0), 4);
  dots(950, 2290, 146);
  cv::putText(page, "Phone: 0912 345 678", cv::Point(100, 300), cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(0), 4);
  dots(950, 2290, 296);
  cv::putText(page, "Address: 12 Hang Bac, Hoan Kiem, Ha Noi", cv::Point(100, 450), cv::FONT_HERSHEY_SIMPLEX, 2.0,
              cv::Scalar(0), 4);
  dots(2226, 2270, 446);  // the tail: three dots, ending where the leaders end
  cv::putText(page, "Ghi chu", cv::Point(100, 600), cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(0), 4);
  dots(420, 464, 596);  // an ellipsis after text
  EXPECT_EQ(RemoveLeaders(page, 300, LeaderOptions{}), 3);
  EXPECT_EQ(Ink(page, cv::Rect(2210, 430, 80, 30)), 0);
  EXPECT_GT(Ink(page, cv::Rect(410, 580, 70, 30)), 60);
}

TEST(Leaders, PeriodsOfRunningTextStay) {
  cv::Mat page(200, 1600, CV_8UC1, cv::Scalar(255));
  cv::putText(page, "Q. 3, P. 5, TP. HCM...", cv::Point(50, 120), cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(0), 4,
              cv::LINE_AA);
  const cv::Mat before = page.clone();
  EXPECT_EQ(RemoveLeaders(page, 300, LeaderOptions{}), 0);
  EXPECT_EQ(cv::norm(page, before, cv::NORM_L1), 0.0);
}

// A typed form line at 300 dpi in Liberation Serif, 12 pt: label and value,
// then a leader of typed periods to the margin. *dots receives each dot's
// centre.
// Text typed in Liberation Serif at 12 pt (300 dpi), baseline at y; returns
// its width.
int Type(cv::Mat& gray, const std::string& text, cv::Point at) {
  auto ft = cv::freetype::createFreeType2();
  ft->loadFontData("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", 0);
  cv::Mat colour;
  cv::cvtColor(gray, colour, cv::COLOR_GRAY2BGR);
  ft->putText(colour, text, at, 50, cv::Scalar(0, 0, 0), -1, cv::LINE_AA, true);
  cv::cvtColor(colour, gray, cv::COLOR_BGR2GRAY);
  int baseline = 0;
  return ft->getTextSize(text, 50, -1, &baseline).width;
}

cv::Mat TypedLine(const std::string& text, std::vector<cv::Point>* dots, double drift_px = 0) {
  cv::Mat page(240, 2400, CV_8UC1, cv::Scalar(255));
  const int start = 100 + Type(page, text, cv::Point(100, 140)) + 20;
  for (int x = start; x < 2300; x += 25) {
    const cv::Point c(x, 136 + static_cast<int>(std::lround(drift_px * (x - start) / (2300.0 - start))));
    cv::circle(page, c, 3, cv::Scalar(0), cv::FILLED, cv::LINE_AA);
    dots->push_back(c);
  }
  return page;
}

int DotsLeft(const cv::Mat& page, const std::vector<cv::Point>& dots) {
  int left = 0;
  for (const cv::Point& c : dots) left += page.at<uchar>(c) < 128;
  return left;
}

// Heavy scanner noise puts specks between and around the dots; the leader
// is still found whole, and the text is left as it was.
TEST(Leaders, NoisyLeaderIsErasedWhole) {
  std::vector<cv::Point> dots;
  cv::Mat page = TypedLine("Điện thoại: 0815197223", &dots);
  cv::Mat noise(page.size(), CV_16SC1);
  cv::RNG rng(5);
  rng.fill(noise, cv::RNG::NORMAL, 0, 45);
  cv::Mat noisy;
  page.convertTo(noisy, CV_16SC1);
  noisy += noise;
  noisy.convertTo(page, CV_8UC1);
  for (int i = 0; i < 600; ++i) page.at<uchar>(rng.uniform(0, page.rows), rng.uniform(0, page.cols)) = 0;
  const cv::Rect text(90, 80, dots.front().x - 120, 90);
  const cv::Mat text_before = page(text).clone();
  ASSERT_EQ(DotsLeft(page, dots), static_cast<int>(dots.size()));
  EXPECT_GE(RemoveLeaders(page, 300, LeaderOptions{}), 1);
  EXPECT_LE(DotsLeft(page, dots), 2) << "of " << dots.size();
  EXPECT_EQ(cv::norm(page(text), text_before, cv::NORM_L1), 0.0);
}

// A faded leader that lost dots here and there (two of the first three
// among them), and one that drifts two pixels over its length (a skew left
// after deskewing): both are erased whole.
TEST(Leaders, LeadersWithLostDotsOrADriftAreErasedWhole) {
  std::vector<cv::Point> dots;
  cv::Mat page = TypedLine("Nơi cư trú: bản 4, xã An Bình", &dots);
  std::vector<cv::Point> kept;
  for (size_t i = 0; i < dots.size(); ++i) {
    if (i == 1 || i == 3 || i % 7 == 5) {
      cv::circle(page, dots[i], 5, cv::Scalar(255), cv::FILLED);
    } else {
      kept.push_back(dots[i]);
    }
  }
  EXPECT_EQ(RemoveLeaders(page, 300, LeaderOptions{}), 1);
  EXPECT_EQ(DotsLeft(page, kept), 0) << "of " << kept.size();

  std::vector<cv::Point> drifting;
  cv::Mat tilted = TypedLine("Họ tên: Phạm Văn Thắng", &drifting, 5);
  EXPECT_GE(RemoveLeaders(tilted, 300, LeaderOptions{}), 1);
  EXPECT_LE(DotsLeft(tilted, drifting), 2) << "of " << drifting.size();
}

// Vietnamese running text is full of small marks on shared rows (the dot
// below ạ ị ọ ụ, tone marks above): none of them is taken for a leader.
TEST(Leaders, VietnameseMarksAreNotLeaders) {
  cv::Mat page(300, 2400, CV_8UC1, cv::Scalar(255));
  Type(page, "Họ, chữ đệm và tên: Nguyễn Thị Ngọc Diệp; địa chỉ: Lạc Trung, Vĩnh Tuy", cv::Point(60, 120));
  Type(page, "ị ị ị ị ạ ạ ạ ọ ọ ọ ụ ụ ụ ệ ệ ệ ộ ộ ộ ợ ợ ợ ự ự ự ặ ặ ặ ậ ậ ậ", cv::Point(60, 230));
  const cv::Mat before = page.clone();
  EXPECT_EQ(RemoveLeaders(page, 300, LeaderOptions{}), 0);
  EXPECT_EQ(cv::norm(page, before, cv::NORM_L1), 0.0);
}

}  // namespace
}  // namespace hoso
