// Pages as the unit of work: the pages of one file read in any order, on
// several threads at once, make one dossier with its pages in order.
#include "batch/file_intake.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "support/test_support.h"
#include "support/thick_file.h"

namespace hoso {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<OcrEngine> NewEngine() {
  auto engine = OcrEngine::Create({});
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  return engine.ok() ? std::move(engine).value() : nullptr;
}

// Every sample page in one TIFF, and a registry beside it.
class FileIntakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    thick = test::WriteThickFile((dir / "thick.tif").string(), 1);
    auto opened = Registry::Open((dir / "r.db").string());
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    reg = std::move(opened).value();
  }
  test::ScratchDir dir;
  test::ThickFile thick;
  std::unique_ptr<Registry> reg;
  BatchOptions options;
};

TEST_F(FileIntakeTest, PagesReadOutOfOrderOnTwoThreadsAreRegisteredInOrder) {
  auto first = NewEngine(), second = NewEngine();
  ASSERT_TRUE(first && second);
  FileIntake file(thick.path, "", *reg, options, *first);

  // Every page taken, in order; then nothing more until they are read.
  std::vector<int> taken;
  for (auto step = file.Take(); step.page >= 0; step = file.Take()) taken.push_back(step.page);
  ASSERT_EQ(taken.size(), thick.truths.size());
  for (size_t i = 0; i < taken.size(); ++i) EXPECT_EQ(taken[i], static_cast<int>(i));
  EXPECT_FALSE(file.HasPagesLeft());
  EXPECT_FALSE(file.Take().finish) << "its pages are still in hand";

  // Read from the last page back, alternately on two threads. (Not with
  // searchable outputs: there a page waits for the pages before it, which
  // a batch's workers take, and so read, before it.)
  std::atomic<int> finishes{0};
  auto read = [&](OcrEngine& engine, int parity) {
    for (int p = static_cast<int>(taken.size()) - 1; p >= 0; --p)
      if (p % 2 == parity && file.ReadPage(p, engine).finish) ++finishes;
  };
  std::thread a(read, std::ref(*first), 0), b(read, std::ref(*second), 1);
  a.join();
  b.join();
  EXPECT_EQ(finishes, 1) << "exactly one reader is told to finish the file";
  EXPECT_EQ(file.pages_read(), static_cast<int>(taken.size()));

  const auto records = file.Finish(*reg);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_NE(records[0].status, DossierStatus::kRejected) << (records[0].error ? records[0].error->message : "");
  std::vector<std::string> texts;
  for (size_t i = 0; i < records[0].pages.size(); ++i) {
    EXPECT_EQ(records[0].pages[i].index, static_cast<int>(i));
    texts.push_back(records[0].pages[i].text);
  }
  test::ExpectPagesInOrder(texts, thick);
  // As registered: the same order.
  auto stored = reg->Load(records[0].dossier_id);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->pages.size(), taken.size());
  for (size_t i = 0; i < taken.size(); ++i) EXPECT_EQ(stored->pages[i].text, texts[i]);
}

TEST_F(FileIntakeTest, APageGivenUpFailsTheFileWithoutLeavingHalfAnOutput) {
  options.out_dir = dir.path().string();
  auto engine = NewEngine();
  ASSERT_TRUE(engine);
  const std::string out_base = (dir / "thick").string();
  FileIntake file(thick.path, out_base, *reg, options, *engine);
  ASSERT_EQ(file.Take().page, 0);
  ASSERT_EQ(file.Take().page, 1);
  // Page 1 is read while page 0 is given up: page 1 waits for its turn in the
  // outputs, then is released by the failure.
  bool reader_finishes = false;
  std::thread reader([&] { reader_finishes = file.ReadPage(1, *engine).finish; });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(file.GiveUp(0, Status::Error(ErrorCode::kOcrFailed, "no engine")).finish) << "page 1 is in hand";
  reader.join();
  EXPECT_TRUE(reader_finishes) << "the last page in hand finishes the file";
  EXPECT_FALSE(file.HasPagesLeft()) << "nothing more is taken from a failed file";
  const auto again = file.Take();
  EXPECT_TRUE(again.page < 0 && !again.finish);
  const auto records = file.Finish(*reg);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].status, DossierStatus::kRejected);
  ASSERT_TRUE(records[0].error);
  EXPECT_EQ(records[0].error->code, "OCR_FAILED");
  for (const char* ext : {".pdf", ".hocr", ".xml"}) EXPECT_FALSE(fs::exists(out_base + ext)) << ext;
}

}  // namespace
}  // namespace hoso
