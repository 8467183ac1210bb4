#include "batch/batch.h"

#include <gtest/gtest.h>

#include <map>
#include <mutex>

#include "support/test_support.h"

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
  EXPECT_EQ(progress_calls, 6);
  EXPECT_EQ(summary->rejected, 4);
  EXPECT_EQ(summary->registered + summary->needs_review, 2);
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

}  // namespace
}  // namespace hoso
