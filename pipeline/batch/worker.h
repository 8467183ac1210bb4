// A worker on a shared job queue (registry/queue.h): on any number of
// machines, `hoso worker` claims jobs, processes each input as `hoso process`
// would, registers it, and marks the job done (or failed, with the reason).
// Its leases are renewed while it works; if it dies, its jobs go to others
// when their leases expire, and the registry's one-record-per-file rule
// keeps every dossier registered exactly once.
#pragma once

#include <atomic>
#include <string>

#include "batch/batch.h"
#include "registry/queue.h"

namespace hoso {

struct WorkerOptions {
  std::string name;             // shown by `hoso status`; default HOST:PID
  int lease_seconds = 60;       // renewed every third of it
  int max_attempts = 3;         // a job whose workers died this often fails
  bool exit_when_idle = false;  // return once no job is pending or running
  double poll_seconds = 2;      // wait between looks at an empty queue
  // Set (e.g. by SIGTERM) to stop: each thread finishes its dossier first.
  const std::atomic<bool>* stop = nullptr;
};

// Runs options.jobs threads (one OCR engine each) until stopped, or until
// the queue is empty with exit_when_idle. Pages are the unit of work, as in
// RunBatch: a job is claimed when there is room for another file, and a
// thick file's pages are read by every thread. Fails only when no OCR engine can
// start or the queue cannot be read.
Result<BatchSummary> RunWorker(JobQueue& queue, Registry& registry, const BatchOptions& options,
                               const WorkerOptions& worker, const BatchObserver& observer);

std::string DefaultWorkerName();

}  // namespace hoso
