// A watched folder (a scanner's output, all day at a service point): new
// files are taken once they have stopped growing, processed as `hoso
// process` would, then moved — to the archive only after their record is
// committed, to quarantine (with NAME.error.json beside it saying why) when
// rejected. Nothing is moved or deleted before its record is in the
// registry; a file is never lost: with no archive or quarantine folder it
// stays where it is (and is not read again while the watch runs). The
// whole watch is one batch fed by the folder (batch.h, InputFeed): a file
// is started as soon as it has settled, beside those in hand, by the same
// workers and OCR engines.
#pragma once

#include <atomic>
#include <string>

#include "batch/batch.h"

namespace hoso {

struct WatchOptions {
  std::string dir;             // watched (with its subfolders)
  std::string archive_dir;     // registered and needs_review files go here
  std::string quarantine_dir;  // rejected files go here, with NAME.error.json
  double poll_seconds = 2;
  // A file is taken when its size and time have not changed for this long
  // (a scanner or a copy still writing it would change them).
  double settle_seconds = 2;
  bool once = false;                        // take what has settled, then return
  const std::atomic<bool>* stop = nullptr;  // SIGINT/SIGTERM: finish, then return
};

// Runs until stopped (or once). Observer sees each record after its file
// was moved; the record's `source` is where the file was read.
Result<BatchSummary> RunWatch(Registry& registry, const BatchOptions& options, const WatchOptions& watch,
                              const BatchObserver& observer);

// Moves `from` into folder `to` (creating it), renaming NAME to NAME-1,
// NAME-2, ... if taken; across file systems by copy, sync and remove.
// Returns the new path.
Result<std::string> MoveInto(const std::string& from, const std::string& to);

}  // namespace hoso
