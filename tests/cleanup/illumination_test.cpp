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

// A black-and-white scan has no light to even out: it is not divided by a
// paper estimate at all (which would leave it as it is, at a cost), a
// large black area and all.
TEST(Illumination, LeavesABlackAndWhitePageAsItIs) {
  cv::Mat page;
  cv::threshold(test::TextPage(1654, 2339, 20), page, 128, 255, cv::THRESH_BINARY);
  page(cv::Rect(300, 1500, 700, 500)).setTo(0);
  const cv::Mat before = page.clone();
  EXPECT_FALSE(FlattenIllumination(page, 200, {}));
  EXPECT_EQ(cv::countNonZero(page != before), 0);
}

TEST(Illumination, RestoresFadedInk) {
  const cv::Mat clean = test::TextPage(2480, 3508, 25);
  cv::Mat faded = 255 - (255 - clean) * 0.35;  // ink at ~165
  cv::Mat ink = clean < 60;
  ASSERT_GT(cv::mean(faded, ink)[0], 150);
  ASSERT_TRUE(FlattenIllumination(faded, 300, {}));
  EXPECT_LT(cv::mean(faded, ink)[0], 70);
}

// A faded receipt with one black line over it (a name stamped on top, a
// signature in black pen): the faded text is still stretched back, and the
// black line stays black.
TEST(Illumination, RestoresFadedInkUnderABlackLine) {
  const cv::Mat clean = test::TextPage(1240, 2480, 25);
  cv::Mat faded = 255 - (255 - clean) * 0.3;  // ink at ~180
  cv::Mat ink = clean < 60;
  faded(cv::Rect(0, 0, faded.cols, 300)).setTo(255);
  ink(cv::Rect(0, 0, ink.cols, 300)).setTo(0);
  cv::Mat name(faded.size(), CV_8UC1, cv::Scalar(0));
  cv::putText(name, "tan woon yann", cv::Point(60, 120), cv::FONT_HERSHEY_SIMPLEX, 3.5, cv::Scalar(255), 16);
  cv::putText(name, "TAN WOON YANN", cv::Point(60, 260), cv::FONT_HERSHEY_SIMPLEX, 3.5, cv::Scalar(255), 16);
  // (A tenth of the page's ink or more: the darkest tenth of it all is black.)
  faded.setTo(0, name);
  ASSERT_GT(cv::mean(faded, ink)[0], 160);
  ASSERT_TRUE(FlattenIllumination(faded, 300, {}));
  EXPECT_LT(cv::mean(faded, ink)[0], 90);
  EXPECT_LT(cv::mean(faded, name)[0], 30);
}

// The grain left on flattened paper (noise, JPEG, a back's bleed-through at
// 230-250) becomes white at the end of the flattening; ink keeps its level,
// and its soft edges stay grey.
TEST(Illumination, PaperIsMadeWhiteInkKept) {
  const cv::Mat clean = test::TextPage(1240, 1754, 25);
  cv::Mat page = test::WithNoise(clean, 8, -10);
  const cv::Mat paper = clean > 250, ink = clean < 60;
  ASSERT_LT(cv::mean(page, paper)[0], 247);
  const double ink_before = cv::mean(page, ink)[0];
  ASSERT_TRUE(FlattenIllumination(page, 150, {}));
  EXPECT_GT(cv::countNonZero(paper & (page == 255)), cv::countNonZero(paper) * 95 / 100);
  EXPECT_NEAR(cv::mean(page, ink)[0], ink_before, 3);
  EXPECT_GT(cv::countNonZero((page > 60) & (page < 255)), 0);  // not a threshold
}

TEST(ColourInk, RedStampOverBlackTextIsDropped) {
  cv::Mat page(600, 800, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::Mat text(page.size(), CV_8UC1, cv::Scalar(0)), ring(page.size(), CV_8UC1, cv::Scalar(0));
  cv::putText(text, "Ho va ten", cv::Point(50, 300), cv::FONT_HERSHEY_SIMPLEX, 3, cv::Scalar(255), 8);
  // The rest of the page's text (a stamp is a fraction of a page's ink).
  for (int y = 420; y < 600; y += 60)
    cv::putText(text, "Noi nhan: nhu tren", cv::Point(20, y), cv::FONT_HERSHEY_SIMPLEX, 2, cv::Scalar(255), 6);
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

// A receipt printed in blue, with one line of black over it (a name
// stamped on, a handwritten total): the blue is the text, and stays.
TEST(ColourInk, TextPrintedInColourIsKept) {
  cv::Mat page(1754, 1240, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::Mat text(page.size(), CV_8UC1, cv::Scalar(0)), name(page.size(), CV_8UC1, cv::Scalar(0));
  for (int y = 300; y < 1600; y += 50)
    cv::putText(text, "KLEENSO AJAIB 99  1 X  7.45", cv::Point(80, y), cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(255),
                2);
  cv::putText(name, "tan woon yann", cv::Point(150, 150), cv::FONT_HERSHEY_SIMPLEX, 2, cv::Scalar(255), 6);
  page.setTo(cv::Scalar(190, 110, 60), text);  // blue print (BGR)
  page.setTo(cv::Scalar(10, 10, 10), name);
  bool dropped = true;
  const cv::Mat gray = InkGray(test::WithNoise(page, 4), {}, &dropped);
  EXPECT_FALSE(dropped);
  EXPECT_LT(cv::mean(gray, text)[0], 140);  // the blue print is ink to read
  // The same page with the print black and a blue signature instead: the
  // signature is dropped.
  cv::Mat signed_page(page.size(), CV_8UC3, cv::Scalar(255, 255, 255)), signature(page.size(), CV_8UC1, cv::Scalar(0));
  for (int k = 0; k < 3; ++k)
    cv::ellipse(signature, cv::Point(700 + 60 * k, 1500), cv::Size(200, 60 + 20 * k), 10, 0, 300, cv::Scalar(255), 6);
  signed_page.setTo(cv::Scalar(20, 20, 20), text);
  signed_page.setTo(cv::Scalar(190, 110, 60), signature);
  const cv::Mat signed_gray = InkGray(test::WithNoise(signed_page, 4), {}, &dropped);
  EXPECT_TRUE(dropped);
  EXPECT_GT(cv::mean(signed_gray, signature & ~text)[0], 180);
}

// A stamp as faded as the page it is on (its colour a quarter as strong) is
// still a stamp: its channels differ little, but by much of its darkness.
// A grey page with colour noise (a cheap sensor, JPEG) is not stamped.
TEST(ColourInk, FadedStampIsDropped) {
  cv::Mat page(1754, 1240, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::Mat text(page.size(), CV_8UC1, cv::Scalar(0)), stamp(page.size(), CV_8UC1, cv::Scalar(0));
  for (int y = 200; y < 1500; y += 60)
    cv::putText(text, "Ho va ten: Nguyen Van An", cv::Point(100, y), cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(255), 2);
  cv::circle(stamp, cv::Point(600, 800), 120, cv::Scalar(255), 6);
  cv::circle(stamp, cv::Point(600, 800), 95, cv::Scalar(255), 3);
  cv::circle(stamp, cv::Point(600, 800), 20, cv::Scalar(255), cv::FILLED);
  page.setTo(cv::Scalar(20, 20, 20), text);
  page.setTo(cv::Scalar(40, 30, 210), stamp);
  const cv::Mat faded = test::WithNoise(cv::Scalar(255, 255, 255) - (cv::Scalar(255, 255, 255) - page) * 0.28, 6);
  bool dropped = false;
  const cv::Mat gray = InkGray(faded, {}, &dropped);
  EXPECT_TRUE(dropped);
  EXPECT_GT(cv::mean(gray, stamp & ~text)[0], 225);
  EXPECT_LT(cv::mean(gray, text & ~stamp)[0], 205);  // as faded as it was (~190), no paler

  cv::Mat grey(page.size(), CV_8UC3);
  cv::cvtColor(255 - text * 0.3, grey, cv::COLOR_GRAY2BGR);
  InkGray(test::WithNoise(grey, 6), {}, &dropped);
  EXPECT_FALSE(dropped);
}

// A photographed stamp: its ring is red only in its middle, the blur and
// JPEG's halved colour leave a pale pink rim whose red channel is below
// the paper's white. The brightest channel would leave the rim as a grey
// ring; it goes. Black text stays black, and a day filled in in blue pen
// stays readable.
TEST(ColourInk, AStampsPaleRimGoesBluePenStays) {
  cv::Mat page(1200, 900, CV_8UC3, cv::Scalar(235, 235, 235));
  cv::Mat text(page.size(), CV_8UC1, cv::Scalar(0)), core(page.size(), CV_8UC1, cv::Scalar(0)),
      rim(page.size(), CV_8UC1, cv::Scalar(0)), pen(page.size(), CV_8UC1, cv::Scalar(0));
  for (int y = 100; y < 1100; y += 60)
    cv::putText(text, "Noi nhan: nhu tren", cv::Point(40, y), cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(255), 3);
  cv::circle(rim, cv::Point(600, 600), 150, cv::Scalar(255), 12);
  cv::circle(core, cv::Point(600, 600), 150, cv::Scalar(255), 4);
  cv::putText(pen, "12", cv::Point(650, 1000), cv::FONT_HERSHEY_SIMPLEX, 2, cv::Scalar(255), 5);
  page.setTo(cv::Scalar(20, 20, 20), text);
  page.setTo(cv::Scalar(175, 165, 215), rim & ~text);  // pale pink (BGR)
  page.setTo(cv::Scalar(60, 50, 200), core & ~text);
  page.setTo(cv::Scalar(170, 90, 40), pen & ~text);  // blue
  bool dropped = false;
  const cv::Mat gray = InkGray(page, {}, &dropped);
  EXPECT_TRUE(dropped);
  EXPECT_GT(cv::mean(gray, (rim | core) & ~text)[0], 230);
  EXPECT_LT(cv::mean(gray, text)[0], 40);
  EXPECT_LT(cv::mean(gray, pen & ~text & ~rim)[0], 175);
  // Where the ring crosses a letter, the letter stays: black over red is
  // black in its middle, and its rims, which JPEG tints red, stay dark.
  cv::Mat crossed = page.clone(), stroke(page.size(), CV_8UC1, cv::Scalar(0)), middle;
  cv::line(stroke, cv::Point(440, 560), cv::Point(470, 640), cv::Scalar(255), 7);  // over the ring's left side
  cv::erode(stroke, middle, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
  const cv::Mat tinted = stroke & ~middle & (core | rim);
  ASSERT_GT(cv::countNonZero(tinted), 20);
  crossed.setTo(cv::Scalar(20, 20, 20), stroke);
  crossed.setTo(cv::Scalar(35, 35, 95), tinted);
  EXPECT_LT(cv::mean(InkGray(crossed, {}, &dropped), tinted)[0], 110);
  // A tone mark too thin for a black middle, red all through, stays too:
  // black under the red ink leaves it no green or blue.
  cv::Mat mark(page.size(), CV_8UC1, cv::Scalar(0));
  cv::line(mark, cv::Point(740, 560), cv::Point(760, 575), cv::Scalar(255), 2);  // over the ring's right side
  mark &= core | rim;
  ASSERT_GT(cv::countNonZero(mark), 5);
  crossed.setTo(cv::Scalar(8, 8, 90), mark);
  EXPECT_LT(cv::mean(InkGray(crossed, {}, &dropped), mark)[0], 120);
  // As the brightest channel alone leaves it: the rim a grey ring.
  ColourInkOptions plain;
  plain.lift_red = false;
  EXPECT_LT(cv::mean(InkGray(page, plain, &dropped), rim & ~core & ~text)[0], 220);
}

}  // namespace
}  // namespace hoso
