// The review station's HTTP server (Poco::Net): the static page from web/,
// and a JSON API under /api (see README "Review station"). Every API call
// but signing in needs a session cookie; every change also needs the
// session's CSRF token in the X-CSRF-Token header.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "address/gazetteer.h"
#include "review/connections.h"
#include "core/status.h"

namespace hoso {

struct ServerOptions {
  std::string db = "hoso.db";
  std::string bind = "127.0.0.1";
  int port = 8080;      // 0: any free port (see ReviewServer::port)
  std::string web_dir;  // index.html, app.js, style.css
  std::shared_ptr<const Gazetteer> gazetteer;
  std::string as_of;  // address checks: as of this date (default today)
  size_t max_body_bytes = 1 << 20;
  // Threads answering requests (default: 16 per core, at least 64); each
  // connection holds one while it sends a request or waits between two.
  // When as many connections wait for a thread, new ones get 503 at once.
  int threads = DefaultThreads();
  int receive_seconds = 10;    // to send a request's head and body
  int keep_alive_seconds = 5;  // idle between two requests on one connection
  // Connections one client address may hold at a time (0: no limit); the
  // next is told 429 at once. Not counted: these peers, trusted proxies
  // (a reverse proxy on this machine speaks for many users), whose
  // X-Real-IP header names the user's address for the sign-in throttle.
  int per_address = 16;
  std::vector<Poco::Net::IPAddress> proxies = ConnectionLimits::DefaultProxies();
  static int DefaultThreads();
  // HTTPS with this certificate and key (PEM files); plain HTTP when empty.
  // Over TLS the session cookie is Secure.
  std::string tls_cert, tls_key;
};

class ReviewServer {
 public:
  static Result<std::unique_ptr<ReviewServer>> Start(const ServerOptions& options);
  ~ReviewServer();
  int port() const;
  void Stop();

  struct State;

 private:
  ReviewServer() = default;
  std::unique_ptr<State> state_;
};

}  // namespace hoso
