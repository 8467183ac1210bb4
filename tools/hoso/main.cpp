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
#include "serve_command.h"
#include "watch_command.h"

namespace {

const char* const kHelp =
    "hoso — intake of scanned Vietnamese dossiers: cleanup, OCR, fields,\n"
    "merger-aware address checks, registration or review.\n"
    "\n"
    "Usage: hoso COMMAND [OPTIONS] ...\n"
    "\n"
    "Commands:\n"
    "  process   read dossiers (files or folders) and register them\n"
    "  address   check addresses against the units before and after the 2025 merger\n"
    "  watch     process scans as they arrive in a folder (a scanner's output)\n"
    "  export    write registered dossiers as JSON Lines or CSV\n"
    "  serve     the review station (a web page for reviewers)\n"
    "  user      add a review station user\n"
    "  separator-sheet  print the sheet that splits a scanned stack into dossiers\n"
    "  enqueue   add inputs to the job queue shared by workers\n"
    "  worker    process jobs from the queue (on any number of machines)\n"
    "  status    show the job queue\n"
    "\n"
    "Run 'hoso COMMAND --help' for a command's options.\n"
    "\n";

}  // namespace

int main(int argc, char** argv) {
  hoso::ReexecWithoutOcrThreads(argv);
  using namespace hoso::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kHelp << kExitCodeTable;
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version") {
    std::cout << "hoso 0.1.0\n";
    return kExitOk;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "process") return RunProcess(args);
  if (command == "address") return RunAddress(args);
  if (command == "watch") return RunWatchCommand(args);
  if (command == "export") return RunExport(args);
  if (command == "serve") return RunServe(args);
  if (command == "user") return RunUser(args);
  if (command == "separator-sheet") return RunSeparatorSheet(args);
  if (command == "enqueue") return RunEnqueue(args);
  if (command == "worker") return RunWorkerCommand(args);
  if (command == "status") return RunStatus(args);
  std::cerr << "hoso: unknown command '" << command << "' (see hoso --help)\n";
  return kExitUsage;
}
