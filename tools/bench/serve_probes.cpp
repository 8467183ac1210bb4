// serve_probes: the review station against what knocks a web server over,
// on loopback, in one process (a server over a scratch registry, and the
// probes as its clients):
//   1. one unauthenticated POST with a 300 MB chunked body: the answer, and
//      the process's resident memory before and at its peak;
//   2. /api/me while 32 idle connections are open: the answer and its time;
//   3. 200 clients asking /api/me over and over for 10 s: answers, 503s,
//      and connections closed without a reply (there should be none);
//   4. one address (127.0.0.2) opening 500 connections and leaving them
//      idle: how many were taken, how many refused; then /api/me from
//      another address (127.0.0.3): its answer and time.
//   serve_probes [--megabytes 300] [--idle 32] [--clients 200] [--seconds 10]
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/args.h"
#include "review/accounts.h"
#include "review/server.h"

using namespace hoso;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

long ResidentMiB() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)) / 1024;
  return -1;
}

// GET /api/me on a new connection: the status, or 0 for no reply.
int Me(const Poco::Net::SocketAddress& at, int timeout_s = 30) {
  try {
    Poco::Net::HTTPClientSession s(at);
    s.setTimeout(Poco::Timespan(timeout_s, 0));
    Poco::Net::HTTPRequest request("GET", "/api/me", Poco::Net::HTTPRequest::HTTP_1_1);
    s.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(s.receiveResponse(response), body);
    return response.getStatus();
  } catch (const Poco::Exception&) { return 0; }
}

}  // namespace

int main(int argc, char** argv) {
  cli::Args args(std::vector<std::string>(argv + 1, argv + argc), {"--megabytes", "--idle", "--clients", "--seconds"},
                 {"--help", "-h"});
  if (auto exit = cli::HelpOrUsageError(args, "serve_probes",
                                        "usage: serve_probes [--megabytes 300] [--idle 32] [--clients 200] "
                                        "[--seconds 10]\n"))
    return *exit;
  const int megabytes = args.Int("--megabytes", 300), idle_n = args.Int("--idle", 32);
  const int clients = args.Int("--clients", 200), seconds = args.Int("--seconds", 10);
  const fs::path dir = fs::temp_directory_path() / ("hoso-serve-probes-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  ServerOptions o;
  o.db = (dir / "r.db").string();
  o.port = 0;
  {
    auto accounts = Accounts::Open(o.db);
    if (!accounts.ok() || !(*accounts)->SetUser("lan", "reviewer", "correct horse").ok()) return 3;
  }
  auto server = ReviewServer::Start(o);
  if (!server.ok()) {
    std::fprintf(stderr, "%s\n", server.status().ToString().c_str());
    return 3;
  }
  const Poco::Net::SocketAddress at("127.0.0.1", static_cast<Poco::UInt16>((*server)->port()));
  std::printf("server: %d threads, %d s to send a request, %d s idle between two\n", o.threads, o.receive_seconds,
              o.keep_alive_seconds);

  // 1. A huge chunked body.
  const long idle_mib = ResidentMiB();
  std::atomic<long> peak{idle_mib};
  std::atomic<bool> sampling{true};
  std::thread sampler([&] {
    while (sampling) {
      peak = std::max(peak.load(), ResidentMiB());
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  // Raw, as an attacker sends it: the server's answer is read even after it
  // has stopped reading and the writes fail.
  std::string status_line = "(none)";
  long sent_mib = 0;
  {
    Poco::Net::StreamSocket s(at);
    s.setReceiveTimeout(Poco::Timespan(30, 0));
    const std::string head =
        "POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n";
    char size[32];
    std::snprintf(size, sizeof size, "%x\r\n", 1 << 20);
    const std::string chunk = size + std::string(1 << 20, ' ') + "\r\n";
    try {
      s.sendBytes(head.data(), static_cast<int>(head.size()));
      for (; sent_mib < megabytes; ++sent_mib)
        for (size_t at_byte = 0; at_byte < chunk.size();)
          at_byte += static_cast<size_t>(s.sendBytes(chunk.data() + at_byte, static_cast<int>(chunk.size() - at_byte)));
    } catch (const Poco::Exception& e) {
      std::printf("  the server stopped reading after %ld MiB (%s)\n", sent_mib, e.displayText().c_str());
    }
    try {
      char reply[256] = {};
      const int n = s.receiveBytes(reply, sizeof reply - 1);
      const std::string text(reply, static_cast<size_t>(std::max(0, n)));
      status_line = text.substr(0, text.find("\r\n"));
    } catch (const Poco::Exception& e) { status_line = "(no answer: " + e.displayText() + ")"; }
  }
  sampling = false;
  sampler.join();
  std::printf("1. %d MB chunked POST: \"%s\"; resident memory %ld MiB before, %ld MiB at the peak (+%ld)\n", megabytes,
              status_line.c_str(), idle_mib, peak.load(), peak.load() - idle_mib);

  // 2. Idle connections.
  std::vector<Poco::Net::StreamSocket> idle(static_cast<size_t>(idle_n));
  for (auto& s : idle) s.connect(at);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto t0 = Clock::now();
  const int me = Me(at);
  std::printf("2. /api/me with %d idle connections open: answer %d in %.3f s\n", idle_n, me,
              std::chrono::duration<double>(Clock::now() - t0).count());
  for (auto& s : idle) s.close();

  // 3. Many clients at once.
  std::atomic<int> answered{0}, busy{0}, nothing{0};
  std::vector<std::thread> threads;
  const auto end = Clock::now() + std::chrono::seconds(seconds);
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&] {
      while (Clock::now() < end) {
        const int s = Me(at, 10);
        (s == 0 ? nothing : s == 503 ? busy : answered)++;
      }
    });
  for (auto& t : threads) t.join();
  std::printf("3. %d clients for %d s: %d answered, %d told 503, %d closed without a reply\n", clients, seconds,
              answered.load(), busy.load(), nothing.load());

  // 4. One address holding as many connections as it can.
  std::vector<Poco::Net::StreamSocket> held;
  int refused = 0, failed = 0;
  for (int i = 0; i < 500; ++i) {
    try {
      Poco::Net::StreamSocket s;
      s.impl()->bind(Poco::Net::SocketAddress("127.0.0.2", 0));
      s.connect(at);
      held.push_back(s);
    } catch (const Poco::Exception&) { ++failed; }
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  // A refused connection has its answer waiting (the server has closed it).
  for (auto& s : held)
    if (s.poll(Poco::Timespan(0, 1000), Poco::Net::Socket::SELECT_READ)) ++refused;
  int other = 0;
  const auto t4 = Clock::now();
  try {
    Poco::Net::StreamSocket s;
    s.impl()->bind(Poco::Net::SocketAddress("127.0.0.3", 0));
    s.connect(at);
    s.setReceiveTimeout(Poco::Timespan(30, 0));
    const std::string get = "GET /api/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    s.sendBytes(get.data(), static_cast<int>(get.size()));
    char reply[16] = {};
    if (s.receiveBytes(reply, 12) == 12) other = std::atoi(reply + 9);
  } catch (const Poco::Exception&) {}
  std::printf(
      "4. one address opening %zu connections: %zu held, %d refused (429 within 0.5 s; %d per address), %d "
      "failed to connect; /api/me from another address: answer %d in %.3f s\n",
      held.size() + static_cast<size_t>(failed), held.size() - static_cast<size_t>(refused), refused, o.per_address,
      failed, other, std::chrono::duration<double>(Clock::now() - t4).count());
  for (auto& s : held) s.close();
  (*server)->Stop();
  fs::remove_all(dir);
  return nothing.load() == 0 && me > 0 && other == 401 ? 0 : 1;
}
