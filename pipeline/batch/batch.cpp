#include "batch/batch.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "batch/file_intake.h"
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

double Progress::SecondsLeft() const {
  if (pages_done <= 0 || elapsed_seconds <= 0 || files_opened <= 0) return 0;
  const int files = std::max(dossiers_total, files_opened);
  const double pages = pages_opened + static_cast<double>(pages_opened) / files_opened * (files - files_opened);
  return std::max(0.0, (pages - pages_done) * elapsed_seconds / pages_done);
}

void BatchSummary::Count(const DossierRecord& record) {
  // A file already registered is counted apart, not again as what it was.
  if (record.HasFlag("DUPLICATE")) {
    ++duplicates;
    return;
  }
  switch (record.status) {
    case DossierStatus::kRegistered: ++registered; break;
    case DossierStatus::kNeedsReview: ++needs_review; break;
    case DossierStatus::kRejected: ++rejected; break;
  }
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

// Output base names: the input's stem, made unique within the batch.
class OutputBases {
 public:
  explicit OutputBases(std::string out_dir) : out_dir_(std::move(out_dir)) {}
  std::string For(const std::string& input) {
    if (out_dir_.empty()) return "";
    std::string stem = fs::path(input).stem().string();
    if (stem.empty()) stem = "dossier";
    const int n = seen_[stem]++;
    if (n > 0) stem += "-" + std::to_string(n + 1);
    return (fs::path(out_dir_) / stem).string();
  }

 private:
  const std::string out_dir_;
  std::map<std::string, int> seen_;
};

// The inputs of `hoso process`: a list known from the start.
class ListFeed : public InputFeed {
 public:
  explicit ListFeed(const std::vector<std::string>& inputs) : inputs_(inputs) {}
  std::optional<std::string> Next() override {
    if (next_ >= inputs_.size()) return std::nullopt;
    return inputs_[next_++];
  }
  bool Ended() override { return next_ >= inputs_.size(); }
  int Known() const override { return static_cast<int>(inputs_.size()); }

 private:
  const std::vector<std::string>& inputs_;
  size_t next_ = 0;
};

// Which page each worker reads next. Files are started in the order the
// feed gives them, at most `jobs` + 1 of them with pages still to take; their pages
// are taken in turn, one file after another, so one thick file gets every
// worker when it is alone, and the small files behind thick ones always
// have a place in the rotation (one more than the workers): they share the
// workers with them instead of waiting for them to end. A file leaves the
// rotation once its last page is taken, and the next input starts. Memory
// stays bounded: at most jobs + 1 files open, plus those whose last pages
// are in hand.
class PageSchedule {
 public:
  PageSchedule(InputFeed& feed, int jobs, const std::atomic<bool>* stop, const std::string& out_dir)
      : feed_(feed), jobs_(jobs), stop_(stop), bases_(out_dir) {}

  struct Task {
    enum Kind { kDone, kStart, kPage, kFinish } kind = kDone;
    std::string input, out_base;       // kStart: open `input`
    std::shared_ptr<FileIntake> file;  // kPage, kFinish
    int page = -1;                     // kPage
  };

  // Blocks until there is a task for this worker, or none will come.
  Task Next() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      if (MayStart()) {
        ++opening_;
        Task start{Task::kStart, std::move(*pending_), "", nullptr, -1};
        pending_.reset();
        start.out_base = bases_.For(start.input);
        return start;
      }
      // Each file in the rotation once, from the cursor on.
      for (size_t n = rotation_.size(), k = 0; k < n && !rotation_.empty(); ++k) {
        const size_t i = cursor_ % rotation_.size();
        std::shared_ptr<FileIntake> file = rotation_[i];
        const FileIntake::Step step = file->Take();
        if (file->HasPagesLeft()) {
          cursor_ = i + 1;
        } else {
          rotation_.erase(rotation_.begin() + static_cast<std::ptrdiff_t>(i));
          cursor_ = i;            // the next file has slid into its place
          changed_.notify_all();  // room for the next input
        }
        if (step.page >= 0) return {Task::kPage, "", "", std::move(file), step.page};
        if (step.finish) return {Task::kFinish, "", "", std::move(file), -1};
      }
      if (opening_ == 0 && rotation_.empty() && !MayStartLater()) return {};
      changed_.wait_for(lock, std::chrono::milliseconds(200));
    }
  }

  // The file a kStart task opened (none: it could not be): into the
  // rotation, unless it has nothing to read (false: its opener finishes it).
  bool Opened(std::shared_ptr<FileIntake> file) {
    std::lock_guard<std::mutex> lock(mutex_);
    --opening_;
    changed_.notify_all();
    if (!file || !file->HasPagesLeft()) return false;
    rotation_.push_back(std::move(file));
    return true;
  }

  // The feed's count of inputs, for the progress line.
  int Known() {
    std::lock_guard<std::mutex> lock(mutex_);
    return feed_.Known();
  }

 private:
  bool Stopped() const { return stop_ && stop_->load(); }
  bool MayStartLater() { return !Stopped() && (pending_ || !feed_.Ended()); }
  // Room in the rotation, and an input ready (held until there is room).
  bool MayStart() {
    if (Stopped() || rotation_.size() + opening_ >= static_cast<size_t>(jobs_) + 1) return false;
    if (!pending_) pending_ = feed_.Next();
    return pending_.has_value();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  InputFeed& feed_;
  const int jobs_;
  const std::atomic<bool>* stop_;
  OutputBases bases_;
  std::optional<std::string> pending_;
  int opening_ = 0;
  std::vector<std::shared_ptr<FileIntake>> rotation_;  // files with pages to take, in the inputs' order
  size_t cursor_ = 0;
};

}  // namespace

std::string BlankPagePicture(const DossierRecord& record, int page) {
  return fs::path(record.source).stem().string() + "-" + record.sha256.substr(0, 8) + "-p" + std::to_string(page + 1) +
         ".jpg";
}

std::vector<DossierRecord> Intake(const std::string& source, const std::string& out_base, OcrEngine& engine,
                                  Registry& registry, const BatchOptions& options, int* pages) {
  FileIntake file(source, out_base, registry, options, engine);
  for (;;) {
    const FileIntake::Step step = file.Take();
    if (step.finish || step.page < 0) break;
    if (file.ReadPage(step.page, engine).finish) break;
  }
  if (pages) *pages += file.pages_read();
  return file.Finish(registry);
}

Result<BatchSummary> RunBatch(const std::vector<std::string>& inputs, Registry& registry, const BatchOptions& options,
                              const BatchObserver& observer) {
  ListFeed feed(inputs);
  return RunFeed(feed, registry, options, observer);
}

Result<BatchSummary> RunFeed(InputFeed& feed, Registry& registry, const BatchOptions& given,
                             const BatchObserver& observer) {
  if (Status s = given.Validate(); !s.ok()) return s;
  // Labels reviewers taught the registry, as they stand when the batch starts.
  BatchOptions options = given;
  if (options.extract.templates) {
    if (auto learnt = registry.LearntLabels(); learnt.ok()) {
      auto labels = std::make_shared<std::map<std::string, std::string>>();
      if (options.extract.learnt) *labels = *options.extract.learnt;   // exported files
      for (const auto& l : *learnt) (*labels)[l.label_key] = l.field;  // the registry's, over them
      if (!labels->empty()) options.extract.learnt = std::move(labels);
    } else {
      Log(LogLevel::kWarning, "learnt labels not read: " + learnt.status().ToString());
    }
  }
  const int jobs = std::max(1, options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()));
  for (const std::string& dir : {options.out_dir, options.debug_dir}) {
    if (dir.empty()) continue;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::Error(ErrorCode::kInvalidArgument, "cannot create " + dir);
  }
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };

  PageSchedule schedule(feed, jobs, options.stop, options.out_dir);
  std::mutex report_mutex;
  BatchSummary summary;
  Progress progress;
  progress.dossiers_total = schedule.Known();
  Status engine_failure;
  std::atomic<int> engines_ready{0};

  auto opened = [&](const FileIntake& file) {
    const int known = schedule.Known();
    std::lock_guard<std::mutex> lock(report_mutex);
    progress.dossiers_total = std::max(progress.dossiers_total, known);
    ++progress.files_opened;
    progress.pages_opened += file.page_count();
  };
  auto page_read = [&] {
    std::lock_guard<std::mutex> lock(report_mutex);
    ++summary.pages;
    ++progress.pages_done;
    progress.elapsed_seconds = elapsed();
    if (observer.on_progress) observer.on_progress(progress);
  };
  // A file put together and registered: its records, reported in order.
  auto finish = [&](FileIntake& file) {
    auto records = file.Finish(registry);
    const double seconds = file.seconds();
    const int pages = file.pages_read();
    std::lock_guard<std::mutex> lock(report_mutex);
    for (size_t k = 0; k < records.size(); ++k) {
      summary.Count(records[k]);
      ++progress.dossiers_done;
      progress.elapsed_seconds = elapsed();
      if (observer.on_record) observer.on_record(records[k]);
      if (observer.on_timed) observer.on_timed(records[k], k == 0 ? seconds : 0.0, k == 0 ? pages : 0);
      if (observer.on_progress) observer.on_progress(progress);
    }
    if (observer.on_file) observer.on_file(file.source(), records);
  };

  auto worker = [&] {
    std::unique_ptr<OcrEngine> engine;
    for (auto task = schedule.Next(); task.kind != PageSchedule::Task::kDone; task = schedule.Next()) {
      if (!engine) {  // started with the first task: a worker with nothing to do starts none
        auto created = OcrEngine::Create(options.ocr);
        if (!created.ok()) {
          {
            std::lock_guard<std::mutex> lock(report_mutex);
            engine_failure = created.status();
          }
          // An input not opened is not reported, and the batch fails; a page
          // taken fails its file.
          if (task.kind == PageSchedule::Task::kStart) schedule.Opened(nullptr);
          if (task.kind == PageSchedule::Task::kPage && task.file->GiveUp(task.page, created.status()).finish)
            finish(*task.file);
          if (task.kind == PageSchedule::Task::kFinish) finish(*task.file);
          return;
        }
        engine = std::move(created).value();
        ++engines_ready;
      }
      switch (task.kind) {
        case PageSchedule::Task::kStart: {
          auto file = std::make_shared<FileIntake>(task.input, task.out_base, registry, options, *engine);
          opened(*file);
          // Nothing to read (rejected, or registered before): reported at once.
          if (!schedule.Opened(file) && file->Take().finish) finish(*file);
          break;
        }
        case PageSchedule::Task::kPage: {
          const FileIntake::Done done = task.file->ReadPage(task.page, *engine);
          if (done.read) page_read();
          if (done.finish) finish(*task.file);
          break;
        }
        case PageSchedule::Task::kFinish: finish(*task.file); break;
        case PageSchedule::Task::kDone: break;
      }
    }
  };

  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  if (engines_ready == 0 && !engine_failure.ok()) return engine_failure;
  if (progress.files_opened < progress.dossiers_total && !engine_failure.ok()) return engine_failure;
  summary.elapsed_seconds = elapsed();
  return summary;
}

}  // namespace hoso
