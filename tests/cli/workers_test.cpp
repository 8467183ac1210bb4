// Many machines on one queue (here: three worker processes on a PostgreSQL
// registry), one of them killed in the middle of a dossier: every job is
// finished, every dossier registered exactly once.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include <fstream>
#include <set>

#include "cli/hoso_run.h"
#include "cli/spawn.h"
#include "registry/queue.h"
#include "registry/registry.h"
#include "support/pg_support.h"
#include "support/test_support.h"

namespace hoso {
namespace {

Poco::JSON::Object::Ptr Status(const std::string& db) {
  const auto run = test::Hoso("status --json --db '" + db + "'", false);
  return Poco::JSON::Parser().parse(run.out).extract<Poco::JSON::Object::Ptr>();
}

TEST(Workers, ThreeWorkersOneKilledMidJobFinishEveryJobOnce) {
  test::ScratchDir dir;
  const std::string db = test::FreshPostgresDatabase();
  ASSERT_FALSE(db.empty());
  const auto enqueued = test::Hoso("enqueue --db '" + db + "' " + test::SamplesDir().string());
  ASSERT_EQ(enqueued.exit_code, 0) << enqueued.out;
  const std::string log = (dir / "workers.log").string();
  auto start = [&](const std::string& name) {
    return test::SpawnHoso({"worker", "--db", db, "--name", name, "--lease", "3", "--jobs", "1", "--exit-when-idle",
                            "--as-of", "2026-01-01", "--quiet"},
                           log);
  };
  const pid_t victim = start("victim");
  const pid_t w1 = start("w1"), w2 = start("w2");
  // Kill the victim while it holds a job.
  bool holding = false;
  for (int i = 0; i < 600 && !holding; ++i) {
    holding = Status(db)->getObject("running_by_worker")->has("victim");
    if (!holding) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(holding) << test::ReadFile(log);
  ASSERT_EQ(kill(victim, SIGKILL), 0);
  EXPECT_EQ(test::Reap(victim), -SIGKILL);
  EXPECT_TRUE(Status(db)->getObject("running_by_worker")->has("victim")) << "it died holding its job";
  int code1 = 0, code2 = 0;
  ASSERT_TRUE(test::EndsWithin(w1, 300, &code1)) << test::ReadFile(log);
  ASSERT_TRUE(test::EndsWithin(w2, 300, &code2)) << test::ReadFile(log);
  EXPECT_EQ(code1, 0) << test::ReadFile(log);
  EXPECT_EQ(code2, 0) << test::ReadFile(log);
  const auto status = Status(db);
  EXPECT_EQ(status->getValue<int>("done"), 8);
  EXPECT_EQ(status->getValue<int>("failed"), 0);
  EXPECT_EQ(status->getValue<int>("pending") + status->getValue<int>("running"), 0);
  // Each sample registered once (the victim's job was done by another).
  auto reg = Registry::Open(db);
  ASSERT_TRUE(reg.ok()) << reg.status().ToString();
  EXPECT_EQ(*(*reg)->CountDossiers(), 8);
  std::set<std::string> sources;
  for (std::int64_t id = 1; id <= 20; ++id) {
    if (auto r = (*reg)->Load(id); r.ok()) { EXPECT_TRUE(sources.insert(r->source).second) << r->source; }
  }
  EXPECT_EQ(sources.size(), 8u);
}

}  // namespace
}  // namespace hoso
