#include "review/connections.h"

#include <Poco/Net/HTTPServerConnectionFactory.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

namespace hoso {

namespace {

std::string Canned(const std::string& status, const std::string& code, const std::string& message) {
  const std::string body = R"({"error":{"code":")" + code + R"(","message":")" + message + R"("}})";
  return "HTTP/1.1 " + status + "\r\nContent-Type: application/json; charset=utf-8\r\n" +
         "Retry-After: 1\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Tells connections the station will not take "try again in a second", on
// a thread of its own, many at once: it reads each request's head first (a
// socket closed with a request unread is reset, and the reset can destroy
// the answer before the client reads it), or waits half a second for it,
// answers, reads and drops what else comes for a fifth of a second, and
// closes. At most 256 are in hand; past that a connection is closed
// without a word.
class Refuser {
 public:
  enum class Why { kBusy, kTooMany };
  Refuser() : thread_([this] { Run(); }) {}
  ~Refuser() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  void Refuse(const Poco::Net::StreamSocket& socket, Why why) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (incoming_.size() + in_hand_ >= kMost) return;
      incoming_.emplace_back(socket, why);
    }
    wake_.notify_one();
  }

 private:
  static constexpr size_t kMost = 256;
  using Clock = std::chrono::steady_clock;
  struct InHand {
    Poco::Net::StreamSocket socket;
    Why why;
    std::string head;
    bool answered = false;
    Clock::time_point until;  // to read the head, then to drain
  };

  static void Answer(InHand& c) {
    static const std::string kBusy =
        Canned("503 Service Unavailable", "BUSY", "the station is busy: try again in a moment");
    static const std::string kTooMany = Canned("429 Too Many Requests", "TOO_MANY_CONNECTIONS",
                                               "too many connections from your address: try again in a moment");
    const std::string& answer = c.why == Why::kBusy ? kBusy : kTooMany;
    c.answered = true;
    c.until = Clock::now() + std::chrono::milliseconds(200);
    try {
      c.socket.sendBytes(answer.data(), static_cast<int>(answer.size()));  // fits a fresh socket's buffer
      c.socket.shutdownSend();
    } catch (const Poco::Exception&) { c.until = Clock::now(); }
  }

  void Run() {
    std::vector<InHand> hand;
    while (true) {
      {
        std::unique_lock<std::mutex> lock(mutex_);
        if (hand.empty()) wake_.wait(lock, [&] { return stop_ || !incoming_.empty(); });
        if (stop_) return;
        for (auto& [socket, why] : incoming_) {
          InHand c{socket, why, {}, false, Clock::now() + std::chrono::milliseconds(500)};
          try {
            c.socket.setBlocking(false);
          } catch (const Poco::Exception&) { continue; }
          hand.push_back(std::move(c));
        }
        incoming_.clear();
        in_hand_ = hand.size();
      }
      Poco::Net::Socket::SocketList readable, writable, failed;
      for (const auto& c : hand) readable.push_back(c.socket);
      try {
        Poco::Net::Socket::select(readable, writable, failed, Poco::Timespan(0, 50000));
      } catch (const Poco::Exception&) { readable.clear(); }
      for (const auto& r : readable)
        for (auto& c : hand) {
          if (c.socket != r) continue;
          char buffer[4096];
          int n = 0;
          try {
            n = c.socket.receiveBytes(buffer, sizeof buffer);
          } catch (const Poco::Exception&) { n = -1; }
          if (n <= 0) {
            c.answered = true;  // the client has gone, or closed: nothing to say
            c.until = Clock::now();
          } else if (!c.answered) {
            c.head.append(buffer, static_cast<size_t>(n));
            if (c.head.find("\r\n\r\n") != std::string::npos || c.head.size() >= 16384) Answer(c);
          }
        }
      const auto now = Clock::now();
      for (auto& c : hand)
        if (!c.answered && c.until <= now) Answer(c);
      for (auto it = hand.begin(); it != hand.end();) {
        if (it->answered && it->until <= now) {
          try {
            it->socket.close();
          } catch (const Poco::Exception&) {}
          it = hand.erase(it);
        } else {
          ++it;
        }
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::pair<Poco::Net::StreamSocket, Why>> incoming_;
  size_t in_hand_ = 0;
  bool stop_ = false;
  std::thread thread_;
};

bool IsProxy(const Poco::Net::IPAddress& peer, const ConnectionLimits& limits) {
  return std::find(limits.proxies.begin(), limits.proxies.end(), peer) != limits.proxies.end();
}

}  // namespace

// What the filter (on the accepting thread) and the connections (on the
// request threads) share: open connections per client address, counted
// when accepted and let go when their connection ends.
struct GuardedHttpServer::Guards {
  ConnectionLimits limits;
  int waiting = 0;                                        // threads: this many may wait
  std::atomic<const Poco::Net::TCPServer*> tcp{nullptr};  // while started
  std::unique_ptr<Refuser> refuser;                       // plain HTTP only
  std::mutex mutex;
  std::map<std::string, int> open;              // address → connections
  std::map<const void*, std::string> accepted;  // socket → its counted address

  // On the accepting thread: may this connection go on to the queue?
  bool Admit(const Poco::Net::StreamSocket& socket) {
    const Poco::Net::TCPServer* server = tcp.load();
    if (server && server->queuedConnections() >= waiting) {
      if (refuser) refuser->Refuse(socket, Refuser::Why::kBusy);
      return false;
    }
    if (limits.per_address <= 0) return true;
    Poco::Net::IPAddress peer;
    try {
      peer = socket.peerAddress().host();
    } catch (const Poco::Exception&) {
      return false;  // gone already
    }
    if (IsProxy(peer, limits)) return true;
    const std::string key = peer.toString();
    std::lock_guard<std::mutex> lock(mutex);
    int& n = open[key];
    if (n >= limits.per_address) {
      if (refuser) refuser->Refuse(socket, Refuser::Why::kTooMany);
      return false;
    }
    ++n;
    accepted[socket.impl()] = key;
    return true;
  }
  // On a request thread, as its connection starts: the address counted for
  // it ("" when none was).
  std::string Claim(const Poco::Net::StreamSocket& socket) {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = accepted.find(socket.impl());
    if (it == accepted.end()) return "";
    std::string key = std::move(it->second);
    accepted.erase(it);
    return key;
  }
  void Release(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = open.find(key);
    if (it != open.end() && --it->second <= 0) open.erase(it);
  }
};

namespace {

class Filter : public Poco::Net::TCPServerConnectionFilter {
 public:
  explicit Filter(std::shared_ptr<GuardedHttpServer::Guards> guards) : guards_(std::move(guards)) {}
  bool accept(const Poco::Net::StreamSocket& socket) override { return guards_->Admit(socket); }

 private:
  std::shared_ptr<GuardedHttpServer::Guards> guards_;
};

// Poco's HTTP connection, with its address let go when it ends.
class CountedConnection : public Poco::Net::TCPServerConnection {
 public:
  CountedConnection(const Poco::Net::StreamSocket& socket, Poco::Net::TCPServerConnection* http,
                    std::shared_ptr<GuardedHttpServer::Guards> guards, std::string address)
      : TCPServerConnection(socket), http_(http), guards_(std::move(guards)), address_(std::move(address)) {}
  ~CountedConnection() override {
    if (!address_.empty()) guards_->Release(address_);
  }
  void run() override { http_->run(); }

 private:
  std::unique_ptr<Poco::Net::TCPServerConnection> http_;
  std::shared_ptr<GuardedHttpServer::Guards> guards_;
  std::string address_;
};

class CountedFactory : public Poco::Net::TCPServerConnectionFactory {
 public:
  CountedFactory(Poco::Net::HTTPServerParams::Ptr params, Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                 std::shared_ptr<GuardedHttpServer::Guards> guards)
      : http_(std::move(params), std::move(handlers)), guards_(std::move(guards)) {}
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    std::string address = guards_->Claim(socket);
    std::unique_ptr<Poco::Net::TCPServerConnection> http;
    try {
      http.reset(http_.createConnection(socket));
    } catch (...) {
      if (!address.empty()) guards_->Release(address);
      throw;
    }
    return new CountedConnection(socket, http.release(), guards_, std::move(address));
  }

 private:
  Poco::Net::HTTPServerConnectionFactory http_;
  std::shared_ptr<GuardedHttpServer::Guards> guards_;
};

}  // namespace

std::vector<Poco::Net::IPAddress> ConnectionLimits::DefaultProxies() {
  return {Poco::Net::IPAddress("127.0.0.1"), Poco::Net::IPAddress("::1")};
}

GuardedHttpServer::GuardedHttpServer(RequestHandlers* handlers, Poco::ThreadPool& pool,
                                     const Poco::Net::ServerSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                                     ConnectionLimits limits)
    : handlers_(handlers), guards_(std::make_shared<Guards>()) {
  guards_->limits = std::move(limits);
  guards_->waiting = params->getMaxThreads();
  if (guards_->limits.plain_http) guards_->refuser = std::make_unique<Refuser>();
  tcp_ = std::make_unique<Poco::Net::TCPServer>(new CountedFactory(params, handlers_, guards_), pool, socket, params);
  tcp_->setConnectionFilter(new Filter(guards_));
}

GuardedHttpServer::~GuardedHttpServer() { Stop(); }

void GuardedHttpServer::Start() {
  guards_->tcp = tcp_.get();
  tcp_->start();
}

void GuardedHttpServer::Stop() {
  if (!tcp_) return;
  guards_->tcp = nullptr;
  tcp_->stop();
  // What Poco's HTTPServer::stopAll(true) does: every connection, idle
  // between two requests or answering, is told to end.
  static_cast<RequestHandlers*>(handlers_.get())->EndConnections();
  tcp_.reset();
}

std::string ClientAddress(const Poco::Net::IPAddress& peer, const std::string& real_ip_header,
                          const ConnectionLimits& limits) {
  if (!real_ip_header.empty() && IsProxy(peer, limits)) {
    Poco::Net::IPAddress real;
    if (Poco::Net::IPAddress::tryParse(real_ip_header, real)) return real.toString();
  }
  return peer.toString();
}

}  // namespace hoso
