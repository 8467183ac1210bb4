// How the commands print a record for a person: one line (two with the
// page's first words), and durations as M:SS or H:MM:SS.
#pragma once

#include <fstream>
#include <iostream>
#include <string>

#include "core/record.h"

namespace hoso::cli {

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

}  // namespace hoso::cli
