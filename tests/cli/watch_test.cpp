// The watched folder: files are taken once they stop growing, moved to the
// archive only after their record is committed, and broken ones go to
// quarantine with the reason beside them.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "cli/hoso_run.h"
#include "cli/spawn.h"
#include "ingest/ingest.h"
#include "registry/registry.h"
#include "support/test_support.h"
#include "support/thick_file.h"

namespace hoso {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> Files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file()) out.push_back(e.path());
  return out;
}

TEST(Watch, MovesOnlyCommittedFilesAndQuarantinesBrokenOnes) {
  test::ScratchDir dir;
  const fs::path inbox = dir / "inbox", archive = dir / "archive", quarantine = dir / "quarantine";
  fs::create_directories(inbox);
  const std::string db = (dir / "r.db").string();
  // The registry exists before the watcher starts (so that the test can look in it at once).
  ASSERT_TRUE(Registry::Open(db).ok());
  const pid_t watcher = test::SpawnHoso(
      {"watch", inbox.string(), "--db", db, "--archive", archive.string(), "--quarantine", quarantine.string(),
       "--poll", "0.2", "--settle", "0.8", "--jobs", "1", "--as-of", "2026-01-01", "--quiet"},
      (dir / "watch.log").string());
  ASSERT_GT(watcher, 0);

  // Whenever a file shows up in the archive, its record must already be there.
  std::atomic<bool> watching{true};
  std::atomic<int> moved_before_commit{0}, checked{0};
  std::thread monitor([&] {
    auto reg = Registry::Open(db);
    ASSERT_TRUE(reg.ok());
    std::set<fs::path> known;
    while (watching) {
      for (const fs::path& f : Files(archive)) {
        if (known.count(f)) continue;
        const std::string bytes = test::ReadFile(f);
        auto found = (*reg)->FindBySha256(Sha256Hex(bytes));
        if (!found.ok() || !found->has_value()) ++moved_before_commit;
        known.insert(f);
        ++checked;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });

  // Two scans dropped whole, one written slowly (a scanner still writing),
  // and one that is not an image at all.
  const std::vector<std::string> samples{"dossier-0001.jpg", "dossier-0005.pdf", "dossier-0002.tif"};
  for (size_t i = 0; i < 2; ++i) fs::copy_file(test::SamplesDir() / samples[i], inbox / samples[i]);
  {
    const std::string bytes = test::ReadFile(test::SamplesDir() / samples[2]);
    std::ofstream slow(inbox / samples[2], std::ios::binary);
    for (size_t at = 0; at < bytes.size(); at += bytes.size() / 4 + 1) {
      slow.write(bytes.data() + at, static_cast<std::streamsize>(std::min(bytes.size() - at, bytes.size() / 4 + 1)));
      slow.flush();
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  }
  test::WriteFile(inbox / "broken.pdf", "%PDF-1.4 this is not a PDF at all");

  const auto until = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (std::chrono::steady_clock::now() < until &&
         (Files(archive).size() < 3 || Files(quarantine).size() < 2 || !Files(inbox).empty()))
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_EQ(kill(watcher, SIGTERM), 0);
  int code = -1;
  EXPECT_TRUE(test::EndsWithin(watcher, 120, &code));
  EXPECT_EQ(code, 0) << test::ReadFile(dir / "watch.log");
  watching = false;
  monitor.join();

  EXPECT_TRUE(Files(inbox).empty());
  EXPECT_EQ(Files(archive).size(), 3u) << test::ReadFile(dir / "watch.log");
  EXPECT_EQ(checked.load(), 3);
  EXPECT_EQ(moved_before_commit.load(), 0);
  // The slowly written scan was read whole: registered with both its pages.
  auto reg = Registry::Open(db);
  ASSERT_TRUE(reg.ok());
  auto slow = (*reg)->FindBySha256(Sha256Hex(test::ReadFile(test::SamplesDir() / samples[2])));
  ASSERT_TRUE(slow.ok() && slow->has_value()) << test::ReadFile(dir / "watch.log");
  EXPECT_EQ((*slow)->pages.size(), 2u);
  // The broken file, with why.
  ASSERT_TRUE(fs::exists(quarantine / "broken.pdf"));
  const std::string why = test::ReadFile(quarantine / "broken.pdf.error.json");
  EXPECT_NE(why.find("\"rejected\""), std::string::npos) << why;
  EXPECT_NE(why.find("INPUT_"), std::string::npos) << why;
}

// A clerk's scan dropped while an archive box (one thick file) is being
// read is not held behind it: it is started at once, beside the thick file,
// and registered (and archived) long before the thick file is done.
TEST(Watch, AScanDroppedWhileAThickFileIsReadIsNotHeldBehindIt) {
  test::ScratchDir dir;
  const fs::path inbox = dir / "inbox", archive = dir / "archive";
  fs::create_directories(inbox);
  const auto thick = test::WriteThickFile((dir / "thick.tif").string(), 3);
  fs::rename(thick.path, inbox / "thick.tif");
  const std::string db = (dir / "r.db").string();
  const pid_t watcher = test::SpawnHoso({"watch", inbox.string(), "--db", db, "--archive", archive.string(), "--poll",
                                         "0.2", "--settle", "0.3", "--jobs", "2", "--as-of", "2026-01-01", "--quiet"},
                                        (dir / "watch.log").string());
  ASSERT_GT(watcher, 0);
  // The thick file is taken first (its pages take far longer than this).
  std::this_thread::sleep_for(std::chrono::seconds(3));
  fs::copy_file(test::SamplesDir() / "dossier-0004.jpg", inbox / "z-small.jpg");
  bool small_archived = false, thick_still_in_inbox = false;
  const auto until = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (std::chrono::steady_clock::now() < until && !small_archived) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    small_archived = fs::exists(archive / "z-small.jpg");
    thick_still_in_inbox = fs::exists(inbox / "thick.tif");
  }
  EXPECT_TRUE(small_archived) << test::ReadFile(dir / "watch.log");
  EXPECT_TRUE(thick_still_in_inbox) << "the small scan waited for the thick file";
  // And the thick file is done in its turn.
  while (std::chrono::steady_clock::now() < until && !fs::exists(archive / "thick.tif"))
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_EQ(kill(watcher, SIGTERM), 0);
  int code = -1;
  EXPECT_TRUE(test::EndsWithin(watcher, 120, &code));
  EXPECT_EQ(code, 0) << test::ReadFile(dir / "watch.log");
  EXPECT_TRUE(fs::exists(archive / "thick.tif"));
  auto reg = Registry::Open(db);
  ASSERT_TRUE(reg.ok());
  EXPECT_EQ(*(*reg)->CountDossiers(), 2);
}

}  // namespace
}  // namespace hoso
