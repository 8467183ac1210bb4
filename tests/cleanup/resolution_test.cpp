// Resolution from the text's size, blank pages that keep their text, and
// photographed sheets made rectangular: drawn pages with known answers, and
// the real captures in ../shared/data/real-scans.
#include <gtest/gtest.h>

#include <filesystem>

#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"
#include "cleanup/text_scale.h"
#include "support/test_support.h"

namespace hoso {
namespace {

cv::Mat Scaled(const cv::Mat& page, double s) {
  cv::Mat out;
  cv::resize(page, out, cv::Size(), s, s, cv::INTER_AREA);
  return out;
}

SourcePage Source(const cv::Mat& image, int dpi, bool from_file) {
  SourcePage p;
  p.image = image;
  p.dpi = dpi;
  p.dpi_from_file = from_file;
  return p;
}

TEST(TextScale, FollowsTheTextsSize) {
  const cv::Mat page = test::TextPage(2480, 3508, 30, 40);
  const TextScale full = EstimateTextScale(page);
  const TextScale half = EstimateTextScale(Scaled(page, 0.5));
  ASSERT_TRUE(full.found());
  ASSERT_TRUE(half.found());
  EXPECT_GT(full.text_components, 200);
  EXPECT_NEAR(half.letter_height / full.letter_height, 0.5, 0.08);
  EXPECT_GT(full.dpi, half.dpi);
}

TEST(TextScale, NoTextNoEstimate) {
  const cv::Mat paper = test::WithNoise(cv::Mat(1200, 900, CV_8UC1, cv::Scalar(230)), 10);
  EXPECT_FALSE(EstimateTextScale(paper).found());
}

TEST(TextScale, DotsAndSpecksDoNotCountAsLetters) {
  // A page of text with a leader of dots under every line: the letters'
  // height, not the dots'.
  cv::Mat page = test::TextPage(2480, 3508, 30, 40);
  const TextScale plain = EstimateTextScale(page);
  for (int y = 3508 / 8 + 20; y < 3508 * 7 / 8; y += 80)
    for (int x = 250; x < 2300; x += 18) cv::circle(page, {x, y}, 3, cv::Scalar(0), cv::FILLED);
  const TextScale dotted = EstimateTextScale(page);
  ASSERT_TRUE(dotted.found());
  EXPECT_NEAR(dotted.letter_height, plain.letter_height, 0.15 * plain.letter_height);
}

TEST(Resolution, WithoutAResolutionTheTextDecides) {
  // A 300 dpi page taken down to ~70 dpi, in a file that states none.
  const cv::Mat small = Scaled(test::TextPage(2480, 3508, 30, 40), 0.25);
  const ResolutionPlan plan = PlanResolution(Source(small, 300, false), {});
  ASSERT_TRUE(plan.estimated);
  EXPECT_EQ(plan.file_dpi, 0);
  EXPECT_NEAR(plan.text.letter_height * plan.scale, ResolutionOptions().target_letter_px, 2.0);
  EXPECT_GT(plan.scale, 1.5);
}

TEST(Resolution, AnImplausibleResolutionIsNotBelieved) {
  // JFIF's 1x1 aspect and a phone's 72 dpi are no resolution.
  const cv::Mat small = Scaled(test::TextPage(2480, 3508, 30, 40), 0.25);
  EXPECT_TRUE(PlanResolution(Source(small, 72, true), {}).estimated);
}

TEST(Resolution, APlausibleResolutionTheTextAgreesWithStands) {
  // Small letters at 200 dpi: brought to 300.
  const cv::Mat page = Scaled(test::TextPage(2480, 3508, 30, 34), 200.0 / 300.0);
  const ResolutionPlan plan = PlanResolution(Source(page, 200, true), {});
  EXPECT_FALSE(plan.estimated);
  EXPECT_EQ(plan.file_dpi, 200);
  EXPECT_LT(plan.text.letter_height, ResolutionOptions().target_letter_px);
  EXPECT_DOUBLE_EQ(plan.scale, 1.5);
  EXPECT_EQ(plan.dpi, 300);
}

TEST(Resolution, A200DpiScanWhoseLettersAreTallEnoughIsReadAsItIs) {
  // Letters already the height Tesseract reads best: enlarging them reads no
  // better (real 200 dpi letters: CER 5.98% as they are, 6.71% at 300) and
  // costs 2.25 times the pixels.
  const cv::Mat page = Scaled(test::TextPage(2480, 3508, 30, 54), 200.0 / 300.0);
  const ResolutionPlan plan = PlanResolution(Source(page, 200, true), {});
  EXPECT_FALSE(plan.estimated);
  EXPECT_GE(plan.text.letter_height, ResolutionOptions().target_letter_px);
  EXPECT_DOUBLE_EQ(plan.scale, 1.0);
  EXPECT_EQ(plan.dpi, 200);
}

TEST(Resolution, NoTextNoResolutionIsTakenForAnA4Sheet) {
  const cv::Mat paper(960, 680, CV_8UC1, cv::Scalar(245));
  const ResolutionPlan plan = PlanResolution(Source(paper, 300, false), {});
  EXPECT_TRUE(plan.estimated);
  EXPECT_NEAR(plan.dpi / plan.scale, 960 / 11.69, 2);
}

TEST(Resolution, ARealPhoneCaptureIsEnlarged) {
  // 572x960 JPEG with JFIF 1x1: ~70 dpi on A4.
  const auto file = test::RealScansDir() / "letter-2020-p2-photo.jpg";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << "no " << file;
  auto doc = OpenDocument(test::ReadFile(file), {});
  ASSERT_TRUE(doc.ok());
  auto page = (*doc)->LoadPage(0);
  ASSERT_TRUE(page.ok());
  const ResolutionPlan plan = PlanResolution(*page, {});
  EXPECT_TRUE(plan.estimated);
  EXPECT_NEAR(plan.text.dpi, 70, 20) << "the capture's resolution, from its letters";
  EXPECT_GT(plan.scale, 1.8);
  EXPECT_LT(plan.scale, 3.0);
}

TEST(Blank, AFewShortLinesOnANarrowReceiptAreRead) {
  // An 80 mm till receipt at 200 dpi, 40 cm long: four short lines of
  // small print, little ink for its length.
  cv::Mat receipt(3150, 630, CV_8UC1, cv::Scalar(250));
  for (int l = 0; l < 4; ++l)
    cv::putText(receipt, l % 2 ? "TONG 45.000" : "CA PHE 2", cv::Point(80, 400 + 40 * l), cv::FONT_HERSHEY_SIMPLEX, 0.5,
                cv::Scalar(0), 1, cv::LINE_AA);
  const BlankVerdict v = DetectBlank(receipt, 200, {});
  EXPECT_LT(v.ink_fraction, BlankOptions().min_ink_fraction) << "too little ink to pass on ink alone";
  EXPECT_GE(v.text_components, BlankOptions().min_text_components);
  EXPECT_FALSE(v.blank);
}

TEST(Blank, NoRealPageWithTextIsCalledBlank) {
  const auto dir = test::RealScansDir();
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no " << dir;
  int pages = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (!HasSupportedExtension(e.path().string())) continue;
    auto doc = OpenDocument(test::ReadFile(e.path()), {});
    ASSERT_TRUE(doc.ok()) << e.path();
    for (int i = 0; i < (*doc)->page_count(); ++i) {
      auto page = (*doc)->LoadPage(i);
      ASSERT_TRUE(page.ok());
      auto clean = Clean(*page, {});
      ASSERT_TRUE(clean.ok());
      EXPECT_FALSE(clean->blank) << e.path().filename() << " page " << i + 1;
      ++pages;
    }
  }
  EXPECT_GE(pages, 7);
}

// A page photographed on a dark desk: corners moved as a tilted camera
// moves them.
cv::Mat Photographed(const cv::Mat& page, std::array<cv::Point2f, 4>* corners) {
  const cv::Size canvas(page.cols * 13 / 10, page.rows * 12 / 10);
  *corners = {cv::Point2f(0.18f * page.cols, 0.12f * page.rows), cv::Point2f(1.12f * page.cols, 0.1f * page.rows),
              cv::Point2f(1.25f * page.cols, 1.15f * page.rows), cv::Point2f(0.05f * page.cols, 1.12f * page.rows)};
  const std::vector<cv::Point2f> src = {
      {0, 0}, {float(page.cols), 0}, {float(page.cols), float(page.rows)}, {0, float(page.rows)}};
  cv::Mat out(canvas, CV_8UC1, cv::Scalar(60));
  cv::warpPerspective(page, out,
                      cv::getPerspectiveTransform(src, std::vector<cv::Point2f>(corners->begin(), corners->end())),
                      canvas, cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
  return out;
}

TEST(Sheet, APhotographedSheetIsFoundAndMadeRectangular) {
  const cv::Mat page = Scaled(test::TextPage(2480, 3508, 30, 40), 0.4);
  std::array<cv::Point2f, 4> truth;
  const cv::Mat photo = Photographed(page, &truth);
  const SheetQuad q = FindSheet(photo, {});
  ASSERT_TRUE(q.found);
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(q.corners[i].x, truth[i].x, 0.02 * photo.cols) << "corner " << i;
    EXPECT_NEAR(q.corners[i].y, truth[i].y, 0.02 * photo.rows) << "corner " << i;
  }
  const cv::Mat flat = RectifySheet(photo, q);
  EXPECT_NEAR(static_cast<double>(flat.rows) / flat.cols, static_cast<double>(page.rows) / page.cols, 0.12);
  // Through Clean: recorded, and its lines lie flat again.
  auto clean = Clean(Source(photo, 300, false), {});
  ASSERT_TRUE(clean.ok());
  EXPECT_TRUE(clean->perspective_corrected);
  EXPECT_FALSE(clean->blank);
}

TEST(Sheet, AScanFillingTheFrameIsLeftAlone) {
  const cv::Mat page = Scaled(test::TextPage(2480, 3508, 30, 40), 0.4);
  EXPECT_FALSE(FindSheet(page, {}).found);
  // Nor through Clean, whatever resolution it states.
  for (const auto& [dpi, stated] : {std::pair{120, true}, std::pair{300, true}, std::pair{72, false}}) {
    auto clean = Clean(Source(page, dpi, stated), {});
    ASSERT_TRUE(clean.ok());
    EXPECT_FALSE(clean->perspective_corrected) << dpi;
  }
}

// A phone app's PDF puts the photo on an A4 page: it states ~120 dpi, for
// the whole photo. The sheet is found in it all the same, and its
// resolution then comes from its text, not from the file.
TEST(Sheet, APhoneAppsPdfPageIsSearchedToo) {
  const cv::Mat page = Scaled(test::TextPage(2480, 3508, 30, 40), 0.4);
  std::array<cv::Point2f, 4> truth;
  const cv::Mat photo = Photographed(page, &truth);
  auto clean = Clean(Source(photo, static_cast<int>(photo.cols / 8.27), true), {});
  ASSERT_TRUE(clean.ok());
  EXPECT_TRUE(clean->perspective_corrected);
  EXPECT_TRUE(clean->dpi_estimated);
  EXPECT_EQ(clean->file_dpi, static_cast<int>(photo.cols / 8.27));
  // A full-size phone photo on an A4 page states 300 dpi or more: a sheet
  // seen in perspective is a photo's, whatever the file states.
  auto full_size = Clean(Source(photo, 300, true), {});
  ASSERT_TRUE(full_size.ok());
  EXPECT_TRUE(full_size->perspective_corrected);
  EXPECT_TRUE(full_size->dpi_estimated);
}

// A scanner's page on its dark lid, a little skewed: a rectangle, not a
// sheet seen in perspective. At the resolution the scanner states it is
// left to the border step, which crops it keeping that resolution.
TEST(Sheet, AScannedPageOnADarkLidKeepsTheScannersResolution) {
  const cv::Mat page = Scaled(test::TextPage(2480, 3508, 30, 40), 200 / 300.0);
  cv::Mat scan(page.rows * 11 / 10, page.cols * 11 / 10, CV_8UC1, cv::Scalar(30));
  const cv::Mat turn = cv::getRotationMatrix2D(cv::Point2f(page.cols / 2.0f, page.rows / 2.0f), 1.0, 1.0);
  cv::Mat placed = turn.clone();
  placed.at<double>(0, 2) += page.cols / 20.0;
  placed.at<double>(1, 2) += page.rows / 20.0;
  cv::warpAffine(page, scan, placed, scan.size(), cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
  const SheetQuad q = FindSheet(scan, {});
  if (q.found) EXPECT_LT(q.tilt_deg, SheetOptions{}.scan_min_tilt_deg);
  auto clean = Clean(Source(scan, 200, true), {});
  ASSERT_TRUE(clean.ok());
  EXPECT_FALSE(clean->perspective_corrected);
  EXPECT_FALSE(clean->dpi_estimated);
  EXPECT_FALSE(clean->blank);
}

// A shadow across the sheet splits its brightness in two: the bright part
// alone ends at the shadow's soft edge, not at the paper's. It must never
// be taken for the sheet (its text would be cropped away, and the page
// called blank): the sheet is found whole.
TEST(Sheet, AShadowAcrossTheSheetIsNotItsEdge) {
  const cv::Mat page = Scaled(test::TextPage(2480, 3508, 30, 40), 0.4);
  std::array<cv::Point2f, 4> truth;
  cv::Mat photo = Photographed(page, &truth);
  // Darker towards the top: 0.35 of the light at the top, full light from
  // the middle down, a soft slope between.
  for (int y = 0; y < photo.rows; ++y) {
    const double t = std::clamp((y - 0.2 * photo.rows) / (0.3 * photo.rows), 0.0, 1.0);
    photo.row(y) *= 0.35 + 0.65 * t;
  }
  const SheetQuad q = FindSheet(photo, {});
  ASSERT_TRUE(q.found);
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(q.corners[i].x, truth[i].x, 0.03 * photo.cols) << "corner " << i;
    EXPECT_NEAR(q.corners[i].y, truth[i].y, 0.03 * photo.rows) << "corner " << i;
  }
  auto clean = Clean(Source(photo, 0, false), {});
  ASSERT_TRUE(clean.ok());
  EXPECT_FALSE(clean->blank);
  EXPECT_TRUE(clean->perspective_corrected);
}

// A deep shadow over a corner of sheet and desk: the shaded paper is darker
// than the lit desk, so no grey level parts paper from desk. The sheet's
// edge is a step wherever it runs, the shadow's a slope: the sheet is found
// whole all the same.
TEST(Sheet, ASheetPartlyDarkerThanTheDeskIsFoundWhole) {
  const cv::Mat page = Scaled(test::TextPage(2480, 3508, 30, 40), 0.4);
  std::array<cv::Point2f, 4> truth;
  cv::Mat photo = Photographed(page, &truth);
  photo.setTo(cv::Scalar(110), photo < 61);  // a lighter desk
  for (int y = 0; y < photo.rows; ++y)
    for (int x = 0; x < photo.cols; ++x) {
      // 0.2 of the light in the top left corner, full light past a soft
      // diagonal slope.
      const double t = std::clamp((x + y - 0.5 * (photo.rows + photo.cols)) / (0.3 * photo.cols) + 1.0, 0.0, 1.0);
      auto& v = photo.at<uchar>(y, x);
      v = cv::saturate_cast<uchar>(v * (0.2 + 0.8 * t));
    }
  const SheetQuad q = FindSheet(photo, {});
  ASSERT_TRUE(q.found);
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(q.corners[i].x, truth[i].x, 0.03 * photo.cols) << "corner " << i;
    EXPECT_NEAR(q.corners[i].y, truth[i].y, 0.03 * photo.rows) << "corner " << i;
  }
}

// A scanned letter whose scanner left thin dark strips along two edges:
// whatever is found, no outline is drawn through its text.
TEST(Sheet, AScanWithThinDarkStripsIsNotCutThroughItsText) {
  cv::Mat scan = Scaled(test::TextPage(2480, 3508, 30, 40), 0.4);
  scan.colRange(scan.cols - scan.cols / 60, scan.cols).setTo(cv::Scalar(20));
  scan.rowRange(scan.rows - scan.rows / 80, scan.rows).setTo(cv::Scalar(20));
  const SheetQuad q = FindSheet(scan, {});
  if (q.found) {
    const std::array<cv::Point2f, 4> page = {cv::Point2f(0, 0), cv::Point2f(scan.cols, 0),
                                             cv::Point2f(scan.cols, scan.rows), cv::Point2f(0, scan.rows)};
    for (int i = 0; i < 4; ++i) EXPECT_LT(cv::norm(q.corners[i] - page[i]), 0.03 * scan.rows) << "corner " << i;
  }
  auto clean = Clean(Source(scan, 0, false), {});
  ASSERT_TRUE(clean.ok());
  EXPECT_FALSE(clean->blank);
}

}  // namespace
}  // namespace hoso
