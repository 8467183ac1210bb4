#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include <cmath>

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
  for (double f : {0.3, 0.7})
    cv::circle(page, cv::Point(240, static_cast<int>(page.rows * f)), 38, cv::Scalar(20), cv::FILLED);
  const cv::RotatedRect photo(cv::Point2f(2150, 3000), cv::Size2f(300, 400), 4);
  cv::Point2f c[4];
  photo.points(c);
  std::vector<cv::Point> poly(c, c + 4);
  cv::fillConvexPoly(page, poly, cv::Scalar(150));
  cv::GaussianBlur(page, page, cv::Size(0, 0), 1.2);
  page = test::WithNoise(page, 12);

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

// Light falling off from a point on the page (the generated sets' uneven
// light at full strength): the far corner is as dark as a border, but it is
// the paper, and the text on it stays.
cv::Mat FallOff(const cv::Mat& page, cv::Point2f from, double depth) {
  cv::Mat out(page.size(), CV_8UC1);
  const double diag = std::hypot(page.cols, page.rows);
  for (int y = 0; y < page.rows; ++y)
    for (int x = 0; x < page.cols; ++x)
      out.at<uchar>(y, x) =
          cv::saturate_cast<uchar>(page.at<uchar>(y, x) * (1 - depth * std::hypot(x - from.x, y - from.y) / diag));
  return out;
}

TEST(SolidRegions, LightFallingOffIsPaperNotARegion) {
  const cv::Mat clean = test::TextPage(2480, 3508, 25);
  for (const cv::Point2f from : {cv::Point2f(1300, 400), cv::Point2f(0, 0), cv::Point2f(2000, 3300)}) {
    cv::Mat page = FallOff(clean, from, 0.45);
    const cv::Mat before = page.clone();
    EXPECT_EQ(RemoveSolidRegions(page, 300, {}), 0) << from;
    EXPECT_EQ(cv::countNonZero(page != before), 0) << from;
  }
}

// The shade a phone or a hand casts over a photographed sheet: darker by
// half past a soft edge across the page, too sudden for the paper's smooth
// level to follow, so parts of the shade are dark and smooth like a
// photo. It fades in over a slope, and the text in it stays; a photo on
// the same page, which ends in a step, still goes.
TEST(SolidRegions, ACastShadowIsPaperAndItsTextStays) {
  const cv::Mat clean = test::TextPage(2480, 3508, 25);
  cv::Mat page = clean.clone();
  const cv::Rect photo(300, 300, 300, 400);
  page(photo).setTo(cv::Scalar(140));
  const double soft = 0.08 * std::hypot(page.cols, page.rows);
  for (int y = 0; y < page.rows; ++y)
    for (int x = 0; x < page.cols; ++x) {
      const double s = std::clamp((0.6 * x + 0.8 * y - 0.55 * page.rows) / soft + 0.5, 0.0, 1.0);
      auto& v = page.at<uchar>(y, x);
      v = cv::saturate_cast<uchar>(v * (1 - 0.45 * s));
    }
  cv::GaussianBlur(page, page, cv::Size(0, 0), 1.2);
  page = test::WithNoise(page, 6);
  const cv::Mat before = page.clone();
  EXPECT_EQ(RemoveSolidRegions(page, 300, {}), 1);
  EXPECT_GT(cv::mean(page(photo))[0], 200);
  // Nothing else was painted: the text in the shade is as it was.
  cv::Mat changed = page != before;
  changed(photo + cv::Size(200, 200) - cv::Point(100, 100)).setTo(0);
  EXPECT_EQ(cv::countNonZero(changed), 0);
}

TEST(SolidRegions, ABorderIsFoundUnderUnevenLight) {
  const cv::Mat clean = test::TextPage(2480, 3508, 25);
  cv::Mat page = clean.clone();
  cv::rectangle(page, cv::Rect(page.cols - 160, 0, 160, page.rows), cv::Scalar(30), cv::FILLED);
  page = FallOff(page, cv::Point2f(300, 300), 0.45);
  EXPECT_EQ(RemoveSolidRegions(page, 300, {}), 1);
  // The border is paper now, at about the level of the paper beside it.
  const double beside = cv::mean(page(cv::Rect(page.cols - 260, 100, 60, 60)))[0];
  EXPECT_NEAR(cv::mean(page(cv::Rect(page.cols - 150, 0, 150, 200)))[0], beside, 20);
  const cv::Mat ink = clean < 100;
  EXPECT_GT(cv::countNonZero(ink & (page < 128)), cv::countNonZero(ink) * 8 / 10);
}

// A scanner border on all four sides (the lid open around a smaller page):
// one dark frame, its box the whole page, yet only a thin band of it dark.
// It goes, and the faded text inside it stays.
TEST(SolidRegions, AFrameAroundThePageGoes) {
  const cv::Mat clean = test::TextPage(2480, 3508, 25);
  cv::Mat page = 255 - (255 - clean) * 0.4;  // faded ink, ~150
  const cv::Scalar dark(20);
  cv::rectangle(page, cv::Rect(0, 0, 120, page.rows), dark, cv::FILLED);
  cv::rectangle(page, cv::Rect(page.cols - 100, 0, 100, page.rows), dark, cv::FILLED);
  cv::rectangle(page, cv::Rect(0, 0, page.cols, 90), dark, cv::FILLED);
  cv::rectangle(page, cv::Rect(0, page.rows - 110, page.cols, 110), dark, cv::FILLED);
  cv::GaussianBlur(page, page, cv::Size(0, 0), 1.0);
  EXPECT_GE(RemoveSolidRegions(page, 300, {}), 1);
  for (const cv::Rect band : {cv::Rect(0, 0, 120, page.rows), cv::Rect(page.cols - 100, 0, 100, page.rows),
                              cv::Rect(0, 0, page.cols, 90), cv::Rect(0, page.rows - 110, page.cols, 110)})
    EXPECT_GT(cv::mean(page(band))[0], 200) << band;
  const cv::Mat ink = clean < 100;
  EXPECT_LT(cv::mean(page, ink)[0], 170);
  EXPECT_GT(cv::countNonZero(ink & (page < 200)), cv::countNonZero(ink) * 8 / 10);
  // With the frame gone, the faded ink is the page's darkest, and is
  // stretched back to black.
  ASSERT_TRUE(FlattenIllumination(page, 300, {}));
  EXPECT_LT(cv::mean(page, ink)[0], 90);
}

// A border on one side only 4 mm wide (narrower than the smallest photo or
// hole) is still a border: it runs the page's length along its edge.
TEST(SolidRegions, ANarrowBorderAlongTheEdgeGoes) {
  const cv::Mat clean = test::TextPage(2480, 3508, 25);
  cv::Mat page = clean.clone();
  const cv::Rect band(page.cols - 47, 0, 47, page.rows);
  page(band).setTo(20);
  cv::GaussianBlur(page, page, cv::Size(0, 0), 1.0);
  EXPECT_EQ(RemoveSolidRegions(page, 300, {}), 1);
  EXPECT_GT(cv::mean(page(band))[0], 200);
  const cv::Mat ink = clean < 100;
  EXPECT_GT(cv::countNonZero(ink & (page < 128)), cv::countNonZero(ink) * 8 / 10);
}

// The thinnest borders: 2 mm along each edge, a few pixels at the 50 dpi the
// regions are found at, too thin to be told smooth from busy. Each edge's
// dark band goes, and text that runs off the page's edge on a few rows stays.
TEST(SolidRegions, ThinBandsAlongTheEdgesGo) {
  const cv::Mat clean = test::TextPage(2480, 3508, 25);
  cv::Mat page = clean.clone();
  cv::putText(page, "Ho va ten", cv::Point(2300, 1200), cv::FONT_HERSHEY_SIMPLEX, 3, cv::Scalar(0), 8);  // off the edge
  const cv::Mat text_at_edge = page(cv::Rect(2400, 1120, 80, 100)) < 100;
  const int edge_ink = cv::countNonZero(text_at_edge);
  ASSERT_GT(edge_ink, 300);
  const int band = 24;
  page(cv::Rect(0, 0, band, page.rows)).setTo(20);
  page(cv::Rect(page.cols - band, 0, band, page.rows)).setTo(20);
  page(cv::Rect(0, 0, page.cols, band)).setTo(20);
  page(cv::Rect(0, page.rows - band, page.cols, band)).setTo(20);
  cv::GaussianBlur(page, page, cv::Size(0, 0), 1.0);
  EXPECT_GE(RemoveSolidRegions(page, 300, {}), 1);
  for (const cv::Rect r : {cv::Rect(0, 0, band, page.rows), cv::Rect(page.cols - band, 0, band, page.rows),
                           cv::Rect(0, 0, page.cols, band), cv::Rect(0, page.rows - band, page.cols, band)})
    EXPECT_GT(cv::mean(page(r))[0], 200) << r;
  const cv::Mat ink = clean < 100;
  EXPECT_GT(cv::countNonZero(ink & (page < 128)), cv::countNonZero(ink) * 9 / 10);
  // The word running off the right edge keeps most of its ink (the band's
  // own depth is painted on its rows, no more).
  EXPECT_GT(cv::countNonZero(page(cv::Rect(2400, 1120, 80, 100)) < 100), edge_ink / 2);
}

}  // namespace
}  // namespace hoso
