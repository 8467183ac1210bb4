// evaluate: scores hoso on a generated set (tools/samplegen) and, in the
// same run, the tesseract CLI and ocrmypdf on the same files, so every
// figure is a side-by-side ratio. Writes summary.json and report.html.
// The engines are run by runner.h; the scores are reported by report.h.
#include <filesystem>
#include <iostream>

#include "cli/args.h"
#include "report.h"
#include "runner.h"

namespace fs = std::filesystem;
using namespace evaluate;

namespace {

const char* kHelp =
    "Usage: evaluate --set DIR [--report DIR] [--hoso BIN | --hoso-json JSONL] [--jobs N]\n"
    "                [--lang LANGS] [--tesseract on|off] [--ocrmypdf auto|on|off] [--worst N]\n"
    "                [--as-of DATE] [--cache DIR] [--keep-work] [--per-file]\n"
    "                [--truth-text [--truth-dir DIR]...]\n"
    "\n"
    "Scores `hoso process` on a set made by samplegen (DIR/truth.jsonl) and runs\n"
    "the tesseract CLI (and ocrmypdf --rotate-pages --deskew --clean, when installed)\n"
    "on the same files in the same run, N at a time (default 2). Reports page CER and\n"
    "word recall by damage strength, rotation, blank and skew accuracy, document type,\n"
    "fields, address verdicts, and pages per second, in REPORT/summary.json and\n"
    "REPORT/report.html (default report: DIR/report); --per-file prints each file's\n"
    "CER and word recall for every engine side by side. With --hoso-json, hoso's\n"
    "records are read from a file instead of being produced (no hoso timing). A\n"
    "hoso binary copied out of its build tree (--hoso BIN, to compare two builds)\n"
    "finds its models through HOSO_MODELS.\n"
    "hoso checks addresses as of --as-of (default 2026-01-01): samplegen's expected\n"
    "verdicts are those of the 2025 units, which held until the Đồng Nai change of\n"
    "30 April 2026.\n"
    "With --cache DIR, the other engines' page texts are kept in DIR, keyed by the\n"
    "file's SHA-256, the page, the command and the engine's version, and reused:\n"
    "ocrmypdf takes over an hour on 100 dossiers, and does not change when hoso does.\n"
    "An engine read wholly or partly from the cache reports no speed. `--hoso none\n"
    "--cache DIR` runs only the other engines, to fill the cache ahead of time.\n"
    "\n"
    "With --truth-text, DIR holds real pages (PDF, TIFF, JPEG, PNG) whose truth is\n"
    "plain text: NAME.gt.txt beside them or in a --truth-dir, pages separated by\n"
    "form feeds; a degraded copy NAME-blur.jpg is scored against NAME.gt.txt.\n"
    "Only the text is scored (and no page may be called blank); files without a\n"
    "truth are left out. The tesseract CLI gets --dpi only where the file states\n"
    "a resolution, as a user running it would.\n";

}  // namespace

int main(int argc, char** argv) {
  hoso::cli::Args args(std::vector<std::string>(argv + 1, argv + argc),
                       {"--set", "--report", "--hoso", "--hoso-json", "--jobs", "--lang", "--tesseract", "--ocrmypdf",
                        "--as-of", "--worst", "--cache", "--truth-dir"},
                       {"--keep-work", "--per-file", "--truth-text", "--help", "-h"});
  Settings s;
  s.set = args.Value("--set").value_or("");
  s.report = args.Value("--report").value_or("");
  s.hoso_bin = args.Value("--hoso").value_or("build/tools/hoso/hoso");
  s.hoso_json = args.Value("--hoso-json").value_or("");
  s.lang = args.Value("--lang").value_or("vie");
  s.tesseract_mode = args.Value("--tesseract").value_or("on");
  s.ocrmypdf_mode = args.Value("--ocrmypdf").value_or("auto");
  s.as_of = args.Value("--as-of").value_or("2026-01-01");
  s.cache = args.Value("--cache").value_or("");
  s.jobs = args.Int("--jobs", 2);
  s.worst_n = args.Int("--worst", 12);
  s.keep_work = args.Flag("--keep-work");
  s.truth_text = args.Flag("--truth-text");
  s.per_file = args.Flag("--per-file");
  s.truth_dirs = args.Values("--truth-dir");
  if (auto exit = hoso::cli::HelpOrUsageError(args, "evaluate", kHelp)) return *exit;
  if (!s.truth_dirs.empty() && !s.truth_text)
    return hoso::cli::UsageError("evaluate", "--truth-dir goes with --truth-text");
  if (s.set.empty() || s.jobs < 1) {
    std::cerr << kHelp;
    return 2;
  }
  if (s.report.empty()) s.report = (fs::path(s.set) / "report").string();
  fs::create_directories(fs::path(s.report) / "img");
  s.work = fs::path(s.report) / "work";
  fs::remove_all(s.work);
  fs::create_directories(s.work);

  std::vector<TruthDossier> truth;
  if (hoso::Status st = LoadTruth(s, &truth); !st.ok()) {
    std::cerr << "evaluate: " << st.message() << "\n";
    return 2;
  }
  int total_pages = 0;
  for (const auto& t : truth) total_pages += static_cast<int>(t.pages.size());
  std::cerr << "evaluate: " << truth.size() << " dossiers, " << total_pages << " pages\n";

  Engines engines;
  std::map<std::string, hoso::DossierRecord> records;
  if (s.hoso_bin != "none") {
    if (hoso::Status st = RunHoso(s, truth, &engines.hoso, &records); !st.ok()) {
      std::cerr << "evaluate: " << st.message() << "\n";
      return 3;
    }
  }
  const auto file_sha = FileHashes(s, truth);
  PageImages page_images;
  if (s.tesseract_mode != "off" && HaveCommand("tesseract")) {
    page_images = WritePageImages(s, truth);
    engines.tesseract = RunTesseract(s, page_images, file_sha);
  }
  if (s.ocrmypdf_mode == "on" || (s.ocrmypdf_mode == "auto" && HaveCommand("ocrmypdf")))
    engines.ocrmypdf = RunOcrmypdf(s, truth, file_sha);

  if (!engines.hoso.ran) {
    PrintTextScores(truth, engines);
    if (s.truth_text) PrintPerFile(truth, engines);
  } else {
    Report(s, truth, engines, records, page_images);
  }
  if (!s.keep_work) fs::remove_all(s.work);
  return 0;
}
