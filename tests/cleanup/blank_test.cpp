#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
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

TEST(Blank, AFewTypedLinesAreNotBlank) { EXPECT_FALSE(DetectBlank(test::TextPage(2480, 3508, 2), 300, {}).blank); }

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
  EXPECT_LT(SpeckDensity(page, 300), 0.1);
  EXPECT_FALSE(Despeckle(page, 300, {}));
  EXPECT_EQ(cv::norm(page, original, cv::NORM_L1), 0.0);
  cv::RNG rng(3);
  for (int i = 0; i < 40000; ++i)
    page.at<uchar>(rng.uniform(0, page.rows), rng.uniform(0, page.cols)) = i % 2 ? 0 : 255;
  EXPECT_GT(SpeckDensity(page, 300), 10);
  EXPECT_TRUE(Despeckle(page, 300, {}));
  EXPECT_LT(SpeckDensity(page, 300), 0.5);
}

// The generated sets' worst case: a faded page (ink at ~165) peppered at
// 300 dpi, reduced to 200 dpi and saved as JPEG. The specks are grey blots
// of 2x2 pixels, as pale as the text and far from "black": still specks.
// The same page without the pepper is left alone (its thin strokes are a
// pixel wide at 200 dpi, and a median would break them).
TEST(Despeckle, FindsGreySpecksOnAFadedLowResolutionPage) {
  const cv::Mat clean = test::TextPage(2480, 3508, 20);
  cv::Mat faded = 255 - (255 - clean) * 0.35;
  cv::Mat peppered = faded.clone();
  cv::RNG rng(5);
  for (int i = 0; i < 40000; ++i) peppered.at<uchar>(rng.uniform(0, faded.rows), rng.uniform(0, faded.cols)) = 0;
  auto scan = [](const cv::Mat& page) {
    cv::Mat small, out;
    cv::resize(page, small, cv::Size(), 2.0 / 3, 2.0 / 3, cv::INTER_AREA);
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", small, jpeg, {cv::IMWRITE_JPEG_QUALITY, 55});
    return cv::imdecode(jpeg, cv::IMREAD_GRAYSCALE);
  };
  cv::Mat page = scan(peppered);
  const cv::Mat plain = scan(faded);
  EXPECT_LT(SpeckDensity(plain, 200), 0.5);
  EXPECT_GT(SpeckDensity(page, 200), 5);
  cv::Mat untouched = plain.clone();
  EXPECT_FALSE(Despeckle(untouched, 200, {}));
  EXPECT_TRUE(Despeckle(page, 200, {}));
  EXPECT_LT(SpeckDensity(page, 200), 0.5);
}

// A phone photo of a page, ~70 dpi on the sheet: its letters' strokes are a
// pixel wide and its marks a pixel or two, so they count as specks; a median
// would take them away. It is not despeckled (a photographed form read at
// 10% CER before the median, 29% after).
TEST(Despeckle, LeavesPagesBelow200DpiAlone) {
  const cv::Mat clean = test::TextPage(2480, 3508, 20);
  cv::Mat small;
  cv::resize(clean, small, cv::Size(), 70.0 / 300, 70.0 / 300, cv::INTER_AREA);
  cv::RNG rng(7);
  for (int i = 0; i < 3000; ++i) small.at<uchar>(rng.uniform(0, small.rows), rng.uniform(0, small.cols)) = 0;
  ASSERT_GT(SpeckDensity(small, 70), 1.0) << "what a median would act on";
  const cv::Mat before = small.clone();
  EXPECT_FALSE(Despeckle(small, 70, {}));
  EXPECT_EQ(cv::norm(small, before, cv::NORM_L1), 0.0);
  DespeckleOptions always;
  always.min_dpi = 0;
  EXPECT_TRUE(Despeckle(small, 70, always));
}

}  // namespace
}  // namespace hoso
