// The orchestrator: runs dossiers through every stage with pages as the
// unit of work (batch/file_intake.h): N workers, each with its own OCR
// engine, read N pages at once, from one thick file or from many; each file
// is put together and registered after its last page, and its records go to
// an observer (the CLI prints and writes JSON Lines). Stages know nothing of
// threads or databases; this folder is the only place that does.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "address/address.h"
#include "cleanup/cleanup.h"
#include "core/record.h"
#include "core/status.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "ocr/engine.h"
#include "registry/registry.h"
#include "validate/validate.h"

namespace hoso {

// How a file becomes dossiers: whole, or cut at separator sheets (see
// batch/separator.h), at blank pages, or before each page that opens an
// official document with its header (extract/official.h: an archive box
// of letters and decisions scanned as one file).
enum class SplitMode { kNone, kSeparator, kBlank, kDocuments };

struct BatchOptions {
  // Worker threads (pages read at once, from one file or several); 0 means
  // one per core.
  int jobs = 0;
  // When set, a searchable PDF, hOCR and ALTO XML per dossier go here,
  // named after the input file.
  std::string out_dir;
  OcrOutputs outputs;
  // When set, every intermediate cleanup image goes here as
  // NAME-pPAGE-STEP.png, for a person to look at.
  std::string debug_dir;
  // When set, a small picture of every page called blank (and so not read)
  // goes here, named by BlankPagePicture, for the batch report to show.
  std::string blank_dir;
  IngestOptions ingest;
  CleanupOptions cleanup;
  OcrOptions ocr;
  // A page OCR reads with a mean confidence below this is read again turned
  // over (the cleanup's way up can be wrong on heavily damaged pages, and is
  // left as it came when unsure; an upside-down page reads near 0.6, a
  // damaged upright one above 0.85).
  double check_upside_down_below = 0.80;
  ExtractOptions extract;
  AddressOptions address;
  // Checks the address field against it; without one, no address verdict.
  std::shared_ptr<const Gazetteer> gazetteer;
  ValidateOptions validate;
  // A file not read in this many seconds is given up between two pages
  // (OCR_TIMEOUT); 0: no limit. Each page is bounded by ocr.page_seconds.
  double file_seconds = 1800;
  // The service point the dossiers were taken in at (recorded with each;
  // the review queue filters by it). Empty: none named.
  std::string intake_point;
  // Read again files registered before, replacing their records (same id);
  // fields a person corrected are kept.
  bool reprocess = false;
  // Stacks: each piece is a dossier (FILE#pages=A-B). Not with out_dir.
  SplitMode split = SplitMode::kNone;
  // When set (e.g. by SIGTERM), no new input is started; those in hand finish.
  const std::atomic<bool>* stop = nullptr;
  Status Validate() const;
};

// Command-line inputs to the list of files to process: a directory means
// every supported file under it (sorted); a file is taken whatever its name;
// a missing path stays in the list and is rejected as INPUT_NOT_FOUND.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& args);

struct Progress {
  int dossiers_done = 0;
  int dossiers_total = 0;
  int pages_done = 0;
  // Files opened so far, and their pages: what the time left is judged by
  // (a thick file is known by its pages long before its dossier is done).
  int files_opened = 0;
  int pages_opened = 0;
  double elapsed_seconds = 0;
  // Seconds left at the pace so far, the files not yet opened taken as long
  // as those opened; 0 before the first page is read.
  double SecondsLeft() const;
};

struct BatchSummary {
  int registered = 0;
  int needs_review = 0;
  int rejected = 0;
  int duplicates = 0;
  int pages = 0;
  double elapsed_seconds = 0;
  // Counts one record by its status; a file already registered (flag
  // DUPLICATE) only as a duplicate.
  void Count(const DossierRecord& record);
};

// Called from worker threads, one call at a time (the batch serialises them).
struct BatchObserver {
  std::function<void(const DossierRecord&)> on_record;
  // The same moment, with the wall time the dossier took and its pages read.
  std::function<void(const DossierRecord&, double seconds, int pages)> on_timed;
  // After the last record of an input file (its records all committed).
  std::function<void(const std::string& source, const std::vector<DossierRecord>&)> on_file;
  std::function<void(const Progress&)> on_progress;
};

// The file name, within BatchOptions::blank_dir, of the picture of page
// `page` (from 0) of a dossier: its file's name, the start of its hash (two
// files of one name in different folders do not meet) and the page number.
std::string BlankPagePicture(const DossierRecord& record, int page);

// Where a batch's inputs come from while it runs: a fixed list, or a feed
// that finds more as it goes (a watched folder), so that a file dropped
// while a thick one is being read shares the workers with it at once. The
// batch calls it from one thread at a time.
class InputFeed {
 public:
  virtual ~InputFeed() = default;
  // The next input to start, if one is ready now.
  virtual std::optional<std::string> Next() = 0;
  // True once no input will come any more.
  virtual bool Ended() = 0;
  // Inputs given so far and still to give, as far as known (the progress
  // line's total).
  virtual int Known() const = 0;
};

// RunBatch over a feed: each input is started as it comes, and the batch
// returns once the feed has ended and every input started is done.
Result<BatchSummary> RunFeed(InputFeed& feed, Registry& registry, const BatchOptions& options,
                             const BatchObserver& observer);

// Runs every input to a record. Files are started in order, at most `jobs`
// at once with pages still to read, and their pages read in turn: a thick
// file uses every worker when it is alone and shares them with the files
// behind it. Fails only when an OCR engine cannot start; a bad input is a
// rejected record, never an error of the batch.
Result<BatchSummary> RunBatch(const std::vector<std::string>& inputs, Registry& registry, const BatchOptions& options,
                              const BatchObserver& observer);

// One input file to its records (several when a stack is split), its pages
// read one after another with `engine`: read, looked up (a file registered
// before is reported with DUPLICATE, not read again), processed and
// registered. Never fails: a bad input is a rejected record. Adds the pages
// it read.
std::vector<DossierRecord> Intake(const std::string& source, const std::string& out_base, OcrEngine& engine,
                                  Registry& registry, const BatchOptions& options, int* pages);

}  // namespace hoso
