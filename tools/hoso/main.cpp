// hoso: the command line. Only parses the subcommand and hands over.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli/config.h"

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
      "Usage: hoso [--config FILE] [--instance NAME] COMMAND [OPTIONS] ...\n"
      "\n"
      "--config FILE gives options from a file (an installed hoso reads\n"
      "/etc/hoso/hoso.conf, or $HOSO_CONFIG): KEY = VALUE lines, the keys\n"
      "being the commands' long options; [COMMAND] and [COMMAND INSTANCE]\n"
      "sections (--instance NAME); options on the command line win.\n"
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
  // hoso [--config FILE] [--instance NAME] COMMAND ...: the configuration
  // file (an installed hoso's /etc/hoso/hoso.conf by default) gives the
  // options the command line does not.
  std::string config = DefaultConfigPath(), instance;
  bool explicit_config = false;
  while (!args.empty() && (args[0] == "--config" || args[0] == "--instance")) {
    if (args.size() < 2) {
      std::cerr << "hoso: " << args[0] << " needs a value (see hoso --help)\n";
      return kExitUsage;
    }
    (args[0] == "--config" ? config : instance) = args[1];
    explicit_config |= args[0] == "--config";
    args.erase(args.begin(), args.begin() + 2);
  }
  if (args.empty()) {
    std::cerr << "hoso: no command (see hoso --help)\n";
    return kExitUsage;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (!config.empty() && (explicit_config || std::filesystem::exists(config))) {
    std::map<std::string, std::string> keys;
    std::string error;
    // The installed file is readable by root and the hoso group only (it
    // may hold the database's password): another user's command goes on
    // without it, told so.
    if (!explicit_config && access(config.c_str(), R_OK) != 0) {
      std::cerr << "hoso: warning: cannot read " << config
                << " (only root and the hoso group can): going on without it\n";
    } else if (!LoadConfig(config, command, instance, &keys, &error)) {
      std::cerr << "hoso: " << error << "\n";
      return kExitUsage;
    }
    SetOptionDefaults(std::move(keys));
  }
  for (const Command& c : kCommands)
    if (command == c.name) return c.run(args);
  std::cerr << "hoso: unknown command '" << command << "' (see hoso --help)\n";
  return kExitUsage;
}
