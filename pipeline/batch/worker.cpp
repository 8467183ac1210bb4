#include "batch/worker.h"

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <map>
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

// What the worker's threads share, under `mutex`.
struct Shared {
  std::mutex mutex;
  std::condition_variable wake;
  BatchSummary summary;
  Progress progress;
  Status failure;
  std::map<std::int64_t, std::string> held;  // job -> the thread's worker name
  int threads_running = 0;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  double Elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); }
};

// Leases are renewed by one thread for all the jobs in hand, until the last
// reading thread has ended.
void RenewLeases(Shared& sh, JobQueue& queue, const WorkerOptions& worker) {
  std::unique_lock<std::mutex> lock(sh.mutex);
  while (sh.threads_running > 0) {
    sh.wake.wait_for(lock, std::chrono::milliseconds(worker.lease_seconds * 1000 / 3));
    const auto in_hand = sh.held;
    lock.unlock();
    for (const auto& [job, who] : in_hand)
      if (auto r = queue.Renew(job, who, worker.lease_seconds); !r.ok() || !*r)
        Log(LogLevel::kWarning, "job " + std::to_string(job) + ": lease lost");
    lock.lock();
  }
}

// One reading thread, named `me`: claims a job, reads its file, marks the
// job, reports its records; waits when the queue is empty (or ends, with
// exit_when_idle); stops when asked or when the queue fails.
void ReadJobs(Shared& sh, const std::string& me, JobQueue& queue, Registry& registry, const BatchOptions& options,
              const WorkerOptions& worker, const BatchObserver& observer) {
  auto stopping = [&] { return worker.stop && worker.stop->load(); };
  auto engine = OcrEngine::Create(options.ocr);
  if (!engine.ok()) {
    std::lock_guard<std::mutex> lock(sh.mutex);
    sh.failure = engine.status();
  }
  while (engine.ok() && !stopping()) {
    auto job = queue.Claim(me, worker.lease_seconds, worker.max_attempts);
    if (!job.ok()) {
      std::lock_guard<std::mutex> lock(sh.mutex);
      sh.failure = job.status();
      break;
    }
    if (!job->has_value()) {
      if (worker.exit_when_idle) {
        auto counts = queue.Counts();
        if (!counts.ok() || counts->pending + counts->running == 0) break;
      }
      std::unique_lock<std::mutex> lock(sh.mutex);
      sh.wake.wait_for(lock, std::chrono::duration<double>(worker.poll_seconds), [&] { return stopping(); });
      continue;
    }
    const Job j = **job;
    {
      std::lock_guard<std::mutex> lock(sh.mutex);
      sh.held[j.id] = me;
    }
    int pages = 0;
    const auto records = Intake(j.path, "", **engine, registry, options, &pages);
    {
      std::lock_guard<std::mutex> lock(sh.mutex);
      sh.held.erase(j.id);
    }
    if (Status marked = MarkJob(queue, j.id, me, records); !marked.ok()) Log(LogLevel::kError, marked.ToString());
    std::lock_guard<std::mutex> lock(sh.mutex);
    for (const DossierRecord& record : records) {
      sh.summary.Count(record);
      ++sh.progress.dossiers_done;
      if (observer.on_record) observer.on_record(record);
    }
    sh.summary.pages += pages;
    sh.progress.pages_done += pages;
    sh.progress.elapsed_seconds = sh.Elapsed();
    if (observer.on_progress) observer.on_progress(sh.progress);
  }
  std::lock_guard<std::mutex> lock(sh.mutex);
  --sh.threads_running;
  sh.wake.notify_all();
}

}  // namespace

Result<BatchSummary> RunWorker(JobQueue& queue, Registry& registry, const BatchOptions& options,
                               const WorkerOptions& worker, const BatchObserver& observer) {
  if (Status s = options.Validate(); !s.ok()) return s;
  if (worker.lease_seconds < 3) return Status::Error(ErrorCode::kInvalidArgument, "the lease must be 3 s or more");
  const int jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::string name = worker.name.empty() ? DefaultWorkerName() : worker.name;
  Shared sh;
  sh.threads_running = jobs;
  std::thread renewer([&] { RenewLeases(sh, queue, worker); });
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t)
    threads.emplace_back([&, t] {
      ReadJobs(sh, jobs == 1 ? name : name + "#" + std::to_string(t + 1), queue, registry, options, worker, observer);
    });
  for (auto& t : threads) t.join();
  renewer.join();
  sh.summary.elapsed_seconds = sh.Elapsed();
  if (!sh.failure.ok()) return sh.failure;
  return sh.summary;
}

}  // namespace hoso
