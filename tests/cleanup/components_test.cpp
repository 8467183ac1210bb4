#include "cleanup/components.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <map>
#include <random>

namespace hoso {
namespace {

cv::Mat Noise(int rows, int cols, double density, unsigned seed, uchar ink = 255) {
  std::mt19937 rng(seed);
  std::bernoulli_distribution on(density);
  cv::Mat m(rows, cols, CV_8UC1);
  for (int y = 0; y < rows; ++y)
    for (int x = 0; x < cols; ++x) m.at<uchar>(y, x) = on(rng) ? ink : 0;
  return m;
}

// Our labelling against OpenCV's on the same mask: the same components
// (a one-to-one map between the labels, pixel by pixel), the same boxes,
// areas and centroids, and ours numbered in the raster order of their
// first pixels.
void ExpectSameAsOpenCv(const cv::Mat& mask) {
  cv::Mat cv_labels, cv_stats, cv_centroids, labels, stats, centroids;
  const int cv_n = cv::connectedComponentsWithStats(mask, cv_labels, cv_stats, cv_centroids, 8, CV_32S);
  const int n = LabelInkComponents(mask, labels, stats, centroids);
  ASSERT_EQ(n, cv_n);
  EXPECT_EQ(CountInkComponents(mask), n - 1);
  std::map<int, int> ours_of, theirs_of;
  int next_first = 1;
  for (int y = 0; y < mask.rows; ++y)
    for (int x = 0; x < mask.cols; ++x) {
      const int a = labels.at<int>(y, x), b = cv_labels.at<int>(y, x);
      ASSERT_EQ(a == 0, mask.at<uchar>(y, x) == 0) << "at " << x << "," << y;
      ASSERT_EQ(a == 0, b == 0);
      if (a == 0) continue;
      if (!ours_of.count(b)) {
        ASSERT_EQ(a, next_first++) << "labels in raster order of first pixels";
        ASSERT_FALSE(theirs_of.count(a)) << "two components merged at " << x << "," << y;
        ours_of[b] = a;
        theirs_of[a] = b;
      }
      ASSERT_EQ(ours_of[b], a) << "a component split at " << x << "," << y;
    }
  for (const auto& [b, a] : ours_of) {
    for (int k = 0; k < cv::CC_STAT_MAX; ++k) EXPECT_EQ(stats.at<int>(a, k), cv_stats.at<int>(b, k)) << "stat " << k;
    EXPECT_NEAR(centroids.at<double>(a, 0), cv_centroids.at<double>(b, 0), 1e-9);
    EXPECT_NEAR(centroids.at<double>(a, 1), cv_centroids.at<double>(b, 1), 1e-9);
  }
  EXPECT_EQ(stats.at<int>(0, cv::CC_STAT_AREA), cv_stats.at<int>(0, cv::CC_STAT_AREA));
}

TEST(InkComponents, SameComponentsAsOpenCvOnNoiseOfEveryDensity) {
  unsigned seed = 1;
  for (const double density : {0.02, 0.2, 0.45, 0.6, 0.9})
    for (const cv::Size size : {cv::Size(53, 37), cv::Size(1, 40), cv::Size(40, 1), cv::Size(203, 91)}) {
      SCOPED_TRACE(testing::Message() << "density " << density << " size " << size);
      ExpectSameAsOpenCv(Noise(size.height, size.width, density, seed++));
    }
}

TEST(InkComponents, DiagonalNeighboursJoinAndAnyNonZeroIsInk) {
  cv::Mat m = cv::Mat::zeros(6, 9, CV_8UC1);
  m.at<uchar>(0, 0) = 1;
  m.at<uchar>(1, 1) = 7;  // touches (0, 0) at a corner
  m.at<uchar>(0, 8) = 200;
  m.at<uchar>(1, 7) = 255;  // and (0, 8) from the left below
  m.at<uchar>(4, 3) = 3;    // alone
  cv::Mat labels, stats, centroids;
  EXPECT_EQ(LabelInkComponents(m, labels, stats, centroids), 4);
  EXPECT_EQ(labels.at<int>(1, 1), labels.at<int>(0, 0));
  EXPECT_EQ(labels.at<int>(1, 7), labels.at<int>(0, 8));
  EXPECT_EQ(labels.at<int>(0, 8), 2);
  EXPECT_EQ(stats.at<int>(2, cv::CC_STAT_WIDTH), 2);
  ExpectSameAsOpenCv(m);
}

TEST(InkComponents, EmptyFullAndNonContinuousMasks) {
  ExpectSameAsOpenCv(cv::Mat::zeros(17, 33, CV_8UC1));
  ExpectSameAsOpenCv(cv::Mat(17, 33, CV_8UC1, cv::Scalar(255)));
  // A window into a larger mask: rows are not contiguous.
  const cv::Mat big = Noise(80, 120, 0.4, 99);
  const cv::Mat window = big(cv::Rect(13, 7, 61, 50));
  ASSERT_FALSE(window.isContinuous());
  ExpectSameAsOpenCv(window);
  // Runs long enough to take the eight-bytes-at-a-time paths, ending at
  // every offset within a word.
  cv::Mat bars = cv::Mat::zeros(40, 100, CV_8UC1);
  for (int y = 0; y < 40; ++y) bars.row(y).colRange(y % 9, 17 + y + y % 5).setTo(255);
  ExpectSameAsOpenCv(bars);
}

TEST(InkComponents, KeepComponentsKeepsExactlyThoseChosen) {
  const cv::Mat mask = Noise(120, 160, 0.35, 7, 1);
  cv::Mat labels, stats, centroids;
  const int n = LabelInkComponents(mask, labels, stats, centroids);
  cv::Mat kept = mask.clone();
  KeepComponents(kept, 9, [](const cv::Rect& box, int area) { return area >= 3 && box.width <= 6; });
  for (int y = 0; y < mask.rows; ++y)
    for (int x = 0; x < mask.cols; ++x) {
      const int l = labels.at<int>(y, x);
      ASSERT_LT(l, n);
      const bool keep = l > 0 && stats.at<int>(l, cv::CC_STAT_AREA) >= 3 && stats.at<int>(l, cv::CC_STAT_WIDTH) <= 6;
      ASSERT_EQ(kept.at<uchar>(y, x), keep ? 9 : 0) << "at " << x << "," << y;
    }
}

// Opening along rows or columns is OpenCV's opening with a line, pixel for
// pixel: odd and even lengths (OpenCV's anchor shifts the even ones), runs
// that reach the edges, lengths longer than the mask.
TEST(InkComponents, OpenAlongIsOpenCvsOpeningWithALine) {
  unsigned seed = 11;
  for (const double density : {0.5, 0.8, 0.95}) {
    const cv::Mat mask = Noise(61, 97, density, seed++);
    for (const int length : {1, 2, 3, 8, 9, 24, 25, 120}) {
      for (const bool across : {true, false}) {
        const cv::Size size = across ? cv::Size(length, 1) : cv::Size(1, length);
        cv::Mat expected;
        cv::morphologyEx(mask, expected, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, size));
        const cv::Mat got = OpenAlong(mask, length, across);
        ASSERT_EQ(got.size(), mask.size());
        EXPECT_EQ(cv::countNonZero(got != expected), 0)
            << "density " << density << " length " << length << (across ? " across" : " down");
      }
    }
  }
}

}  // namespace
}  // namespace hoso
