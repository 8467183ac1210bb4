// The job queue that lets many machines share one batch: `hoso enqueue`
// records input paths as jobs, `hoso worker` processes claim them. A claim
// is a lease: the worker renews it while it works, and a job whose worker
// died (lease expired) is claimed again by another. Dossiers are still
// registered exactly once: the registry refuses a file's second record
// (sha256), so a job run twice registers once.
//
// PostgreSQL claims with SELECT ... FOR UPDATE SKIP LOCKED, so workers never
// wait on each other; SQLite (one machine) claims in one write statement.
// Lease times are the database server's clock.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "registry/connection.h"

namespace hoso {

struct Job {
  std::int64_t id = 0;
  std::string path;
  int attempts = 0;  // claims so far, this one included
};

struct QueueCounts {
  int pending = 0, running = 0, done = 0, failed = 0;
  std::map<std::string, int> running_by_worker;
  std::vector<std::pair<std::string, std::string>> failures;  // path, error (latest first, at most 20)
};

class JobQueue {
 public:
  static Result<std::unique_ptr<JobQueue>> Open(const std::string& uri);

  // Adds a pending job per path, except paths that already have a pending
  // or running job. Returns how many were added.
  Result<int> Enqueue(const std::vector<std::string>& paths);
  // The oldest job that is pending, or running with an expired lease, now
  // leased to `worker` for lease_seconds; none when there is no such job.
  // A job claimed max_attempts times whose lease expired again is failed
  // instead (a file that kills its workers must not kill them all).
  Result<std::optional<Job>> Claim(const std::string& worker, int lease_seconds, int max_attempts = 3);
  // Extends the lease; false when the job is no longer this worker's.
  Result<bool> Renew(std::int64_t job, const std::string& worker, int lease_seconds);
  Status Finish(std::int64_t job, const std::string& worker, std::int64_t dossier_id);
  Status Fail(std::int64_t job, const std::string& worker, const std::string& error);
  Result<QueueCounts> Counts();

 private:
  explicit JobQueue(std::unique_ptr<Connection> db) : db_(std::move(db)) {}
  std::mutex mutex_;
  std::unique_ptr<Connection> db_;
};

}  // namespace hoso
