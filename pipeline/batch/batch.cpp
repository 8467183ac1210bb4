#include "batch/batch.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "batch/separator.h"
#include "core/log.h"

namespace hoso {
namespace fs = std::filesystem;

Status BatchOptions::Validate() const {
  if (jobs < 0 || jobs > 256) return Status::Error(ErrorCode::kInvalidArgument, "--jobs must be 1..256");
  if (file_seconds < 0) return Status::Error(ErrorCode::kInvalidArgument, "--file-seconds must be 0 or more");
  for (Status s : {ingest.Validate(), cleanup.Validate(), ocr.Validate()})
    if (!s.ok()) return s;
  if (split != SplitMode::kNone && !out_dir.empty())
    return Status::Error(ErrorCode::kInvalidArgument, "searchable outputs (--out) are not written for split stacks");
  return Status::Ok();
}

void BatchSummary::Count(const DossierRecord& record) {
  switch (record.status) {
    case DossierStatus::kRegistered: ++registered; break;
    case DossierStatus::kNeedsReview: ++needs_review; break;
    case DossierStatus::kRejected: ++rejected; break;
  }
  if (record.HasFlag("DUPLICATE")) ++duplicates;
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const auto& arg : args) {
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(arg, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && HasSupportedExtension(name)) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(arg);
    }
  }
  return out;
}

namespace {

DossierRecord Rejected(DossierRecord r, const Status& s) {
  r.status = DossierStatus::kRejected;
  r.error = ErrorInfo{s.code_name(), s.message()};
  r.pages.clear();
  r.fields.clear();
  r.address.reset();
  return r;
}

// Output base names: the input's stem, made unique within the batch.
std::vector<std::string> OutputBases(const std::vector<std::string>& inputs, const std::string& out_dir) {
  std::vector<std::string> bases(inputs.size());
  if (out_dir.empty()) return bases;
  std::map<std::string, int> seen;
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string stem = fs::path(inputs[i]).stem().string();
    if (stem.empty()) stem = "dossier";
    const int n = seen[stem]++;
    if (n > 0) stem += "-" + std::to_string(n + 1);
    bases[i] = (fs::path(out_dir) / stem).string();
  }
  return bases;
}

void RemoveOutputs(const std::string& base) {
  std::error_code ec;
  for (const char* ext : {".pdf", ".hocr", ".xml"}) fs::remove(base + ext, ec);
}

}  // namespace

namespace {

// Fields, address verdict, checks and status for the pages read.
DossierRecord Finish(DossierRecord record, const std::vector<OcrPage>& ocr_pages, const BatchOptions& options) {
  DossierDraft draft = Extract(ocr_pages, options.extract);
  record.doc_type = draft.doc_type;
  record.doc_date = draft.doc_date;
  record.fields = std::move(draft.fields);
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

// A stack of dossiers in one file, cut at separator sheets or blank pages.
// Each piece is a dossier of its own: source FILE#pages=A-B (pages counted
// from 1 in the file), and a hash of the file's hash and that range, so
// that a stack read again registers each piece once.
std::vector<DossierRecord> ProcessStack(const std::string& source, const std::string& file_sha, Document& doc,
                                        OcrEngine& engine, const BatchOptions& options, int* pages_read) {
  std::vector<DossierRecord> out;
  DossierRecord current;
  std::vector<OcrPage> ocr_pages;
  int first = -1, last = -1;
  auto close = [&] {
    if (first < 0) return;
    const std::string range = std::to_string(first + 1) + "-" + std::to_string(last + 1);
    current.source = source + "#pages=" + range;
    current.sha256 = Sha256Hex(file_sha + ":pages=" + range);
    out.push_back(Finish(std::move(current), ocr_pages, options));
    current = DossierRecord();
    ocr_pages.clear();
    first = last = -1;
  };
  for (int i = 0; i < doc.page_count(); ++i) {
    auto page = doc.LoadPage(i);
    auto clean = page.ok() ? Clean(*page, options.cleanup, &engine, DebugFor(options, source, i))
                           : Result<CleanPage>(page.status());
    if (!clean.ok()) {
      DossierRecord r;
      r.source = source + "#page=" + std::to_string(i + 1);
      r.sha256 = Sha256Hex(file_sha + ":page=" + std::to_string(i + 1));
      out.push_back(Rejected(std::move(r), clean.status()));
      continue;
    }
    const bool cut = options.split == SplitMode::kSeparator ? IsSeparatorSheet(page->image, page->dpi) : clean->blank;
    if (cut) {
      close();
      continue;
    }
    auto ocr = engine.ReadPage(clean->gray, clean->dpi, clean->blank, options.check_upside_down_below);
    if (pages_read) ++*pages_read;
    if (!ocr.ok()) {
      current.pages.clear();
      DossierRecord r;
      r.source = source + "#page=" + std::to_string(i + 1);
      r.sha256 = Sha256Hex(file_sha + ":page=" + std::to_string(i + 1));
      out.push_back(Rejected(std::move(r), ocr.status()));
      continue;
    }
    if (ocr->turned_over) clean->rotation = (clean->rotation + 180) % 360;
    if (first < 0) first = i;
    last = i;
    current.pages.push_back(PageOf(static_cast<int>(current.pages.size()), *clean, *ocr));
    ocr_pages.push_back(std::move(ocr).value());
  }
  close();
  if (out.empty()) {
    DossierRecord r;
    r.source = source;
    r.sha256 = file_sha;
    out.push_back(Rejected(
        std::move(r), Status::Error(ErrorCode::kInvalidArgument, "no dossier in the file: every page is a separator")));
  }
  return out;
}

}  // namespace

std::string BlankPagePicture(const DossierRecord& record, int page) {
  return fs::path(record.source).stem().string() + "-" + record.sha256.substr(0, 8) + "-p" + std::to_string(page + 1) +
         ".jpg";
}

DossierRecord ProcessDossier(const std::string& source, std::string bytes, OcrEngine& engine,
                             const BatchOptions& options, const std::string& out_base, int* pages_read) {
  DossierRecord record;
  record.source = source;
  record.sha256 = Sha256Hex(bytes);
  auto doc = OpenDocument(std::move(bytes), options.ingest);
  if (!doc.ok()) return Rejected(record, doc.status());

  const bool outputs = !out_base.empty();
  if (outputs) {
    if (Status s = engine.BeginOutputs(out_base, fs::path(source).filename().string(), options.outputs); !s.ok())
      return Rejected(record, s);
  }
  auto fail = [&](const Status& s) {
    if (outputs) {
      (void)engine.EndOutputs();
      RemoveOutputs(out_base);
    }
    return Rejected(record, s);
  };

  // Pages are decoded, cleaned and read one at a time, then released.
  std::vector<OcrPage> ocr_pages;
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < (*doc)->page_count(); ++i) {
    if (options.file_seconds > 0 &&
        std::chrono::steady_clock::now() - started > std::chrono::duration<double>(options.file_seconds)) {
      char limit[32];
      std::snprintf(limit, sizeof limit, "%g", options.file_seconds);
      return fail(Status::Error(ErrorCode::kOcrTimeout, std::string("the file was not read within ") + limit +
                                                            " s (stopped before page " + std::to_string(i + 1) +
                                                            " of " + std::to_string((*doc)->page_count()) + ")"));
    }
    auto source_page = (*doc)->LoadPage(i);
    if (!source_page.ok()) return fail(source_page.status());
    auto clean = Clean(*source_page, options.cleanup, &engine, DebugFor(options, source, i));
    if (!clean.ok()) return fail(clean.status());
    auto ocr = engine.ReadPage(clean->gray, clean->dpi, clean->blank, options.check_upside_down_below);
    if (!ocr.ok()) return fail(ocr.status());
    if (ocr->turned_over) clean->rotation = (clean->rotation + 180) % 360;
    if (clean->blank) KeepBlankPicture(source_page->image, record, i, options);
    record.pages.push_back(PageOf(i, *clean, *ocr));
    ocr_pages.push_back(std::move(ocr).value());
    if (pages_read) ++*pages_read;
  }
  if (outputs) {
    if (Status s = engine.EndOutputs(); !s.ok()) return fail(s);
  }
  return Finish(std::move(record), ocr_pages, options);
}

std::vector<DossierRecord> ProcessFile(const std::string& source, std::string bytes, OcrEngine& engine,
                                       const BatchOptions& options, const std::string& out_base, int* pages_read) {
  if (options.split == SplitMode::kNone)
    return {ProcessDossier(source, std::move(bytes), engine, options, out_base, pages_read)};
  const std::string sha = Sha256Hex(bytes);
  auto doc = OpenDocument(std::move(bytes), options.ingest);
  if (!doc.ok()) {
    DossierRecord r;
    r.source = source;
    r.sha256 = sha;
    return {Rejected(std::move(r), doc.status())};
  }
  return ProcessStack(source, sha, **doc, engine, options, pages_read);
}

namespace {

// Registers one record; what the registry holds afterwards.
DossierRecord RegisterOne(DossierRecord record, const std::string& source, Registry& registry,
                          const BatchOptions& options) {
  if (record.sha256.empty()) return record;
  auto outcome = registry.Register(record, options.reprocess);
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
    record.flags.push_back(
        {"DUPLICATE", Severity::kInfo, "", "already registered as dossier " + std::to_string(outcome->dossier_id)});
  } else if (options.reprocess) {
    // As stored: a person's corrections stood.
    const std::string shown = record.source;
    if (auto stored = registry.Load(outcome->dossier_id); stored.ok()) {
      record = std::move(stored).value();
      record.source = shown;
    }
  } else {
    record.dossier_id = outcome->dossier_id;
  }
  return record;
}

}  // namespace

std::vector<DossierRecord> Intake(const std::string& source, const std::string& out_base, OcrEngine& engine,
                                  Registry& registry, const BatchOptions& options, int* pages) {
  auto bytes = ReadInputFile(source, options.ingest);
  if (!bytes.ok()) {
    DossierRecord r;
    r.source = source;
    return {Rejected(std::move(r), bytes.status())};
  }
  // A file already registered is reported, not read again (a batch started
  // again after a crash goes straight to where it stopped). A stack's
  // pieces are registered under their own hashes: it is read again, and
  // each piece found registered.
  if (!options.reprocess && options.split == SplitMode::kNone) {
    auto existing = registry.FindBySha256(Sha256Hex(*bytes));
    if (existing.ok() && existing->has_value()) {
      DossierRecord r = std::move(**existing);
      r.source = source;
      r.flags.push_back(
          {"DUPLICATE", Severity::kInfo, "", "already registered as dossier " + std::to_string(r.dossier_id)});
      return {r};
    }
  }
  std::vector<DossierRecord> records;
  try {
    records = ProcessFile(source, std::move(bytes).value(), engine, options, out_base, pages);
  } catch (const std::exception& e) {
    // A bug or a decoder failure we did not foresee: this file is rejected
    // with the reason, the batch goes on.
    (void)engine.EndOutputs();
    DossierRecord r;
    r.source = source;
    records = {Rejected(std::move(r), Status::Error(ErrorCode::kInternal, e.what()))};
  }
  for (auto& r : records) {
    r = RegisterOne(std::move(r), source, registry, options);
    // What was done, with the person masked (logs never carry names or IDs).
    std::string line = fs::path(r.source).filename().string() + ": " + DossierStatusName(r.status) + ", " +
                       std::to_string(r.pages.size()) + " pages, " + (r.doc_type.empty() ? "?" : r.doc_type);
    for (const char* key : {"full_name", "id_number"})
      if (auto it = r.fields.find(key); it != r.fields.end())
        line += std::string(", ") + key + " " + Mask(it->second.value);
    for (const auto& f : r.flags) line += " [" + f.code + "]";
    if (r.error) line += " " + r.error->code;
    Log(LogLevel::kInfo, line);
  }
  return records;
}

Result<BatchSummary> RunBatch(const std::vector<std::string>& inputs, Registry& registry, const BatchOptions& options,
                              const BatchObserver& observer) {
  if (Status s = options.Validate(); !s.ok()) return s;
  const int jobs =
      std::max(1, std::min<int>(options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()),
                                std::max<size_t>(inputs.size(), 1)));
  for (const std::string& dir : {options.out_dir, options.debug_dir}) {
    if (dir.empty()) continue;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::Error(ErrorCode::kInvalidArgument, "cannot create " + dir);
  }
  const auto bases = OutputBases(inputs, options.out_dir);
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };

  std::atomic<size_t> next{0};
  std::mutex report_mutex;
  BatchSummary summary;
  Progress progress;
  progress.dossiers_total = static_cast<int>(inputs.size());
  Status engine_failure;
  std::atomic<int> engines_ready{0};

  auto report = [&](DossierRecord record, int pages, double seconds) {
    std::lock_guard<std::mutex> lock(report_mutex);
    summary.Count(record);
    summary.pages += pages;
    ++progress.dossiers_done;
    progress.pages_done += pages;
    progress.elapsed_seconds = elapsed();
    if (observer.on_record) observer.on_record(record);
    if (observer.on_timed) observer.on_timed(record, seconds, pages);
    if (observer.on_progress) observer.on_progress(progress);
  };

  auto worker = [&] {
    auto engine = OcrEngine::Create(options.ocr);
    if (!engine.ok()) {
      std::lock_guard<std::mutex> lock(report_mutex);
      engine_failure = engine.status();
      return;
    }
    ++engines_ready;
    for (size_t i; !(options.stop && options.stop->load()) && (i = next.fetch_add(1)) < inputs.size();) {
      int pages = 0;
      const auto began = std::chrono::steady_clock::now();
      auto records = Intake(inputs[i], bases[i], **engine, registry, options, &pages);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
      for (size_t k = 0; k < records.size(); ++k) report(records[k], k == 0 ? pages : 0, k == 0 ? seconds : 0.0);
      if (observer.on_file) {
        std::lock_guard<std::mutex> lock(report_mutex);
        observer.on_file(inputs[i], records);
      }
    }
  };

  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  if (engines_ready == 0 && !engine_failure.ok()) return engine_failure;
  if (progress.dossiers_done < static_cast<int>(inputs.size()) && !engine_failure.ok()) return engine_failure;
  summary.elapsed_seconds = elapsed();
  return summary;
}

}  // namespace hoso
