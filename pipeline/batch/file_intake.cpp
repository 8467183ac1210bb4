#include "batch/file_intake.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "batch/separator.h"
#include "extract/official.h"
#include "core/log.h"
#include "core/say.h"

namespace hoso {
namespace fs = std::filesystem;
namespace {

DossierRecord Rejected(DossierRecord r, const Status& s) {
  r.status = DossierStatus::kRejected;
  r.error = ErrorInfo{s.code_name(), s.message()};
  r.pages.clear();
  r.fields.clear();
  r.address.reset();
  return r;
}

void RemoveOutputs(const std::string& base) {
  std::error_code ec;
  for (const char* ext : {".pdf", ".hocr", ".xml"}) fs::remove(base + ext, ec);
}

// Fields, address verdict, checks and status for the pages read.
DossierRecord Conclude(DossierRecord record, const std::vector<OcrPage>& ocr_pages, const BatchOptions& options) {
  DossierDraft draft = Extract(ocr_pages, options.extract);
  record.doc_type = draft.doc_type;
  record.doc_date = draft.doc_date;
  record.fields = std::move(draft.fields);
  record.other = std::move(draft.other);
  record.flags = std::move(draft.flags);
  if (options.gazetteer) {
    // Unit names as the gazetteer spells them, where OCR only slipped.
    if (auto it = record.fields.find("permanent_address"); it != record.fields.end())
      it->second.value = SpellAddress(it->second.value, *options.gazetteer);
    AddressOptions address = options.address;
    address.doc_date = record.doc_date.value_or("");
    record.address = CheckDossierAddress(record.fields, *options.gazetteer, address);
  }
  for (auto& f : Validate(record, options.validate)) record.flags.push_back(std::move(f));
  record.status = Decide(record.flags, options.validate);
  return record;
}

PageRecord PageOf(int index, const CleanPage& clean, const OcrPage& ocr) {
  PageRecord p;
  p.index = index;
  p.width = clean.gray.cols;
  p.height = clean.gray.rows;
  p.dpi = clean.dpi;
  p.dpi_source = clean.dpi_estimated ? "estimated" : "file";
  p.file_dpi = clean.file_dpi;
  p.perspective_corrected = clean.perspective_corrected;
  p.rotation = clean.rotation;
  p.skew_deg = clean.skew_deg;
  p.blank = clean.blank;
  p.ocr_confidence = ocr.mean_confidence;
  p.text = ocr.text;
  return p;
}

// A page called blank is not read: keep a picture of it as it came, small,
// so a person can see what was skipped. Failing to write it loses nothing.
void KeepBlankPicture(const cv::Mat& image, const DossierRecord& record, int page, const BatchOptions& options) {
  if (options.blank_dir.empty() || image.empty()) return;
  constexpr int kLongSide = 360;
  const double f = std::min(1.0, static_cast<double>(kLongSide) / std::max(image.cols, image.rows));
  cv::Mat small;
  cv::resize(image, small, cv::Size(), f, f, cv::INTER_AREA);
  if (small.depth() != CV_8U) small.convertTo(small, CV_8U);
  const std::string path = (fs::path(options.blank_dir) / BlankPagePicture(record, page)).string();
  std::error_code ec;
  fs::create_directories(options.blank_dir, ec);  // only when there is a blank page
  try {
    if (!cv::imwrite(path, small, {cv::IMWRITE_JPEG_QUALITY, 80}))
      Log(LogLevel::kWarning, "cannot write the blank page's picture " + path);
  } catch (const cv::Exception&) { Log(LogLevel::kWarning, "cannot write the blank page's picture " + path); }
}

DebugSink DebugFor(const BatchOptions& options, const std::string& source, int page) {
  if (options.debug_dir.empty()) return {};
  return DebugFileSink((fs::path(options.debug_dir) / fs::path(source).stem()).string() + "-p" +
                       std::to_string(page + 1) + "-");
}

// Registers one record; what the registry holds afterwards.
DossierRecord RegisterOne(DossierRecord record, Registry& registry, const BatchOptions& options) {
  if (record.sha256.empty()) return record;
  record.intake_point = options.intake_point;
  auto outcome = registry.Register(record, options.reprocess, options.validate.english);
  if (!outcome.ok()) {
    Log(LogLevel::kError, outcome.status().ToString());
    return Rejected(record, outcome.status());
  }
  if (outcome->duplicate) {
    // Registered meanwhile by another worker (the same file twice in a batch).
    const std::string shown = record.source;
    auto registered = registry.Load(outcome->dossier_id);
    if (registered.ok()) record = std::move(registered).value();
    record.source = shown;
    record.flags.push_back({"DUPLICATE", Severity::kInfo, "",
                            Say{options.validate.english}("already registered as dossier ", "đã đăng ký là hồ sơ ") +
                                std::to_string(outcome->dossier_id)});
  } else if (options.reprocess) {
    // As stored: a person's corrections stood.
    const std::string shown = record.source;
    if (auto stored = registry.Load(outcome->dossier_id); stored.ok()) {
      record = std::move(stored).value();
      record.source = shown;
    }
  } else {
    record.dossier_id = outcome->dossier_id;
    record.flags.insert(record.flags.end(), outcome->added_flags.begin(), outcome->added_flags.end());
  }
  return record;
}

// What was done, with the person masked (logs never carry names or IDs).
void LogOutcome(const DossierRecord& r) {
  std::string line = fs::path(r.source).filename().string() + ": " + DossierStatusName(r.status) + ", " +
                     std::to_string(r.pages.size()) + " pages, " + (r.doc_type.empty() ? "?" : r.doc_type);
  for (const char* key : {"full_name", "id_number"})
    if (auto it = r.fields.find(key); it != r.fields.end())
      line += std::string(", ") + key + " " + Mask(it->second.value);
  for (const auto& f : r.flags) line += " [" + f.code + "]";
  if (r.error) line += " " + r.error->code;
  Log(LogLevel::kInfo, line);
}

}  // namespace

FileIntake::FileIntake(std::string source, std::string out_base, Registry& registry, const BatchOptions& options,
                       OcrEngine& engine)
    : source_(std::move(source)),
      out_base_(std::move(out_base)),
      options_(options),
      opened_(std::chrono::steady_clock::now()) {
  base_.source = source_;
  Status opened;
  try {
    opened = Open(registry, engine);
  } catch (const std::exception& e) {
    // A bug or a decoder failure we did not foresee: this file is rejected
    // with the reason, the batch goes on.
    opened = Status::Error(ErrorCode::kInternal, e.what());
  }
  if (!opened.ok()) {
    base_ = Rejected(std::move(base_), opened);
    ready_ = true;
  }
}

Status FileIntake::Open(Registry& registry, OcrEngine& engine) {
  auto bytes = ReadInputFile(source_, options_.ingest);
  if (!bytes.ok()) return bytes.status();
  base_.sha256 = Sha256Hex(*bytes);
  // A file already registered is reported, not read again (a batch started
  // again after a crash goes straight to where it stopped). A stack's
  // pieces are registered under their own hashes: it is read again, and
  // each piece found registered.
  if (!options_.reprocess && options_.split == SplitMode::kNone) {
    auto existing = registry.FindBySha256(base_.sha256);
    if (existing.ok() && existing->has_value()) {
      base_ = std::move(**existing);
      base_.source = source_;
      base_.flags.push_back({"DUPLICATE", Severity::kInfo, "",
                             Say{options_.validate.english}("already registered as dossier ", "đã đăng ký là hồ sơ ") +
                                 std::to_string(base_.dossier_id)});
      ready_ = true;
      return Status::Ok();
    }
  }
  auto doc = OpenDocument(std::move(bytes).value(), options_.ingest);
  if (!doc.ok()) return doc.status();
  if ((*doc)->page_count() < 1) return Status::Error(ErrorCode::kInputUnreadable, "the file holds no page");
  if (!out_base_.empty()) {
    auto outputs = engine.BeginOutputs(out_base_, fs::path(source_).filename().string(), options_.outputs);
    if (!outputs.ok()) return outputs.status();
    outputs_ = std::move(outputs).value();
  }
  doc_ = std::move(doc).value();
  page_count_ = doc_->page_count();
  outcomes_.resize(page_count_);
  return Status::Ok();
}

FileIntake::~FileIntake() {
  if (outputs_) {  // never finished: the files are not kept half-written
    outputs_->Abandon();
    outputs_.reset();
    RemoveOutputs(out_base_);
  }
}

void FileIntake::FailLocked(Status status, int page) {
  if (!failure_ || page < failure_->first) failure_.emplace(page, std::move(status));
  if (outputs_) outputs_->Abandon();  // pages waiting for their turn in the outputs go on
}

bool FileIntake::FinishDueLocked() {
  const bool all_taken = ready_ || failure_ || next_ >= page_count_;
  if (!all_taken || in_hand_ > 0 || finish_told_) return false;
  finish_told_ = true;
  return true;
}

FileIntake::Step FileIntake::Take() {
  std::lock_guard<std::mutex> lock(mutex_);
  // Between two pages: the first is always read.
  if (!ready_ && !failure_ && next_ > 0 && next_ < page_count_ && options_.file_seconds > 0 &&
      std::chrono::steady_clock::now() - opened_ > std::chrono::duration<double>(options_.file_seconds)) {
    char limit[32];
    std::snprintf(limit, sizeof limit, "%g", options_.file_seconds);
    FailLocked(Status::Error(ErrorCode::kOcrTimeout, std::string("the file was not read within ") + limit +
                                                         " s (stopped before page " + std::to_string(next_ + 1) +
                                                         " of " + std::to_string(page_count_) + ")"),
               next_);
  }
  if (!ready_ && !failure_ && next_ < page_count_) {
    ++in_hand_;
    return {next_++, false};
  }
  return {-1, FinishDueLocked()};
}

bool FileIntake::HasPagesLeft() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return !ready_ && !failure_ && next_ < page_count_;
}

FileIntake::PageOutcome FileIntake::Read(int page, OcrEngine& engine) {
  PageOutcome out;
  Result<SourcePage> scan = [&] {
    std::lock_guard<std::mutex> lock(doc_mutex_);
    return doc_->LoadPage(page);
  }();
  if (!scan.ok()) {
    out.status = scan.status();
    return out;
  }
  if (options_.split == SplitMode::kSeparator && IsSeparatorSheet(scan->image, scan->dpi)) {
    out.cut = true;
    return out;
  }
  auto clean = Clean(*scan, options_.cleanup, &engine, DebugFor(options_, source_, page));
  if (!clean.ok()) {
    out.status = clean.status();
    return out;
  }
  if (options_.split == SplitMode::kBlank && clean->blank) {
    out.cut = true;
    return out;
  }
  auto ocr =
      engine.ReadPage(clean->gray, clean->dpi, clean->blank, options_.check_upside_down_below, {outputs_.get(), page});
  if (!ocr.ok()) {
    out.status = ocr.status();
    return out;
  }
  if (ocr->turned_over) clean->rotation = (clean->rotation + 180) % 360;
  if (clean->blank && options_.split == SplitMode::kNone) KeepBlankPicture(scan->image, base_, page, options_);
  out.page = PageOf(page, *clean, *ocr);
  out.ocr = std::move(ocr).value();
  return out;
}

FileIntake::Done FileIntake::ReadPage(int page, OcrEngine& engine) {
  PageOutcome outcome;
  try {
    outcome = Read(page, engine);
  } catch (const std::exception& e) { outcome.status = Status::Error(ErrorCode::kInternal, e.what()); }
  std::lock_guard<std::mutex> lock(mutex_);
  --in_hand_;
  const bool read = outcome.status.ok() && !outcome.cut;
  if (read) ++pages_read_;
  // A page that cannot be read fails a dossier; in a stack, only that page.
  if (!outcome.status.ok() && options_.split == SplitMode::kNone) FailLocked(outcome.status, page);
  if (!failure_) outcomes_[page] = std::move(outcome);
  return {read, FinishDueLocked()};
}

FileIntake::Done FileIntake::GiveUp(int page, Status why) {
  std::lock_guard<std::mutex> lock(mutex_);
  --in_hand_;
  FailLocked(std::move(why), page);
  return {false, FinishDueLocked()};
}

std::vector<DossierRecord> FileIntake::Assemble() {
  if (failure_) {
    if (outputs_) {
      outputs_->Abandon();
      outputs_.reset();
      RemoveOutputs(out_base_);
    }
    return {Rejected(base_, failure_->second)};
  }
  if (outputs_) {
    Status s = outputs_->End();
    outputs_.reset();
    if (!s.ok()) {
      RemoveOutputs(out_base_);
      return {Rejected(base_, s)};
    }
  }
  DossierRecord record = base_;
  std::vector<OcrPage> ocr_pages;
  for (auto& outcome : outcomes_) {
    record.pages.push_back(std::move(outcome->page));
    ocr_pages.push_back(std::move(outcome->ocr));
  }
  outcomes_.clear();
  return {Conclude(std::move(record), ocr_pages, options_)};
}

// A stack of dossiers in one file, cut at separator sheets or blank pages,
// or before each official document's first page.
// Each piece is a dossier of its own: source FILE#pages=A-B (pages counted
// from 1 in the file), and a hash of the file's hash and that range, so
// that a stack read again registers each piece once. A page that could not
// be read is a rejected record of its own (FILE#page=N).
std::vector<DossierRecord> FileIntake::AssembleStack() {
  if (failure_) return {Rejected(base_, failure_->second)};
  std::vector<DossierRecord> out;
  DossierRecord current;
  std::vector<OcrPage> ocr_pages;
  int first = -1, last = -1;
  auto close = [&] {
    if (first < 0) return;
    const std::string range = std::to_string(first + 1) + "-" + std::to_string(last + 1);
    current.source = source_ + "#pages=" + range;
    current.sha256 = Sha256Hex(base_.sha256 + ":pages=" + range);
    out.push_back(Conclude(std::move(current), ocr_pages, options_));
    current = DossierRecord();
    ocr_pages.clear();
    first = last = -1;
  };
  for (int i = 0; i < page_count_; ++i) {
    PageOutcome& outcome = *outcomes_[i];
    if (!outcome.status.ok()) {
      DossierRecord r;
      r.source = source_ + "#page=" + std::to_string(i + 1);
      r.sha256 = Sha256Hex(base_.sha256 + ":page=" + std::to_string(i + 1));
      out.push_back(Rejected(std::move(r), outcome.status));
      continue;
    }
    if (outcome.cut) {
      close();
      continue;
    }
    // An official document's first page begins a piece (its header read
    // again here: cheap beside the page's OCR).
    if (options_.split == SplitMode::kDocuments && first >= 0 && ReadOfficialHeader(outcome.ocr)) close();
    if (first < 0) first = i;
    last = i;
    outcome.page.index = static_cast<int>(current.pages.size());
    current.pages.push_back(std::move(outcome.page));
    ocr_pages.push_back(std::move(outcome.ocr));
  }
  close();
  outcomes_.clear();
  if (out.empty())
    out.push_back(Rejected(
        base_, Status::Error(ErrorCode::kInvalidArgument, "no dossier in the file: every page is a separator")));
  return out;
}

std::vector<DossierRecord> FileIntake::Finish(Registry& registry) {
  std::vector<DossierRecord> records;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const bool duplicate = ready_ && base_.HasFlag("DUPLICATE");
    if (duplicate) return {base_};  // registered before: reported as it stands
    try {
      records = ready_                               ? std::vector<DossierRecord>{base_}
                : options_.split == SplitMode::kNone ? Assemble()
                                                     : AssembleStack();
    } catch (const std::exception& e) { records = {Rejected(base_, Status::Error(ErrorCode::kInternal, e.what()))}; }
    doc_.reset();
  }
  for (auto& r : records) {
    r = RegisterOne(std::move(r), registry, options_);
    LogOutcome(r);
  }
  return records;
}

int FileIntake::pages_read() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pages_read_;
}

double FileIntake::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - opened_).count();
}

}  // namespace hoso
