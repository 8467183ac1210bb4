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

}  // namespace

Result<BatchSummary> RunWorker(JobQueue& queue, Registry& registry, const BatchOptions& options,
                               const WorkerOptions& worker, const BatchObserver& observer) {
  if (Status s = options.Validate(); !s.ok()) return s;
  if (worker.lease_seconds < 3) return Status::Error(ErrorCode::kInvalidArgument, "the lease must be 3 s or more");
  const int jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::string name = worker.name.empty() ? DefaultWorkerName() : worker.name;
  const auto start = std::chrono::steady_clock::now();
  auto stopping = [&] { return worker.stop && worker.stop->load(); };

  std::mutex mutex;  // guards everything below
  std::condition_variable wake;
  BatchSummary summary;
  Progress progress;
  Status failure;
  std::map<std::int64_t, std::string> held;  // job -> the thread's worker name
  int threads_running = jobs;

  // Leases are renewed by one thread for all the jobs in hand.
  std::thread renewer([&] {
    std::unique_lock<std::mutex> lock(mutex);
    while (threads_running > 0) {
      wake.wait_for(lock, std::chrono::milliseconds(worker.lease_seconds * 1000 / 3));
      const auto in_hand = held;
      lock.unlock();
      for (const auto& [job, who] : in_hand)
        if (auto r = queue.Renew(job, who, worker.lease_seconds); !r.ok() || !*r)
          Log(LogLevel::kWarning, "job " + std::to_string(job) + ": lease lost");
      lock.lock();
    }
  });

  auto run = [&](int t) {
    const std::string me = jobs == 1 ? name : name + "#" + std::to_string(t + 1);
    auto engine = OcrEngine::Create(options.ocr);
    auto done = [&] {
      std::lock_guard<std::mutex> lock(mutex);
      --threads_running;
      wake.notify_all();
    };
    if (!engine.ok()) {
      std::lock_guard<std::mutex> lock(mutex);
      failure = engine.status();
      --threads_running;
      wake.notify_all();
      return;
    }
    while (!stopping()) {
      auto job = queue.Claim(me, worker.lease_seconds, worker.max_attempts);
      if (!job.ok()) {
        std::lock_guard<std::mutex> lock(mutex);
        failure = job.status();
        break;
      }
      if (!job->has_value()) {
        if (worker.exit_when_idle) {
          auto counts = queue.Counts();
          if (!counts.ok() || counts->pending + counts->running == 0) break;
        }
        std::unique_lock<std::mutex> lock(mutex);
        wake.wait_for(lock, std::chrono::duration<double>(worker.poll_seconds), [&] { return stopping(); });
        continue;
      }
      const Job j = **job;
      {
        std::lock_guard<std::mutex> lock(mutex);
        held[j.id] = me;
      }
      int pages = 0;
      const auto records = Intake(j.path, "", **engine, registry, options, &pages);
      {
        std::lock_guard<std::mutex> lock(mutex);
        held.erase(j.id);
      }
      if (Status marked = MarkJob(queue, j.id, me, records); !marked.ok()) Log(LogLevel::kError, marked.ToString());
      std::lock_guard<std::mutex> lock(mutex);
      for (const DossierRecord& record : records) {
        summary.Count(record);
        ++progress.dossiers_done;
        if (observer.on_record) observer.on_record(record);
      }
      summary.pages += pages;
      progress.pages_done += pages;
      progress.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (observer.on_progress) observer.on_progress(progress);
    }
    done();
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(run, t);
  for (auto& t : threads) t.join();
  renewer.join();
  summary.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!failure.ok()) return failure;
  return summary;
}

}  // namespace hoso
