#include "review/server.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <mutex>

#include "address/address.h"
#include "cleanup/cleanup.h"
#include "core/record_json.h"
#include "core/vietnam_time.h"
#include "ingest/ingest.h"
#include "registry/registry.h"
#include "core/log.h"
#include "review/accounts.h"
#include "review/connections.h"
#include "review/learning.h"
#include "review/recheck.h"
#include "review/throttle.h"

namespace hoso {

namespace fs = std::filesystem;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

struct ReviewServer::State {
  ServerOptions options;
  std::unique_ptr<Registry> registry;
  std::unique_ptr<Accounts> accounts;
  SignInThrottle throttle;
  // The server's own threads (Poco's default pool holds 16, shared by every
  // server in the process); outlives the server.
  std::unique_ptr<Poco::ThreadPool> pool;
  std::unique_ptr<GuardedHttpServer> server;
  ConnectionLimits limits;
  int port = 0;
  bool tls = false;
};

namespace {

constexpr const char* kCookie = "hoso_session";

// A reply: status, content type, body, and the session cookie to set.
struct Reply {
  HTTPResponse::HTTPStatus status = HTTPResponse::HTTP_OK;
  std::string type = "application/json; charset=utf-8";
  std::string body;
  std::optional<Poco::Net::HTTPCookie> cookie;
  std::vector<std::pair<std::string, std::string>> headers;
};

// The session's cookie: not readable by scripts, sent to this site only
// (and only over TLS when the station speaks it); an empty value that
// expires at once signs the browser out.
Poco::Net::HTTPCookie SessionCookie(const std::string& token, bool secure) {
  Poco::Net::HTTPCookie cookie(kCookie, token);
  cookie.setPath("/");
  cookie.setHttpOnly(true);
  cookie.setSecure(secure);
  cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  if (token.empty()) cookie.setMaxAge(0);
  return cookie;
}

std::string Json(const Poco::JSON::Object& o) {
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

Reply Error(HTTPResponse::HTTPStatus status, const std::string& code, const std::string& message) {
  Poco::JSON::Object o, e;
  e.set("code", code);
  e.set("message", message);
  o.set("error", e);
  return {status, "application/json; charset=utf-8", Json(o), std::nullopt, {}};
}

// A server-side failure: the details go to the log, never to the client
// (they name tables, paths, and what the database said).
Reply Internal(const std::string& detail) {
  Log(LogLevel::kError, "serve: " + detail);
  return Error(HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "INTERNAL", "the server could not do that; see its log");
}

// `denied`: what a DENIED status is (401 where it means "not signed in",
// 403 where the caller is known but not allowed).
Reply FromStatus(const Status& s, HTTPResponse::HTTPStatus denied = HTTPResponse::HTTP_UNAUTHORIZED) {
  switch (s.code()) {
    case ErrorCode::kNotFound: return Error(HTTPResponse::HTTP_NOT_FOUND, s.code_name(), s.message());
    case ErrorCode::kConflict: return Error(HTTPResponse::HTTP_CONFLICT, s.code_name(), s.message());
    case ErrorCode::kDenied: return Error(denied, s.code_name(), s.message());
    case ErrorCode::kInvalidArgument: return Error(HTTPResponse::HTTP_BAD_REQUEST, s.code_name(), s.message());
    case ErrorCode::kRegistryFailed: {
      // The database is away (a restart, a failover): said, and logged.
      Reply r = Internal(s.ToString());
      r.status = HTTPResponse::HTTP_SERVICE_UNAVAILABLE;
      r.body =
          R"({"error":{"code":"REGISTRY_UNAVAILABLE","message":"the registry is not answering: try again in a moment"}})";
      r.headers.push_back({"Retry-After", "5"});
      return r;
    }
    default: return Internal(s.ToString());
  }
}

Reply Ok(const Poco::JSON::Object& o) {
  return {HTTPResponse::HTTP_OK, "application/json; charset=utf-8", Json(o), std::nullopt, {}};
}

class Handler;

// What a route's handler is given.
struct Call {
  HTTPServerRequest& request;
  const Poco::URI& uri;
  std::smatch match;                   // the route's pattern against the path
  Poco::JSON::Object::Ptr body;        // the JSON body ({} when there is none)
  std::optional<SessionInfo> session;  // every route but signing in has one
  std::string token;                   // the session's
};

// Who may call a route.
enum class Role { kAnyone, kReviewer, kAdmin };  // reviewer: a reviewer or an admin

// The API: method, path pattern, who may call it, and the handler. With a
// session, every method but GET is a change and needs the session's CSRF
// token too (the address check, a POST, is guarded alike).
struct ApiRoute {
  const char* method;
  std::regex path;
  Role role;
  Reply (Handler::*handle)(Call&);
};

// The fields a reviewer may set: the core ones, whether read or not (a
// handwritten one is keyed by hand; an official document's number is often
// written in), and those the dossier already has.
const std::set<std::string>& CoreFieldKeys() {
  static const std::set<std::string> kKeys = {
      "full_name", "date_of_birth", "gender",     "id_number", "phone",  "permanent_address",
      "doc_date",  "doc_number",    "doc_symbol", "issuer",    "subject"};
  return kKeys;
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(ReviewServer::State& state) : state_(state) {}

  void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
    Reply reply;
    try {
      reply = Dispatch(request);
    } catch (const std::exception& e) { reply = Internal(std::string("exception: ") + e.what()); }
    response.setStatusAndReason(reply.status);
    if (response_close_) response.setKeepAlive(false);
    response.setContentType(reply.type);
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Cache-Control", "no-store");
    // The page loads only its own files, is framed by no one, and tells no
    // other site where its users came from.
    response.set("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; base-uri 'none'; "
                 "form-action 'self'; frame-ancestors 'none'");
    response.set("X-Frame-Options", "DENY");
    response.set("Referrer-Policy", "no-referrer");
    for (const auto& [name, value] : reply.headers) response.set(name, value);
    if (reply.cookie) response.addCookie(*reply.cookie);
    response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
    response.send() << reply.body;
  }

 private:
  ReviewServer::State& state_;
  bool response_close_ = false;

  // The request's body, read piece by piece and cut at the limit, whether
  // its length is declared or it comes chunked; empty for none. Past the
  // limit nothing more is kept: up to 16 MiB more is read and dropped, so
  // that an ordinary client gets the refusal rather than a reset
  // connection, and the connection is closed after it.
  std::optional<std::string> Body(HTTPServerRequest& request) {
    const size_t limit = state_.options.max_body_bytes;
    constexpr std::streamsize kDrain = 16 << 20;
    std::istream& in = request.stream();
    char buffer[8192];
    auto drain = [&] {
      response_close_ = true;
      for (std::streamsize dropped = 0; in && dropped < kDrain; dropped += in.gcount()) {
        in.read(buffer, sizeof buffer);
        if (in.gcount() == 0) break;
      }
      return std::nullopt;
    };
    const auto length = request.getContentLength();
    if (length != HTTPServerRequest::UNKNOWN_CONTENT_LENGTH && length > static_cast<std::streamsize>(limit))
      return drain();
    std::string body;
    while (in) {
      in.read(buffer, sizeof buffer);
      if (in.gcount() == 0) break;
      if (body.size() + static_cast<size_t>(in.gcount()) > limit) return drain();
      body.append(buffer, static_cast<size_t>(in.gcount()));
    }
    return body;
  }

  // A change must come from this station's own page: a browser says where
  // a request comes from (Origin, Sec-Fetch-Site), and a cross-site one is
  // refused, signing in included. Tools that send neither are let through
  // (they hold no victim's cookie).
  static bool SameOrigin(const HTTPServerRequest& request) {
    const std::string site = request.get("Sec-Fetch-Site", "");
    if (!site.empty() && site != "same-origin" && site != "none") return false;
    const std::string origin = request.get("Origin", "");
    if (origin.empty()) return true;
    const std::string host = request.getHost();
    return origin == "http://" + host || origin == "https://" + host;
  }

  std::string CookieToken(const HTTPServerRequest& request) {
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    return cookies.get(kCookie, "");
  }

  Reply Static(const std::string& name) {
    static const std::regex safe(R"([A-Za-z0-9_-]+\.(html|js|css|png|svg))");
    if (!std::regex_match(name, safe)) return Error(HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND", "no such file");
    std::ifstream in(fs::path(state_.options.web_dir) / name, std::ios::binary);
    if (!in) return Error(HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND", "no such file");
    std::ostringstream body;
    body << in.rdbuf();
    const std::string ext = name.substr(name.rfind('.') + 1);
    const std::string type = ext == "html"  ? "text/html; charset=utf-8"
                             : ext == "js"  ? "text/javascript; charset=utf-8"
                             : ext == "css" ? "text/css; charset=utf-8"
                             : ext == "svg" ? "image/svg+xml"
                                            : "image/png";
    return {HTTPResponse::HTTP_OK, type, body.str(), std::nullopt, {}};
  }

  static const std::vector<ApiRoute>& Routes() {
    static const std::vector<ApiRoute> kRoutes = {
        {"POST", std::regex("/api/session"), Role::kAnyone, &Handler::SignIn},
        {"DELETE", std::regex("/api/session"), Role::kReviewer, &Handler::SignOut},
        {"GET", std::regex("/api/me"), Role::kReviewer, &Handler::Me},
        {"PUT", std::regex("/api/me"), Role::kReviewer, &Handler::SetMe},
        {"GET", std::regex("/api/queue"), Role::kReviewer, &Handler::Queue},
        {"GET", std::regex("/api/dashboard"), Role::kReviewer, &Handler::Dashboard},
        {"POST", std::regex("/api/address/check"), Role::kReviewer, &Handler::CheckAddressText},
        {"GET", std::regex(R"(/api/dossiers/(\d{1,12}))"), Role::kReviewer, &Handler::Dossier},
        {"GET", std::regex(R"(/api/dossiers/(\d{1,12})/pages/(\d{1,4})\.png)"), Role::kReviewer, &Handler::PageImage},
        {"PUT", std::regex(R"(/api/dossiers/(\d{1,12})/fields/([a-z_]{1,40}))"), Role::kReviewer, &Handler::SetField},
        {"POST", std::regex(R"(/api/dossiers/(\d{1,12})/(approve|reject))"), Role::kReviewer, &Handler::Decide},
        // A decided dossier goes back to the queue by an admin's explicit act.
        {"POST", std::regex(R"(/api/dossiers/(\d{1,12})/(reopen))"), Role::kAdmin, &Handler::Reopen},
        // Labels learnt from corrections, and a reviewer's undo of one.
        {"GET", std::regex("/api/learnt"), Role::kReviewer, &Handler::Learnt},
        {"DELETE", std::regex(R"(/api/learnt/(\d{1,12}))"), Role::kReviewer, &Handler::Forget},
    };
    return kRoutes;
  }

  Reply Dispatch(HTTPServerRequest& request) {
    const Poco::URI uri(request.getURI());
    const std::string path = uri.getPath();
    // HEAD is GET without the body (Poco sends the headers only).
    const std::string method = request.getMethod() == "HEAD" ? "GET" : request.getMethod();
    if (method == "GET" && (path == "/" || path == "/index.html")) return Static("index.html");
    if (method == "GET" && path.rfind("/static/", 0) == 0) return Static(path.substr(8));
    if (path.rfind("/api/", 0) != 0) return Error(HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND", "no such page");

    if (method != "GET" && !SameOrigin(request))
      return Error(HTTPResponse::HTTP_FORBIDDEN, "CROSS_SITE", "a change must come from this station's own page");
    auto body = Body(request);
    if (!body) return Error(HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "TOO_LARGE", "the request body is too large");
    Call call{request, uri, {}, new Poco::JSON::Object, std::nullopt, ""};
    if (!body->empty()) {
      try {
        call.body = Poco::JSON::Parser().parse(*body).extract<Poco::JSON::Object::Ptr>();
      } catch (const std::exception&) {
        return Error(HTTPResponse::HTTP_BAD_REQUEST, "BAD_JSON", "the body is not a JSON object");
      }
      if (!call.body) return Error(HTTPResponse::HTTP_BAD_REQUEST, "BAD_JSON", "the body is not a JSON object");
    }
    const ApiRoute* route = nullptr;
    for (const ApiRoute& r : Routes())
      if (method == r.method && std::regex_match(path, call.match, r.path)) {
        route = &r;
        break;
      }
    // An unknown route is said so only to a signed-in user.
    if (!route || route->role != Role::kAnyone) {
      call.token = CookieToken(request);
      auto session = state_.accounts->Check(call.token);
      if (!session.ok()) return FromStatus(session.status());
      if (method != "GET" && !SameSecret(request.get("X-CSRF-Token", ""), session->csrf))
        return Error(HTTPResponse::HTTP_FORBIDDEN, "CSRF", "missing or wrong X-CSRF-Token");
      if (route && route->role == Role::kAdmin && session->role != "admin")
        return Error(HTTPResponse::HTTP_FORBIDDEN, "FORBIDDEN", "only an admin may do that");
      call.session = std::move(session).value();
    }
    if (!route) return Error(HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND", "no such API route: " + method + " " + path);
    return (this->*route->handle)(call);
  }

  Reply SignIn(Call& call) {
    // JSON only: a cross-site form can post text/plain without asking.
    const std::string type = call.request.getContentType();
    if (type.rfind("application/json", 0) != 0)
      return Error(HTTPResponse::HTTP_UNSUPPORTEDMEDIATYPE, "BAD_REQUEST", "sign in with a JSON body");
    const Poco::JSON::Object& in = *call.body;
    if (!in.has("name") || !in.has("password") || !in.get("name").isString() || !in.get("password").isString())
      return Error(HTTPResponse::HTTP_BAD_REQUEST, "BAD_REQUEST", "give name and password");
    const std::string name = in.getValue<std::string>("name");
    const std::string address =
        ClientAddress(call.request.clientAddress().host(), call.request.get("X-Real-IP", ""), state_.limits);
    if (auto wait = state_.throttle.RetryAfter(name, address)) {
      (void)state_.accounts->RecordSignIn(name, address, "throttled");
      Reply r = Error(HTTPResponse::HTTP_TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
                      "too many failed sign-ins: try again in " + std::to_string(*wait) + " s");
      r.headers.push_back({"Retry-After", std::to_string(*wait)});
      return r;
    }
    auto s = state_.accounts->SignIn(name, in.getValue<std::string>("password"));
    if (!s.ok()) {
      if (s.status().code() == ErrorCode::kDenied) {
        state_.throttle.Failed(name, address);
        (void)state_.accounts->RecordSignIn(name, address, "wrong");
        Log(LogLevel::kWarning, "serve: failed sign-in as '" + name + "' from " + address);
      }
      return FromStatus(s.status());
    }
    state_.throttle.Succeeded(name);
    (void)state_.accounts->RecordSignIn(name, address, "ok");
    Reply r = MeOf(s->info);
    // A new token at every sign-in (no session fixation).
    r.cookie = SessionCookie(s->token, state_.tls);
    return r;
  }

  Reply SignOut(Call& call) {
    (void)state_.accounts->SignOut(call.token);
    Reply r = Ok(Poco::JSON::Object());
    r.cookie = SessionCookie("", state_.tls);
    return r;
  }

  Reply Me(Call& call) { return MeOf(*call.session); }

  Reply MeOf(const SessionInfo& s) {
    Poco::JSON::Object o;
    o.set("user", s.user);
    o.set("role", s.role);
    o.set("csrf", s.csrf);
    o.set("language", s.language);
    return Ok(o);
  }

  // PUT /api/me {"language": "vi" | "en"}: the user's own choice, kept.
  Reply SetMe(Call& call) {
    const Poco::JSON::Object& in = *call.body;
    if (!in.has("language") || !in.get("language").isString())
      return Error(HTTPResponse::HTTP_BAD_REQUEST, "BAD_REQUEST", "give language (vi or en)");
    SessionInfo me = *call.session;
    me.language = in.getValue<std::string>("language");
    if (Status st = state_.accounts->SetLanguage(me.user, me.language); !st.ok()) return FromStatus(st);
    return MeOf(me);
  }

  // GET /api/queue?q=&flag=&doc_type=&intake_point=&from=&to=&offset=&limit=
  // (from/to: days of Vietnam's calendar, both included).
  Reply Queue(Call& call) {
    Registry::QueueQuery query;
    for (const auto& [k, v] : call.uri.getQueryParameters()) {
      if (k == "q") query.q = v.substr(0, 200);
      if (k == "flag") query.flag = v;
      if (k == "doc_type") query.doc_type = v;
      if (k == "intake_point") query.intake_point = v;
      if ((k == "from" || k == "to") && !v.empty()) {
        const std::string at = VietnamDayStartUtc(v, k == "to" ? 1 : 0);
        if (at.empty()) return Error(HTTPResponse::HTTP_BAD_REQUEST, "BAD_REQUEST", k + " must be a date YYYY-MM-DD");
        (k == "from" ? query.received_from : query.received_to) = at;
      }
      if (k == "offset" || k == "limit") {
        int n = -1;
        try {
          n = std::stoi(v);
        } catch (...) {}
        if (n < 0 || n > 100000)
          return Error(HTTPResponse::HTTP_BAD_REQUEST, "BAD_REQUEST", k + " must be a whole number");
        (k == "offset" ? query.offset : query.limit) = n;
      }
    }
    query.limit = std::clamp(query.limit, 1, 200);
    auto queue = state_.registry->ReviewQueue(query);
    if (!queue.ok()) return FromStatus(queue.status());
    Poco::JSON::Array items;
    for (const Registry::QueueEntry& e : queue->dossiers) {
      Poco::JSON::Object o;
      o.set("id", e.id);
      o.set("source", fs::path(e.source).filename().string());
      o.set("doc_type", e.doc_type);
      o.set("doc_date", e.doc_date);
      o.set("applicant", e.applicant);
      o.set("document", e.document);
      // The list shows who, not their number: the number is in the dossier.
      o.set("id_masked", e.id_number.empty() ? std::string() : Mask(e.id_number));
      o.set("received_at", e.received_at);
      o.set("intake_point", e.intake_point);
      Poco::JSON::Array flags;
      for (const auto& c : e.flags) flags.add(c);
      o.set("flags", flags);
      items.add(o);
    }
    Poco::JSON::Object counts;
    for (const auto& [name, map] :
         {std::pair{"by_flag", &queue->by_flag}, std::pair{"by_doc_type", &queue->by_doc_type},
          std::pair{"by_intake_point", &queue->by_intake_point}}) {
      Poco::JSON::Object m;
      for (const auto& [k, n] : *map) m.set(k, n);
      counts.set(name, m);
    }
    counts.set("waiting", queue->waiting);
    counts.set("matching", queue->matching);
    counts.set("shown", static_cast<int>(queue->dossiers.size()));
    Poco::JSON::Object o;
    o.set("counts", counts);
    o.set("offset", query.offset);
    o.set("limit", query.limit);
    o.set("dossiers", items);
    return Ok(o);
  }

  Reply Dossier(Call& call) {
    const std::int64_t id = std::stoll(call.match[1]);
    // The version from the same moment as the fields: a save names it.
    int version = 0;
    auto r = state_.registry->Load(id, &version);
    if (!r.ok()) return FromStatus(r.status());
    auto audit = state_.registry->Audit(id);
    if (!audit.ok()) return FromStatus(audit.status());
    Poco::JSON::Object::Ptr o = RecordToJsonObject(*r);
    o->set("version", version);
    Poco::JSON::Array rows;
    for (const auto& a : *audit) {
      Poco::JSON::Object row;
      row.set("at", a.at);
      row.set("actor", a.actor);
      row.set("what", a.what);
      row.set("before", a.before ? Poco::Dynamic::Var(*a.before) : Poco::Dynamic::Var());
      row.set("after", a.after ? Poco::Dynamic::Var(*a.after) : Poco::Dynamic::Var());
      rows.add(row);
    }
    o->set("audit", rows);
    return Ok(*o);
  }

  // The page as the pipeline read it: turned and deskewed as recorded (so
  // that the fields' boxes fall where they were read), or as scanned.
  Reply PageImage(Call& call) {
    const std::int64_t id = std::stoll(call.match[1]);
    const int n = std::stoi(call.match[2]);
    const bool original = call.uri.getRawQuery().find("view=original") != std::string::npos;
    auto r = state_.registry->Load(id);
    if (!r.ok() || n < 1 || n > static_cast<int>(r->pages.size()))
      return Error(HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND", "no such page");
    std::ifstream in(r->source, std::ios::binary);
    if (!in) return Error(HTTPResponse::HTTP_NOT_FOUND, "NOT_FOUND", "the scan is no longer where it was read");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto doc = OpenDocument(bytes.str(), {});
    if (!doc.ok() || n > (*doc)->page_count())
      return FromStatus(doc.ok() ? Status::Error(ErrorCode::kNotFound, "no such page") : doc.status());
    auto page = (*doc)->LoadPage(n - 1);
    if (!page.ok()) return FromStatus(page.status());
    cv::Mat image = page->image;
    if (!original) {
      const PageRecord& p = r->pages[static_cast<size_t>(n - 1)];
      image = ReplayPage(image, p.width, p.rotation, p.skew_deg);
    }
    std::vector<uchar> png;
    cv::imencode(".png", image, png, {cv::IMWRITE_PNG_COMPRESSION, 1});
    return {HTTPResponse::HTTP_OK, "image/png", std::string(png.begin(), png.end()), std::nullopt, {}};
  }

  static int VersionOf(const Poco::JSON::Object& in) {
    try {
      return in.has("version") ? in.getValue<int>("version") : -1;
    } catch (...) { return -1; }
  }

  // A person's change to one dossier: the dossier, the path's second part
  // (the field's key, or approve | reject), the body, who, and the version
  // they opened.
  struct Change {
    std::int64_t id;
    std::string what;
    const Poco::JSON::Object& in;
    const SessionInfo& who;
    int version;
  };
  // A decision's reason: the body's "reason", empty when absent.
  static std::string ReasonOf(const Poco::JSON::Object& in) {
    return in.has("reason") && in.get("reason").isString() ? in.getValue<std::string>("reason") : std::string();
  }
  static Change ChangeOf(Call& call) {
    return {std::stoll(call.match[1]), call.match[2], *call.body, *call.session, VersionOf(*call.body)};
  }

  Reply SetField(Call& call) {
    const auto [id, key, in, who, version] = ChangeOf(call);
    if (version < 1 || !in.has("value") || !in.get("value").isString())
      return Error(HTTPResponse::HTTP_BAD_REQUEST, "BAD_REQUEST", "give value (text) and version (the one you opened)");
    if (!CoreFieldKeys().count(key)) {
      auto r = state_.registry->Load(id);
      if (!r.ok()) return FromStatus(r.status());
      if (!r->fields.count(key))
        return Error(HTTPResponse::HTTP_FORBIDDEN, "UNKNOWN_FIELD", "the dossier has no field '" + key + "'");
    }
    // Kept in the record's form, and the dossier checked again with it.
    const Gazetteer* gazetteer = state_.options.gazetteer.get();
    const std::string value = CanonicalValue(key, in.getValue<std::string>("value"), gazetteer);
    // What the value teaches is found on the record the recheck reads.
    std::optional<Registry::LearntLabel> lesson;
    const Status s = state_.registry->CorrectField(id, key, value, who.user, version, [&](DossierRecord& r) {
      Recheck(r, key, gazetteer, state_.options.as_of);
      lesson = LabelToLearn(r, key, value);
    });
    if (!s.ok()) return FromStatus(s);
    Poco::JSON::Object o;
    o.set("version", *state_.registry->Version(id));
    // The value stood under a label hoso did not understand: learn it.
    if (lesson) {
      lesson->learnt_by = who.user;
      if (state_.registry->LearnLabel(*lesson).ok()) {
        Poco::JSON::Object learnt;
        learnt.set("label", lesson->label);
        learnt.set("field", key);
        o.set("learnt", learnt);
      }
    }
    return Ok(o);
  }

  Reply Learnt(Call&) {
    auto learnt = state_.registry->LearntLabels();
    if (!learnt.ok()) return FromStatus(learnt.status());
    Poco::JSON::Array list;
    for (const auto& l : *learnt) {
      Poco::JSON::Object o;
      o.set("id", l.id);
      o.set("label", l.label);
      o.set("field", l.field);
      o.set("dossier_id", l.dossier_id);
      o.set("learnt_by", l.learnt_by);
      o.set("learnt_at", l.learnt_at);
      list.add(o);
    }
    Poco::JSON::Object o;
    o.set("learnt", list);
    return Ok(o);
  }

  Reply Forget(Call& call) {
    const Status s = state_.registry->ForgetLabel(std::stoll(call.match[1]), call.session->user);
    if (!s.ok()) return FromStatus(s);
    return Ok(Poco::JSON::Object());
  }

  Reply Decide(Call& call) {
    const auto [id, what, in, who, version] = ChangeOf(call);
    const std::string reason = ReasonOf(in);
    if (version < 1) return Error(HTTPResponse::HTTP_BAD_REQUEST, "BAD_REQUEST", "give version (the one you opened)");
    if (what == "reject" && reason.empty())
      return Error(HTTPResponse::HTTP_BAD_REQUEST, "BAD_REQUEST", "a rejection needs a reason");
    if (what == "approve") {
      auto r = state_.registry->Load(id);
      if (!r.ok()) return FromStatus(r.status());
      // Nothing was read: there is nothing to register.
      const bool readable = std::any_of(r->pages.begin(), r->pages.end(),
                                        [](const PageRecord& p) { return !p.blank && !p.text.empty(); });
      if (!readable)
        return Error(HTTPResponse::HTTP_CONFLICT, "NO_READABLE_PAGE",
                     "no page of this dossier has text: scan it again, or reject it");
      // Approving over an error still flagged (a wrong ID...) is said, with a reason.
      if (reason.empty())
        for (const Flag& f : r->flags)
          if (f.severity == Severity::kError)
            return Error(HTTPResponse::HTTP_BAD_REQUEST, "REASON_NEEDED",
                         f.code + " is still flagged: approving over it needs a reason");
    }
    const Status s = state_.registry->Decide(
        id, what == "approve" ? DossierStatus::kRegistered : DossierStatus::kRejected, reason, who.user, version);
    if (!s.ok()) return FromStatus(s, HTTPResponse::HTTP_FORBIDDEN);
    Poco::JSON::Object o;
    o.set("version", *state_.registry->Version(id));
    o.set("status", what == "approve" ? "registered" : "rejected");
    return Ok(o);
  }

  // POST /api/dossiers/ID/reopen {"version","reason"}: back to the queue.
  Reply Reopen(Call& call) {
    const auto [id, what, in, who, version] = ChangeOf(call);
    const std::string reason = ReasonOf(in);
    if (version < 1) return Error(HTTPResponse::HTTP_BAD_REQUEST, "BAD_REQUEST", "give version (the one you opened)");
    if (reason.empty()) return Error(HTTPResponse::HTTP_BAD_REQUEST, "BAD_REQUEST", "reopening needs a reason");
    const Status s = state_.registry->Reopen(id, reason, who.user, version);
    if (!s.ok()) return FromStatus(s, HTTPResponse::HTTP_FORBIDDEN);
    Poco::JSON::Object o;
    o.set("version", *state_.registry->Version(id));
    o.set("status", "needs_review");
    return Ok(o);
  }

  Reply CheckAddressText(Call& call) {
    const Poco::JSON::Object& in = *call.body;
    if (!in.has("text") || !in.get("text").isString())
      return Error(HTTPResponse::HTTP_BAD_REQUEST, "BAD_REQUEST", "give text");
    if (!state_.options.gazetteer) return Error(HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "NO_GAZETTEER", "no gazetteer");
    AddressOptions options;
    if (!state_.options.as_of.empty()) options.as_of = state_.options.as_of;
    if (in.has("doc_date") && in.get("doc_date").isString()) options.doc_date = in.getValue<std::string>("doc_date");
    const AddressVerdict v = CheckAddress(in.getValue<std::string>("text"), *state_.options.gazetteer, options);
    return {HTTPResponse::HTTP_OK, "application/json; charset=utf-8", AddressVerdictToJson(v), std::nullopt, {}};
  }

  Reply Dashboard(Call&) {
    auto days = state_.registry->CountsByDay(30);
    auto flags = state_.registry->TopFlags(10);
    if (!days.ok() || !flags.ok()) return FromStatus(days.ok() ? flags.status() : days.status());
    Poco::JSON::Array per_day, top;
    for (const auto& d : *days) {
      Poco::JSON::Object o;
      o.set("day", d.day);
      o.set("status", d.status);
      o.set("count", d.count);
      per_day.add(o);
    }
    for (const auto& [code, n] : *flags) {
      Poco::JSON::Object o;
      o.set("code", code);
      o.set("count", n);
      top.add(o);
    }
    Poco::JSON::Array batches;
    if (auto recent = state_.registry->RecentBatches(20); recent.ok())
      for (const auto& b : *recent) {
        Poco::JSON::Object x;
        x.set("finished_at", b.finished_at);
        x.set("command", b.command);
        x.set("dossiers", b.dossiers);
        x.set("pages", b.pages);
        x.set("pages_per_second", b.seconds > 0 ? b.pages / b.seconds : 0.0);
        batches.add(x);
      }
    // The service points side by side.
    Poco::JSON::Array points;
    if (auto compared = state_.registry->CompareIntakePoints(30); compared.ok())
      for (const auto& p : *compared) {
        Poco::JSON::Object x, received;
        int total = 0;
        for (const auto& [day, n] : p.received) {
          received.set(day, n);
          total += n;
        }
        x.set("intake_point", p.intake_point);
        x.set("received", received);
        x.set("received_total", total);
        x.set("waiting", p.waiting);
        x.set("decided", p.decided);
        x.set("median_review_hours", p.median_review_hours);
        points.add(x);
      }
    Poco::JSON::Object o;
    o.set("per_day", per_day);
    o.set("top_flags", top);
    o.set("batches", batches);
    o.set("intake_points", points);
    return Ok(o);
  }
};

class Factory : public RequestHandlers {
 public:
  explicit Factory(ReviewServer::State& state) : state_(state) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override { return new Handler(state_); }

 private:
  ReviewServer::State& state_;
};

}  // namespace

Result<std::unique_ptr<ReviewServer>> ReviewServer::Start(const ServerOptions& options) {
  auto registry = Registry::Open(options.db);
  if (!registry.ok()) return registry.status();
  auto accounts = Accounts::Open(options.db);
  if (!accounts.ok()) return accounts.status();
  std::unique_ptr<ReviewServer> server(new ReviewServer);
  server->state_ = std::make_unique<State>();
  State& st = *server->state_;
  st.options = options;
  st.registry = std::move(registry).value();
  st.accounts = std::move(accounts).value();
  // A request waits a moment for a lost database, then gets 503.
  st.registry->SetReconnectWait(2);
  st.accounts->SetReconnectWait(2);
  if (options.tls_cert.empty() != options.tls_key.empty())
    return Status::Error(ErrorCode::kInvalidArgument, "TLS needs both a certificate and its key");
  st.tls = !options.tls_cert.empty();
  std::unique_ptr<Poco::Net::ServerSocket> listening;
  try {
    const Poco::Net::SocketAddress address(options.bind, static_cast<Poco::UInt16>(options.port));
    if (st.tls) {
      Poco::Net::Context::Ptr context;
      try {
        context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, options.tls_key, options.tls_cert, "",
                                         Poco::Net::Context::VERIFY_NONE, 9, false,
                                         "ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:!aNULL:!MD5:!RC4");
        context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                                  Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
      } catch (const Poco::Exception& e) {
        return Status::Error(ErrorCode::kInvalidArgument,
                             "cannot use the TLS certificate " + options.tls_cert + ": " + e.displayText());
      }
      listening = std::make_unique<Poco::Net::SecureServerSocket>(address, 64, context);
    } else {
      listening = std::make_unique<Poco::Net::ServerSocket>(address);
    }
  } catch (const Poco::Exception& e) {
    return Status::Error(ErrorCode::kInvalidArgument, "cannot listen on " + options.bind + ":" +
                                                          std::to_string(options.port) + ": " + e.displayText());
  }
  try {
    Poco::Net::ServerSocket& socket = *listening;
    st.port = socket.address().port();
    auto params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(options.threads);
    params->setMaxQueued(options.threads * 4);
    params->setKeepAlive(true);
    // A slow or idle client holds a thread a few seconds at most.
    params->setTimeout(Poco::Timespan(options.receive_seconds, 0));
    params->setKeepAliveTimeout(Poco::Timespan(options.keep_alive_seconds, 0));
    params->setMaxKeepAliveRequests(200);
    st.pool = std::make_unique<Poco::ThreadPool>(2, options.threads);
    st.limits.per_address = options.per_address;
    st.limits.proxies = options.proxies;
    st.limits.plain_http = !st.tls;
    st.server = std::make_unique<GuardedHttpServer>(new Factory(st), *st.pool, socket, params, st.limits);
    st.server->Start();
  } catch (const Poco::Exception& e) {
    return Status::Error(ErrorCode::kInvalidArgument, "cannot listen on " + options.bind + ":" +
                                                          std::to_string(options.port) + ": " + e.displayText());
  }
  return server;
}

int ServerOptions::DefaultThreads() {
  return std::max(64, 16 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
}

ReviewServer::~ReviewServer() { Stop(); }

int ReviewServer::port() const { return state_ ? state_->port : 0; }

void ReviewServer::Stop() {
  if (state_ && state_->server) {
    state_->server->Stop();
    state_->server.reset();
  }
}

}  // namespace hoso
