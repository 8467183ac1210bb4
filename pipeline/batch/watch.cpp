#include "batch/watch.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>
#include <vector>

#include "core/log.h"
#include "core/record_json.h"

namespace hoso {

namespace fs = std::filesystem;

namespace {

struct Seen {
  std::uintmax_t size = 0;
  fs::file_time_type time;
  std::chrono::steady_clock::time_point since;  // unchanged since
};

bool Inside(const fs::path& file, const std::string& dir) {
  if (dir.empty()) return false;
  std::error_code ec;
  const fs::path d = fs::weakly_canonical(dir, ec), f = fs::weakly_canonical(file, ec);
  const auto rel = f.lexically_relative(d);
  return !rel.empty() && *rel.begin() != "..";
}

Status SyncFile(const fs::path& p) {
  const int fd = open(p.c_str(), O_RDONLY);
  if (fd < 0) return Status::Error(ErrorCode::kInternal, "cannot open " + p.string());
  const int r = fsync(fd);
  close(fd);
  return r == 0 ? Status::Ok() : Status::Error(ErrorCode::kInternal, "cannot sync " + p.string());
}

}  // namespace

Result<std::string> MoveInto(const std::string& from, const std::string& to) {
  std::error_code ec;
  fs::create_directories(to, ec);
  if (ec) return Status::Error(ErrorCode::kInternal, "cannot create " + to + ": " + ec.message());
  const fs::path src(from);
  fs::path target = fs::path(to) / src.filename();
  for (int n = 1; fs::exists(target, ec); ++n)
    target = fs::path(to) / (src.stem().string() + "-" + std::to_string(n) + src.extension().string());
  fs::rename(src, target, ec);
  if (!ec) return target.string();
  if (ec != std::errc::cross_device_link)
    return Status::Error(ErrorCode::kInternal, "cannot move " + from + " to " + to + ": " + ec.message());
  // Another file system: the copy is made durable before the original goes.
  fs::copy_file(src, target, ec);
  if (ec) return Status::Error(ErrorCode::kInternal, "cannot copy " + from + " to " + to + ": " + ec.message());
  if (Status s = SyncFile(target); !s.ok()) return s;
  fs::remove(src, ec);
  if (ec) return Status::Error(ErrorCode::kInternal, "copied, but cannot remove " + from + ": " + ec.message());
  return target.string();
}

namespace {

// The watched folder as a batch's feed: each settled file once (again only
// if it goes away and a file of that name comes back), looked for at most
// every poll_seconds.
class WatchFeed : public InputFeed {
 public:
  explicit WatchFeed(const WatchOptions& watch) : watch_(watch) {}

  std::optional<std::string> Next() override {
    Look();
    if (ready_.empty()) return std::nullopt;
    std::string path = std::move(ready_.front());
    ready_.erase(ready_.begin());
    ++given_;
    return path;
  }

  // Stopped; or, once, when everything there has settled and been given.
  bool Ended() override {
    if (watch_.stop && watch_.stop->load()) return true;
    if (!watch_.once) return false;
    Look();
    return looked_ && seen_.empty() && ready_.empty();
  }

  int Known() const override { return given_ + static_cast<int>(ready_.size()); }

 private:
  // Settled files: same size and time for settle_seconds.
  void Look() {
    const auto now = std::chrono::steady_clock::now();
    if (looked_ && now - last_look_ < std::chrono::duration<double>(watch_.poll_seconds)) return;
    looked_ = true;
    last_look_ = now;
    std::set<std::string> present;
    for (const std::string& path : ExpandInputs({watch_.dir})) {
      if (Inside(path, watch_.archive_dir) || Inside(path, watch_.quarantine_dir)) continue;
      present.insert(path);
      if (given_paths_.count(path)) continue;  // taken: in hand, or left in place after
      std::error_code e1, e2;
      const auto size = fs::file_size(path, e1);
      const auto time = fs::last_write_time(path, e2);
      if (e1 || e2) continue;
      auto it = seen_.find(path);
      if (it == seen_.end() || it->second.size != size || it->second.time != time) {
        seen_[path] = Seen{size, time, now};
        continue;
      }
      if (std::chrono::duration<double>(now - it->second.since).count() >= watch_.settle_seconds) {
        seen_.erase(it);
        given_paths_.insert(path);
        ready_.push_back(path);
      }
    }
    for (auto it = seen_.begin(); it != seen_.end();) it = present.count(it->first) ? std::next(it) : seen_.erase(it);
    // A file gone (moved to the archive) may come back as a new scan.
    for (auto it = given_paths_.begin(); it != given_paths_.end();)
      it = present.count(*it) ? std::next(it) : given_paths_.erase(it);
  }

  const WatchOptions& watch_;
  std::map<std::string, Seen> seen_;  // files not yet settled
  std::set<std::string> given_paths_;
  std::vector<std::string> ready_;
  int given_ = 0;
  bool looked_ = false;
  std::chrono::steady_clock::time_point last_look_;
};

}  // namespace

Result<BatchSummary> RunWatch(Registry& registry, const BatchOptions& options, const WatchOptions& watch,
                              const BatchObserver& observer) {
  std::error_code ec;
  if (!fs::is_directory(watch.dir, ec)) return Status::Error(ErrorCode::kInvalidArgument, "no folder " + watch.dir);
  BatchOptions batch_options = options;
  batch_options.stop = watch.stop;

  BatchObserver moving = observer;
  moving.on_file = [&](const std::string& source, const std::vector<DossierRecord>& records) {
    // The batch calls this after every record of the file is committed (or,
    // for a rejected file, recorded): only now may the file move. It goes
    // to quarantine when nothing in it could be registered. With nowhere to
    // go it stays, and is not taken again while the watch runs.
    bool rejected = true;
    for (const auto& r : records) rejected = rejected && r.status == DossierStatus::kRejected;
    const std::string& to = rejected ? watch.quarantine_dir : watch.archive_dir;
    if (!to.empty()) {
      if (auto moved = MoveInto(source, to); !moved.ok()) {
        Log(LogLevel::kError, moved.status().ToString());
      } else if (rejected) {
        // Why, beside it: the records as JSON Lines (error code and message).
        std::ofstream why(fs::path(*moved).string() + ".error.json");
        for (const auto& r : records) why << RecordToJson(r) << "\n";
      }
    }
    if (observer.on_file) observer.on_file(source, records);
  };
  // One batch for the whole watch: a file dropped while a thick one is read
  // is started at once, beside it, by the same workers (and OCR engines).
  WatchFeed feed(watch);
  return RunFeed(feed, registry, batch_options, moving);
}

}  // namespace hoso
