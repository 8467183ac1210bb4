#include "watch_command.h"

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/args.h"
#include "cli/config.h"
#include "batch/watch.h"
#include "core/log.h"
#include "core/record_json.h"
#include "exit_codes.h"
#include "pipeline_options.h"
#include "record_lines.h"

namespace hoso::cli {

namespace {

const std::string kWatchHelp = std::string(
                                   "Usage: hoso watch DIR [OPTIONS]\n"
                                   "\n"
                                   "Watches DIR (and its subfolders) for scans. A file is taken once its size\n"
                                   "and time have not changed for --settle seconds, processed as `hoso\n"
                                   "process` would, and then moved: to --archive after its record is\n"
                                   "committed, to --quarantine when it is rejected, with NAME.error.json\n"
                                   "beside it saying why. Without those folders files stay where they are.\n"
                                   "Runs until SIGINT or SIGTERM (the dossiers in hand are finished first).\n"
                                   "\n"
                                   "Options:\n"
                                   "  --db URI          registry (default ./hoso.db; see hoso process --help)\n"
                                   "  --archive DIR     where processed files go\n"
                                   "  --quarantine DIR  where rejected files go\n"
                                   "  --poll SECONDS    how often DIR is looked at (default 2)\n"
                                   "  --settle SECONDS  how long a file must stay unchanged (default 2)\n"
                                   "  --once            take what is there, then exit\n"
                                   "  --json PATH|-     append one JSON record per dossier (JSON Lines)\n") +
                               kPipelineOptionsHelp +
                               "  --quiet           no per-dossier lines\n"
                               "\n";

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

bool Seconds(const std::optional<std::string>& v, double* out) {
  if (!v) return true;
  try {
    *out = std::stod(*v);
  } catch (...) { return false; }
  return *out >= 0 && *out <= 3600;
}

}  // namespace

int RunWatchCommand(const std::vector<std::string>& argv) {
  Args args(argv, WithPipelineOptions({"--db", "--archive", "--quarantine", "--poll", "--settle", "--json"}),
            WithPipelineFlags({"--once", "--quiet", "--verbose", "--help", "-h"}));
  if (auto exit = HelpOrUsageError(args, "hoso watch", std::string(kWatchHelp) + kExitCodeTable)) return *exit;
  auto usage = [](const std::string& msg) { return UsageError("hoso watch", msg); };
  // The folder: on the command line, or the configuration file's `folder`.
  std::vector<std::string> folder = args.positional();
  if (auto it = OptionDefaults().find("folder"); folder.empty() && it != OptionDefaults().end())
    folder.push_back(it->second);
  if (folder.size() != 1) return usage("give one folder to watch");
  BatchOptions options;
  if (auto exit = PipelineOptionsOrExit(args, "watch", &options)) return *exit;
  WatchOptions watch;
  watch.dir = folder[0];
  watch.archive_dir = args.Value("--archive").value_or("");
  watch.quarantine_dir = args.Value("--quarantine").value_or("");
  if (!Seconds(args.Value("--poll"), &watch.poll_seconds) || watch.poll_seconds < 0.1)
    return usage("--poll must be seconds, from 0.1");
  if (!Seconds(args.Value("--settle"), &watch.settle_seconds)) return usage("--settle must be seconds");
  watch.once = args.Flag("--once");
  watch.stop = &g_stop;
  if (args.Flag("--verbose")) SetLogLevel(LogLevel::kInfo);
  const std::string db = args.Value("--db").value_or("hoso.db");
  auto registry = Registry::Open(db);
  if (!registry.ok()) return Fatal("hoso watch", registry.status());
  const bool quiet = args.Flag("--quiet");
  const Say say = TerminalLanguage(args.Flag("--english"));
  RecordSink sink;
  if (!sink.Open(args.Value("--json").value_or(""), /*append=*/true, quiet, say))
    return usage("cannot write --json " + args.Value("--json").value_or(""));
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  BatchObserver observer;
  observer.on_record = [&](const DossierRecord& r) { sink.Write(r); };
  if (!quiet)
    std::cerr << say("watching ", "đang theo dõi ") << watch.dir << say(" (registry ", " (sổ đăng ký ") << db << ")\n";
  auto summary = RunWatch(**registry, options, watch, observer);
  if (!summary.ok()) return Fatal("hoso watch", summary.status());
  RecordBatchRun(**registry, "watch", *summary);
  if (!quiet) std::cerr << SummaryCounts("watch", *summary, say) << "; " << PagesAndSpeed(*summary, say) << "\n";
  return kExitOk;
}

}  // namespace hoso::cli
