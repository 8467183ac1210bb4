#include "review/accounts.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DigestEngine.h>
#include <Poco/Exception.h>
#include <Poco/HMACEngine.h>
#include <Poco/PBKDF2Engine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA2Engine.h>

#include <ctime>

namespace hoso {

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Statement;

namespace {

// OWASP's figure for PBKDF2-HMAC-SHA256 (2023); a user hashed with fewer
// is hashed again at the next sign-in.
constexpr unsigned kIterations = 600000;

// SHA-256 as HMACEngine wants it (block and digest sizes as constants).
class Sha256Engine : public Poco::SHA2Engine {
 public:
  enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
  Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};
using HmacSha256 = Poco::HMACEngine<Sha256Engine>;

std::string RandomHex(int bytes) {
  Poco::RandomInputStream in;
  std::string raw(static_cast<size_t>(bytes), '\0');
  in.read(raw.data(), bytes);
  return Poco::DigestEngine::digestToHex(Poco::DigestEngine::Digest(raw.begin(), raw.end()));
}

std::string Sha256(const std::string& s) {
  Poco::SHA2Engine e(Poco::SHA2Engine::SHA_256);
  e.update(s);
  return Poco::DigestEngine::digestToHex(e.digest());
}

}  // namespace

bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

namespace {

Status AccountsError(const std::string& what, const Poco::Exception& e) {
  return Status::Error(ErrorCode::kRegistryFailed, what + ": " + e.displayText());
}

}  // namespace

std::string PasswordHash(const std::string& password, const std::string& salt, unsigned iterations) {
  Poco::PBKDF2Engine<HmacSha256> pbkdf2(salt, iterations, 32);
  pbkdf2.update(password);
  return Poco::DigestEngine::digestToHex(pbkdf2.digest());
}

Result<std::unique_ptr<Accounts>> Accounts::Open(const std::string& uri) {
  auto db = Connect(uri);
  if (!db.ok()) return db.status();
  return std::unique_ptr<Accounts>(new Accounts(std::move(db).value()));
}

Status Accounts::SetUser(const std::string& name, const std::string& role, const std::string& password) {
  if (name.empty() || name.size() > 64 || name.find_first_of(" \t\r\n") != std::string::npos)
    return Status::Error(ErrorCode::kInvalidArgument, "a user name is 1 to 64 characters without spaces");
  if (role != "reviewer" && role != "admin")
    return Status::Error(ErrorCode::kInvalidArgument, "the role is reviewer or admin");
  if (password.size() < 8) return Status::Error(ErrorCode::kInvalidArgument, "a password has at least 8 characters");
  const std::string salt = RandomHex(16);
  const std::string hash = PasswordHash(password, salt, kIterations);
  const int iterations = static_cast<int>(kIterations);
  const std::string at = Poco::DateTimeFormatter::format(Poco::DateTime(), "%Y-%m-%dT%H:%M:%SZ");
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    db_->Begin();
    *db_->session << db_->Sql("DELETE FROM users WHERE name = ?"), bind(name), now;
    *db_->session << db_->Sql(
        "INSERT INTO users(name, role, salt, hash, iterations, created_at) VALUES(?, ?, ?, ?, ?, ?)"),
        bind(name), bind(role), bind(salt), bind(hash), bind(iterations), bind(at), now;
    db_->Commit();
  } catch (const Poco::Exception& e) {
    db_->Rollback();
    return AccountsError("cannot save the user", e);
  }
  return Status::Ok();
}

Result<NewSession> Accounts::SignIn(const std::string& name, const std::string& password, int hours) {
  const Status denied = Status::Error(ErrorCode::kDenied, "wrong user name or password");
  std::string role, salt, hash, language;
  int iterations = 0;
  bool known = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    try {
      WithReconnect(*db_, [&] {
        Statement st(*db_->session);
        st << db_->Sql("SELECT role, salt, hash, iterations, language FROM users WHERE name = ?"), bind(name), now;
        RecordSet rs(st);
        if (rs.moveFirst()) {
          known = true;
          role = rs["role"].convert<std::string>();
          salt = rs["salt"].convert<std::string>();
          hash = rs["hash"].convert<std::string>();
          iterations = rs["iterations"].convert<int>();
          language = rs["language"].convert<std::string>();
        }
      });
    } catch (const Poco::Exception& e) { return AccountsError("cannot read the user", e); }
  }
  // Hashed outside the lock: sign-ins (and a made-up name's equal-time
  // hash) do not hold up everyone else's session checks.
  if (!known) {
    (void)PasswordHash(password, "no-such-user", kIterations);
    return denied;
  }
  if (!SameSecret(PasswordHash(password, salt, static_cast<unsigned>(iterations)), hash)) return denied;
  NewSession s;
  s.token = RandomHex(32);
  s.info = SessionInfo{name, role, RandomHex(16), language};
  std::string new_salt, new_hash;
  if (static_cast<unsigned>(iterations) < kIterations) {
    new_salt = RandomHex(16);
    new_hash = PasswordHash(password, new_salt, kIterations);
  }
  const std::int64_t now_s = static_cast<std::int64_t>(std::time(nullptr));
  const std::int64_t expires = now_s + hours * 3600LL;
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    const std::string token_hash = Sha256(s.token);
    WithReconnect(*db_, [&] {
      *db_->session << db_->Sql("DELETE FROM sessions WHERE expires_at <= ?"), bind(now_s), now;
      *db_->session << db_->Sql(
          "INSERT INTO sessions(token_hash, user_name, csrf, expires_at, last_seen) VALUES(?, ?, ?, ?, ?)"),
          bind(token_hash), bind(name), bind(s.info.csrf), bind(expires), bind(now_s), now;
      if (!new_hash.empty()) {
        const int n = static_cast<int>(kIterations);
        *db_->session << db_->Sql("UPDATE users SET salt = ?, hash = ?, iterations = ? WHERE name = ?"), bind(new_salt),
            bind(new_hash), bind(n), bind(name), now;
      }
    });
  } catch (const Poco::Exception& e) { return AccountsError("cannot open a session", e); }
  return s;
}

Result<SessionInfo> Accounts::Check(const std::string& token, int idle_seconds) {
  const Status denied = Status::Error(ErrorCode::kDenied, "not signed in (or the session has expired)");
  if (token.size() != 64) return denied;
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    return WithReconnect(*db_, [&]() -> Result<SessionInfo> {
      Statement st(*db_->session);
      const std::string token_hash = Sha256(token);
      const std::int64_t now_s = static_cast<std::int64_t>(std::time(nullptr));
      const std::int64_t idle_since = now_s - idle_seconds;
      st << db_->Sql(
          "SELECT s.user_name, u.role, u.language, s.csrf, s.last_seen FROM sessions s JOIN users u ON u.name = "
          "s.user_name "
          "WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen > ?"),
          bind(token_hash), bind(now_s), bind(idle_since), now;
      RecordSet rs(st);
      if (!rs.moveFirst()) return denied;
      SessionInfo info{rs["user_name"].convert<std::string>(), rs["role"].convert<std::string>(),
                       rs["csrf"].convert<std::string>(), rs["language"].convert<std::string>()};
      // Kept alive, written at most once a minute.
      if (rs["last_seen"].convert<std::int64_t>() < now_s - 60)
        *db_->session << db_->Sql("UPDATE sessions SET last_seen = ? WHERE token_hash = ?"), bind(now_s),
            bind(token_hash), now;
      return info;
    });
  } catch (const Poco::Exception& e) { return AccountsError("cannot check the session", e); }
}

Status Accounts::SetLanguage(const std::string& user, const std::string& language) {
  if (language != "vi" && language != "en")
    return Status::Error(ErrorCode::kInvalidArgument, "language must be vi or en");
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    WithReconnect(*db_, [&] {
      *db_->session << db_->Sql("UPDATE users SET language = ? WHERE name = ?"), bind(language), bind(user), now;
    });
  } catch (const Poco::Exception& e) { return AccountsError("cannot set the language", e); }
  return Status::Ok();
}

Status Accounts::RecordSignIn(const std::string& name, const std::string& address, const std::string& outcome) {
  const std::string at = Poco::DateTimeFormatter::format(Poco::DateTime(), "%Y-%m-%dT%H:%M:%SZ");
  const std::string user = name.substr(0, 64);
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    WithReconnect(*db_, [&] {
      *db_->session << db_->Sql("INSERT INTO sign_ins(at, user_name, address, outcome) VALUES(?, ?, ?, ?)"), bind(at),
          bind(user), bind(address), bind(outcome), now;
    });
  } catch (const Poco::Exception& e) { return AccountsError("cannot record the sign-in", e); }
  return Status::Ok();
}

Result<std::vector<Accounts::SignInRow>> Accounts::RecentSignIns(int limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    Statement st(*db_->session);
    st << db_->Sql("SELECT at, user_name, address, outcome FROM sign_ins ORDER BY id DESC LIMIT ?"), bind(limit), now;
    RecordSet rs(st);
    std::vector<SignInRow> out;
    for (bool more = rs.moveFirst(); more; more = rs.moveNext())
      out.push_back({rs["at"].convert<std::string>(), rs["user_name"].convert<std::string>(),
                     rs["address"].convert<std::string>(), rs["outcome"].convert<std::string>()});
    return out;
  } catch (const Poco::Exception& e) { return AccountsError("cannot read the sign-ins", e); }
}

Status Accounts::SignOut(const std::string& token) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    const std::string token_hash = Sha256(token);
    *db_->session << db_->Sql("DELETE FROM sessions WHERE token_hash = ?"), bind(token_hash), now;
  } catch (const Poco::Exception& e) { return AccountsError("cannot close the session", e); }
  return Status::Ok();
}

}  // namespace hoso
