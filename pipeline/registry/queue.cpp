#include "registry/queue.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>

namespace hoso {

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Statement;

namespace {

std::string NowUtc() { return Poco::DateTimeFormatter::format(Poco::DateTime(), "%Y-%m-%dT%H:%M:%SZ"); }

Status QueueError(const std::string& what, const Poco::Exception& e) {
  return Status::Error(ErrorCode::kRegistryFailed, "job queue: " + what + ": " + e.displayText());
}

}  // namespace

Result<std::unique_ptr<JobQueue>> JobQueue::Open(const std::string& uri) {
  auto db = Connect(uri);
  if (!db.ok()) return db.status();
  return std::unique_ptr<JobQueue>(new JobQueue(std::move(db).value()));
}

Result<int> JobQueue::Enqueue(const std::vector<std::string>& paths) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& s = *db_->session;
  int added = 0;
  try {
    WithReconnect(*db_, [&] {
      added = 0;
      db_->Begin();
      const std::string now_utc = NowUtc();
      for (const std::string& path : paths) {
        int open = 0;
        s << db_->Sql("SELECT COUNT(*) FROM jobs WHERE path = ? AND status IN ('pending','running')"), bind(path),
            into(open), now;
        if (open) continue;
        s << db_->Sql("INSERT INTO jobs(path, status, enqueued_at, updated_at) VALUES(?, 'pending', ?, ?)"), bind(path),
            bind(now_utc), bind(now_utc), now;
        ++added;
      }
      db_->Commit();
    });
  } catch (const Poco::Exception& e) {
    db_->Rollback();
    return QueueError("cannot enqueue", e);
  }
  return added;
}

Result<std::optional<Job>> JobQueue::Claim(const std::string& worker, int lease_seconds, int max_attempts) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& s = *db_->session;
  const std::string epoch = db_->EpochNow();
  const std::string now_utc = NowUtc();
  try {
    return WithReconnect(*db_, [&]() -> Result<std::optional<Job>> {
      // Jobs whose workers died too often: failed, with the reason.
      s << db_->Sql(
          "UPDATE jobs SET status = 'failed', error = 'its worker stopped (lease expired) on each of ' || "
          "CAST(attempts AS TEXT) || ' attempts', updated_at = ? WHERE status = 'running' AND lease_until < " +
          epoch + " AND attempts >= ?"),
          bind(now_utc), bind(max_attempts), now;
      const std::string lock_rows = db_->dialect == Dialect::kPostgres ? " FOR UPDATE SKIP LOCKED" : "";
      Statement st(s);
      st << db_->Sql("UPDATE jobs SET status = 'running', worker = ?, lease_until = " + epoch +
                     " + ?, attempts = attempts + 1, updated_at = ? WHERE id = (SELECT id FROM jobs WHERE status = "
                     "'pending' OR (status = 'running' AND lease_until < " +
                     epoch + ") ORDER BY id LIMIT 1" + lock_rows + ") RETURNING id, path, attempts"),
          bind(worker), bind(lease_seconds), bind(now_utc), now;
      RecordSet rs(st);
      if (!rs.moveFirst()) return std::optional<Job>();
      Job job;
      job.id = rs["id"].convert<std::int64_t>();
      job.path = rs["path"].convert<std::string>();
      job.attempts = rs["attempts"].convert<int>();
      return std::optional<Job>(job);
    });
  } catch (const Poco::Exception& e) { return QueueError("cannot claim a job", e); }
}

Result<bool> JobQueue::Renew(std::int64_t job, const std::string& worker, int lease_seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    return WithReconnect(*db_, [&]() -> Result<bool> {
      Statement st(*db_->session);
      st << db_->Sql("UPDATE jobs SET lease_until = " + std::string(db_->EpochNow()) +
                     " + ? WHERE id = ? AND worker = ? AND status = 'running'"),
          bind(lease_seconds), bind(job), bind(worker);
      return st.execute() > 0;
    });
  } catch (const Poco::Exception& e) { return QueueError("cannot renew a lease", e); }
}

Status JobQueue::Finish(std::int64_t job, const std::string& worker, std::int64_t dossier_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    // Done whoever holds it now: the dossier is registered either way.
    WithReconnect(*db_, [&] {
      *db_->session << db_->Sql(
          "UPDATE jobs SET status = 'done', worker = ?, dossier_id = ?, error = '', "
          "updated_at = ? WHERE id = ? AND status <> 'done'"),
          bind(worker), bind(dossier_id), bind(NowUtc()), bind(job), now;
    });
  } catch (const Poco::Exception& e) { return QueueError("cannot finish a job", e); }
  return Status::Ok();
}

Status JobQueue::Fail(std::int64_t job, const std::string& worker, const std::string& error) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    WithReconnect(*db_, [&] {
      *db_->session << db_->Sql(
          "UPDATE jobs SET status = 'failed', error = ?, updated_at = ? "
          "WHERE id = ? AND worker = ? AND status = 'running'"),
          bind(error), bind(NowUtc()), bind(job), bind(worker), now;
    });
  } catch (const Poco::Exception& e) { return QueueError("cannot fail a job", e); }
  return Status::Ok();
}

Result<QueueCounts> JobQueue::Counts() {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    return WithReconnect(*db_, [&]() -> Result<QueueCounts> {
      QueueCounts c;
      {
        Statement st(*db_->session);
        st << "SELECT status, worker, COUNT(*) AS n FROM jobs GROUP BY status, worker", now;
        RecordSet rs(st);
        for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
          const std::string status = rs["status"].convert<std::string>();
          const int n = rs["n"].convert<int>();
          if (status == "pending")
            c.pending += n;
          else if (status == "running") {
            c.running += n;
            c.running_by_worker[rs["worker"].convert<std::string>()] += n;
          } else if (status == "done")
            c.done += n;
          else if (status == "failed")
            c.failed += n;
        }
      }
      Statement st(*db_->session);
      st << "SELECT path, error FROM jobs WHERE status = 'failed' ORDER BY updated_at DESC, id DESC LIMIT 20", now;
      RecordSet rs(st);
      for (bool more = rs.moveFirst(); more; more = rs.moveNext())
        c.failures.emplace_back(rs["path"].convert<std::string>(), rs["error"].convert<std::string>());
      return c;
    });
  } catch (const Poco::Exception& e) { return QueueError("cannot count jobs", e); }
}

}  // namespace hoso
