// How the commands print a record for a person: one line (two with the
// page's first words), and durations as M:SS or H:MM:SS.
#pragma once

#include <fstream>
#include <iostream>
#include <string>

#include "batch/batch.h"
#include "core/record.h"
#include "core/say.h"
#include "registry/registry.h"

namespace hoso::cli {

// The language of what hoso prints for people on the terminal: Vietnamese,
// unless --english is given or the locale names another language (the
// first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set: "en_US.UTF-8"
// is English, "vi_VN.UTF-8", "C", "POSIX" or none Vietnamese). Codes, file
// names and JSON never change with it.
Say TerminalLanguage(bool english_flag);

// The clerk's line for one dossier: its status, file and number, pages,
// type, the applicant (family name and initials) and masked ID, the
// address's verdict; why it needs review; where else its ID number is.
// A file already registered says so, and is counted apart.
std::string HumanLine(const DossierRecord& r, const Say& say);
std::string Duration(double seconds);
// Why a file was rejected, for the terminal: "CODE: message" in English;
// in Vietnamese the code, what it means to a clerk and what to do, then
// the reader's own (English) detail in parentheses.
std::string RejectionWords(const std::string& code, const std::string& message, const Say& say);

// Where a long-running command writes its records: JSON Lines (--json PATH,
// `-` for standard output; appended to, or truncated first) and, unless
// quiet, one human line each on the terminal (standard error when the JSON
// takes standard output).
class RecordSink {
 public:
  // False when PATH cannot be written.
  bool Open(const std::string& json_path, bool append, bool quiet, const Say& say);
  void Write(const DossierRecord& r);
  bool json_on_stdout() const { return json_ == &std::cout; }

 private:
  std::ofstream file_;
  std::ostream* json_ = nullptr;
  bool quiet_ = false;
  Say say_;
};

// A finished run, for the review station's dashboard (pages per second of
// recent batches); nothing when it read no page. `command`: process, watch,
// worker.
void RecordBatchRun(Registry& registry, const std::string& command, const BatchSummary& summary);

// "COMMAND: N registered, N needs review, N rejected, N already known":
// the start of a run's closing line.
std::string SummaryCounts(const std::string& command, const BatchSummary& s, const Say& say);
// "N pages in T s (R pages/s)".
std::string PagesAndSpeed(const BatchSummary& s, const Say& say);

}  // namespace hoso::cli
