#include "batch/worker.h"

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <atomic>
#include <map>
#include <optional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/log.h"

namespace hoso {

std::string DefaultWorkerName() {
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = 0;
  return std::string(host[0] ? host : "worker") + ":" + std::to_string(getpid());
}

namespace {

// Done when any dossier of the file was registered; failed (with the
// reason) when the file gave nothing but rejections.
Status MarkJob(JobQueue& queue, std::int64_t job, const std::string& me, const std::vector<DossierRecord>& records) {
  const DossierRecord* kept = nullptr;
  for (const auto& r : records)
    if (r.status != DossierStatus::kRejected && !kept) kept = &r;
  const ErrorInfo why =
      records.empty() || !records.front().error ? ErrorInfo{"UNKNOWN", "no record"} : *records.front().error;
  return kept ? queue.Finish(job, me, kept->dossier_id) : queue.Fail(job, me, why.code + ": " + why.message);
}

// The queue as a batch's feed: a job is claimed when the batch has room for
// another file, and marked when its file's records are in (MarkJob). The
// jobs in hand are held under their lease, renewed by one thread.
class QueueFeed : public InputFeed {
 public:
  QueueFeed(JobQueue& queue, std::string name, const WorkerOptions& worker)
      : queue_(queue), name_(std::move(name)), worker_(worker) {}

  std::optional<std::string> Next() override {
    if (Stopping() || ended_) return std::nullopt;
    const auto now = std::chrono::steady_clock::now();
    if (empty_ && now - last_empty_ < std::chrono::duration<double>(worker_.poll_seconds)) return std::nullopt;
    auto job = queue_.Claim(name_, worker_.lease_seconds, worker_.max_attempts);
    if (!job.ok()) {
      Fail(job.status());
      return std::nullopt;
    }
    if (!job->has_value()) {
      empty_ = true;
      last_empty_ = now;
      if (worker_.exit_when_idle) {
        // Idle: nothing pending or running anywhere (this worker's jobs
        // are marked by now, or still count as running).
        auto counts = queue_.Counts();
        if (!counts.ok())
          Fail(counts.status());
        else if (counts->pending + counts->running == 0)
          ended_ = true;
      }
      return std::nullopt;
    }
    empty_ = false;
    ++given_;
    std::lock_guard<std::mutex> lock(mutex_);
    held_.emplace((*job)->path, (*job)->id);
    return (*job)->path;
  }
  bool Ended() override { return Stopping() || ended_; }
  int Known() const override { return given_; }

  // The file's records are in: its job is done, or failed with the reason.
  void Mark(const std::string& path, const std::vector<DossierRecord>& records) {
    std::int64_t job = 0;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = held_.find(path);
      if (it == held_.end()) return;
      job = it->second;
      held_.erase(it);
    }
    if (Status marked = MarkJob(queue_, job, name_, records); !marked.ok()) Log(LogLevel::kError, marked.ToString());
  }

  // Renews the leases of the jobs in hand, every third of the lease, until
  // StopRenewing().
  void RenewLeases() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_renewing_) {
      if (renew_.wait_for(lock, std::chrono::milliseconds(worker_.lease_seconds * 1000 / 3),
                          [&] { return stop_renewing_; }))
        break;
      std::vector<std::int64_t> in_hand;
      for (const auto& [path, job] : held_) in_hand.push_back(job);
      lock.unlock();
      for (std::int64_t job : in_hand)
        if (auto r = queue_.Renew(job, name_, worker_.lease_seconds); !r.ok() || !*r)
          Log(LogLevel::kWarning, "job " + std::to_string(job) + ": lease lost");
      lock.lock();
    }
  }
  void StopRenewing() {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_renewing_ = true;
    renew_.notify_all();
  }

  Status failure() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return failure_;
  }

 private:
  bool Stopping() const { return worker_.stop && worker_.stop->load(); }
  void Fail(Status status) {
    std::lock_guard<std::mutex> lock(mutex_);
    failure_ = std::move(status);
    ended_ = true;
  }

  JobQueue& queue_;
  const std::string name_;
  const WorkerOptions& worker_;
  bool empty_ = false, ended_ = false;
  std::chrono::steady_clock::time_point last_empty_;
  int given_ = 0;
  mutable std::mutex mutex_;  // held_ and failure_, shared with the renewing thread and on_file
  std::condition_variable renew_;
  std::multimap<std::string, std::int64_t> held_;  // path -> job
  Status failure_;
  bool stop_renewing_ = false;
};

}  // namespace

Result<BatchSummary> RunWorker(JobQueue& queue, Registry& registry, const BatchOptions& options,
                               const WorkerOptions& worker, const BatchObserver& observer) {
  if (Status s = options.Validate(); !s.ok()) return s;
  if (worker.lease_seconds < 3) return Status::Error(ErrorCode::kInvalidArgument, "the lease must be 3 s or more");
  QueueFeed feed(queue, worker.name.empty() ? DefaultWorkerName() : worker.name, worker);
  BatchOptions batch_options = options;
  batch_options.stop = worker.stop;
  BatchObserver marking = observer;
  marking.on_file = [&](const std::string& source, const std::vector<DossierRecord>& records) {
    feed.Mark(source, records);
    if (observer.on_file) observer.on_file(source, records);
  };
  std::thread renewer([&] { feed.RenewLeases(); });
  // Pages are the unit of work here too: a thick file's pages are read by
  // every thread, and the jobs claimed meanwhile share them.
  auto summary = RunFeed(feed, registry, batch_options, marking);
  feed.StopRenewing();
  renewer.join();
  if (Status failed = feed.failure(); !failed.ok()) return failed;
  return summary;
}

}  // namespace hoso
