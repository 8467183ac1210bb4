#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "cleanup/cleanup.h"
#include "support/test_support.h"

namespace hoso {
namespace {

// unpaper's skewed scan with a black border, against what unpaper makes of
// it. unpaper also centres the text on the page; hoso leaves it where it
// was, so the two are compared with their text aligned. unpaper's own
// tests allow 5% of pixels to differ.
TEST(ReferenceScans, UnpapersSkewedScanComesOutLikeUnpapersGolden) {
  const auto dir = test::DataDir() / "ocr-reference" / "unpaper";
  const cv::Mat scan = cv::imread((dir / "imgsrc001.png").string(), cv::IMREAD_GRAYSCALE);
  const cv::Mat golden = cv::imread((dir / "goldenA1.png").string(), cv::IMREAD_GRAYSCALE);
  ASSERT_FALSE(scan.empty());
  ASSERT_EQ(scan.size(), golden.size());
  CleanupOptions options;
  options.orientation.enabled = false;  // no judge here: the page is upright
  // The PNG states no resolution; compared at 300 dpi, the golden's (left
  // to itself, hoso would size the page by its text, enlarging it 1.4x).
  auto clean = Clean(SourcePage{0, scan, 300, true}, options);
  ASSERT_TRUE(clean.ok());
  EXPECT_NEAR(std::abs(clean->skew_deg), 4.0, 0.3);
  const cv::Mat ours = clean->gray < 128, theirs = golden < 128;
  // The black border is gone: no ink in the leftmost tenth of the page.
  EXPECT_EQ(cv::countNonZero(ours(cv::Rect(0, 0, ours.cols / 10, ours.rows))), 0);
  const cv::Rect a = cv::boundingRect(ours), b = cv::boundingRect(theirs);
  EXPECT_NEAR(a.width, b.width, 10) << "the text block as wide: the same skew";
  EXPECT_NEAR(a.height, b.height, 10);
  cv::Mat shifted;
  const cv::Mat move = (cv::Mat_<double>(2, 3) << 1, 0, b.x - a.x, 0, 1, b.y - a.y);
  cv::warpAffine(ours, shifted, move, ours.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT, cv::Scalar(0));
  const double differ = static_cast<double>(cv::countNonZero(shifted != theirs)) / static_cast<double>(ours.total());
  EXPECT_LT(differ, 0.05) << differ * 100 << "% of pixels differ";
}

}  // namespace
}  // namespace hoso
