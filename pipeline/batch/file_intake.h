// One input file on its way to the registry, with pages as the unit of
// work: opened (read, hashed, looked up, its pages counted), its pages
// cleaned and read in any order by any number of workers at once, each with
// its own OCR engine, then put together in page order as its dossiers (one,
// or one per piece of a split stack) and registered, each in one
// transaction. Pages are decoded only when they are read, so a file of any
// length holds its bytes, the pages in hand and, per page read, its text
// and words until the file is done.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "batch/batch.h"

namespace hoso {

class FileIntake {
 public:
  // Reads and checks the file (never fails: a file that cannot be read, or
  // was registered before, has no pages to read and its record is ready).
  // `engine` opens the searchable outputs when `out_base` is set.
  FileIntake(std::string source, std::string out_base, Registry& registry, const BatchOptions& options,
             OcrEngine& engine);
  ~FileIntake();
  FileIntake(const FileIntake&) = delete;
  FileIntake& operator=(const FileIntake&) = delete;

  const std::string& source() const { return source_; }
  // Its pages (0 when there is nothing to read).
  int page_count() const { return page_count_; }

  // What a worker does next with this file: read page `page`; or, when
  // `finish`, put the file together (exactly one caller is told so, once
  // every page taken is read or the file has failed); or neither (every page
  // is taken, some still in other hands).
  struct Step {
    int page = -1;
    bool finish = false;
  };
  // The next page, in page order. A file whose time is up is given up here,
  // before its next page (OCR_TIMEOUT).
  Step Take();
  // False once every page is taken (or the file has failed).
  bool HasPagesLeft() const;

  // Decodes, cleans and reads page `page` (from Take) with `engine`; pages
  // of one file may be read on several threads at once. `finish` as in Take;
  // `read` when the page went through OCR (the pages a batch counts).
  struct Done {
    bool read = false;
    bool finish = false;
  };
  Done ReadPage(int page, OcrEngine& engine);
  // Page `page` (from Take) will not be read: the file fails with `why`.
  Done GiveUp(int page, Status why);

  // The file's dossiers, registered, in page order. Once, by the caller
  // told to finish (or at once when nothing was to be read: Take says so).
  std::vector<DossierRecord> Finish(Registry& registry);

  int pages_read() const;
  // Wall time from opening to now.
  double seconds() const;

 private:
  // One page's outcome, kept until the file is put together.
  struct PageOutcome {
    Status status;     // not ok: the page could not be read
    bool cut = false;  // a separator sheet or (split blank) a blank page
    PageRecord page;
    OcrPage ocr;
  };
  Status Open(Registry& registry, OcrEngine& engine);
  PageOutcome Read(int page, OcrEngine& engine);
  void FailLocked(Status status, int page);
  bool FinishDueLocked();
  std::vector<DossierRecord> Assemble();
  std::vector<DossierRecord> AssembleStack();

  const std::string source_, out_base_;
  const BatchOptions& options_;
  const std::chrono::steady_clock::time_point opened_;
  DossierRecord base_;  // source and hash; the rejection or duplicate when `ready_`
  bool ready_ = false;  // nothing to read: base_ is the record
  std::unique_ptr<Document> doc_;
  std::mutex doc_mutex_;  // a Document decodes one page at a time
  std::unique_ptr<OcrDocumentOutputs> outputs_;

  mutable std::mutex mutex_;
  int page_count_ = 0;
  int next_ = 0;     // the next page to take
  int in_hand_ = 0;  // taken, not yet read
  int pages_read_ = 0;
  bool finish_told_ = false;
  std::optional<std::pair<int, Status>> failure_;  // the first page (in page order) that failed, and why
  std::vector<std::optional<PageOutcome>> outcomes_;
};

}  // namespace hoso
