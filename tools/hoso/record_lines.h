// How the commands print a record for a person: one line (two with the
// page's first words), and durations as M:SS or H:MM:SS.
#pragma once

#include <fstream>
#include <iostream>
#include <string>

#include "batch/batch.h"
#include "core/record.h"
#include "registry/registry.h"

namespace hoso::cli {

// The clerk's line for one dossier: its status, file and number, pages,
// type, the applicant (family name and initials) and masked ID, the
// address's verdict; why it needs review; where else its ID number is.
// A file already registered says so, and is counted apart.
std::string HumanLine(const DossierRecord& r);
std::string Duration(double seconds);

// Where a long-running command writes its records: JSON Lines (--json PATH,
// `-` for standard output; appended to, or truncated first) and, unless
// quiet, one human line each on the terminal (standard error when the JSON
// takes standard output).
class RecordSink {
 public:
  // False when PATH cannot be written.
  bool Open(const std::string& json_path, bool append, bool quiet);
  void Write(const DossierRecord& r);
  bool json_on_stdout() const { return json_ == &std::cout; }

 private:
  std::ofstream file_;
  std::ostream* json_ = nullptr;
  bool quiet_ = false;
};

// A finished run, for the review station's dashboard (pages per second of
// recent batches); nothing when it read no page. `command`: process, watch,
// worker.
void RecordBatchRun(Registry& registry, const std::string& command, const BatchSummary& summary);

// "COMMAND: N registered, N needs review, N rejected (N already known)":
// the start of a run's closing line.
std::string SummaryCounts(const std::string& command, const BatchSummary& s);

}  // namespace hoso::cli
