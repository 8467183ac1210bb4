#include "process_command.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "args.h"
#include "batch/batch.h"
#include "core/log.h"
#include "core/record_json.h"
#include "exit_codes.h"

namespace hoso::cli {

const char* const kProcessHelp =
    "Usage: hoso process [OPTIONS] INPUT...\n"
    "\n"
    "Reads each INPUT as one dossier (PDF, multi-page TIFF, JPEG or PNG; a\n"
    "directory means every such file under it), cleans and OCRs its pages,\n"
    "extracts and checks its fields, and registers it — or sends it to review.\n"
    "A file registered before is not registered twice: its record is reported\n"
    "again with the flag DUPLICATE.\n"
    "\n"
    "Options:\n"
    "  --db URI          registry: PATH or sqlite:PATH (default ./hoso.db)\n"
    "  --jobs N          dossiers processed at once (default: number of cores)\n"
    "  --json PATH|-     write one JSON record per dossier (JSON Lines); - is stdout\n"
    "  --out DIR         write DIR/NAME.pdf (searchable), NAME.hocr, NAME.xml (ALTO)\n"
    "  --as-of DATE      check addresses as of DATE (YYYY-MM-DD; default today)\n"
    "  --register-address-flags\n"
    "                    register dossiers whose only problems are address flags\n"
    "                    (outdated, ambiguous, unknown) with those flags, instead of\n"
    "                    sending them to review (archive digitisation)\n"
    "  --lang LANGS      Tesseract languages (default vie+eng)\n"
    "  --debug-images DIR  write every cleanup step's image (NAME-pN-STEP.png)\n"
    "  --no-orientation  leave pages turned as scanned\n"
    "  --cleanup-off STEPS  comma-separated cleanup steps to skip: orientation,\n"
    "                    deskew, despeckle, leaders, illumination, colour, solid\n"
    "  --max-pages N     refuse files with more pages (default 1000)\n"
    "  --quiet           no per-dossier lines or progress\n"
    "  --verbose         log what each stage does\n"
    "  -h, --help        this help\n"
    "\n"
    "Limits: files over 512 MiB, pages over 150 megapixels or 30000 pixels a\n"
    "side, and files with more than --max-pages pages are rejected\n"
    "(INPUT_TOO_LARGE, INPUT_TOO_MANY_PAGES) before they are decoded.\n"
    "\n";

namespace {

std::string FirstLines(const DossierRecord& r, size_t max_chars) {
  for (const auto& p : r.pages) {
    if (p.blank) continue;
    std::istringstream in(p.text);
    std::string line, out;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      if (!out.empty()) out += " / ";
      out += line;
      if (out.size() >= max_chars) break;
    }
    if (out.size() > max_chars) {
      size_t cut = max_chars;
      while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
      out = out.substr(0, cut) + "…";
    }
    return out;
  }
  return {};
}

std::string HumanLine(const DossierRecord& r) {
  std::ostringstream o;
  char status[16];
  std::snprintf(status, sizeof status, "%-12s", DossierStatusName(r.status));
  o << status << ' ' << r.source;
  if (r.status == DossierStatus::kRejected && r.error) {
    o << "  " << r.error->code << ": " << r.error->message;
    return o.str();
  }
  int blank = 0;
  for (const auto& p : r.pages) blank += p.blank;
  o << "  #" << r.dossier_id << "  " << r.pages.size() << (r.pages.size() == 1 ? " page" : " pages");
  if (blank) o << " (" << blank << " blank)";
  if (!r.doc_type.empty()) o << "  " << r.doc_type;
  if (r.doc_date) o << "  dated " << *r.doc_date;
  for (const auto& f : r.flags) o << "  [" << f.code << "]";
  const std::string text = FirstLines(r, 70);
  if (!text.empty()) o << "\n             “" << text << "”";
  return o.str();
}

std::string Duration(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

int RunProcess(const std::vector<std::string>& argv) {
  Args args(argv, {"--db", "--jobs", "--json", "--out", "--as-of", "--lang", "--max-pages", "--debug-images",
             "--cleanup-off"},
            {"--quiet", "--verbose", "--help", "-h", "--no-orientation", "--register-address-flags"});
  if (args.Flag("--help") || args.Flag("-h")) {
    std::cout << kProcessHelp << kExitCodeTable;
    return kExitOk;
  }
  auto usage = [](const std::string& msg) {
    std::cerr << "hoso process: " << msg << "\n(see hoso process --help)\n";
    return kExitUsage;
  };
  if (!args.ok()) return usage(args.error());
  if (args.positional().empty()) return usage("no INPUT given");

  BatchOptions options;
  if (auto jobs = args.Value("--jobs")) {
    try {
      options.jobs = std::stoi(*jobs);
    } catch (...) {
      options.jobs = -1;
    }
    if (options.jobs < 1) return usage("--jobs must be a whole number from 1");
  }
  {
    auto gazetteer = Gazetteer::Load(Gazetteer::DefaultDir());
    if (!gazetteer.ok()) {
      std::cerr << "hoso process: " << gazetteer.status().ToString() << "\n";
      return kExitFatal;
    }
    options.gazetteer = std::move(gazetteer).value();
    auto templates = Templates::Load(Templates::DefaultDir());
    if (!templates.ok()) {
      std::cerr << "hoso process: " << templates.status().ToString() << "\n";
      return kExitFatal;
    }
    options.extract.templates = std::move(templates).value();
    auto names = NameList::Load(NameList::DefaultDir());
    if (!names.ok()) {
      std::cerr << "hoso process: " << names.status().ToString() << "\n";
      return kExitFatal;
    }
    options.extract.names = std::make_shared<NameList>(std::move(names).value());
  }
  options.validate.address_flags_need_review = !args.Flag("--register-address-flags");
  if (auto as_of = args.Value("--as-of")) {
    if (!IsIsoDate(*as_of)) return usage("--as-of must be a date YYYY-MM-DD");
    options.address.as_of = *as_of;
  }
  if (auto lang = args.Value("--lang")) options.ocr.languages = *lang;
  if (auto max_pages = args.Value("--max-pages")) {
    try {
      options.ingest.max_pages = std::stoi(*max_pages);
    } catch (...) {
      return usage("--max-pages must be a whole number");
    }
  }
  if (auto out = args.Value("--out")) options.out_dir = *out;
  if (auto dir = args.Value("--debug-images")) options.debug_dir = *dir;
  if (args.Flag("--no-orientation")) options.cleanup.orientation.enabled = false;
  if (auto off = args.Value("--cleanup-off")) {
    std::stringstream steps(*off);
    for (std::string step; std::getline(steps, step, ',');) {
      auto& c = options.cleanup;
      if (step == "orientation") c.orientation.enabled = false;
      else if (step == "deskew") c.deskew.enabled = false;
      else if (step == "despeckle") c.despeckle.enabled = false;
      else if (step == "leaders") c.leaders.enabled = false;
      else if (step == "illumination") c.illumination.enabled = false;
      else if (step == "colour") c.colour_ink.enabled = false;
      else if (step == "solid") c.solid_regions.enabled = false;
      else return usage("--cleanup-off: unknown step '" + step + "'");
    }
  }
  if (Status s = options.Validate(); !s.ok()) return usage(s.message());
  const bool quiet = args.Flag("--quiet");
  if (args.Flag("--verbose")) SetLogLevel(LogLevel::kInfo);

  const std::string db = args.Value("--db").value_or("hoso.db");
  auto registry = Registry::Open(db);
  if (!registry.ok()) {
    std::cerr << "hoso process: " << registry.status().message() << "\n";
    return kExitFatal;
  }

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

  const auto inputs = ExpandInputs(args.positional());
  if (inputs.empty()) {
    std::cerr << "hoso process: no supported files (.pdf .tif .tiff .jpg .jpeg .png) in the inputs\n";
    return kExitUsage;
  }

  bool progress_shown = false;
  BatchObserver observer;
  observer.on_record = [&](const DossierRecord& r) {
    if (json) {
      *json << RecordToJson(r) << '\n';
      json->flush();
    }
    if (human) {
      if (progress_shown) std::cerr << "\r\033[K";
      *human << HumanLine(r) << std::endl;
      progress_shown = false;
    }
  };
  observer.on_progress = [&](const Progress& p) {
    if (!tty) return;
    const double rate = p.elapsed_seconds > 0 ? p.pages_done / p.elapsed_seconds : 0;
    const double per_dossier = p.dossiers_done ? p.elapsed_seconds / p.dossiers_done : 0;
    char line[160];
    std::snprintf(line, sizeof line, "\r\033[K%d/%d dossiers  %d pages  %.2f pages/s  ETA %s",
                  p.dossiers_done, p.dossiers_total, p.pages_done, rate,
                  Duration(per_dossier * (p.dossiers_total - p.dossiers_done)).c_str());
    std::cerr << line << std::flush;
    progress_shown = true;
  };
  if (tty) {
    std::cerr << "0/" << inputs.size() << " dossiers  starting " << (options.jobs ? options.jobs : 0)
              << " OCR workers…" << std::flush;
    progress_shown = true;
  }

  auto summary = RunBatch(inputs, **registry, options, observer);
  if (progress_shown) std::cerr << "\r\033[K";
  if (!summary.ok()) {
    std::cerr << "hoso process: " << summary.status().message() << "\n";
    return kExitFatal;
  }
  if (!quiet) {
    const auto& s = *summary;
    char line[256];
    std::snprintf(line, sizeof line,
                  "%zu dossiers: %d registered, %d needs review, %d rejected (%d already known); "
                  "%d pages in %.1f s (%.2f pages/s); registry %s\n",
                  inputs.size(), s.registered, s.needs_review, s.rejected, s.duplicates, s.pages,
                  s.elapsed_seconds, s.elapsed_seconds > 0 ? s.pages / s.elapsed_seconds : 0.0, db.c_str());
    std::cerr << line;
  }
  return summary->rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace hoso::cli
