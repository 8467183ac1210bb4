// The review station's API, every route, against a real server on loopback
// over a real SQLite registry holding the samples as hoso registered them.
#include "review/server.h"

#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <thread>

#include "registry/registry.h"
#include "review/accounts.h"
#include "support/records.h"
#include "support/test_support.h"

namespace hoso {
namespace {

using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

struct Http {
  int status = 0;
  std::string body, set_cookie;
  Poco::JSON::Object::Ptr json() const { return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>(); }
};

// A browser, as far as the API is concerned: a cookie jar and the CSRF token.
class Client {
 public:
  explicit Client(int port) : port_(port) {}
  Http Call(const std::string& method, const std::string& path, const std::string& body = "", bool with_csrf = true) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
    HTTPRequest request(method, path, HTTPRequest::HTTP_1_1);
    if (!cookie_.empty()) {
      Poco::Net::NameValueCollection cookies;
      cookies.add("hoso_session", cookie_);
      request.setCookies(cookies);
    }
    if (with_csrf && !csrf_.empty()) request.set("X-CSRF-Token", csrf_);
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    if (!body.empty()) request.setContentType("application/json");
    session.sendRequest(request) << body;
    HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Http out;
    out.status = response.getStatus();
    Poco::StreamCopier::copyToString(in, out.body);
    out.set_cookie = response.get("Set-Cookie", "");
    return out;
  }
  Http SignIn(const std::string& name, const std::string& password) {
    Http r = Call("POST", "/api/session", R"({"name":")" + name + R"(","password":")" + password + R"("})");
    const auto at = r.set_cookie.find("hoso_session=");
    if (r.status == 200 && at != std::string::npos) {
      cookie_ = r.set_cookie.substr(at + 13, 64);
      csrf_ = r.json()->getValue<std::string>("csrf");
    }
    return r;
  }
  std::string cookie_, csrf_;

 private:
  int port_;
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_ / "r.db").string();
    // The samples' records as hoso makes them (no OCR here: the truth's
    // text, with a dossier needing review for its outdated address).
    auto reg = Registry::Open(db_);
    ASSERT_TRUE(reg.ok());
    DossierRecord r;
    r.source = (test::SamplesDir() / "dossier-0002.tif").string();
    r.sha256 = std::string(64, 'a');
    r.status = DossierStatus::kNeedsReview;
    r.doc_type = "land_registration";
    r.doc_date = "2025-02-25";
    for (int i = 0; i < 2; ++i) r.pages.push_back(test::A4Page(i, "page"));
    r.fields["full_name"] = FieldValue{"Trần Đức Hải", 0.93, 0, Box{300, 700, 500, 60}};
    r.fields["id_number"] = FieldValue{"036085012345", 0.95, 0, Box{300, 800, 500, 60}};
    r.intake_point = "Trụ sở UBND phường";
    r.fields["permanent_address"] =
        FieldValue{"thôn 9, xã Hải Long, huyện Hải Hậu, tỉnh Nam Định", 0.9, 0, Box{300, 900, 900, 60}};
    r.flags.push_back({"ADDRESS_OUTDATED", Severity::kWarning, "permanent_address", "xã Hải Long no longer exists"});
    AddressVerdict v;
    v.status = "outdated";
    v.suggested_text = "thôn 9, xã Hải Hậu, tỉnh Ninh Bình";
    r.address = v;
    id_ = reg.value()->Register(r)->dossier_id;
    DossierRecord other = r;
    other.sha256 = std::string(64, 'b');
    other.doc_type = "residence_change";
    other.fields.erase("id_number");
    other.fields["full_name"].value = "Lê Thị Hoa";
    other.intake_point = "Điểm tiếp nhận số 2";
    other.flags = {{"LOW_CONFIDENCE", Severity::kWarning, "phone", "phone read at 0.4"}};
    other_id_ = reg.value()->Register(other)->dossier_id;
    auto accounts = Accounts::Open(db_);
    ASSERT_TRUE(accounts.ok());
    ASSERT_TRUE((*accounts)->SetUser("lan", "reviewer", "correct horse").ok());
    ServerOptions o;
    o.db = db_;
    o.port = 0;
    o.web_dir = (test::SourceDir() / "web").string();
    auto g = Gazetteer::Load(Gazetteer::DefaultDir());
    ASSERT_TRUE(g.ok());
    o.gazetteer = std::move(g).value();
    o.as_of = "2026-01-01";
    auto server = ReviewServer::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(server).value();
  }
  test::ScratchDir dir_;
  std::string db_;
  std::int64_t id_ = 0, other_id_ = 0;
  std::unique_ptr<ReviewServer> server_;
};

TEST_F(ServerTest, SignInIsNeededAndAWrongPasswordIsRefused) {
  Client c(server_->port());
  EXPECT_EQ(c.Call("GET", "/api/queue").status, 401);
  EXPECT_EQ(c.Call("GET", "/api/dossiers/1").status, 401);
  EXPECT_EQ(c.SignIn("lan", "wrong horse").status, 401);
  EXPECT_EQ(c.SignIn("nobody", "correct horse").status, 401);
  EXPECT_EQ(c.Call("POST", "/api/session", "{not json").status, 400);
  const Http ok = c.SignIn("lan", "correct horse");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_NE(ok.set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(ok.set_cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(c.Call("GET", "/api/me").json()->getValue<std::string>("user"), "lan");
  // Each sign-in is a new session (a fixed token cannot be planted).
  Client again(server_->port());
  again.SignIn("lan", "correct horse");
  EXPECT_NE(again.cookie_, c.cookie_);
  // Signed out: the cookie opens nothing any more.
  EXPECT_EQ(c.Call("DELETE", "/api/session").status, 200);
  EXPECT_EQ(c.Call("GET", "/api/me").status, 401);
}

TEST_F(ServerTest, ChangesNeedTheCsrfToken) {
  Client c(server_->port());
  c.SignIn("lan", "correct horse");
  const Http no_token = c.Call("PUT", "/api/dossiers/" + std::to_string(id_) + "/fields/full_name",
                               R"({"value":"X","version":1})", /*with_csrf=*/false);
  EXPECT_EQ(no_token.status, 403) << no_token.body;
  c.csrf_ = "0123456789abcdef0123456789abcdef";
  EXPECT_EQ(c.Call("POST", "/api/dossiers/" + std::to_string(id_) + "/approve", R"({"version":1})").status, 403);
}

TEST_F(ServerTest, QueueDossierFieldsAddressApproveAndAudit) {
  Client c(server_->port());
  c.SignIn("lan", "correct horse");
  // The queue, newest first, with counts and filters.
  auto q = c.Call("GET", "/api/queue").json();
  ASSERT_EQ(q->getArray("dossiers")->size(), 2u);
  EXPECT_EQ(q->getArray("dossiers")->getObject(0)->getValue<std::int64_t>("id"), other_id_);
  EXPECT_EQ(q->getObject("counts")->getObject("by_flag")->getValue<int>("ADDRESS_OUTDATED"), 1);
  auto filtered = c.Call("GET", "/api/queue?flag=ADDRESS_OUTDATED").json();
  ASSERT_EQ(filtered->getArray("dossiers")->size(), 1u);
  EXPECT_EQ(filtered->getArray("dossiers")->getObject(0)->getValue<std::int64_t>("id"), id_);
  EXPECT_EQ(c.Call("GET", "/api/queue?doc_type=residence_change").json()->getArray("dossiers")->size(), 1u);
  // The dossier, its page image (as read, and as scanned), a 404 for others.
  const std::string base = "/api/dossiers/" + std::to_string(id_);
  auto d = c.Call("GET", base).json();
  EXPECT_EQ(d->getValue<int>("version"), 1);
  EXPECT_EQ(d->getObject("fields")->getObject("full_name")->getValue<std::string>("value"), "Trần Đức Hải");
  const Http png = c.Call("GET", base + "/pages/1.png");
  ASSERT_EQ(png.status, 200);
  EXPECT_EQ(png.body.substr(1, 3), "PNG");
  EXPECT_EQ(c.Call("GET", base + "/pages/2.png?view=original").status, 200);
  EXPECT_EQ(c.Call("GET", base + "/pages/3.png").status, 404);
  EXPECT_EQ(c.Call("GET", "/api/dossiers/999").status, 404);
  // The address re-checked as typed; the suggestion accepted.
  auto verdict = c.Call("POST", "/api/address/check", R"({"text":"phường Phúc Xá, quận Ba Đình, Hà Nội"})").json();
  EXPECT_EQ(verdict->getValue<std::string>("status"), "outdated");
  EXPECT_EQ(verdict->getObject("suggested")->getValue<std::string>("ward_code"), "00097");
  EXPECT_EQ(c.Call("POST", "/api/address/check", R"({"nothing":1})").status, 400);
  const Http saved = c.Call("PUT", base + "/fields/permanent_address",
                            R"({"value":"thôn 9, xã Hải Hậu, tỉnh Ninh Bình","version":1})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()->getValue<int>("version"), 2);
  EXPECT_EQ(c.Call("PUT", base + "/fields/permanent_address", R"({"value":"x"})").status, 400) << "no version";
  // Approve: registered; the audit shows both changes, by lan.
  const Http approved = c.Call("POST", base + "/approve", R"({"version":2})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  d = c.Call("GET", base).json();
  EXPECT_EQ(d->getValue<std::string>("status"), "registered");
  auto audit = d->getArray("audit");
  ASSERT_GE(audit->size(), 3u);
  EXPECT_EQ(audit->getObject(1)->getValue<std::string>("what"), "field:permanent_address");
  EXPECT_EQ(audit->getObject(1)->getValue<std::string>("actor"), "lan");
  EXPECT_EQ(audit->getObject(2)->getValue<std::string>("after"), "registered");
  // Reject needs a reason.
  const std::string other = "/api/dossiers/" + std::to_string(other_id_);
  EXPECT_EQ(c.Call("POST", other + "/reject", R"({"version":1})").status, 400);
  EXPECT_EQ(c.Call("POST", other + "/reject", R"({"version":1,"reason":"not our ward"})").status, 200);
  EXPECT_EQ(c.Call("GET", "/api/queue").json()->getArray("dossiers")->size(), 0u);
  // The dashboard counts them, with the throughput of recent batches.
  {
    auto reg = Registry::Open(db_);
    ASSERT_TRUE((*reg)->RecordBatch({"", "process", 100, 171, 102.0}).ok());
  }
  auto dash = c.Call("GET", "/api/dashboard").json();
  ASSERT_EQ(dash->getArray("batches")->size(), 1u);
  EXPECT_NEAR(dash->getArray("batches")->getObject(0)->getValue<double>("pages_per_second"), 171 / 102.0, 1e-6);
  EXPECT_GE(dash->getArray("per_day")->size(), 2u);
  EXPECT_EQ(dash->getArray("top_flags")->getObject(0)->getValue<int>("count"), 1);
}

// GET /api/queue?q=: by name (marks optional), by ID number, by dossier;
// by intake point and days received; a page at a time; IDs masked.
TEST_F(ServerTest, TheQueueIsSearchedFilteredAndPaged) {
  Client c(server_->port());
  c.SignIn("lan", "correct horse");
  auto ids = [&](const std::string& query) {
    std::vector<std::int64_t> out;
    const Http r = c.Call("GET", "/api/queue?" + query);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    if (r.status == 200) {
      auto list = r.json()->getArray("dossiers");
      for (size_t i = 0; i < list->size(); ++i) out.push_back(list->getObject(i)->getValue<std::int64_t>("id"));
    }
    return out;
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(ids("q=tran%20duc"), V{id_});
  EXPECT_EQ(ids("q=Tr%E1%BA%A7n"), V{id_});  // "Trần"
  EXPECT_EQ(ids("q=hoa"), V{other_id_});
  EXPECT_EQ(ids("q=036085012345"), V{id_});
  EXPECT_EQ(ids("q=%23" + std::to_string(other_id_)), V{other_id_});
  EXPECT_EQ(ids("q=nobody"), V{});
  EXPECT_EQ(ids("intake_point=%C4%90i%E1%BB%83m%20ti%E1%BA%BFp%20nh%E1%BA%ADn%20s%E1%BB%91%202"), V{other_id_});
  EXPECT_EQ(ids("limit=1"), V{other_id_});
  EXPECT_EQ(ids("limit=1&offset=1"), V{id_});
  EXPECT_EQ(ids("to=2000-01-01"), V{});
  EXPECT_EQ(ids("from=2000-01-01").size(), 2u);
  EXPECT_EQ(c.Call("GET", "/api/queue?from=01/02/2025").status, 400);
  EXPECT_EQ(c.Call("GET", "/api/queue?limit=x").status, 400);
  // What a row shows: the applicant, the ID masked, where and when received.
  auto q = c.Call("GET", "/api/queue?q=tran").json();
  auto row = q->getArray("dossiers")->getObject(0);
  EXPECT_EQ(row->getValue<std::string>("applicant"), "Trần Đức Hải");
  const std::string masked = row->getValue<std::string>("id_masked");
  EXPECT_EQ(masked.size(), 12u);
  EXPECT_EQ(masked.find("085012"), std::string::npos) << masked;
  EXPECT_EQ(row->getValue<std::string>("intake_point"), "Trụ sở UBND phường");
  EXPECT_FALSE(row->getValue<std::string>("received_at").empty());
  EXPECT_EQ(q->getObject("counts")->getValue<int>("matching"), 1);
  EXPECT_EQ(q->getObject("counts")->getValue<int>("waiting"), 2);
  EXPECT_EQ(q->getObject("counts")->getObject("by_intake_point")->getValue<int>("Trụ sở UBND phường"), 1);
  // The dashboard compares the intake points.
  auto points = c.Call("GET", "/api/dashboard").json()->getArray("intake_points");
  ASSERT_EQ(points->size(), 2u);
  EXPECT_EQ(points->getObject(0)->getValue<int>("waiting") + points->getObject(1)->getValue<int>("waiting"), 2);
}

// Each user reads the station in their language, kept with their account.
TEST_F(ServerTest, EachUserChoosesTheirLanguage) {
  Client c(server_->port());
  EXPECT_EQ(c.SignIn("lan", "correct horse").json()->getValue<std::string>("language"), "vi");
  EXPECT_EQ(c.Call("PUT", "/api/me", R"({"language":"fr"})").status, 400);
  const Http set = c.Call("PUT", "/api/me", R"({"language":"en"})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json()->getValue<std::string>("language"), "en");
  EXPECT_EQ(c.Call("GET", "/api/me").json()->getValue<std::string>("language"), "en");
  Client again(server_->port());
  EXPECT_EQ(again.SignIn("lan", "correct horse").json()->getValue<std::string>("language"), "en");
}

TEST_F(ServerTest, TwoConcurrentSavesGiveOneRefusal) {
  Client a(server_->port()), b(server_->port());
  a.SignIn("lan", "correct horse");
  b.SignIn("lan", "correct horse");
  const std::string path = "/api/dossiers/" + std::to_string(id_) + "/fields/full_name";
  std::atomic<int> ok{0}, conflict{0};
  std::thread ta([&] {
    const int s = a.Call("PUT", path, R"({"value":"Trần Đức Hải A","version":1})").status;
    (s == 200 ? ok : conflict) += (s == 200 || s == 409) ? 1 : 0;
  });
  std::thread tb([&] {
    const int s = b.Call("PUT", path, R"({"value":"Trần Đức Hải B","version":1})").status;
    (s == 200 ? ok : conflict) += (s == 200 || s == 409) ? 1 : 0;
  });
  ta.join();
  tb.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(conflict.load(), 1);
}

TEST_F(ServerTest, BadRequestsAreRefused) {
  Client c(server_->port());
  c.SignIn("lan", "correct horse");
  EXPECT_EQ(c.Call("GET", "/static/../../etc/passwd").status, 404);
  EXPECT_EQ(c.Call("GET", "/static/%2e%2e%2fREADME.md").status, 404);
  EXPECT_EQ(c.Call("GET", "/static/app.js").status, 200);
  EXPECT_EQ(c.Call("GET", "/").status, 200);
  EXPECT_EQ(c.Call("POST", "/api/address/check", std::string(2 << 20, ' ')).status, 413);
  EXPECT_EQ(c.Call("POST", "/api/address/check", "[1,2]").status, 400);
  EXPECT_EQ(c.Call("GET", "/api/dossiers/1%20OR%201=1").status, 404);
  EXPECT_EQ(c.Call("GET", "/api/queue?flag=x'%20OR%20'1'='1").json()->getArray("dossiers")->size(), 0u);
  EXPECT_EQ(c.Call("GET", "/api/nothing").status, 404);
}

// Clients that hang up halfway (headers cut, a body promised and not
// sent) do not take the server down or hold it up.
TEST_F(ServerTest, ClientsThatDisconnectMidRequestDoNoHarm) {
  for (int i = 0; i < 20; ++i) {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(server_->port())));
    const std::string partial =
        i % 2 ? "POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n{\"na" : "GET /api/que";
    socket.sendBytes(partial.data(), static_cast<int>(partial.size()));
    socket.close();
  }
  Client c(server_->port());
  EXPECT_EQ(c.SignIn("lan", "correct horse").status, 200);
  EXPECT_EQ(c.Call("GET", "/api/queue").status, 200);
}

// ---- a station nobody can knock over or walk into (issue 20)

// One request with the given headers; the reply's status, body and headers.
struct Raw {
  int status = 0;
  std::string body;
  HTTPResponse response;
};
Raw Send(int port, const std::string& method, const std::string& path, const std::string& body,
         const std::vector<std::pair<std::string, std::string>>& headers) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  HTTPRequest request(method, path, HTTPRequest::HTTP_1_1);
  request.setContentLength(static_cast<std::streamsize>(body.size()));
  for (const auto& [k, v] : headers) request.set(k, v);
  session.sendRequest(request) << body;
  Raw out;
  std::istream& in = session.receiveResponse(out.response);
  out.status = out.response.getStatus();
  Poco::StreamCopier::copyToString(in, out.body);
  return out;
}

TEST_F(ServerTest, AChunkedBodyIsCutAtTheLimitNotBuffered) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(server_->port()));
  HTTPRequest request("POST", "/api/session", HTTPRequest::HTTP_1_1);
  request.setChunkedTransferEncoding(true);
  request.setContentType("application/json");
  std::ostream& out = session.sendRequest(request);
  const std::string piece(64 << 10, ' ');
  for (int i = 0; i < 48; ++i) out << piece;  // 3 MiB, no length declared
  HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  std::string body;
  Poco::StreamCopier::copyToString(in, body);
  EXPECT_EQ(response.getStatus(), 413) << body;
  EXPECT_FALSE(response.getKeepAlive());
  Client c(server_->port());
  EXPECT_EQ(c.SignIn("lan", "correct horse").status, 200) << "the server is still there";
}

TEST_F(ServerTest, ReviewersDecideOnlyWhatWaitsAndSetOnlyKnownFields) {
  ASSERT_TRUE((*Accounts::Open(db_))->SetUser("chi", "admin", "chief horse").ok());
  Client lan(server_->port()), chi(server_->port());
  ASSERT_EQ(lan.SignIn("lan", "correct horse").status, 200);
  ASSERT_EQ(chi.SignIn("chi", "chief horse").status, 200);
  const std::string base = "/api/dossiers/" + std::to_string(id_);
  // A field the dossier does not have and is not a core field: refused.
  EXPECT_EQ(lan.Call("PUT", base + "/fields/zz_injected", R"({"value":"x","version":1})").status, 403);
  EXPECT_FALSE(lan.Call("GET", base).json()->getObject("fields")->has("zz_injected"));
  // A core field not read (handwritten) may be keyed.
  ASSERT_EQ(lan.Call("PUT", base + "/fields/phone", R"({"value":"0912345678","version":1})").status, 200);
  ASSERT_EQ(lan.Call("POST", base + "/approve", R"({"version":2})").status, 200);
  // Registered: a reviewer cannot reject it, or approve it again.
  EXPECT_EQ(lan.Call("POST", base + "/reject", R"({"version":3,"reason":"changed my mind"})").status, 403);
  EXPECT_EQ(lan.Call("POST", base + "/approve", R"({"version":3})").status, 403);
  // Nor can an admin decide it again without reopening it first.
  EXPECT_EQ(chi.Call("POST", base + "/reject", R"({"version":3,"reason":"ID card forged"})").status, 403);
  // Reopening is an admin's explicit act, with a reason, and the audit says so.
  EXPECT_EQ(lan.Call("POST", base + "/reopen", R"({"version":3,"reason":"ID card forged"})").status, 403);
  EXPECT_EQ(chi.Call("POST", base + "/reopen", R"({"version":3})").status, 400);
  ASSERT_EQ(chi.Call("POST", base + "/reopen", R"({"version":3,"reason":"ID card forged"})").status, 200);
  auto d = chi.Call("GET", base).json();
  EXPECT_EQ(d->getValue<std::string>("status"), "needs_review");
  auto audit = d->getArray("audit");
  const auto last = audit->getObject(static_cast<unsigned>(audit->size() - 1));
  EXPECT_EQ(last->getValue<std::string>("what"), "status (reopened)");
  EXPECT_EQ(last->getValue<std::string>("actor"), "chi");
  EXPECT_EQ(last->getValue<std::string>("before"), "registered");
  EXPECT_EQ(last->getValue<std::string>("after"), "needs_review: ID card forged");
  // Waiting again, it is decided as any other; reopening it twice is refused.
  EXPECT_EQ(chi.Call("POST", base + "/reopen", R"({"version":4,"reason":"again"})").status, 403);
  EXPECT_EQ(lan.Call("POST", base + "/reject", R"({"version":4,"reason":"ID card forged"})").status, 200);
}

TEST_F(ServerTest, SignInOnlyAsJsonFromThisStationsOwnPage) {
  const int port = server_->port();
  const std::string body = R"({"name":"lan","password":"correct horse"})";
  // A cross-site form posts text/plain without asking the browser.
  EXPECT_EQ(Send(port, "POST", "/api/session", body, {{"Content-Type", "text/plain"}}).status, 415);
  EXPECT_EQ(Send(port, "POST", "/api/session", body,
                 {{"Content-Type", "application/json"}, {"Origin", "http://evil.example"}})
                .status,
            403);
  EXPECT_EQ(
      Send(port, "POST", "/api/session", body, {{"Content-Type", "application/json"}, {"Sec-Fetch-Site", "cross-site"}})
          .status,
      403);
  const std::string self = "http://127.0.0.1:" + std::to_string(port);
  EXPECT_EQ(Send(port, "POST", "/api/session", body,
                 {{"Content-Type", "application/json"}, {"Origin", self}, {"Sec-Fetch-Site", "same-origin"}})
                .status,
            200);
}

TEST_F(ServerTest, WrongPasswordsAreSlowedDown) {
  Client c(server_->port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(c.SignIn("lan", "wrong horse").status, 401) << i;
  // The sixth try in the minute is refused before the password is looked at.
  const Raw sixth = Send(server_->port(), "POST", "/api/session", R"({"name":"lan","password":"correct horse"})",
                         {{"Content-Type", "application/json"}});
  EXPECT_EQ(sixth.status, 429) << sixth.body;
  const int wait = std::stoi(sixth.response.get("Retry-After", "0"));
  EXPECT_GE(wait, 1);
  EXPECT_LE(wait, 61);
  // From the same address, another name waits too.
  EXPECT_EQ(c.SignIn("chi", "whatever1").status, 429);
}

TEST_F(ServerTest, HeadersAndErrorsGiveNothingAway) {
  const Raw page = Send(server_->port(), "GET", "/", "", {});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.response.get("Content-Security-Policy", "").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_NE(page.response.get("Content-Security-Policy", "").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(page.response.get("Referrer-Policy", ""), "no-referrer");
  EXPECT_EQ(page.response.getReason(), "OK");
  // HEAD: the headers, no body.
  const Raw head = Send(server_->port(), "HEAD", "/api/me", "", {});
  EXPECT_EQ(head.status, 401);
  EXPECT_TRUE(head.body.empty());
  // A scan moved away: said, without the server's paths.
  DossierRecord gone;
  gone.source = (dir_ / "moved-away.tif").string();
  gone.sha256 = std::string(64, 'c');
  gone.status = DossierStatus::kNeedsReview;
  gone.pages.push_back(test::A4Page(0, "page"));
  const std::int64_t id = (*Registry::Open(db_))->Register(gone)->dossier_id;
  Client c(server_->port());
  c.SignIn("lan", "correct horse");
  const Http missing = c.Call("GET", "/api/dossiers/" + std::to_string(id) + "/pages/1.png");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body.find(dir_.path().string()), std::string::npos) << missing.body;
}

// Idle connections (a slow client, a phone on bad Wi-Fi, or an attacker)
// do not hold up everyone else; past what the threads can take, a new
// connection is told 503 at once rather than dropped or kept waiting.
TEST_F(ServerTest, IdleConnectionsDoNotStarveOthersAndOverloadIsSaid) {
  ServerOptions o;
  o.db = db_;
  o.port = 0;
  o.web_dir = (test::SourceDir() / "web").string();
  o.threads = 4;
  o.receive_seconds = 60;  // an idle connection holds its thread this long
  auto small = ReviewServer::Start(o);
  ASSERT_TRUE(small.ok()) << small.status().ToString();
  const Poco::Net::SocketAddress at("127.0.0.1", static_cast<Poco::UInt16>((*small)->port()));
  std::vector<Poco::Net::StreamSocket> idle;
  auto open_idle = [&](int n) {
    for (int i = 0; i < n; ++i) {
      idle.emplace_back();
      idle.back().connect(at);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  };
  // Two idle connections hold two of the four threads: the others answer.
  open_idle(2);
  Poco::Net::HTTPClientSession session(at);
  session.setTimeout(Poco::Timespan(30, 0));  // well under the idle ones' 60 s
  HTTPRequest me("GET", "/api/me", HTTPRequest::HTTP_1_1);
  me.setKeepAlive(false);  // its thread is free again once it has answered
  session.sendRequest(me);
  HTTPResponse response;
  session.receiveResponse(response);
  EXPECT_EQ(response.getStatus(), 401);
  session.reset();
  // Every thread held and as many connections waiting (and some more, as
  // threads take connections when they please): the next is told so.
  open_idle(10);
  // Three more ask at once (a thread that has just let go of a connection
  // may take one of them): one at least is answered 503 at once.
  std::vector<Poco::Net::StreamSocket> busy(3);
  const std::string get = "GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  for (auto& b : busy) {
    b.connect(at);
    b.sendBytes(get.data(), static_cast<int>(get.size()));
  }
  std::string reply;
  for (int round = 0; round < 300 && reply.empty(); ++round)  // up to 30 s, well under the idle ones' 60
    for (auto& b : busy)
      if (reply.empty() && b.poll(Poco::Timespan(0, 33000), Poco::Net::Socket::SELECT_READ)) {
        char buffer[1024];
        b.setReceiveTimeout(Poco::Timespan(5, 0));
        for (int n; (n = b.receiveBytes(buffer, sizeof buffer)) > 0;) reply.append(buffer, static_cast<size_t>(n));
      }
  EXPECT_EQ(reply.rfind("HTTP/1.1 503", 0), 0u) << reply;
  EXPECT_NE(reply.find("Retry-After: 1"), std::string::npos) << reply;
  EXPECT_NE(reply.find("BUSY"), std::string::npos) << reply;
  for (auto& b : busy) b.close();
  for (auto& s : idle) s.close();
  (*small)->Stop();
}

// Every change checks the dossier again, as the pipeline checks what it
// read: an accepted suggestion resolves its flag, a wrong ID raises one, a
// date typed dd/mm/yyyy is kept as a date, and approving over an error
// needs a reason. A corrected field keeps its box on the scan.
TEST_F(ServerTest, EveryChangeChecksTheDossierAgain) {
  Client c(server_->port());
  ASSERT_EQ(c.SignIn("lan", "correct horse").status, 200);
  const std::string base = "/api/dossiers/" + std::to_string(id_);
  auto d = c.Call("GET", base).json();
  const std::string suggested = "thôn 9, xã Hải Hậu, tỉnh Ninh Bình";  // the fixture's suggestion
  auto codes = [&](const Poco::JSON::Object::Ptr& rec) {
    std::string out;
    auto flags = rec->getArray("flags");
    for (size_t i = 0; i < flags->size(); ++i) out += flags->getObject(i)->getValue<std::string>("code") + " ";
    return out;
  };
  ASSERT_NE(codes(d).find("ADDRESS_OUTDATED"), std::string::npos);
  int version = d->getValue<int>("version");
  auto put = [&](const std::string& key, const std::string& value) {
    const Http h = c.Call("PUT", base + "/fields/" + key,
                          R"({"value":")" + value + R"(","version":)" + std::to_string(version) + "}");
    EXPECT_EQ(h.status, 200) << h.body;
    version = h.json()->getValue<int>("version");
    return c.Call("GET", base).json();
  };
  d = put("permanent_address", suggested);
  EXPECT_EQ(codes(d).find("ADDRESS_OUTDATED"), std::string::npos) << codes(d);
  EXPECT_EQ(d->getObject("address")->getValue<std::string>("status"), "current");
  // Said resolved, by what (info: it holds nothing up).
  {
    auto flags = d->getArray("flags");
    std::string updated;
    for (size_t i = 0; i < flags->size(); ++i)
      if (flags->getObject(i)->getValue<std::string>("code") == "ADDRESS_UPDATED")
        updated = flags->getObject(i)->getValue<std::string>("severity") + " " +
                  flags->getObject(i)->getValue<std::string>("message");
    EXPECT_EQ(updated, "info đã cập nhật → thôn 9, xã Hải Hậu, tỉnh Ninh Bình") << codes(d);
  }
  EXPECT_EQ(d->getObject("fields")->getObject("permanent_address")->getArray("bbox")->getElement<int>(2), 900)
      << "the box where it was read stays";
  d = put("date_of_birth", "11/10/1960");
  EXPECT_EQ(d->getObject("fields")->getObject("date_of_birth")->getValue<std::string>("value"), "1960-10-11");
  EXPECT_EQ(codes(d).find("DATE_INVALID"), std::string::npos) << codes(d);
  d = put("date_of_birth", "31/02/1960");
  EXPECT_NE(codes(d).find("DATE_INVALID"), std::string::npos) << codes(d);
  d = put("date_of_birth", "11/10/1960");
  d = put("id_number", "036 160 01234");  // eleven digits
  EXPECT_EQ(d->getObject("fields")->getObject("id_number")->getValue<std::string>("value"), "03616001234");
  EXPECT_NE(codes(d).find("ID_NUMBER_INVALID"), std::string::npos) << codes(d);
  const Http refused = c.Call("POST", base + "/approve", R"({"version":)" + std::to_string(version) + "}");
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_NE(refused.body.find("REASON_NEEDED"), std::string::npos);
  EXPECT_EQ(c.Call("POST", base + "/approve",
                   R"({"version":)" + std::to_string(version) + R"(,"reason":"the card copy shows it so"})")
                .status,
            200);
}

// An official letter whose number and day were written in by hand: the
// reviewer keys them from the page; each flag goes with its keying, the
// keyed date becomes the document's date, and the letter is approved
// with no reason needed.
TEST_F(ServerTest, ALettersHandwrittenNumberAndDayAreKeyed) {
  DossierRecord r;
  r.source = (dir_ / "letter.pdf").string();
  r.sha256 = std::string(64, 'e');
  r.status = DossierStatus::kNeedsReview;
  r.doc_type = "official_letter";
  r.pages.push_back(test::A4Page(0, "UBND THÀNH PHỐ ĐÀ NẴNG"));
  r.fields["doc_kind"] = FieldValue{"công văn", 1.0, 0, Box{250, 350, 480, 110}};
  r.fields["doc_number"] = FieldValue{"4/35", 0.85, 0, Box{331, 306, 107, 34}};
  r.fields["doc_symbol"] = FieldValue{"SGDĐT-CTrTT", 0.71, 0, Box{444, 309, 264, 29}};
  r.fields["issuer"] = FieldValue{"Sở Giáo dục và Đào tạo", 0.96, 0, Box{223, 210, 515, 45}};
  r.flags.push_back({"HANDWRITTEN", Severity::kWarning, "doc_number", "số văn bản \"4/35\" có vẻ được viết tay"});
  r.flags.push_back({"HANDWRITTEN", Severity::kWarning, "doc_date", "ngày văn bản \"ngày 84 tháng 5\" ..."});
  const std::int64_t id = (*Registry::Open(db_))->Register(r)->dossier_id;
  Client c(server_->port());
  ASSERT_EQ(c.SignIn("lan", "correct horse").status, 200);
  const std::string base = "/api/dossiers/" + std::to_string(id);
  int version = 1;
  auto put = [&](const std::string& key, const std::string& value) {
    const Http h = c.Call("PUT", base + "/fields/" + key,
                          R"({"value":")" + value + R"(","version":)" + std::to_string(version) + "}");
    EXPECT_EQ(h.status, 200) << h.body;
    version = h.json()->getValue<int>("version");
    return c.Call("GET", base).json();
  };
  auto handwritten = [](const Poco::JSON::Object::Ptr& d) {
    std::string out;
    auto flags = d->getArray("flags");
    for (size_t i = 0; i < flags->size(); ++i)
      if (flags->getObject(i)->getValue<std::string>("code") == "HANDWRITTEN")
        out += flags->getObject(i)->getValue<std::string>("field") + " ";
    return out;
  };
  // In the queue, a letter is shown by its number, symbol and subject.
  {
    auto q = c.Call("GET", "/api/queue?doc_type=official_letter").json()->getArray("dossiers");
    ASSERT_EQ(q->size(), 1u);
    EXPECT_EQ(q->getObject(0)->getValue<std::string>("document"), "4/35/SGDĐT-CTrTT");
  }
  auto d = put("doc_number", "1535");
  EXPECT_EQ(d->getObject("fields")->getObject("doc_number")->getValue<std::string>("value"), "1535");
  EXPECT_EQ(handwritten(d), "doc_date ");
  d = put("doc_date", "31/05/2019");
  EXPECT_EQ(d->getObject("fields")->getObject("doc_date")->getValue<std::string>("value"), "2019-05-31");
  EXPECT_EQ(d->getValue<std::string>("doc_date"), "2019-05-31") << "the document's date is the keyed one";
  EXPECT_EQ(handwritten(d), "");
  EXPECT_EQ(c.Call("POST", base + "/approve", R"({"version":)" + std::to_string(version) + "}").status, 200);
  EXPECT_EQ((*Registry::Open(db_))->Load(id)->doc_date, "2019-05-31");
  auto q = c.Call("GET", "/api/queue?doc_type=official_letter").json()->getArray("dossiers");
  EXPECT_EQ(q->size(), 0u) << "approved: no longer waiting";
}

// A dossier of which no page has text (a truncated file, blank sheets)
// cannot be approved: there is nothing to register. Rejecting it can.
TEST_F(ServerTest, ADossierWithNothingReadIsNotApproved) {
  DossierRecord r;
  r.source = (dir_ / "blank.pdf").string();
  r.sha256 = std::string(64, 'f');
  r.status = DossierStatus::kNeedsReview;
  r.pages.push_back(test::A4Page(0));
  r.pages.back().blank = true;
  r.flags.push_back({"NO_TEXT", Severity::kWarning, "", "no text was found on any page"});
  const std::int64_t id = (*Registry::Open(db_))->Register(r)->dossier_id;
  Client c(server_->port());
  ASSERT_EQ(c.SignIn("lan", "correct horse").status, 200);
  const std::string base = "/api/dossiers/" + std::to_string(id);
  const Http refused = c.Call("POST", base + "/approve", R"({"version":1,"reason":"looks fine"})");
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("NO_READABLE_PAGE"), std::string::npos);
  EXPECT_EQ(c.Call("POST", base + "/reject", R"({"version":1,"reason":"scan it again"})").status, 200);
}

// A reviewer fills a field with a value that stood under a label hoso did
// not understand: the label is learnt (listed, in the audit, used by the
// next batch), and a reviewer can undo it.
TEST_F(ServerTest, ACorrectionTeachesALabelAndCanBeUndone) {
  DossierRecord r;
  r.source = (dir_ / "new-layout.tif").string();
  r.sha256 = std::string(64, 'd');
  r.status = DossierStatus::kNeedsReview;
  r.doc_type = "residence_change";
  r.pages.push_back(test::A4Page(0, "page"));
  r.fields["full_name"] = FieldValue{"Đào Thị Lan", 0.9, 0, Box{300, 700, 500, 60}};
  r.other.push_back({"Chỗ đăng ký", "thôn 3, xã Hải Hậu, tỉnh Ninh Bình", 0.91, 0, Box{300, 900, 900, 60}});
  r.other.push_back({"Ghi chú", "không", 0.95, 0, Box{300, 1000, 200, 60}});
  r.flags.push_back({"FIELD_MISSING", Severity::kWarning, "permanent_address", "no permanent_address found"});
  const std::int64_t id = (*Registry::Open(db_))->Register(r)->dossier_id;
  Client c(server_->port());
  ASSERT_EQ(c.SignIn("lan", "correct horse").status, 200);
  const std::string base = "/api/dossiers/" + std::to_string(id);
  // The dossier shows what no field took.
  auto d = c.Call("GET", base).json();
  ASSERT_EQ(d->getArray("other")->size(), 2u);
  const int version = d->getValue<int>("version");
  // Typed as the reviewer reads it (one letter differs from OCR's reading).
  const Http set =
      c.Call("PUT", base + "/fields/permanent_address",
             R"({"value":"thôn 3, xã Hải Hậu, tỉnh Ninh Bình.","version":)" + std::to_string(version) + "}");
  ASSERT_EQ(set.status, 200) << set.body;
  auto learnt = set.json()->getObject("learnt");
  ASSERT_TRUE(learnt) << set.body;
  EXPECT_EQ(learnt->getValue<std::string>("label"), "Chỗ đăng ký");
  EXPECT_EQ(learnt->getValue<std::string>("field"), "permanent_address");
  auto list = c.Call("GET", "/api/learnt").json()->getArray("learnt");
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->getObject(0)->getValue<std::string>("learnt_by"), "lan");
  auto kept = (*Registry::Open(db_))->LearntLabels();
  ASSERT_TRUE(kept.ok());
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_EQ(kept->front().label_key, "cho dang ky");
  auto registry = Registry::Open(db_);
  ASSERT_TRUE(registry.ok());
  const auto audit = (*registry)->Audit(id);
  ASSERT_TRUE(audit.ok());
  bool audited = false;
  for (const auto& a : *audit) audited |= a.what == "learnt:permanent_address";
  EXPECT_TRUE(audited);
  // A value that stood under no unknown label teaches nothing.
  const int v2 = c.Call("GET", base).json()->getValue<int>("version");
  const Http other =
      c.Call("PUT", base + "/fields/phone", R"({"value":"0912345678","version":)" + std::to_string(v2) + "}");
  ASSERT_EQ(other.status, 200) << other.body;
  EXPECT_FALSE(other.json()->has("learnt"));
  // Undone.
  const std::string one = "/api/learnt/" + std::to_string(list->getObject(0)->getValue<std::int64_t>("id"));
  EXPECT_EQ(c.Call("DELETE", one).status, 200);
  EXPECT_EQ(c.Call("GET", "/api/learnt").json()->getArray("learnt")->size(), 0u);
  EXPECT_EQ(c.Call("DELETE", one).status, 404);
}

// A connection from `from` (any 127.x address is this machine).
Poco::Net::StreamSocket ConnectFrom(const std::string& from, const Poco::Net::SocketAddress& at) {
  Poco::Net::StreamSocket s;
  s.impl()->bind(Poco::Net::SocketAddress(from, 0));
  s.connect(at);
  return s;
}

// GET /api/me, raw, on `s`: the whole reply (the server closes after it).
std::string RawMe(Poco::Net::StreamSocket& s) {
  const std::string get = "GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  s.sendBytes(get.data(), static_cast<int>(get.size()));
  s.setReceiveTimeout(Poco::Timespan(10, 0));
  std::string reply;
  char buffer[1024];
  try {
    for (int n; (n = s.receiveBytes(buffer, sizeof buffer)) > 0;) reply.append(buffer, static_cast<size_t>(n));
  } catch (const Poco::Exception&) {}
  return reply;
}

// One client address holds at most `per_address` connections; the next is
// told 429 at once, other addresses are answered as usual, and the address
// is answered again once one of its own has closed.
TEST_F(ServerTest, OneAddressCannotHoldEveryThread) {
  ServerOptions o;
  o.db = db_;
  o.port = 0;
  o.web_dir = (test::SourceDir() / "web").string();
  o.per_address = 3;
  o.receive_seconds = 60;  // an idle connection holds its thread this long
  auto limited = ReviewServer::Start(o);
  ASSERT_TRUE(limited.ok()) << limited.status().ToString();
  const Poco::Net::SocketAddress at("127.0.0.1", static_cast<Poco::UInt16>((*limited)->port()));
  std::vector<Poco::Net::StreamSocket> idle;
  for (int i = 0; i < 3; ++i) idle.push_back(ConnectFrom("127.0.0.2", at));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  Poco::Net::StreamSocket fourth = ConnectFrom("127.0.0.2", at);
  const std::string refused = RawMe(fourth);
  EXPECT_EQ(refused.rfind("HTTP/1.1 429", 0), 0u) << refused;
  EXPECT_NE(refused.find("Retry-After: 1"), std::string::npos) << refused;
  EXPECT_NE(refused.find("TOO_MANY_CONNECTIONS"), std::string::npos) << refused;
  Poco::Net::StreamSocket other = ConnectFrom("127.0.0.3", at);
  const std::string answered = RawMe(other);
  EXPECT_EQ(answered.rfind("HTTP/1.1 401", 0), 0u) << answered;
  // One closes: the address is answered again (the server notices the
  // close at its next read; a few tries give it the moment it needs).
  idle.back().close();
  idle.pop_back();
  std::string again;
  for (int i = 0; i < 50 && again.rfind("HTTP/1.1 401", 0) != 0; ++i) {
    if (i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    Poco::Net::StreamSocket s = ConnectFrom("127.0.0.2", at);
    again = RawMe(s);
  }
  EXPECT_EQ(again.rfind("HTTP/1.1 401", 0), 0u) << again;
  // Loopback's own address is a trusted proxy: never limited.
  for (int i = 0; i < 4; ++i) idle.push_back(ConnectFrom("127.0.0.1", at));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(Send((*limited)->port(), "GET", "/api/me", "", {}).status, 401);
  for (auto& s : idle) s.close();
  (*limited)->Stop();
}

// A reverse proxy on this machine speaks for many users: the address it
// names (X-Real-IP) is the one the sign-in throttle counts. From a peer
// that is not a trusted proxy the header means nothing.
TEST_F(ServerTest, ATrustedProxySpeaksForItsUsers) {
  ServerOptions o;
  o.db = db_;
  o.port = 0;
  o.web_dir = (test::SourceDir() / "web").string();
  auto proxied = ReviewServer::Start(o);
  ASSERT_TRUE(proxied.ok()) << proxied.status().ToString();
  const int port = (*proxied)->port();
  auto sign_in = [&](int at_port, const std::string& name, const std::string& password, const std::string& real) {
    return Send(at_port, "POST", "/api/session", R"({"name":")" + name + R"(","password":")" + password + R"("})",
                {{"Content-Type", "application/json"}, {"X-Real-IP", real}})
        .status;
  };
  for (int i = 0; i < 5; ++i) EXPECT_EQ(sign_in(port, "mallory", "guess" + std::to_string(i), "203.0.113.7"), 401);
  EXPECT_EQ(sign_in(port, "lan", "correct horse", "203.0.113.7"), 429);    // that user's address waits
  EXPECT_EQ(sign_in(port, "lan", "correct horse", "198.51.100.20"), 200);  // everyone else signs in
  (*proxied)->Stop();
  // The fixture's server trusts no header from a peer that is not a proxy.
  o.proxies = {};
  auto direct = ReviewServer::Start(o);
  ASSERT_TRUE(direct.ok()) << direct.status().ToString();
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(sign_in((*direct)->port(), "mallory", "guess" + std::to_string(i), "203.0.113.7"), 401);
  EXPECT_EQ(sign_in((*direct)->port(), "lan", "correct horse", "198.51.100.20"), 429);
  (*direct)->Stop();
}

TEST_F(ServerTest, HttpsWithASelfSignedCertificateAndASecureCookie) {
  ServerOptions o;
  o.db = db_;
  o.port = 0;
  o.web_dir = (test::SourceDir() / "web").string();
  o.tls_cert = (test::DataDir() / "tls" / "localhost.crt").string();
  o.tls_key = (test::DataDir() / "tls" / "localhost.key").string();
  auto tls = ReviewServer::Start(o);
  ASSERT_TRUE(tls.ok()) << tls.status().ToString();
  // The client trusts exactly this certificate.
  Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", o.tls_cert,
                                                           Poco::Net::Context::VERIFY_RELAXED, 9, false);
  Poco::Net::HTTPSClientSession session("localhost", static_cast<Poco::UInt16>((*tls)->port()), context);
  HTTPRequest request("POST", "/api/session", HTTPRequest::HTTP_1_1);
  const std::string body = R"({"name":"lan","password":"correct horse"})";
  request.setContentType("application/json");
  request.setContentLength(static_cast<std::streamsize>(body.size()));
  session.sendRequest(request) << body;
  HTTPResponse response;
  std::string reply;
  Poco::StreamCopier::copyToString(session.receiveResponse(response), reply);
  ASSERT_EQ(response.getStatus(), 200) << reply;
  std::string cookie = response.get("Set-Cookie", "");
  std::transform(cookie.begin(), cookie.end(), cookie.begin(), [](unsigned char ch) { return std::tolower(ch); });
  EXPECT_NE(cookie.find("; secure"), std::string::npos) << cookie;  // attribute names are case-insensitive
  EXPECT_NE(cookie.find("httponly"), std::string::npos) << cookie;
  // Plain HTTP to the TLS port gets no page.
  Poco::Net::HTTPClientSession plain("127.0.0.1", static_cast<Poco::UInt16>((*tls)->port()));
  plain.setTimeout(Poco::Timespan(10, 0));
  HTTPRequest get("GET", "/api/me", HTTPRequest::HTTP_1_1);
  int status = 0;
  try {
    plain.sendRequest(get);
    HTTPResponse r;
    plain.receiveResponse(r);
    status = r.getStatus();
  } catch (const Poco::Exception&) {}
  EXPECT_NE(status, 401) << "a plain request must not reach the API";
  // And the plain station's cookie is not Secure (it would never be sent back).
  Client c(server_->port());
  std::string plain_cookie = c.SignIn("lan", "correct horse").set_cookie;
  std::transform(plain_cookie.begin(), plain_cookie.end(), plain_cookie.begin(),
                 [](unsigned char ch) { return std::tolower(ch); });
  EXPECT_EQ(plain_cookie.find("secure"), std::string::npos) << plain_cookie;
  (*tls)->Stop();
  // A key without its certificate is refused.
  o.tls_cert.clear();
  EXPECT_FALSE(ReviewServer::Start(o).ok());
}

TEST_F(ServerTest, SignInsAreKeptAndIdleSessionsEnd) {
  Client c(server_->port());
  EXPECT_EQ(c.SignIn("lan", "wrong horse").status, 401);
  ASSERT_EQ(c.SignIn("lan", "correct horse").status, 200);
  auto accounts = Accounts::Open(db_);
  ASSERT_TRUE(accounts.ok());
  auto rows = (*accounts)->RecentSignIns(10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].outcome, "ok");
  EXPECT_EQ((*rows)[1].outcome, "wrong");
  for (const auto& r : *rows) {
    EXPECT_EQ(r.user, "lan");
    EXPECT_EQ(r.address, "127.0.0.1");
    for (const std::string& cell : {r.at, r.user, r.address, r.outcome})
      EXPECT_EQ(cell.find("horse"), std::string::npos) << "no password kept";
  }
  // A session unused for longer than the idle limit opens nothing.
  EXPECT_TRUE((*accounts)->Check(c.cookie_).ok());
  EXPECT_EQ((*accounts)->Check(c.cookie_, /*idle_seconds=*/-1).status().code(), ErrorCode::kDenied);
}

TEST(Accounts, PasswordsArePbkdf2Sha256) {
  // RFC 7914 section 11's PBKDF2-HMAC-SHA256 vector (P="passwd", S="salt", c=1, 64 bytes: first 32).
  EXPECT_EQ(PasswordHash("passwd", "salt", 1), "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
}

}  // namespace
}  // namespace hoso
