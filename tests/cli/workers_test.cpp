// Many machines on one queue (here: three worker processes on a PostgreSQL
// registry), one of them killed in the middle of a dossier: every job is
// finished, every dossier registered exactly once.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
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

// A PostgreSQL server of the test's own (tests/support/pg_server.sh), to
// restart or pause without disturbing the other tests' server.
class OwnPostgres {
 public:
  explicit OwnPostgres(const std::filesystem::path& dir)
      : script_((test::SourceDir() / "tests" / "support" / "pg_server.sh").string()),
        uri_file_((dir / "pg.uri").string()) {
    started_ = Do("start") == 0;
    const std::string uri = test::ReadFile(uri_file_);
    if (started_) db_ = uri.substr(0, uri.find('\n'));
  }
  ~OwnPostgres() { (void)Do("stop"); }
  const std::string& db() const { return db_; }
  // start | restart | pause | resume | stop: the script's exit code.
  int Do(const std::string& action) {
    return std::system(("bash '" + script_ + "' " + action + " '" + uri_file_ + "' >/dev/null").c_str());
  }

 private:
  std::string script_, uri_file_, db_;
  bool started_ = false;
};

// Every sample registered exactly once.
void ExpectEachSampleOnce(const std::string& db) {
  auto reg = Registry::Open(db);
  ASSERT_TRUE(reg.ok()) << reg.status().ToString();
  EXPECT_EQ(*(*reg)->CountDossiers(), 8);
  std::set<std::string> sources;
  for (std::int64_t id = 1; id <= 30; ++id)
    if (auto r = (*reg)->Load(id); r.ok()) { EXPECT_TRUE(sources.insert(r->source).second) << r->source; }
  EXPECT_EQ(sources.size(), 8u);
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

// A worker whose PostgreSQL server restarts mid-batch (cut off, as in a
// failover) waits for it, and finishes the batch by itself: exit code 0,
// every job done once, every file registered once.
TEST(Workers, AWorkerOutlivesAPostgresRestartMidBatch) {
  test::ScratchDir dir;
  OwnPostgres server(dir.path());
  ASSERT_FALSE(server.db().empty());
  const std::string& db = server.db();
  const auto enqueued = test::Hoso("enqueue --db '" + db + "' " + test::SamplesDir().string());
  ASSERT_EQ(enqueued.exit_code, 0) << enqueued.out;
  const std::string log = (dir / "worker.log").string();
  const pid_t worker = test::SpawnHoso({"worker", "--db", db, "--name", "w", "--lease", "10", "--jobs", "2",
                                        "--exit-when-idle", "--as-of", "2026-01-01"},
                                       log);
  // Once it has done a job, the server goes away and comes back.
  bool started = false;
  for (int i = 0; i < 1200 && !started; ++i) {
    started = Status(db)->getValue<int>("done") >= 1;
    if (!started) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(started) << test::ReadFile(log);
  ASSERT_EQ(server.Do("restart"), 0);
  int code = -1;
  ASSERT_TRUE(test::EndsWithin(worker, 300, &code)) << test::ReadFile(log);
  EXPECT_EQ(code, 0) << test::ReadFile(log);
  EXPECT_NE(test::ReadFile(log).find("connected to"), std::string::npos) << "it said it lost and found the server";
  const auto status = Status(db);
  EXPECT_EQ(status->getValue<int>("done"), 8) << test::ReadFile(log);
  EXPECT_EQ(status->getValue<int>("failed"), 0);
  ExpectEachSampleOnce(db);
}

// The review station while its PostgreSQL server is down: a request is
// told 503 (not kept waiting, not a crash), and once the server is back the
// same session works again.
TEST(Workers, TheReviewStationSays503WhileTheDatabaseIsDown) {
  test::ScratchDir dir;
  OwnPostgres server(dir.path());
  ASSERT_FALSE(server.db().empty());
  const std::string& db = server.db();
  std::ofstream((dir / "password").string()) << "correct horse battery\n";
  ASSERT_EQ(
      test::Hoso("user add lan --role reviewer --db '" + db + "' < '" + (dir / "password").string() + "'").exit_code,
      0);
  const std::string log = (dir / "serve.log").string();
  const pid_t serve = test::SpawnHoso({"serve", "--db", db, "--port", "0"}, log);
  int port = 0;
  for (int i = 0; i < 200 && !port; ++i) {
    const std::string out = test::ReadFile(log);
    if (auto at = out.find("listening on http://127.0.0.1:"); at != std::string::npos)
      port = std::atoi(out.c_str() + at + 30);
    if (!port) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_GT(port, 0) << test::ReadFile(log);
  std::string cookie;
  auto call = [&](const std::string& method, const std::string& path, const std::string& body) {
    Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port));
    s.setTimeout(Poco::Timespan(60, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPRequest::HTTP_1_1);
    if (!cookie.empty()) {
      Poco::Net::NameValueCollection cookies;
      cookies.add("hoso_session", cookie);
      request.setCookies(cookies);
    }
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    s.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::string reply;
    Poco::StreamCopier::copyToString(s.receiveResponse(response), reply);
    const std::string set = response.get("Set-Cookie", "");
    if (auto at = set.find("hoso_session="); at != std::string::npos) cookie = set.substr(at + 13, 64);
    return std::make_pair(static_cast<int>(response.getStatus()), reply);
  };
  ASSERT_EQ(call("POST", "/api/session", R"({"name":"lan","password":"correct horse battery"})").first, 200);
  ASSERT_EQ(call("GET", "/api/queue", "").first, 200);
  ASSERT_EQ(server.Do("pause"), 0);
  const auto down = call("GET", "/api/queue", "");
  EXPECT_EQ(down.first, 503) << down.second;
  EXPECT_NE(down.second.find("REGISTRY_UNAVAILABLE"), std::string::npos) << down.second;
  ASSERT_EQ(server.Do("resume"), 0);
  const auto back = call("GET", "/api/queue", "");
  EXPECT_EQ(back.first, 200) << back.second << test::ReadFile(log);
  kill(serve, SIGTERM);
  int code = -1;
  EXPECT_TRUE(test::EndsWithin(serve, 30, &code));
  EXPECT_EQ(code, 0);
}

// `hoso watch` rides out a database restart too: scans dropped before and
// after it are all registered, once, and files are archived only once their
// records are in.
TEST(Workers, AWatchOutlivesAPostgresRestart) {
  test::ScratchDir dir;
  OwnPostgres server(dir.path());
  ASSERT_FALSE(server.db().empty());
  const std::string& db = server.db();
  const auto inbox = dir / "inbox", archive = dir / "archive";
  std::filesystem::create_directories(inbox);
  std::vector<std::filesystem::path> samples;
  for (const auto& e : std::filesystem::directory_iterator(test::SamplesDir()))
    if (std::set<std::string>{".jpg", ".tif", ".pdf", ".png"}.count(e.path().extension().string()))
      samples.push_back(e.path());
  std::sort(samples.begin(), samples.end());
  ASSERT_EQ(samples.size(), 8u);
  const std::string log = (dir / "watch.log").string();
  const pid_t watch = test::SpawnHoso({"watch", inbox.string(), "--db", db, "--archive", archive.string(), "--poll",
                                       "0.2", "--settle", "0.2", "--jobs", "2", "--as-of", "2026-01-01"},
                                      log);
  auto archived = [&] {
    int n = 0;
    if (std::filesystem::exists(archive))
      for (const auto& e : std::filesystem::recursive_directory_iterator(archive)) n += e.is_regular_file();
    return n;
  };
  auto drop = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) std::filesystem::copy_file(samples[i], inbox / samples[i].filename());
  };
  auto wait_archived = [&](int n) {
    for (int i = 0; i < 2400 && archived() < n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return archived() >= n;
  };
  drop(0, 4);
  ASSERT_TRUE(wait_archived(4)) << test::ReadFile(log);
  ASSERT_EQ(server.Do("restart"), 0);
  drop(4, 8);
  ASSERT_TRUE(wait_archived(8)) << test::ReadFile(log);
  kill(watch, SIGTERM);
  int code = -1;
  ASSERT_TRUE(test::EndsWithin(watch, 60, &code)) << test::ReadFile(log);
  EXPECT_EQ(code, 0) << test::ReadFile(log);
  EXPECT_NE(test::ReadFile(log).find("connected to"), std::string::npos) << "it lost the server and found it again";
  ExpectEachSampleOnce(db);
}

}  // namespace
}  // namespace hoso
