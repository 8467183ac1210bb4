// One database connection for the registry and the job queue, SQLite or
// PostgreSQL, through Poco::Data. The two speak slightly different SQL; the
// statements are written once, with `?` placeholders, and Sql() rewrites
// them for the server (PostgreSQL numbers its placeholders: $1, $2, ...).
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace hoso {

enum class Dialect { kSqlite, kPostgres };

// Parsed --db argument:
//   PATH or sqlite:PATH                         an SQLite file (default ./hoso.db)
//   postgresql://USER[:PASSWORD]@HOST[:PORT]/DB  a PostgreSQL server; query
//     parameters host= (a Unix socket folder), port=, sslmode=, ... are
//     passed on as libpq connection keywords.
struct RegistryUri {
  enum class Kind { kSqlite, kPostgres } kind = Kind::kSqlite;
  std::string location;    // SQLite: the file path
  std::string connection;  // PostgreSQL: libpq "key=value ..." string
  std::string display;     // for messages: the URI without its password
  static Result<RegistryUri> Parse(const std::string& uri);
};

struct Connection {
  Dialect dialect = Dialect::kSqlite;
  std::string display;
  std::unique_ptr<Poco::Data::Session> session;

  // The statement for this server: `?` placeholders numbered for PostgreSQL.
  std::string Sql(std::string_view sql) const;
  // SQL for the server's clock in whole seconds since 1970 (leases use the
  // database's clock, so that machines need not agree on the time).
  const char* EpochNow() const;

  // A write transaction. SQLite's takes the write lock at once (BEGIN
  // IMMEDIATE): a reader that later writes could otherwise deadlock with
  // another connection and fail instead of waiting its turn.
  void Begin();
  // A read-only transaction: its reads all see one moment of the database.
  void BeginRead();
  void Commit();
  void Rollback() noexcept;  // if one is open

  // After a failed statement: whether the server is gone (a restart, a
  // failover, a cut network): PostgreSQL only, when a trivial query fails too.
  bool Lost() noexcept;
  // Opens the session again, waiting with backoff (0.5 s doubling to 15 s)
  // until the server answers or `reconnect_seconds` have passed; false then.
  bool Reopen() noexcept;
  // Before a use: a PostgreSQL connection that broke (a call failed when the
  // server went away) is opened again (Reopen).
  void Heal() noexcept;
  int reconnect_seconds = 600;
  std::string connect_string;  // PostgreSQL's, to open again

 private:
  bool open_ = false, read_only_ = false;
};

// Runs `work`, one transaction's statements (Poco::Data throws on a failed
// one). When it fails because the server went away, the transaction is
// rolled back, the connection opened again once the server is back, and
// `work` runs again from the start, up to 5 times; any other failure is
// thrown on. Work that committed just as the server went away runs again:
// it must be safe to repeat (registering a file finds it registered).
template <typename Work>
auto WithReconnect(Connection& c, Work&& work) -> decltype(work()) {
  c.Heal();
  for (int attempt = 1;; ++attempt) {
    try {
      return work();
    } catch (const Poco::Exception&) {
      c.Rollback();
      if (attempt >= 5 || c.dialect != Dialect::kPostgres || !c.Lost() || !c.Reopen()) throw;
    }
  }
}

// Opens (and for SQLite creates) the database and brings its schema up to
// date. Every process may call it at once: PostgreSQL migrations take an
// advisory lock, SQLite's a write transaction.
Result<std::unique_ptr<Connection>> Connect(const std::string& uri);

}  // namespace hoso
