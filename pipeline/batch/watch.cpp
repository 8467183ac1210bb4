#include "batch/watch.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

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

Result<BatchSummary> RunWatch(Registry& registry, const BatchOptions& options, const WatchOptions& watch,
                              const BatchObserver& observer) {
  std::error_code ec;
  if (!fs::is_directory(watch.dir, ec)) return Status::Error(ErrorCode::kInvalidArgument, "no folder " + watch.dir);
  const auto start = std::chrono::steady_clock::now();
  BatchSummary total;
  std::map<std::string, Seen> seen;  // files not yet settled
  std::set<std::string> done;        // taken and left in place (no archive/quarantine)
  auto stopping = [&] { return watch.stop && watch.stop->load(); };
  BatchOptions batch_options = options;
  batch_options.stop = watch.stop;

  BatchObserver moving = observer;
  moving.on_file = [&](const std::string& source, const std::vector<DossierRecord>& records) {
    // RunBatch calls this after every record of the file is committed (or,
    // for a rejected file, recorded): only now may the file move. It goes
    // to quarantine when nothing in it could be registered.
    bool rejected = true;
    for (const auto& r : records) rejected = rejected && r.status == DossierStatus::kRejected;
    const std::string& to = rejected ? watch.quarantine_dir : watch.archive_dir;
    if (to.empty()) {
      done.insert(source);
    } else if (auto moved = MoveInto(source, to); !moved.ok()) {
      Log(LogLevel::kError, moved.status().ToString());
      done.insert(source);
    } else if (rejected) {
      // Why, beside it: the records as JSON Lines (error code and message).
      std::ofstream why(fs::path(*moved).string() + ".error.json");
      for (const auto& r : records) why << RecordToJson(r) << "\n";
    }
    if (observer.on_file) observer.on_file(source, records);
  };

  for (;;) {
    // Settled files: same size and time for settle_seconds.
    const auto now = std::chrono::steady_clock::now();
    std::vector<std::string> ready;
    std::set<std::string> present;
    for (const std::string& path : ExpandInputs({watch.dir})) {
      if (Inside(path, watch.archive_dir) || Inside(path, watch.quarantine_dir) || done.count(path)) continue;
      present.insert(path);
      std::error_code e1, e2;
      const auto size = fs::file_size(path, e1);
      const auto time = fs::last_write_time(path, e2);
      if (e1 || e2) continue;
      auto it = seen.find(path);
      if (it == seen.end() || it->second.size != size || it->second.time != time) {
        seen[path] = Seen{size, time, now};
        continue;
      }
      if (std::chrono::duration<double>(now - it->second.since).count() >= watch.settle_seconds) ready.push_back(path);
    }
    for (auto it = seen.begin(); it != seen.end();) it = present.count(it->first) ? std::next(it) : seen.erase(it);
    if (!ready.empty()) {
      for (const auto& p : ready) seen.erase(p);
      auto summary = RunBatch(ready, registry, batch_options, moving);
      if (!summary.ok()) return summary.status();
      total.registered += summary->registered;
      total.needs_review += summary->needs_review;
      total.rejected += summary->rejected;
      total.duplicates += summary->duplicates;
      total.pages += summary->pages;
    }
    if (stopping()) break;
    // Once: until everything there has settled and been taken.
    if (watch.once && seen.empty() && ready.empty()) break;
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(watch.poll_seconds);
    while (!stopping() && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (stopping()) break;
  }
  total.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return total;
}

}  // namespace hoso
