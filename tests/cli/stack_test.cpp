// A stack of dossiers scanned as one file, cut at separator sheets (and at
// blank pages): each piece is a dossier, registered once.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

#include "batch/separator.h"
#include "cli/hoso_run.h"
#include "ingest/ingest.h"
#include "support/test_support.h"
#include "writers.h"

namespace hoso {
namespace {

std::vector<samplegen::OutPage> PagesOf(const std::string& sample) {
  auto doc = OpenDocument(test::ReadFile(test::SamplesDir() / sample), {});
  EXPECT_TRUE(doc.ok());
  std::vector<samplegen::OutPage> pages;
  for (int i = 0; doc.ok() && i < (*doc)->page_count(); ++i) {
    auto p = (*doc)->LoadPage(i);
    if (p.ok()) pages.push_back({p->image, p->dpi});
  }
  return pages;
}

std::map<std::string, std::string> NamesBySample() {
  std::map<std::string, std::string> names;
  std::ifstream in((test::SamplesDir() / "truth.jsonl").string());
  for (std::string line; std::getline(in, line);) {
    auto t = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
    names[t->getValue<std::string>("file")] = t->getObject("fields")->getValue<std::string>("full_name");
  }
  return names;
}

std::vector<Poco::JSON::Object::Ptr> Records(const std::string& jsonl) {
  std::vector<Poco::JSON::Object::Ptr> out;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] == '{')
      out.push_back(Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>());
  return out;
}

TEST(Stack, SeparatorSheetsCutAStackIntoItsDossiers) {
  test::ScratchDir dir;
  // 0001 (1 page) | sheet | 0002 (2 pages) | sheet | sheet | 0005 (2 pages)
  const samplegen::OutPage sheet{SeparatorSheet(300), 300};
  std::vector<samplegen::OutPage> stack;
  for (const auto& piece :
       {PagesOf("dossier-0001.jpg"), {sheet}, PagesOf("dossier-0002.tif"), {sheet, sheet}, PagesOf("dossier-0005.pdf")})
    stack.insert(stack.end(), piece.begin(), piece.end());
  const std::string file = (dir / "stack.tif").string();
  ASSERT_TRUE(samplegen::WritePages(file, "tiff", stack, 90));
  const std::string db = (dir / "r.db").string();
  const auto run =
      test::Hoso("process --quiet --split separator --as-of 2026-01-01 --json - --db " + db + " " + file, false);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  const auto records = Records(run.out);
  ASSERT_EQ(records.size(), 3u) << run.out;
  const auto names = NamesBySample();
  const std::vector<std::pair<std::string, std::string>> expected = {{file + "#pages=1-1", "dossier-0001.jpg"},
                                                                     {file + "#pages=3-4", "dossier-0002.tif"},
                                                                     {file + "#pages=7-8", "dossier-0005.pdf"}};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(records[i]->getValue<std::string>("source"), expected[i].first);
    EXPECT_EQ(records[i]->getObject("fields")->getObject("full_name")->getValue<std::string>("value"),
              names.at(expected[i].second));
    EXPECT_NE(records[i]->getValue<std::string>("status"), "rejected");
  }
  // Read again (a batch started over): nothing new.
  const auto again = test::Hoso("process --split separator --as-of 2026-01-01 --db " + db + " " + file);
  EXPECT_NE(again.out.find("từ chối, 3 đã có từ trước"), std::string::npos) << again.out;
}

TEST(Stack, BlankPagesCanCutAStackToo) {
  test::ScratchDir dir;
  const samplegen::OutPage blank{cv::Mat(3508, 2480, CV_8UC3, cv::Scalar(250, 250, 250)), 300};
  std::vector<samplegen::OutPage> stack = PagesOf("dossier-0003.tif");
  stack.push_back(blank);
  for (const auto& p : PagesOf("dossier-0004.jpg")) stack.push_back(p);
  const std::string file = (dir / "stack.pdf").string();
  ASSERT_TRUE(samplegen::WritePages(file, "pdf", stack, 90));
  const auto run = test::Hoso(
      "process --quiet --split blank --as-of 2026-01-01 --json - --db " + (dir / "r.db").string() + " " + file, false);
  const auto records = Records(run.out);
  ASSERT_EQ(records.size(), 2u) << run.out;
  const auto names = NamesBySample();
  EXPECT_EQ(records[0]->getObject("fields")->getObject("full_name")->getValue<std::string>("value"),
            names.at("dossier-0003.tif"));
  EXPECT_EQ(records[1]->getValue<std::string>("source"), file + "#pages=3-3");
}

// An archive box scanned as one file: a form, then the real two-page
// Kodak letter twice. Each letter begins at its header; the form before
// the first is a piece of its own.
TEST(Stack, AnArchiveBoxIsCutBeforeEachDocumentsHeader) {
  const auto letter = test::RealScansDir() / "letter-2019-kodak-200dpi.pdf";
  if (!std::filesystem::exists(letter)) GTEST_SKIP() << "no " << letter;
  test::ScratchDir dir;
  std::vector<samplegen::OutPage> stack = PagesOf("dossier-0001.jpg");
  auto doc = OpenDocument(test::ReadFile(letter), {});
  ASSERT_TRUE(doc.ok());
  for (int copy = 0; copy < 2; ++copy)
    for (int i = 0; i < (*doc)->page_count(); ++i) {
      auto p = (*doc)->LoadPage(i);
      ASSERT_TRUE(p.ok());
      stack.push_back({p->image, p->dpi, true});
    }
  const std::string file = (dir / "box.pdf").string();
  ASSERT_TRUE(samplegen::WritePages(file, "pdf", stack, 90));
  const auto run = test::Hoso(
      "process --quiet --split documents --as-of 2026-01-01 --json - --db " + (dir / "r.db").string() + " " + file,
      false);
  const auto records = Records(run.out);
  ASSERT_EQ(records.size(), 3u) << run.out;
  EXPECT_EQ(records[0]->getValue<std::string>("source"), file + "#pages=1-1");
  EXPECT_EQ(records[0]->getObject("fields")->getObject("full_name")->getValue<std::string>("value"),
            NamesBySample().at("dossier-0001.jpg"));
  for (size_t i = 1; i < 3; ++i) {
    EXPECT_EQ(records[i]->getValue<std::string>("source"), file + (i == 1 ? "#pages=2-3" : "#pages=4-5"));
    EXPECT_EQ(records[i]->getValue<std::string>("doc_type"), "official_letter");
    EXPECT_EQ(records[i]->getArray("pages")->size(), 2u);
    EXPECT_EQ(records[i]->getObject("fields")->getObject("doc_symbol")->getValue<std::string>("value"), "SGDĐT-CTrTT");
  }
}

}  // namespace
}  // namespace hoso
