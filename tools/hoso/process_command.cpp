#include "process_command.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/args.h"
#include "batch/batch.h"
#include "core/log.h"
#include "core/record_json.h"
#include "exit_codes.h"
#include "batch_report.h"
#include "pipeline_options.h"
#include "record_lines.h"

namespace hoso::cli {

const std::string kProcessHelp = std::string(
                                     "Usage: hoso process [OPTIONS] INPUT...\n"
                                     "\n"
                                     "Reads each INPUT as one dossier (PDF, multi-page TIFF, JPEG or PNG; a\n"
                                     "directory means every such file under it), cleans and OCRs its pages,\n"
                                     "extracts and checks its fields, and registers it — or sends it to review.\n"
                                     "A file registered before is not registered twice: its record is reported\n"
                                     "again with the flag DUPLICATE, so a batch killed at any point and started\n"
                                     "again finishes the work (each dossier is written in one transaction).\n"
                                     "\n"
                                     "Options:\n"
                                     "  --db URI          registry: PATH or sqlite:PATH (default ./hoso.db), or\n"
                                     "                    postgresql://USER[:PASSWORD]@HOST[:PORT]/DB\n"
                                     "  --json PATH|-     write one JSON record per dossier (JSON Lines); - is stdout\n"
                                     "  --out DIR         write DIR/NAME.pdf (searchable), NAME.hocr, NAME.xml (ALTO)\n"
                                     "  --debug-images DIR  write every cleanup step's image (NAME-pN-STEP.png)\n"
                                     "  --reprocess       read again files registered before, replacing their\n"
                                     "                    records; fields a reviewer corrected are kept\n"
                                     "  --report PATH     write the batch report as PATH.json and PATH.html (counts\n"
                                     "                    by status and flag, pages/s, slowest and rejected files,\n"
                                     "                    and every page called blank with its picture, kept in\n"
                                     "                    PATH-blank/)\n"
                                     "  --station URL     the review station's address, said at the end beside the\n"
                                     "                    dossiers waiting for review (default: $HOSO_STATION)\n") +
                                 kPipelineOptionsHelp +
                                 "  --quiet           no per-dossier lines or progress\n"
                                 "  --verbose         log what each stage does\n"
                                 "  -h, --help        this help\n"
                                 "\n"
                                 "Limits: files over 512 MiB, pages over 150 megapixels or 30000 pixels a\n"
                                 "side, and files with more than --max-pages pages are rejected\n"
                                 "(INPUT_TOO_LARGE, INPUT_TOO_MANY_PAGES) before they are decoded.\n"
                                 "\n";

namespace {

// "12/40 dossiers  30 pages  1.52 pages/s  ETA 0:45"
std::string ProgressLine(const Progress& p, const Say& say) {
  const double rate = p.elapsed_seconds > 0 ? p.pages_done / p.elapsed_seconds : 0;
  char line[160];
  std::snprintf(
      line, sizeof line,
      say("%d/%d dossiers  %d pages  %.2f pages/s  ETA %s", "%d/%d hồ sơ  %d trang  %.2f trang/s  còn %s").c_str(),
      p.dossiers_done, p.dossiers_total, p.pages_done, rate, p.pages_done ? Duration(p.SecondsLeft()).c_str() : "…");
  return line;
}

}  // namespace

int RunProcess(const std::vector<std::string>& argv) {
  Args args(argv, WithPipelineOptions({"--db", "--json", "--out", "--debug-images", "--report", "--station"}),
            WithPipelineFlags({"--quiet", "--verbose", "--help", "-h", "--reprocess"}));
  if (auto exit = HelpOrUsageError(args, "hoso process", std::string(kProcessHelp) + kExitCodeTable)) return *exit;
  auto usage = [](const std::string& msg) { return UsageError("hoso process", msg); };
  if (args.positional().empty()) return usage("no INPUT given");

  BatchOptions options;
  if (auto exit = PipelineOptionsOrExit(args, "process", &options)) return *exit;
  if (auto out = args.Value("--out")) options.out_dir = *out;
  if (auto dir = args.Value("--debug-images")) options.debug_dir = *dir;
  options.reprocess = args.Flag("--reprocess");
  if (auto path = args.Value("--report")) options.blank_dir = BatchReport::BlankPicturesDir(*path);
  if (Status s = options.Validate(); !s.ok()) return usage(s.message());
  const bool quiet = args.Flag("--quiet");
  if (args.Flag("--verbose")) SetLogLevel(LogLevel::kInfo);

  const std::string db = args.Value("--db").value_or("hoso.db");
  auto registry = Registry::Open(db);
  if (!registry.ok()) return Fatal("hoso process", registry.status());

  std::ostream* json = nullptr;
  std::ofstream json_file;
  const std::string json_path = args.Value("--json").value_or("");
  if (json_path == "-") {
    json = &std::cout;
  } else if (!json_path.empty()) {
    json_file.open(json_path, std::ios::out | std::ios::trunc);
    if (!json_file) return usage("cannot write --json " + json_path);
    json = &json_file;
  }
  // Human-readable lines go to stdout unless it carries the JSON.
  std::ostream* human = quiet ? nullptr : (json == &std::cout ? &std::cerr : &std::cout);
  const bool tty = !quiet && isatty(STDERR_FILENO);

  const Say say = TerminalLanguage(args.Flag("--english"));
  const auto inputs = ExpandInputs(args.positional());
  if (inputs.empty()) {
    std::cerr << "hoso process: no supported files (.pdf .tif .tiff .jpg .jpeg .png) in the inputs\n";
    return kExitUsage;
  }

  bool progress_shown = false;
  BatchReport report;
  BatchObserver observer;
  observer.on_timed = [&](const DossierRecord& r, double seconds, int pages) { report.Add(r, seconds, pages); };
  observer.on_record = [&](const DossierRecord& r) {
    if (json) {
      *json << RecordToJson(r) << '\n';
      json->flush();
    }
    if (human) {
      if (progress_shown) std::cerr << "\r\033[K";
      *human << HumanLine(r, say) << std::endl;
      progress_shown = false;
    }
  };
  observer.on_progress = [&](const Progress& p) {
    if (!tty) return;
    std::cerr << "\r\033[K" << ProgressLine(p, say) << std::flush;
    progress_shown = true;
  };
  if (tty) {
    std::cerr << "0/" << inputs.size() << say(" dossiers  starting OCR…", " hồ sơ  đang khởi động OCR…") << std::flush;
    progress_shown = true;
  }

  auto summary = RunBatch(inputs, **registry, options, observer);
  if (progress_shown) std::cerr << "\r\033[K";
  if (!summary.ok()) return Fatal("hoso process", summary.status());
  RecordBatchRun(**registry, "process", *summary);
  if (!quiet) {
    std::cerr << SummaryCounts(std::to_string(inputs.size()) + say(" dossiers", " hồ sơ"), *summary, say) << "; "
              << PagesAndSpeed(*summary, say) << say("; registry ", "; sổ đăng ký ") << db << "\n"
              << report.Terminal(say);
    // What waits for a person now (this batch's and earlier ones'), and where.
    if (auto waiting = (*registry)->CountDossiers("needs_review"); waiting.ok() && *waiting > 0) {
      const char* env = std::getenv("HOSO_STATION");
      const std::string station = args.Value("--station").value_or(env ? env : "");
      std::cerr << *waiting
                << say(*waiting == 1 ? " dossier waits for review" : " dossiers wait for review", " hồ sơ chờ duyệt")
                << (station.empty() ? "" : say(" at ", " tại ") + station) << "\n";
    }
  }
  if (auto path = args.Value("--report")) {
    if (Status st = report.Write(*path, *summary); !st.ok()) {
      std::cerr << "hoso process: " << st.message() << "\n";
      return kExitFatal;
    }
  }
  return summary->rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace hoso::cli
