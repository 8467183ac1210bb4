// hoso: the command line. Only parses the subcommand and hands over.
#include <iostream>
#include <string>
#include <vector>

#include "address_command.h"
#include "exit_codes.h"
#include "ocr/engine.h"
#include "process_command.h"
#include "export_command.h"
#include "queue_commands.h"
#include "separator_command.h"
#include "learnt_command.h"
#include "serve_command.h"
#include "watch_command.h"

namespace {

using Run = int (*)(const std::vector<std::string>&);

// Every command: its name, what it does (for `hoso --help`) and its entry.
struct Command {
  const char* name;
  const char* summary;
  Run run;
};

const Command kCommands[] = {
    {"process", "read dossiers (files or folders) and register them", hoso::cli::RunProcess},
    {"address", "check addresses against the units before and after the 2025 merger", hoso::cli::RunAddress},
    {"watch", "process scans as they arrive in a folder (a scanner's output)", hoso::cli::RunWatchCommand},
    {"export", "write registered dossiers as JSON Lines or CSV", hoso::cli::RunExport},
    {"serve", "the review station (a web page for reviewers)", hoso::cli::RunServe},
    {"user", "add a review station user", hoso::cli::RunUser},
    {"learnt", "list, export or forget labels learnt from reviewers' corrections", hoso::cli::RunLearnt},
    {"separator-sheet", "print the sheet that splits a scanned stack into dossiers", hoso::cli::RunSeparatorSheet},
    {"enqueue", "add inputs to the job queue shared by workers", hoso::cli::RunEnqueue},
    {"worker", "process jobs from the queue (on any number of machines)", hoso::cli::RunWorkerCommand},
    {"status", "show the job queue", hoso::cli::RunStatus},
};

std::string Help() {
  std::string help =
      "hoso — intake of scanned Vietnamese dossiers: cleanup, OCR, fields,\n"
      "merger-aware address checks, registration or review.\n"
      "\n"
      "Usage: hoso COMMAND [OPTIONS] ...\n"
      "\n"
      "Commands:\n";
  for (const Command& c : kCommands) {
    std::string name = c.name;
    name += std::string(name.size() < 10 ? 10 - name.size() : 2, ' ');
    help += "  " + name + c.summary + "\n";
  }
  return help + "\nRun 'hoso COMMAND --help' for a command's options.\n\n";
}

}  // namespace

int main(int argc, char** argv) {
  hoso::ReexecWithoutOcrThreads(argv);
  using namespace hoso::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << Help() << kExitCodeTable;
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "hoso 0.1.0\n";
    return kExitOk;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  for (const Command& c : kCommands)
    if (command == c.name) return c.run(args);
  std::cerr << "hoso: unknown command '" << command << "' (see hoso --help)\n";
  return kExitUsage;
}
