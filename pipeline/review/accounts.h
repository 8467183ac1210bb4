// Who may use the review station: users with a role, their passwords
// (PBKDF2-HMAC-SHA256, a random salt each, 600,000 iterations), and their
// sessions (a random token in an HttpOnly cookie, stored only as its
// SHA-256; a CSRF token per session for every change).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"
#include "registry/connection.h"

namespace hoso {

struct SessionInfo {
  std::string user, role;  // role: reviewer | admin
  std::string csrf;
  std::string language = "vi";  // the station's words: vi | en
};

struct NewSession {
  std::string token;  // for the cookie; the server keeps only its hash
  SessionInfo info;
};

class Accounts {
 public:
  static Result<std::unique_ptr<Accounts>> Open(const std::string& uri);
  // How long a call waits for a lost PostgreSQL server to come back.
  void SetReconnectWait(int seconds) { db_->reconnect_seconds = seconds; }

  // A new user, or a new password and role for an existing one.
  Status SetUser(const std::string& name, const std::string& role, const std::string& password);
  // kDenied for an unknown user or a wrong password (the same message).
  Result<NewSession> SignIn(const std::string& name, const std::string& password, int hours = 12);
  // kDenied when the token is unknown, expired, or unused for
  // `idle_seconds`; a use keeps it alive.
  Result<SessionInfo> Check(const std::string& token, int idle_seconds = kIdleSeconds);
  static constexpr int kIdleSeconds = 30 * 60;

  // A sign-in kept for the record: who (as typed), from where, and how it
  // went (ok | wrong | throttled). Never the password.
  Status RecordSignIn(const std::string& name, const std::string& address, const std::string& outcome);
  struct SignInRow {
    std::string at, user, address, outcome;
  };
  Result<std::vector<SignInRow>> RecentSignIns(int limit);
  Status SignOut(const std::string& token);
  // The language a user reads the station in: "vi" (the default) or "en".
  Status SetLanguage(const std::string& user, const std::string& language);

 private:
  explicit Accounts(std::unique_ptr<Connection> db) : db_(std::move(db)) {}
  std::mutex mutex_;
  std::unique_ptr<Connection> db_;
};

// Whether two secrets (tokens, hashes) are equal, in a time that says
// nothing of where they differ.
bool SameSecret(const std::string& a, const std::string& b);

// Exposed for tests: the PBKDF2-HMAC-SHA256 of the password, hex.
std::string PasswordHash(const std::string& password, const std::string& salt, unsigned iterations);

}  // namespace hoso
