// The review station's connections, before any HTTP is read: a Poco TCP
// server that hands each connection to Poco's HTTP connection, guarded
// against a flood and against one client holding every thread.
//
// - Overload: when as many connections wait as there are threads to answer
//   them, a new one is told "503 BUSY, Retry-After: 1" at once.
// - One client address may hold `per_address` connections at a time; the
//   next is told "429 TOO_MANY_CONNECTIONS" at once. Trusted proxies (by
//   default the machine itself: a reverse proxy on loopback speaks for many
//   users) are not limited.
// Both answers come from a thread of their own, not from the request
// threads. Over TLS nothing can be said before the handshake, which the
// request threads are there for: the connection is closed instead.
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <memory>
#include <string>
#include <vector>

namespace hoso {

struct ConnectionLimits {
  int per_address = 16;  // 0: no limit
  // Peers whose connections are not counted, and whose X-Real-IP header is
  // believed (see ClientAddress).
  std::vector<Poco::Net::IPAddress> proxies = DefaultProxies();
  bool plain_http = true;                                     // can answer before a handshake (not TLS)
  static std::vector<Poco::Net::IPAddress> DefaultProxies();  // 127.0.0.1 and ::1
};

// The request handlers' factory, able to end every connection (what
// Poco's HTTPServer::stopAll does, a friend of its factory).
class RequestHandlers : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  void EndConnections() { serverStopped(this, true); }
};

class GuardedHttpServer {
 public:
  // Serves `socket` with `handlers` (owned from here on), on `pool`'s threads (params'
  // max threads answer; as many may wait).
  GuardedHttpServer(RequestHandlers* handlers, Poco::ThreadPool& pool, const Poco::Net::ServerSocket& socket,
                    Poco::Net::HTTPServerParams::Ptr params, ConnectionLimits limits);
  ~GuardedHttpServer();
  void Start();
  // Stops listening and ends every connection, idle or answering.
  void Stop();

  struct Guards;

 private:
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;  // a RequestHandlers
  std::shared_ptr<Guards> guards_;
  std::unique_ptr<Poco::Net::TCPServer> tcp_;
};

// Who is asking: the peer's address or, when the peer is a trusted proxy
// that says whom it speaks for (X-Real-IP), that address.
std::string ClientAddress(const Poco::Net::IPAddress& peer, const std::string& real_ip_header,
                          const ConnectionLimits& limits);

}  // namespace hoso
