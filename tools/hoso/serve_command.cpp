#include "serve_command.h"

#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/args.h"
#include "core/data_dir.h"
#include "exit_codes.h"
#include "review/accounts.h"
#include "review/server.h"

namespace hoso::cli {

namespace {

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

std::string WebDir() { return DataDir("web", "HOSO_WEB"); }

// A line from the terminal without echo, or from standard input.
std::string ReadPassword(const std::string& prompt) {
  const bool tty = isatty(STDIN_FILENO);
  termios old{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

int RunServe(const std::vector<std::string>& argv) {
  Args args(argv,
            {"--db", "--bind", "--port", "--as-of", "--tls-cert", "--tls-key", "--per-address", "--proxies", "--models",
             "--web"},
            {"--help", "-h"});
  if (auto exit = HelpOrUsageError(args, "hoso serve",
                                   "Usage: hoso serve [--db URI] [--bind 127.0.0.1] [--port 8080] [--as-of DATE]\n"
                                   "                  [--tls-cert CERT.pem --tls-key KEY.pem]\n"
                                   "                  [--per-address 16] [--proxies 127.0.0.1,::1|none]\n"
                                   "                  [--models DIR] [--web DIR]\n"
                                   "\n"
                                   "Serves the review station: sign in (accounts from `hoso user add`), the\n"
                                   "queue of dossiers needing review, each dossier's pages with its fields'\n"
                                   "boxes, address suggestions, approve and reject, and a dashboard. The page\n"
                                   "is web/ (or $HOSO_WEB); its JSON API is under /api (see the README).\n"
                                   "With --tls-cert and --tls-key it speaks HTTPS only (TLS 1.2 and 1.3) and\n"
                                   "the session cookie is Secure.\n"
                                   "One client address holds at most --per-address connections (0: no\n"
                                   "limit). --proxies are trusted reverse proxies: not limited, and their\n"
                                   "X-Real-IP header names the user's address.\n"
                                   "Runs until SIGINT or SIGTERM.\n\n"))
    return *exit;
  if (!args.positional().empty()) return UsageError("hoso serve", "unexpected argument");
  ServerOptions options;
  options.db = args.Value("--db").value_or("hoso.db");
  options.bind = args.Value("--bind").value_or("127.0.0.1");
  try {
    options.port = std::stoi(args.Value("--port").value_or("8080"));
  } catch (...) { options.port = -1; }
  if (options.port < 0 || options.port > 65535) {
    std::cerr << "hoso serve: --port must be 0..65535\n";
    return kExitUsage;
  }
  if (auto as_of = args.Value("--as-of")) {
    if (!IsIsoDate(*as_of)) {
      std::cerr << "hoso serve: --as-of must be a date YYYY-MM-DD\n";
      return kExitUsage;
    }
    options.as_of = *as_of;
  }
  options.tls_cert = args.Value("--tls-cert").value_or("");
  options.tls_key = args.Value("--tls-key").value_or("");
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    std::cerr << "hoso serve: --tls-cert and --tls-key go together\n";
    return kExitUsage;
  }
  if (auto n = args.Value("--per-address")) {
    try {
      options.per_address = std::stoi(*n);
    } catch (...) { options.per_address = -1; }
    if (options.per_address < 0) {
      std::cerr << "hoso serve: --per-address must be a number, 0 for no limit\n";
      return kExitUsage;
    }
  }
  if (auto list = args.Value("--proxies")) {
    options.proxies.clear();
    std::stringstream in(*list);
    for (std::string one; std::getline(in, one, ',');) {
      if (one.empty() || (one == "none" && *list == "none")) continue;
      Poco::Net::IPAddress address;
      if (!Poco::Net::IPAddress::tryParse(one, address)) {
        std::cerr << "hoso serve: --proxies takes IP addresses separated by commas, or none: '" << one << "'\n";
        return kExitUsage;
      }
      options.proxies.push_back(address);
    }
  }
  // The page and the models: beside the binary (share/hoso), or where the
  // options (or $HOSO_WEB, $HOSO_MODELS) say.
  options.web_dir = args.Value("--web").value_or(WebDir());
  auto gazetteer =
      Gazetteer::Load(args.Value("--models") ? *args.Value("--models") + "/gazetteer" : Gazetteer::DefaultDir());
  if (!gazetteer.ok()) {
    std::cerr << "hoso serve: " << gazetteer.status().ToString() << "\n";
    return kExitFatal;
  }
  options.gazetteer = std::move(gazetteer).value();
  auto server = ReviewServer::Start(options);
  if (!server.ok()) return Fatal("hoso serve", server.status());
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  // The port on its own line first: scripts (and the tests) read it.
  std::cout << "listening on " << (options.tls_cert.empty() ? "http" : "https") << "://" << options.bind << ":"
            << (*server)->port() << "/" << std::endl;
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  (*server)->Stop();
  return kExitOk;
}

int RunUser(const std::vector<std::string>& argv) {
  Args args(argv, {"--db", "--role"}, {"--help", "-h"});
  if (args.Flag("--help") || args.Flag("-h") || args.positional().size() != 2 || args.positional()[0] != "add") {
    std::cout << "Usage: hoso user add NAME --role reviewer|admin [--db URI]\n"
                 "\n"
                 "Adds a review station user (or sets a new password and role). The\n"
                 "password is read from the terminal, or from standard input.\n\n";
    return args.Flag("--help") || args.Flag("-h") ? kExitOk : kExitUsage;
  }
  auto accounts = Accounts::Open(args.Value("--db").value_or("hoso.db"));
  if (!accounts.ok()) return Fatal("hoso user", accounts.status());
  const std::string password = ReadPassword("password for " + args.positional()[1] + ": ");
  const Status s = (*accounts)->SetUser(args.positional()[1], args.Value("--role").value_or("reviewer"), password);
  if (!s.ok()) {
    std::cerr << "hoso user: " << s.message() << "\n";
    return s.code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitFatal;
  }
  std::cout << "user " << args.positional()[1] << " saved\n";
  return kExitOk;
}

}  // namespace hoso::cli
