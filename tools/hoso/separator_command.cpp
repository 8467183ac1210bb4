#include "separator_command.h"

#include <iostream>

#include "cli/args.h"
#include "batch/separator.h"
#include "exit_codes.h"

namespace hoso::cli {

int RunSeparatorSheet(const std::vector<std::string>& argv) {
  Args args(argv, {"--out"}, {"--help", "-h"});
  if (auto exit = HelpOrUsageError(args, "hoso separator-sheet",
                                   "Usage: hoso separator-sheet --out PATH.pdf|PATH.png\n"
                                   "\n"
                                   "Writes the separator sheet (A4, a QR code in the middle). Print it, put\n"
                                   "one between every two dossiers of a stack, scan the stack as one file,\n"
                                   "and `hoso process --split separator` registers each dossier on its own.\n"
                                   "\n"))
    return *exit;
  const auto out = args.Value("--out");
  if (!out || !args.positional().empty()) return UsageError("hoso separator-sheet", "need --out PATH");
  if (Status s = WriteSeparatorSheet(*out); !s.ok()) {
    std::cerr << "hoso separator-sheet: " << s.message() << "\n";
    return kExitFatal;
  }
  std::cout << "separator sheet: " << *out << "\n";
  return kExitOk;
}

}  // namespace hoso::cli
