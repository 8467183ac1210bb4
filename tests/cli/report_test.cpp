#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <opencv2/imgcodecs.hpp>

#include "cli/hoso_run.h"
#include "support/test_support.h"

namespace hoso {
namespace {

TEST(HosoProcess, ReportCountsStatusesFlagsAndRejectedFiles) {
  test::ScratchDir dir;
  test::WriteFile(dir / "torn.pdf", "%PDF-1.7 torn off after the header");
  const auto run =
      test::Hoso("process --db " + (dir / "r.db").string() + " --as-of 2026-01-01 --report " +
                 (dir / "report").string() + " " + (test::SamplesDir() / "dossier-0001.jpg").string() + " " +
                 (test::SamplesDir() / "dossier-0002.tif").string() + " " + (dir / "torn.pdf").string());
  EXPECT_EQ(run.exit_code, 1) << run.out;  // one rejected
  EXPECT_NE(run.out.find("từ chối: " + (dir / "torn.pdf").string()), std::string::npos) << run.out;
  // Why, in the clerk's words and what to do, the reader's detail after.
  EXPECT_NE(run.out.find("INPUT_TRUNCATED: tệp không trọn vẹn (bị cắt khi chép hoặc gửi): chép hoặc quét lại (the "
                         "PDF has no end-of-file marker (truncated))"),
            std::string::npos)
      << run.out;
  auto report = Poco::JSON::Parser().parse(test::ReadFile(dir / "report.json")).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(report->getValue<int>("inputs"), 3);
  EXPECT_EQ(report->getValue<int>("registered") + report->getValue<int>("needs_review"), 2);
  EXPECT_EQ(report->getValue<int>("rejected"), 1);
  EXPECT_EQ(report->getValue<int>("pages"), 3);
  EXPECT_GT(report->getValue<double>("pages_per_second"), 0);
  EXPECT_EQ(report->getObject("flags")->getValue<int>("ADDRESS_OUTDATED"), 2);
  auto rejected = report->getArray("rejected_files");
  ASSERT_EQ(rejected->size(), 1u);
  EXPECT_EQ(rejected->getObject(0)->getValue<std::string>("source"), (dir / "torn.pdf").string());
  EXPECT_EQ(rejected->getObject(0)->getValue<std::string>("code").rfind("INPUT_", 0), 0u);
  EXPECT_EQ(report->getArray("slowest")->size(), 3u);
  const std::string html = test::ReadFile(dir / "report.html");
  EXPECT_NE(html.find("Rejected files"), std::string::npos);
  EXPECT_NE(html.find("torn.pdf"), std::string::npos);
}

// A page called blank is not read; the report shows it, with its picture,
// so staff see what was skipped. The page of text beside it is not there.
TEST(HosoProcess, ReportShowsEveryPageCalledBlankWithItsPicture) {
  test::ScratchDir dir;
  const cv::Mat text = cv::imread((test::SamplesDir() / "dossier-0001.jpg").string(), cv::IMREAD_GRAYSCALE);
  ASSERT_FALSE(text.empty());
  cv::Mat empty(text.size(), CV_8UC1, cv::Scalar(247));
  cv::randn(empty, 247, 3);  // paper grain, no text
  ASSERT_TRUE(cv::imwritemulti((dir / "two.tif").string(), std::vector<cv::Mat>{text, empty},
                               {cv::IMWRITE_TIFF_XDPI, 300, cv::IMWRITE_TIFF_YDPI, 300}));
  const auto run = test::Hoso("process --db " + (dir / "r.db").string() + " --as-of 2026-01-01 --report " +
                              (dir / "out" / "report.html").string() + " " + (dir / "two.tif").string());
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("trang trắng, không đọc:  " + (dir / "two.tif").string() + " tr.2"), std::string::npos)
      << run.out;
  auto report =
      Poco::JSON::Parser().parse(test::ReadFile(dir / "out" / "report.json")).extract<Poco::JSON::Object::Ptr>();
  auto blank = report->getArray("blank_pages");
  ASSERT_EQ(blank->size(), 1u);
  EXPECT_EQ(blank->getObject(0)->getValue<int>("page"), 2);
  const std::string picture = blank->getObject(0)->getValue<std::string>("picture");
  EXPECT_EQ(picture.rfind("report-blank/two-", 0), 0u) << picture;
  const cv::Mat shown = cv::imread((dir / "out" / picture).string());
  ASSERT_FALSE(shown.empty()) << picture;
  EXPECT_LE(std::max(shown.cols, shown.rows), 360);
  EXPECT_NEAR(static_cast<double>(shown.rows) / shown.cols, static_cast<double>(empty.rows) / empty.cols, 0.02);
  EXPECT_NE(test::ReadFile(dir / "out" / "report.html").find("<img src=\"" + picture + "\""), std::string::npos);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir / "out" / "report-blank"),
                          std::filesystem::directory_iterator()),
            1);
}

// A file over its time limit is given up between pages, with its own code;
// the batch goes on to the next file.
TEST(HosoProcess, AFileOverItsTimeLimitIsGivenUpAndTheBatchGoesOn) {
  test::ScratchDir dir;
  const auto run = test::Hoso("process --json - --quiet --file-seconds 0 --as-of 2026-01-01 --db " +
                                  (dir / "a.db").string() + " " + (test::SamplesDir() / "dossier-0002.tif").string(),
                              false);
  EXPECT_NE(run.out.find("\"status\":\"registered\""), std::string::npos) << "0: no limit";
  // A millisecond: the first page is read, the limit is past before the
  // second; the next file's first page is read all the same.
  const auto limited =
      test::Hoso("process --json - --quiet --jobs 1 --file-seconds 0.001 --as-of 2026-01-01 --db " +
                     (dir / "b.db").string() + " " + (test::SamplesDir() / "dossier-0002.tif").string() + " " +
                     (test::SamplesDir() / "dossier-0001.jpg").string(),
                 false);
  EXPECT_NE(limited.out.find("OCR_TIMEOUT"), std::string::npos) << limited.out;
  EXPECT_NE(limited.out.find("stopped before page 2 of 2"), std::string::npos) << limited.out;
  EXPECT_NE(limited.out.find("dossier-0001.jpg\",\"sha256\""), std::string::npos) << limited.out;
}

}  // namespace
}  // namespace hoso
