#include "address_command.h"

#include <chrono>
#include <iostream>

#include "address/address.h"
#include "cli/args.h"
#include "core/record_json.h"
#include "exit_codes.h"

namespace hoso::cli {
namespace {

const char* const kAddressHelp =
    "Usage: hoso address [OPTIONS] TEXT\n"
    "       hoso address [OPTIONS] -      (one address per line on standard input)\n"
    "\n"
    "Checks a Vietnamese address against the gazetteer: current, outdated (written\n"
    "with units abolished on 1 July 2025 or changed since; the corrected address is\n"
    "suggested), ambiguous (an old commune that was divided: every candidate), or\n"
    "unknown. Prints one JSON verdict per address, one line each, in order (an\n"
    "empty line gives {}).\n"
    "\n"
    "Options:\n"
    "  --as-of DATE      resolve the units as of DATE (YYYY-MM-DD; default today)\n"
    "  --doc-date DATE   the document's date: before the change, the verdict is info\n"
    "  --models DIR      model folder (default $HOSO_MODELS, or share/hoso/models beside\n"
    "                    the binary)\n"
    "  --stats           with -, print to stderr how many addresses and how fast\n"
    "  --english         the verdict's message in English (default Vietnamese)\n"
    "\n";

}  // namespace

int RunAddress(const std::vector<std::string>& argv) {
  Args args(argv, {"--as-of", "--doc-date", "--models"}, {"--help", "-h", "--stats", "--english"});
  if (auto exit = HelpOrUsageError(args, "hoso address", std::string(kAddressHelp) + kExitCodeTable)) return *exit;
  auto usage = [](const std::string& msg) { return UsageError("hoso address", msg); };
  if (args.positional().size() != 1) return usage("give one address, or - to read them from standard input");
  AddressOptions options;
  if (auto d = args.Value("--as-of")) {
    if (!IsIsoDate(*d)) return usage("--as-of must be a date YYYY-MM-DD");
    options.as_of = *d;
  }
  if (auto d = args.Value("--doc-date")) {
    if (!IsIsoDate(*d)) return usage("--doc-date must be a date YYYY-MM-DD");
    options.doc_date = *d;
  }
  if (options.as_of.empty()) options.as_of = Today();
  options.english = args.Flag("--english");
  const std::string dir = args.Value("--models") ? *args.Value("--models") + "/gazetteer" : Gazetteer::DefaultDir();
  const auto t0 = std::chrono::steady_clock::now();
  auto gazetteer = Gazetteer::Load(dir);
  if (!gazetteer.ok()) {
    std::cerr << "hoso address: " << gazetteer.status().ToString() << "\n";
    return kExitFatal;
  }
  const auto t1 = std::chrono::steady_clock::now();
  if (args.positional()[0] != "-") {
    std::cout << AddressVerdictToJson(CheckAddress(args.positional()[0], **gazetteer, options)) << "\n";
    return kExitOk;
  }
  long n = 0;
  for (std::string line; std::getline(std::cin, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos)
      std::cout << "{}\n";  // keeps output lines in step with input lines
    else
      std::cout << AddressVerdictToJson(CheckAddress(line, **gazetteer, options)) << "\n";
    ++n;
  }
  std::cout.flush();
  if (args.Flag("--stats")) {
    const auto t2 = std::chrono::steady_clock::now();
    const double load_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    const double check_us = std::chrono::duration<double, std::micro>(t2 - t1).count();
    std::cerr << "hoso address: gazetteer loaded in " << load_ms << " ms; " << n << " addresses in " << check_us / 1000
              << " ms (" << (n ? check_us / n : 0) << " µs each)\n";
  }
  return kExitOk;
}

}  // namespace hoso::cli
