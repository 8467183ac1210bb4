#include "separator_command.h"

#include <iostream>

#include "args.h"
#include "batch/separator.h"
#include "exit_codes.h"
#include "writers.h"

namespace hoso::cli {

int RunSeparatorSheet(const std::vector<std::string>& argv) {
  Args args(argv, {"--out"}, {"--help", "-h"});
  if (args.Flag("--help") || args.Flag("-h")) {
    std::cout << "Usage: hoso separator-sheet --out PATH.pdf|PATH.png\n"
                 "\n"
                 "Writes the separator sheet (A4, a QR code in the middle). Print it, put\n"
                 "one between every two dossiers of a stack, scan the stack as one file,\n"
                 "and `hoso process --split separator` registers each dossier on its own.\n"
                 "\n";
    return kExitOk;
  }
  const auto out = args.Value("--out");
  if (!args.ok() || !out || !args.positional().empty()) {
    std::cerr << "hoso separator-sheet: " << (args.ok() ? "need --out PATH" : args.error())
              << "\n(see hoso separator-sheet --help)\n";
    return kExitUsage;
  }
  const bool png = out->size() > 4 && out->compare(out->size() - 4, 4, ".png") == 0;
  if (!samplegen::WritePages(*out, png ? "png" : "pdf", {{SeparatorSheet(300), 300}}, 95)) {
    std::cerr << "hoso separator-sheet: cannot write " << *out << "\n";
    return kExitFatal;
  }
  std::cout << "separator sheet: " << *out << "\n";
  return kExitOk;
}

}  // namespace hoso::cli
