#include "batch/batch.h"

#include <gtest/gtest.h>

#include <map>
#include <mutex>

#include "support/test_support.h"
#include "support/thick_file.h"

namespace hoso {
namespace {

namespace fs = std::filesystem;

TEST(ExpandInputs, DirectoriesGiveTheirSupportedFilesSorted) {
  test::ScratchDir dir;
  fs::create_directories(dir / "sub");
  fs::create_directories(dir / ".hidden");
  for (const char* f : {"b.pdf", "a.JPG", "sub/c.tif", "notes.txt", "x.truth.json", ".hidden/d.png"})
    test::WriteFile(dir / f, "x");
  const auto files = ExpandInputs({dir.path().string(), "explicit.bin"});
  ASSERT_EQ(files.size(), 4u);
  EXPECT_EQ(fs::path(files[0]).filename(), "a.JPG");
  EXPECT_EQ(fs::path(files[1]).filename(), "b.pdf");
  EXPECT_EQ(fs::path(files[2]).filename(), "c.tif");
  EXPECT_EQ(files[3], "explicit.bin") << "a file named on the command line is taken as it is";
}

TEST(Progress, TimeLeftIsJudgedByPagesNotDossiers) {
  Progress p;
  EXPECT_EQ(p.SecondsLeft(), 0) << "nothing read yet: no estimate";
  // One thick file of 30 pages opened of two, 10 pages read in 10 s: the
  // other file taken as long, 50 pages left at 1 page/s.
  p.dossiers_total = 2;
  p.files_opened = 1;
  p.pages_opened = 30;
  p.pages_done = 10;
  p.elapsed_seconds = 10;
  EXPECT_DOUBLE_EQ(p.SecondsLeft(), 50);
  p.files_opened = 2;
  p.pages_opened = 31;  // the second has one page
  EXPECT_DOUBLE_EQ(p.SecondsLeft(), 21);
}

TEST(RunBatch, BadInputsAreRejectedAndTheBatchGoesOn) {
  test::ScratchDir dir;
  const std::string good = (test::SamplesDir() / "dossier-0001.jpg").string();
  const std::string copy = (dir / "copy.jpg").string();
  fs::copy_file(good, copy);
  test::WriteFile(dir / "empty.pdf", "");
  std::string jpeg = test::ReadFile(good);
  test::WriteFile(dir / "cut.jpg", jpeg.substr(0, jpeg.size() / 2));
  test::WriteFile(dir / "junk.png", "this is not a png at all");

  auto reg = Registry::Open((dir / "r.db").string());
  ASSERT_TRUE(reg.ok());
  std::mutex m;
  std::map<std::string, DossierRecord> records;
  int progress_calls = 0;
  BatchObserver observer;
  observer.on_record = [&](const DossierRecord& r) {
    std::lock_guard<std::mutex> lock(m);
    records[fs::path(r.source).filename().string()] = r;
  };
  observer.on_progress = [&](const Progress& p) {
    ++progress_calls;
    EXPECT_LE(p.dossiers_done, p.dossiers_total);
  };
  BatchOptions options;
  options.jobs = 2;
  const std::vector<std::string> inputs = {good,
                                           (dir / "empty.pdf").string(),
                                           (dir / "cut.jpg").string(),
                                           (dir / "junk.png").string(),
                                           (dir / "missing.tif").string(),
                                           copy};
  auto summary = RunBatch(inputs, **reg, options, observer);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  // Once per dossier and once per page read: the copy is read too when both
  // files are in hand before either is registered.
  EXPECT_EQ(progress_calls, 6 + summary->pages);
  EXPECT_GE(summary->pages, 1);
  EXPECT_EQ(summary->rejected, 4);
  EXPECT_EQ(summary->registered + summary->needs_review, 1) << "the copy is counted apart";
  EXPECT_EQ(summary->duplicates, 1) << "the copy has the same bytes";
  EXPECT_EQ(records.at("empty.pdf").error->code, "INPUT_EMPTY");
  EXPECT_EQ(records.at("cut.jpg").error->code, "INPUT_TRUNCATED");
  EXPECT_EQ(records.at("junk.png").error->code, "INPUT_UNSUPPORTED");
  EXPECT_EQ(records.at("missing.tif").error->code, "INPUT_NOT_FOUND");
  const auto& a = records.at("dossier-0001.jpg");
  const auto& b = records.at("copy.jpg");
  EXPECT_EQ(a.dossier_id, b.dossier_id);
  EXPECT_EQ(a.sha256, b.sha256);
  EXPECT_TRUE(a.HasFlag("DUPLICATE") != b.HasFlag("DUPLICATE")) << "exactly one is the duplicate";
  EXPECT_FALSE(a.pages.empty());
  // Rejected files with readable bytes are on record too (to be retried);
  // the good file once.
  EXPECT_EQ(*(*reg)->CountDossiers(), 3);
}

TEST(RunBatch, OcrThatCannotStartFailsTheBatchClearly) {
  test::ScratchDir dir;
  auto reg = Registry::Open((dir / "r.db").string());
  ASSERT_TRUE(reg.ok());
  BatchOptions options;
  options.ocr.languages = "no_such_model";
  auto summary = RunBatch({(test::SamplesDir() / "dossier-0001.jpg").string()}, **reg, options, {});
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().code(), ErrorCode::kOcrFailed);
  EXPECT_EQ(*(*reg)->CountDossiers(), 0) << "nothing registered when nothing could be read";
}

// One thick file and two workers: its pages are read on both at once, and
// its dossier, hOCR and searchable PDF keep the file's order.
TEST(RunBatch, AThickFileReadOnTwoWorkersKeepsItsOrderInEveryOutput) {
  test::ScratchDir dir;
  const auto thick = test::WriteThickFile((dir / "thick.pdf").string(), 1);
  auto reg = Registry::Open((dir / "r.db").string());
  ASSERT_TRUE(reg.ok());
  BatchOptions options;
  options.jobs = 2;
  options.out_dir = (dir / "out").string();
  std::vector<DossierRecord> records;
  std::vector<int> pages_seen;
  BatchObserver observer;
  observer.on_record = [&](const DossierRecord& r) { records.push_back(r); };
  observer.on_progress = [&](const Progress& p) { pages_seen.push_back(p.pages_done); };
  auto summary = RunBatch({thick.path}, **reg, options, observer);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(summary->pages, static_cast<int>(thick.truths.size()));
  // The progress counts every page as it is read, not at the file's end.
  EXPECT_GE(pages_seen.size(), thick.truths.size());
  std::vector<std::string> texts;
  for (const auto& page : records[0].pages) texts.push_back(page.text);
  test::ExpectPagesInOrder(texts, thick);
  const std::string hocr = test::ReadFile(dir / "out" / "thick.hocr");
  size_t last = 0;
  for (size_t i = 1; i <= thick.truths.size(); ++i) {
    const size_t at = hocr.find("id='page_" + std::to_string(i) + "'");
    ASSERT_NE(at, std::string::npos) << "page " << i;
    EXPECT_GT(at, last) << "page " << i;
    last = at;
  }
  // Each page's words in the hOCR are that page's: the first words of every
  // page's true text appear in page order.
  size_t from = 0;
  for (size_t i = 0; i < thick.truths.size(); ++i) {
    const std::string first_word = thick.truths[i].substr(0, thick.truths[i].find_first_of(" \n"));
    if (first_word.size() < 4) continue;
    const size_t at = hocr.find(">" + first_word + "<", from);
    EXPECT_NE(at, std::string::npos) << "page " << i + 1 << " starts with " << first_word;
    if (at != std::string::npos) from = at;
  }
}

// Two thick files ahead of a small one, two workers: the small one does not
// wait for either thick file to end (files are started in order, their
// pages read in turn).
TEST(RunBatch, SmallFilesAreNotHeldBackByThickOnesAheadOfThem) {
  test::ScratchDir dir;
  const auto a = test::WriteThickFile((dir / "a-thick.tif").string(), 1);
  const auto b = test::WriteThickFile((dir / "b-thick.pdf").string(), 1);  // not a's duplicate
  const std::string small = (dir / "c-small.jpg").string();
  fs::copy_file(test::SamplesDir() / "dossier-0004.jpg", small);
  auto reg = Registry::Open((dir / "r.db").string());
  ASSERT_TRUE(reg.ok());
  BatchOptions options;
  options.jobs = 2;
  std::vector<std::string> order;
  BatchObserver observer;
  observer.on_record = [&](const DossierRecord& r) { order.push_back(fs::path(r.source).filename().string()); };
  auto summary = RunBatch({a.path, b.path, small}, **reg, options, observer);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ASSERT_EQ(order.size(), 3u);
  EXPECT_EQ(order[0], "c-small.jpg") << "the small file is registered first";
}

}  // namespace
}  // namespace hoso
