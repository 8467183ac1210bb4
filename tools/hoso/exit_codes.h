// hoso's exit codes, in one place (documented in the README and --help).
#pragma once

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

}  // namespace hoso::cli
