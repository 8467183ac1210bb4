// review_load: the review station under load, on loopback. Starts a server
// over a scratch registry (one dossier, one user), then N clients for T
// seconds, each: sign in once, then over and over read the dossier and save
// its counter field one higher with the version it read (409: read again).
// At the end every save that was answered 200 must be in the counter: no
// update lost, and no request may have failed.
//   review_load [--clients 50] [--seconds 30]
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "cli/args.h"
#include "registry/registry.h"
#include "review/accounts.h"
#include "review/server.h"

using namespace hoso;
namespace fs = std::filesystem;

namespace {

struct Response {
  int status = 0;
  std::string body, cookie;
};

Response Call(Poco::Net::HTTPClientSession& s, const std::string& method, const std::string& path,
              const std::string& body, const std::string& cookie, const std::string& csrf) {
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPRequest::HTTP_1_1);
  request.setKeepAlive(true);
  if (!cookie.empty()) {
    Poco::Net::NameValueCollection c;
    c.add("hoso_session", cookie);
    request.setCookies(c);
  }
  if (!csrf.empty()) request.set("X-CSRF-Token", csrf);
  request.setContentLength(static_cast<std::streamsize>(body.size()));
  s.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = s.receiveResponse(response);
  Response r;
  r.status = response.getStatus();
  Poco::StreamCopier::copyToString(in, r.body);
  const std::string set = response.get("Set-Cookie", "");
  if (auto at = set.find("hoso_session="); at != std::string::npos) r.cookie = set.substr(at + 13, 64);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  cli::Args args(std::vector<std::string>(argv + 1, argv + argc), {"--clients", "--seconds"}, {"--help", "-h"});
  const int clients = args.Int("--clients", 50), seconds = args.Int("--seconds", 30);
  if (auto exit = cli::HelpOrUsageError(args, "review_load", "usage: review_load [--clients N] [--seconds S]\n"))
    return *exit;
  const fs::path dir = fs::temp_directory_path() / ("hoso-load-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string db = (dir / "r.db").string();
  {
    auto reg = Registry::Open(db);
    DossierRecord r;
    r.source = "load.tif";
    r.sha256 = std::string(64, 'c');
    r.status = DossierStatus::kNeedsReview;
    r.fields["counter"] = FieldValue{"0", 1.0, 0, Box{}};
    if (!reg.ok() || !(*reg)->Register(r).ok()) return 3;
    auto accounts = Accounts::Open(db);
    if (!accounts.ok() || !(*accounts)->SetUser("load", "reviewer", "load-test-pass").ok()) return 3;
  }
  ServerOptions o;
  o.db = db;
  o.port = 0;
  o.threads = 16;
  auto server = ReviewServer::Start(o);
  if (!server.ok()) return 3;
  const int port = (*server)->port();
  std::atomic<long> requests{0}, errors{0}, saved{0}, conflicts{0};
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&] {
      try {
        Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port));
        s.setKeepAlive(true);
        auto in = Call(s, "POST", "/api/session", R"({"name":"load","password":"load-test-pass"})", "", "");
        ++requests;
        if (in.status != 200) {
          ++errors;
          return;
        }
        const std::string csrf =
            Poco::JSON::Parser().parse(in.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("csrf");
        while (std::chrono::steady_clock::now() < until) {
          auto d = Call(s, "GET", "/api/dossiers/1", "", in.cookie, "");
          ++requests;
          if (d.status != 200) {
            ++errors;
            continue;
          }
          auto o = Poco::JSON::Parser().parse(d.body).extract<Poco::JSON::Object::Ptr>();
          const int version = o->getValue<int>("version");
          const int counter = std::stoi(o->getObject("fields")->getObject("counter")->getValue<std::string>("value"));
          auto put =
              Call(s, "PUT", "/api/dossiers/1/fields/counter",
                   R"({"value":")" + std::to_string(counter + 1) + R"(","version":)" + std::to_string(version) + "}",
                   in.cookie, csrf);
          ++requests;
          if (put.status == 200)
            ++saved;
          else if (put.status == 409)
            ++conflicts;
          else
            ++errors;
        }
      } catch (const std::exception& e) { ++errors; }
    });
  for (auto& t : threads) t.join();
  (*server)->Stop();
  auto reg = Registry::Open(db);
  const int counter = std::stoi((*reg)->Load(1)->fields.at("counter").value);
  const int version = *(*reg)->Version(1);
  fs::remove_all(dir);
  std::printf("%d clients, %d s: %ld requests (%.0f/s), %ld errors; %ld saves, %ld refused as stale (409)\n", clients,
              seconds, requests.load(), requests.load() / static_cast<double>(seconds), errors.load(), saved.load(),
              conflicts.load());
  std::printf("counter %d, version %d: %s\n", counter, version,
              counter == saved && version == saved + 1 ? "no update lost" : "UPDATES LOST");
  return errors == 0 && counter == saved && version == saved + 1 ? 0 : 1;
}
