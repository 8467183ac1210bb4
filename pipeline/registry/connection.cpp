#include "registry/connection.h"

#include <chrono>
#include <thread>

#include "core/log.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <filesystem>
#include <mutex>

#include "registry/schema.h"

namespace hoso {

namespace {

// A libpq keyword value, quoted when it holds spaces or quotes.
std::string PqValue(const std::string& v) {
  if (!v.empty() && v.find_first_of(" '\\") == std::string::npos) return v;
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

Result<RegistryUri> ParsePostgres(const std::string& uri) {
  RegistryUri out;
  out.kind = RegistryUri::Kind::kPostgres;
  try {
    const Poco::URI u(uri);
    std::string conn;
    auto add = [&](const std::string& key, const std::string& value) {
      if (!value.empty()) conn += (conn.empty() ? "" : " ") + key + "=" + PqValue(value);
    };
    add("host", u.getHost());
    if (u.getPort() != 0) add("port", std::to_string(u.getPort()));
    std::string db = u.getPath();
    if (!db.empty() && db[0] == '/') db = db.substr(1);
    if (db.empty()) return Status::Error(ErrorCode::kInvalidArgument, "no database name in '" + uri + "'");
    add("dbname", db);
    const std::string info = u.getUserInfo();
    const size_t colon = info.find(':');
    add("user", info.substr(0, colon));
    if (colon != std::string::npos) add("password", info.substr(colon + 1));
    for (const auto& [key, value] : u.getQueryParameters()) add(key, value);
    out.connection = conn;
    out.display = "postgresql://" + (info.empty() ? "" : info.substr(0, colon) + "@") + u.getHost() +
                  (u.getPort() ? ":" + std::to_string(u.getPort()) : "") + "/" + db;
  } catch (const Poco::Exception& e) {
    return Status::Error(ErrorCode::kInvalidArgument, "bad database URI: " + e.displayText());
  }
  return out;
}

}  // namespace

Result<RegistryUri> RegistryUri::Parse(const std::string& uri) {
  if (uri.rfind("postgresql://", 0) == 0 || uri.rfind("postgres://", 0) == 0) return ParsePostgres(uri);
  RegistryUri out;
  std::string rest = uri;
  if (rest.rfind("sqlite:", 0) == 0)
    rest = rest.substr(7);
  else if (rest.find("://") != std::string::npos)
    return Status::Error(ErrorCode::kInvalidArgument,
                         "unsupported database URI '" + uri + "' (use PATH, sqlite:PATH or postgresql://...)");
  if (rest.empty()) return Status::Error(ErrorCode::kInvalidArgument, "empty database path");
  out.location = rest;
  out.display = rest;
  return out;
}

std::string Connection::Sql(std::string_view sql) const {
  if (dialect == Dialect::kSqlite) return std::string(sql);
  std::string out;
  int n = 0;
  bool quoted = false;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted)
      out += "$" + std::to_string(++n);
    else
      out += c;
  }
  return out;
}

const char* Connection::EpochNow() const {
  return dialect == Dialect::kSqlite ? "CAST(strftime('%s','now') AS INTEGER)"
                                     : "CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS BIGINT)";
}

void Connection::Begin() {
  if (dialect == Dialect::kSqlite)
    *session << "BEGIN IMMEDIATE", Poco::Data::Keywords::now;
  else
    session->begin();
  open_ = true;
}

void Connection::BeginRead() {
  if (dialect == Dialect::kSqlite)
    *session << "BEGIN", Poco::Data::Keywords::now;
  else
    *session << "BEGIN ISOLATION LEVEL REPEATABLE READ", Poco::Data::Keywords::now;
  open_ = read_only_ = true;
}

void Connection::Commit() {
  if (dialect == Dialect::kSqlite || read_only_)
    *session << "COMMIT", Poco::Data::Keywords::now;
  else
    session->commit();
  open_ = read_only_ = false;
}

void Connection::Rollback() noexcept {
  if (!open_) return;
  const bool raw = dialect == Dialect::kSqlite || read_only_;
  open_ = read_only_ = false;
  try {
    if (raw)
      *session << "ROLLBACK", Poco::Data::Keywords::now;
    else
      session->rollback();
  } catch (...) {}
}

bool Connection::Lost() noexcept {
  if (dialect != Dialect::kPostgres) return false;
  try {
    int one = 0;
    *session << "SELECT 1", Poco::Data::Keywords::into(one), Poco::Data::Keywords::now;
    return one != 1;
  } catch (...) { return true; }
}

void Connection::Heal() noexcept {
  if (dialect != Dialect::kPostgres) return;
  bool good = false;
  try {
    good = session->isConnected();
  } catch (...) {}
  if (!good) (void)Reopen();
}

bool Connection::Reopen() noexcept {
  open_ = read_only_ = false;
  Log(LogLevel::kWarning, "registry: lost the connection to " + display + "; waiting for it to come back");
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(reconnect_seconds);
  std::chrono::milliseconds wait(500);
  while (true) {
    try {
      Poco::Data::Session fresh("PostgreSQL", connect_string);
      fresh << "SET client_min_messages = warning", Poco::Data::Keywords::now;
      *session = fresh;  // the same object: references to it stay good
      Log(LogLevel::kWarning, "registry: connected to " + display + " again");
      return true;
    } catch (...) {}
    if (std::chrono::steady_clock::now() + wait > give_up) {
      Log(LogLevel::kError,
          "registry: " + display + " did not come back in " + std::to_string(reconnect_seconds) + " s");
      return false;
    }
    std::this_thread::sleep_for(wait);
    wait = std::min<std::chrono::milliseconds>(wait * 2, std::chrono::seconds(15));
  }
}

Result<std::unique_ptr<Connection>> Connect(const std::string& uri) {
  auto parsed = RegistryUri::Parse(uri);
  if (!parsed.ok()) return parsed.status();
  auto c = std::make_unique<Connection>();
  c->display = parsed->display;
  try {
    if (parsed->kind == RegistryUri::Kind::kPostgres) {
      static std::once_flag once;
      std::call_once(once, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
      c->dialect = Dialect::kPostgres;
      c->connect_string = parsed->connection;
      c->session = std::make_unique<Poco::Data::Session>("PostgreSQL", parsed->connection);
      *c->session << "SET client_min_messages = warning", Poco::Data::Keywords::now;
    } else {
      // SQLite would wait on a folder that does not exist; say so at once.
      const auto parent = std::filesystem::path(parsed->location).parent_path();
      if (!parent.empty() && !std::filesystem::is_directory(parent))
        return Status::Error(ErrorCode::kRegistryFailed,
                             "cannot open the registry at " + parsed->location + ": no folder " + parent.string());
      static std::once_flag once;
      std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
      c->session = std::make_unique<Poco::Data::Session>("SQLite", parsed->location);
      using Poco::Data::Keywords::now;
      // WAL: readers never block the writer, and a killed process leaves no
      // half-written transaction visible.
      *c->session << "PRAGMA journal_mode=WAL", now;
      *c->session << "PRAGMA foreign_keys=ON", now;
      *c->session << "PRAGMA busy_timeout=30000", now;
    }
    if (Status st = Migrate(*c); !st.ok()) return st;
  } catch (const Poco::Exception& e) {
    return Status::Error(ErrorCode::kRegistryFailed,
                         "cannot open the registry at " + parsed->display + ": " + e.displayText());
  }
  return c;
}

}  // namespace hoso
