#include "ocr/layout.h"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "generator.h"
#include "ocr/engine.h"
#include "support/test_support.h"

namespace hoso {
namespace {

cv::Mat ReadGray(const std::filesystem::path& p) { return cv::imread(p.string(), cv::IMREAD_GRAYSCALE); }

// Two columns of text lines side by side, 10 mm apart, on an A4 page.
TEST(FindColumns, TwoColumnsOfLinesAreColumns) {
  cv::Mat page(3508, 2480, CV_8UC1, cv::Scalar(255));
  const cv::Mat column = test::TextPage(1000, 2800, 40, 40);
  column.copyTo(page(cv::Rect(200, 300, 1000, 2800)));
  column.copyTo(page(cv::Rect(1318, 300, 1000, 2800)));
  const ColumnEvidence e = FindColumns(page, 300);
  EXPECT_TRUE(e.columns()) << e.gutter_rows << " of " << e.text_rows;
  // Where the second column's text begins (inside its margin).
  EXPECT_GT(e.gutter_x, 1318 / 2480.0);
  EXPECT_LT(e.gutter_x, 1518 / 2480.0);
  // One of them alone is one column.
  cv::Mat single(3508, 2480, CV_8UC1, cv::Scalar(255));
  column.copyTo(single(cv::Rect(200, 300, 1000, 2800)));
  EXPECT_FALSE(FindColumns(single, 300).columns());
}

// Tesseract's own bi-level test scans are journal pages in two columns.
TEST(FindColumns, TheBiLevelJournalScansAreInColumns) {
  const auto dir = test::DataDir() / "ocr-reference" / "tesseract";
  for (const char* name : {"8071_093.3B.tif", "8087_054.3B.tif"}) {
    const ColumnEvidence e = FindColumns(ReadGray(dir / name), 300);
    EXPECT_TRUE(e.columns()) << name << ": " << e.gutter_rows << " of " << e.text_rows;
  }
}

// Every generated form and ID copy is one column, numbered items and the
// signature block beside nothing included; so is Tesseract's phototest.
TEST(FindColumns, FormsIdCopiesAndLettersAreOneColumn) {
  std::string error;
  auto renderer = samplegen::FormRenderer::Create(&error);
  ASSERT_TRUE(renderer) << error;
  const auto units = samplegen::UnitTable::Load((test::DataDir() / "admin-units" / "nso-mini.csv").string());
  samplegen::GeneratorOptions options;
  options.profile = "none";
  int pages = 0;
  for (int i = 0; i < 12; ++i) {
    const auto d = samplegen::Generate(i, 4242 + i, units, *renderer, options);
    for (const auto& page : d.pages) {
      if (page.kind == "blank") continue;
      cv::Mat gray;
      cv::cvtColor(page.clean, gray, cv::COLOR_BGR2GRAY);
      const ColumnEvidence e = FindColumns(gray, 300);
      EXPECT_FALSE(e.columns()) << "dossier " << i << " " << page.kind << ": " << e.gutter_rows << " of "
                                << e.text_rows;
      ++pages;
    }
  }
  EXPECT_GE(pages, 12);
  const ColumnEvidence photo = FindColumns(ReadGray(test::DataDir() / "ocr-reference" / "tesseract" / "phototest.png"), 200);
  EXPECT_FALSE(photo.columns()) << photo.gutter_rows << " of " << photo.text_rows;
}

}  // namespace
}  // namespace hoso
