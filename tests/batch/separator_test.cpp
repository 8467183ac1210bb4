#include "batch/separator.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include "ingest/ingest.h"
#include "support/test_support.h"

namespace hoso {
namespace {

// The sheet as a scanner gives it back: at `dpi`, turned, a little skewed, noisy.
cv::Mat Scanned(const cv::Mat& sheet, int dpi, int turn, double skew_deg) {
  cv::Mat page;
  cv::resize(sheet, page, cv::Size(), dpi / 300.0, dpi / 300.0, cv::INTER_AREA);
  if (turn == 90) cv::rotate(page, page, cv::ROTATE_90_CLOCKWISE);
  if (turn == 180) cv::rotate(page, page, cv::ROTATE_180);
  const cv::Point2f c(page.cols / 2.f, page.rows / 2.f);
  cv::warpAffine(page, page, cv::getRotationMatrix2D(c, skew_deg, 1.0), page.size(), cv::INTER_LINEAR,
                 cv::BORDER_CONSTANT, cv::Scalar(255));
  page = test::WithNoise(page, 18);
  cv::GaussianBlur(page, page, cv::Size(0, 0), 0.8);
  return page;
}

// The sheet as hoso writes it to print (bi-level A4 PDF, or PNG) reads back
// as an A4 page at 300 dpi that is a separator.
TEST(Separator, TheWrittenSheetIsAnA4SeparatorPage) {
  test::ScratchDir dir;
  for (const char* name : {"sheet.pdf", "sheet.png"}) {
    const auto path = dir / name;
    ASSERT_TRUE(WriteSeparatorSheet(path.string()).ok()) << name;
    auto doc = OpenDocument(test::ReadFile(path), {});
    ASSERT_TRUE(doc.ok()) << name << ": " << doc.status().ToString();
    ASSERT_EQ((*doc)->page_count(), 1);
    auto page = (*doc)->LoadPage(0);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->dpi, 300) << name;
    EXPECT_NEAR(page->image.cols, 2480, 3) << name;
    EXPECT_NEAR(page->image.rows, 3508, 3) << name;
    EXPECT_TRUE(IsSeparatorSheet(page->image, page->dpi)) << name;
  }
  EXPECT_FALSE(WriteSeparatorSheet((dir / "no" / "such" / "dir.pdf").string()).ok());
}

TEST(Separator, TheSheetIsFoundHoweverItWasScanned) {
  const cv::Mat sheet = SeparatorSheet(300);
  EXPECT_TRUE(IsSeparatorSheet(sheet, 300));
  for (int dpi : {150, 200, 300, 600})
    for (int turn : {0, 90, 180})
      for (double skew : {-4.0, 2.5})
        EXPECT_TRUE(IsSeparatorSheet(Scanned(sheet, dpi, turn, skew), dpi)) << dpi << " dpi, " << turn << "°, " << skew;
  cv::Mat colour;
  cv::cvtColor(Scanned(sheet, 300, 0, 1), colour, cv::COLOR_GRAY2BGR);
  EXPECT_TRUE(IsSeparatorSheet(colour, 300));
}

TEST(Separator, PagesOfTextAndOtherCodesAreNotSheets) {
  EXPECT_FALSE(IsSeparatorSheet(test::TextPage(2480, 3508, 30), 300));
  EXPECT_FALSE(IsSeparatorSheet(cv::Mat(3508, 2480, CV_8UC1, cv::Scalar(255)), 300));
  // A QR code that says something else (a form's own code) is not one.
  cv::Mat qr, page(3508, 2480, CV_8UC1, cv::Scalar(255));
  cv::QRCodeEncoder::create()->encode("https://dichvucong.gov.vn/p/123", qr);
  cv::resize(qr, qr, cv::Size(600, 600), 0, 0, cv::INTER_NEAREST);
  qr.copyTo(page(cv::Rect(900, 1400, 600, 600)));
  EXPECT_FALSE(IsSeparatorSheet(page, 300));
}

}  // namespace
}  // namespace hoso
