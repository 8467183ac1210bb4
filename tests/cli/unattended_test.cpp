// A batch killed at any moment (kill -9: no chance to clean up) and started
// again finishes the work: every input registered exactly once, whole.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <random>
#include <set>

#include "cli/hoso_run.h"
#include "cli/spawn.h"
#include <Poco/JSON/Parser.h>

#include "core/record_json.h"
#include "registry/registry.h"
#include "support/test_support.h"
#include "support/thick_file.h"

namespace hoso {
namespace {

// The samples' page counts, by file name.
std::map<std::string, int> SamplePages() {
  std::map<std::string, int> pages;
  std::ifstream in((test::SamplesDir() / "truth.jsonl").string());
  for (std::string line; std::getline(in, line);) {
    auto truth = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
    pages[truth->getValue<std::string>("file")] = static_cast<int>(truth->getArray("pages")->size());
  }
  return pages;
}

// Every sample once, with all its pages; nothing else.
void ExpectEachSampleRegisteredOnce(const std::string& db) {
  auto reg = Registry::Open(db);
  ASSERT_TRUE(reg.ok()) << reg.status().ToString();
  const auto pages = SamplePages();
  EXPECT_EQ(*(*reg)->CountDossiers(), static_cast<std::int64_t>(pages.size()));
  std::set<std::string> seen;
  for (std::int64_t id = 1; id <= static_cast<std::int64_t>(pages.size()) + 5; ++id) {
    auto r = (*reg)->Load(id);
    if (!r.ok()) continue;
    const std::string name = std::filesystem::path(r->source).filename().string();
    EXPECT_TRUE(seen.insert(name).second) << name << " registered twice";
    ASSERT_TRUE(pages.count(name)) << name;
    EXPECT_EQ(static_cast<int>(r->pages.size()), pages.at(name)) << name << ": a half-written record";
    EXPECT_NE(r->status, DossierStatus::kRejected) << name;
  }
  EXPECT_EQ(seen.size(), pages.size());
}

TEST(Unattended, ABatchKilledAtRandomMomentsFinishesWithEveryDossierOnce) {
  test::ScratchDir dir;
  const std::string db = (dir / "r.db").string(), log = (dir / "log.txt").string();
  std::random_device seed_source;
  const unsigned seed = seed_source();
  std::mt19937 rng(seed);
  SCOPED_TRACE("kill moments from seed " + std::to_string(seed));
  const std::vector<std::string> command{
      "process", "--db", db, "--jobs", "2", "--quiet", "--as-of", "2026-01-01", test::SamplesDir().string()};
  int killed = 0;
  for (int round = 0; round < 5; ++round) {
    const pid_t pid = test::SpawnHoso(command, log);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(150, 2500)(rng)));
    if (kill(pid, SIGKILL) == 0) ++killed;
    test::Reap(pid);
  }
  EXPECT_GE(killed, 4) << "the batch should still have been running";
  // Once more, to the end: it finishes the work and says what it found.
  const pid_t pid = test::SpawnHoso(command, log);
  EXPECT_EQ(test::Reap(pid), 0);
  ExpectEachSampleRegisteredOnce(db);
  // And a run after that registers nothing new.
  const auto again = test::Hoso("process --db " + db + " --as-of 2026-01-01 " + test::SamplesDir().string());
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("từ chối, 8 đã có từ trước"), std::string::npos) << again.out;
  ExpectEachSampleRegisteredOnce(db);
}

// kill -9 in the middle of a thick file (its pages read on two workers),
// with a small file beside it: the small one was registered whole, the thick
// one not at all; run again, the thick file is read from its start and
// registered once, its pages in order.
TEST(Unattended, AThickFileKilledHalfReadIsReadAgainAndRegisteredOnce) {
  test::ScratchDir dir;
  const auto thick = test::WriteThickFile((dir / "thick.tif").string(), 2);
  const std::string small = (dir / "small.jpg").string();
  std::filesystem::copy_file(test::SamplesDir() / "dossier-0004.jpg", small);
  const std::string db = (dir / "r.db").string(), log = (dir / "log.txt").string(), json = (dir / "out.jsonl").string();
  const std::vector<std::string> command{"process",    "--db",   db,   "--jobs",   "2",  "--as-of",
                                         "2026-01-01", "--json", json, thick.path, small};
  const pid_t pid = test::SpawnHoso(command, log);
  ASSERT_GT(pid, 0);
  // Killed once the small file is registered (it shares the workers with
  // the thick one, whose 22 pages take several times longer).
  bool small_done = false;
  for (int i = 0; i < 1200 && !small_done; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    small_done = test::ReadFile(json).find("small.jpg") != std::string::npos;
  }
  ASSERT_TRUE(small_done) << test::ReadFile(log);
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  ASSERT_EQ(test::Reap(pid), -SIGKILL) << "the thick file should still have been in hand";
  {
    auto reg = Registry::Open(db);
    ASSERT_TRUE(reg.ok());
    EXPECT_EQ(*(*reg)->CountDossiers(), 1) << "only the small file: nothing of the thick one";
  }
  // Again, to the end.
  const pid_t again = test::SpawnHoso(command, log);
  ASSERT_EQ(test::Reap(again), 0) << test::ReadFile(log);
  auto reg = Registry::Open(db);
  ASSERT_TRUE(reg.ok());
  EXPECT_EQ(*(*reg)->CountDossiers(), 2);
  bool found = false;
  for (std::int64_t id = 1; id <= 3; ++id) {
    auto r = (*reg)->Load(id);
    if (!r.ok() || std::filesystem::path(r->source).filename() != "thick.tif") continue;
    EXPECT_FALSE(found) << "registered twice";
    found = true;
    std::vector<std::string> texts;
    for (const auto& page : r->pages) texts.push_back(page.text);
    test::ExpectPagesInOrder(texts, thick);
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace hoso
