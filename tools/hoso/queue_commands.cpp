#include "queue_commands.h"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "cli/args.h"
#include "batch/worker.h"
#include "core/log.h"
#include "core/record_json.h"
#include "exit_codes.h"
#include "pipeline_options.h"
#include "record_lines.h"
#include "registry/queue.h"

namespace hoso::cli {

namespace {

const char* const kEnqueueHelp =
    "Usage: hoso enqueue --db URI INPUT...\n"
    "\n"
    "Records each INPUT (a file, or every supported file under a folder) as a\n"
    "job for `hoso worker`. Paths are stored absolute: every worker must see\n"
    "the inputs at the same path (a shared mount, e.g. NFS). A path that\n"
    "already has a pending or running job is not added again.\n"
    "\n";

const std::string kWorkerHelp = std::string(
                                    "Usage: hoso worker --db URI [OPTIONS]\n"
                                    "\n"
                                    "Claims jobs from the queue (see hoso enqueue) and processes them as\n"
                                    "`hoso process` would, on as many machines as you start it on. Each job is\n"
                                    "leased; the lease is renewed while the worker works, and the job of a\n"
                                    "worker that died is claimed again once its lease expires. Every dossier\n"
                                    "is registered exactly once. SIGINT or SIGTERM: each thread finishes its\n"
                                    "dossier, then the worker exits.\n"
                                    "\n"
                                    "Options:\n"
                                    "  --db URI          the shared registry (postgresql://... for many machines)\n"
                                    "  --name NAME       this worker's name in `hoso status` (default HOST:PID)\n"
                                    "  --lease SECONDS   lease on a job (default 60, at least 3)\n"
                                    "  --exit-when-idle  exit once no job is pending or running\n"
                                    "  --json PATH|-     write one JSON record per dossier (JSON Lines)\n") +
                                kPipelineOptionsHelp +
                                "  --quiet           no per-dossier lines\n"
                                "\n";

const char* const kStatusHelp =
    "Usage: hoso status --db URI [--json]\n"
    "\n"
    "The job queue: pending, running (by worker), done and failed jobs, with\n"
    "the latest failures and their reasons.\n"
    "\n";

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

}  // namespace

int RunEnqueue(const std::vector<std::string>& argv) {
  Args args(argv, {"--db"}, {"--help", "-h"});
  if (auto exit = HelpOrUsageError(args, "hoso enqueue", kEnqueueHelp)) return *exit;
  if (args.positional().empty() || !args.Value("--db"))
    return UsageError("hoso enqueue", "need --db and at least one INPUT");
  std::vector<std::string> paths;
  for (const std::string& p : ExpandInputs(args.positional())) {
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(p, ec);
    paths.push_back(ec ? p : absolute.lexically_normal().string());
  }
  auto queue = JobQueue::Open(*args.Value("--db"));
  if (!queue.ok()) return Fatal("hoso enqueue", queue.status());
  auto added = (*queue)->Enqueue(paths);
  if (!added.ok()) return Fatal("hoso enqueue", added.status());
  std::cout << *added << " jobs added (" << paths.size() - *added << " already queued)\n";
  return kExitOk;
}

int RunWorkerCommand(const std::vector<std::string>& argv) {
  Args args(argv, WithPipelineOptions({"--db", "--name", "--lease", "--json"}),
            WithPipelineFlags({"--exit-when-idle", "--quiet", "--verbose", "--help", "-h"}));
  if (auto exit = HelpOrUsageError(args, "hoso worker", std::string(kWorkerHelp) + kExitCodeTable)) return *exit;
  auto usage = [](const std::string& msg) { return UsageError("hoso worker", msg); };
  if (!args.Value("--db")) return usage("need --db");
  if (!args.positional().empty()) return usage("inputs go to `hoso enqueue`, not to the worker");
  BatchOptions options;
  if (auto exit = PipelineOptionsOrExit(args, "worker", &options)) return *exit;
  WorkerOptions worker;
  worker.name = args.Value("--name").value_or("");
  if (auto lease = args.Value("--lease")) {
    try {
      worker.lease_seconds = std::stoi(*lease);
    } catch (...) { worker.lease_seconds = 0; }
    if (worker.lease_seconds < 3) return usage("--lease must be a whole number of seconds, at least 3");
  }
  worker.exit_when_idle = args.Flag("--exit-when-idle");
  worker.stop = &g_stop;
  if (args.Flag("--verbose")) SetLogLevel(LogLevel::kInfo);
  const std::string db = *args.Value("--db");
  auto registry = Registry::Open(db);
  auto queue = registry.ok() ? JobQueue::Open(db) : Result<std::unique_ptr<JobQueue>>(registry.status());
  if (!queue.ok()) return Fatal("hoso worker", queue.status());
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  const bool quiet = args.Flag("--quiet");
  const Say say = TerminalLanguage(args.Flag("--english"));
  RecordSink sink;
  if (!sink.Open(args.Value("--json").value_or(""), /*append=*/true, quiet, say))
    return usage("cannot write --json " + args.Value("--json").value_or(""));
  BatchObserver observer;
  observer.on_record = [&](const DossierRecord& r) { sink.Write(r); };
  auto summary = RunWorker(**queue, **registry, options, worker, observer);
  if (!summary.ok()) return Fatal("hoso worker", summary.status());
  RecordBatchRun(**registry, "worker", *summary);
  if (!quiet) std::cerr << SummaryCounts("worker", *summary, say) << "; " << PagesAndSpeed(*summary, say) << "\n";
  return summary->rejected > 0 ? kExitRejected : kExitOk;
}

int RunStatus(const std::vector<std::string>& argv) {
  Args args(argv, {"--db"}, {"--json", "--help", "-h"});
  if (auto exit = HelpOrUsageError(args, "hoso status", kStatusHelp)) return *exit;
  if (!args.Value("--db")) return UsageError("hoso status", "need --db");
  auto queue = JobQueue::Open(*args.Value("--db"));
  auto counts = queue.ok() ? (*queue)->Counts() : Result<QueueCounts>(queue.status());
  if (!counts.ok()) return Fatal("hoso status", counts.status());
  const QueueCounts& c = *counts;
  if (args.Flag("--json")) {
    Poco::JSON::Object o;
    o.set("pending", c.pending);
    o.set("running", c.running);
    o.set("done", c.done);
    o.set("failed", c.failed);
    Poco::JSON::Object by_worker;
    for (const auto& [w, n] : c.running_by_worker) by_worker.set(w, n);
    o.set("running_by_worker", by_worker);
    Poco::JSON::Array failures;
    for (const auto& [path, error] : c.failures) {
      Poco::JSON::Object f;
      f.set("path", path);
      f.set("error", error);
      failures.add(f);
    }
    o.set("failures", failures);
    o.stringify(std::cout);
    std::cout << "\n";
    return kExitOk;
  }
  std::printf("pending %d  running %d  done %d  failed %d\n", c.pending, c.running, c.done, c.failed);
  for (const auto& [w, n] : c.running_by_worker) std::printf("  running on %s: %d\n", w.c_str(), n);
  for (const auto& [path, error] : c.failures) std::printf("  failed %s: %s\n", path.c_str(), error.c_str());
  return kExitOk;
}

}  // namespace hoso::cli
