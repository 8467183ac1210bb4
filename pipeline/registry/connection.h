// One database connection for the registry and the job queue, SQLite or
// PostgreSQL, through Poco::Data. The two speak slightly different SQL; the
// statements are written once, with `?` placeholders, and Sql() rewrites
// them for the server (PostgreSQL numbers its placeholders: $1, $2, ...).
#pragma once

#include <Poco/Data/Session.h>

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

 private:
  bool open_ = false, read_only_ = false;
};

// Opens (and for SQLite creates) the database and brings its schema up to
// date. Every process may call it at once: PostgreSQL migrations take an
// advisory lock, SQLite's a write transaction.
Result<std::unique_ptr<Connection>> Connect(const std::string& uri);

}  // namespace hoso
