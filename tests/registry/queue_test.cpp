#include "registry/queue.h"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "registry/backend.h"

namespace hoso {
namespace {

class QueueTest : public test::OnEachDatabase {
 protected:
  std::unique_ptr<JobQueue> Open() { return OpenOnIt<JobQueue>(); }
};

TEST_F(QueueTest, EnqueueingAPathTwiceMakesOneJob) {
  auto q = Open();
  EXPECT_EQ(*q->Enqueue({"/scans/a.pdf", "/scans/b.pdf"}), 2);
  EXPECT_EQ(*q->Enqueue({"/scans/b.pdf", "/scans/c.pdf"}), 1);
  EXPECT_EQ(q->Counts()->pending, 3);
}

TEST_F(QueueTest, ClaimsInOrderLeasesAndFinishes) {
  auto q = Open();
  ASSERT_EQ(*q->Enqueue({"a", "b"}), 2);
  auto first = q->Claim("w1", 60);
  auto second = q->Claim("w2", 60);
  ASSERT_TRUE(first.ok() && first->has_value() && second.ok() && second->has_value());
  EXPECT_EQ((*first)->path, "a");
  EXPECT_EQ((*second)->path, "b");
  EXPECT_EQ((*first)->attempts, 1);
  EXPECT_FALSE(q->Claim("w3", 60)->has_value()) << "both are leased";
  auto counts = q->Counts();
  EXPECT_EQ(counts->running, 2);
  EXPECT_EQ(counts->running_by_worker.at("w1"), 1);
  ASSERT_TRUE(q->Finish((*first)->id, "w1", 7).ok());
  ASSERT_TRUE(q->Fail((*second)->id, "w2", "corrupt file").ok());
  counts = q->Counts();
  EXPECT_EQ(counts->done, 1);
  EXPECT_EQ(counts->failed, 1);
  ASSERT_EQ(counts->failures.size(), 1u);
  EXPECT_EQ(counts->failures[0].second, "corrupt file");
}

TEST_F(QueueTest, AJobWhoseLeaseExpiredIsClaimedAgain) {
  auto q = Open();
  ASSERT_EQ(*q->Enqueue({"a"}), 1);
  auto dead = q->Claim("dead-worker", 1);
  ASSERT_TRUE(dead.ok() && dead->has_value());
  EXPECT_FALSE(q->Claim("w2", 60)->has_value()) << "the lease still runs";
  std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  auto again = q->Claim("w2", 60);
  ASSERT_TRUE(again.ok() && again->has_value());
  EXPECT_EQ((*again)->id, (*dead)->id);
  EXPECT_EQ((*again)->attempts, 2);
  EXPECT_FALSE(*q->Renew((*dead)->id, "dead-worker", 60)) << "the job is no longer the dead worker's";
  EXPECT_TRUE(*q->Renew((*again)->id, "w2", 60));
}

TEST_F(QueueTest, RenewingKeepsTheJob) {
  auto q = Open();
  ASSERT_EQ(*q->Enqueue({"a"}), 1);
  auto mine = q->Claim("w1", 2);
  ASSERT_TRUE(mine.ok() && mine->has_value());
  for (int i = 0; i < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    EXPECT_TRUE(*q->Renew((*mine)->id, "w1", 2));
    EXPECT_FALSE(q->Claim("w2", 60)->has_value());
  }
}

TEST_F(QueueTest, AFileThatKeepsKillingItsWorkersFails) {
  auto q = Open();
  ASSERT_EQ(*q->Enqueue({"poison.tif"}), 1);
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(q->Claim("w", 1, 2)->has_value());
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  }
  EXPECT_FALSE(q->Claim("w", 1, 2)->has_value());
  auto counts = q->Counts();
  EXPECT_EQ(counts->failed, 1);
  ASSERT_EQ(counts->failures.size(), 1u);
  EXPECT_NE(counts->failures[0].second.find("2 attempts"), std::string::npos) << counts->failures[0].second;
}

// Several connections (machines) claiming at once: every job goes to
// exactly one of them.
TEST_F(QueueTest, ConcurrentClaimsNeverShareAJob) {
  auto setup = Open();
  std::vector<std::string> paths;
  for (int i = 0; i < 60; ++i) paths.push_back("file-" + std::to_string(i));
  ASSERT_EQ(*setup->Enqueue(paths), 60);
  std::mutex mutex;
  std::multiset<std::int64_t> claimed;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      auto q = Open();
      const std::string me = "w" + std::to_string(t);
      for (;;) {
        auto job = q->Claim(me, 60);
        ASSERT_TRUE(job.ok()) << job.status().ToString();
        if (!job->has_value()) break;
        {
          std::lock_guard<std::mutex> lock(mutex);
          claimed.insert((*job)->id);
        }
        ASSERT_TRUE(q->Finish((*job)->id, me, 1).ok());
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(claimed.size(), 60u);
  EXPECT_EQ(std::set<std::int64_t>(claimed.begin(), claimed.end()).size(), 60u);
  EXPECT_EQ(setup->Counts()->done, 60);
}

}  // namespace
}  // namespace hoso
