// hoso's exit codes, in one place (documented in the README and --help).
#pragma once

#include <iostream>
#include <string>

#include "core/status.h"

namespace hoso::cli {

enum ExitCode : int {
  kExitOk = 0,        // every input registered or sent to review (duplicates included)
  kExitRejected = 1,  // done, but some inputs were rejected (see their records)
  kExitUsage = 2,     // bad command line: nothing was processed
  kExitFatal = 3,     // the registry could not be opened or OCR could not start
};

inline constexpr const char* kExitCodeTable =
    "Exit codes:\n"
    "  0  every input was registered or sent to review (duplicates included)\n"
    "  1  the batch finished but some inputs were rejected (see their records)\n"
    "  2  usage error: nothing was processed\n"
    "  3  fatal: the registry could not be opened or OCR could not start\n";

// "PROGRAM: what went wrong" on standard error; the fatal exit code.
inline int Fatal(const std::string& program, const Status& status) {
  std::cerr << program << ": " << status.message() << "\n";
  return kExitFatal;
}

}  // namespace hoso::cli
