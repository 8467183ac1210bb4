#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include "cleanup/cleanup.h"
#include "support/sample_pages.h"
#include "support/test_support.h"

namespace hoso {
namespace {

cv::Mat Gray(const std::filesystem::path& p) { return cv::imread(p.string(), cv::IMREAD_GRAYSCALE); }

// Tesseract's reference page, turned by its authors.
TEST(Orientation, TesseractsRotatedPhototests) {
  const auto dir = test::DataDir() / "ocr-reference" / "tesseract";
  EXPECT_EQ(EstimateOrientation(Gray(dir / "phototest.tif"), 200, {}).rotation, 0);
  EXPECT_EQ(EstimateOrientation(Gray(dir / "phototest-rotated-180.png"), 200, {}).rotation, 180);
  EXPECT_EQ(EstimateOrientation(Gray(dir / "phototest-rotated-L.png"), 200, {}).rotation, 90);
  EXPECT_EQ(EstimateOrientation(Gray(dir / "phototest-rotated-R.png"), 200, {}).rotation, 270);
}

// Every written page of the samples (forms and ID copies, grey, noisy),
// turned each way: the clockwise turn back is found. Not yet true: the line
// direction is right, but the way up is wrong on some forms and ID copies
// (ink below the x-height band outweighs ink above), which is why hoso
// asks a judge (tests/ocr: OcrOrientation) for the way up.
TEST(Orientation, DISABLED_EverySamplePageTurnedEveryWay) {
  int pages = 0;
  for (const auto& [file, page] : test::SamplePages()) {
    const cv::Mat gray = ToGray(page.image);
    if (DetectBlank(gray, page.dpi, {}).blank) continue;
    for (int turn : {0, 90, 180, 270}) {
      // Turned counter-clockwise by `turn`: the fix is `turn` clockwise.
      const OrientationEstimate est = EstimateOrientation(RotateClockwise(gray, (360 - turn) % 360), page.dpi, {});
      EXPECT_EQ(est.rotation, turn) << file << " page " << page.index << " balance " << est.balance;
      EXPECT_GT(est.confidence, 0.2);
      ++pages;
    }
  }
  EXPECT_GE(pages, 40);
}

TEST(Orientation, CleanTurnsThePageUpright) {
  const cv::Mat page = Gray(test::SamplesDir() / "dossier-0001.jpg");
  CleanupOptions options;
  options.orientation.ink_only = true;
  auto clean = Clean(SourcePage{0, RotateClockwise(page, 90), 200, true}, options);
  ASSERT_TRUE(clean.ok());
  EXPECT_EQ(clean->rotation, 270);
  EXPECT_GT(clean->gray.rows, clean->gray.cols) << "portrait again";
}

TEST(Orientation, EmptyPageStaysAsItIs) {
  const cv::Mat white(1000, 800, CV_8UC1, cv::Scalar(255));
  const OrientationEstimate est = EstimateOrientation(white, 300, {});
  EXPECT_EQ(est.rotation, 0);
  EXPECT_EQ(est.confidence, 0.0);
}

}  // namespace
}  // namespace hoso
