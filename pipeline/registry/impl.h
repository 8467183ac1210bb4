// What the registry's files share (registry.cpp: the record's life;
// reviews.cpp: a person's decisions and the trail; dashboard.cpp: counts
// and batches): the connection under its lock, reading a row's columns,
// and one way to run a SELECT and map each row.
#pragma once

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Nullable.h>

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/registry.h"

namespace hoso {

std::string NowUtc();  // 2026-12-02T08:00:00Z

inline std::string Get(Poco::Data::RecordSet& rs, const std::string& col) {
  const Poco::Dynamic::Var& v = rs[col];
  return v.isEmpty() ? std::string() : v.convert<std::string>();
}
template <typename T>
T GetNum(Poco::Data::RecordSet& rs, const std::string& col) {
  const Poco::Dynamic::Var& v = rs[col];
  return v.isEmpty() ? T() : v.convert<T>();
}

inline Status RegistryError(const std::string& what, const Poco::Exception& e) {
  return Status::Error(ErrorCode::kRegistryFailed, what + ": " + e.displayText());
}

// Binds a statement's parameters: [&](Statement& st) { st, bind(id); }.
using Binder = std::function<void(Poco::Data::Statement&)>;

// Runs `sql` with its parameters bound, calling `row` on each row of the
// result. Poco's exceptions go to the caller.
template <typename Row>
void ForEachRow(Poco::Data::Session& s, const Connection& db, std::string_view sql, const Binder& bind, Row row) {
  Poco::Data::Statement st(s);
  st << db.Sql(sql);
  if (bind) bind(st);
  st.execute();
  Poco::Data::RecordSet rs(st);
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) row(rs);
}

// One row of the audit trail, inside the caller's transaction.
void AddAuditRow(Poco::Data::Session& s, const Connection& db, std::int64_t id, const std::string& at,
                 const std::string& actor, const std::string& what, const Poco::Nullable<std::string>& before,
                 const std::string& after);

// The record as the session's transaction sees it (its version into
// *version when given); nullopt when there is no such dossier.
std::optional<DossierRecord> ReadRecord(Poco::Data::Session& s, const Connection& db, std::int64_t id, int* version);
// Replaces the dossier's flags and address verdict, inside the caller's
// transaction.
void WriteChecks(Poco::Data::Session& s, const Connection& db, std::int64_t id, const std::vector<Flag>& flags,
                 const std::optional<AddressVerdict>& verdict);

// The words a dossier is found by in the review queue: " #ID name-without-
// marks ID-digits " ("nguyen van an"), so that a reviewer typing without
// marks, or part of a number, finds it; and a query reduced the same way.
std::string SearchKey(std::int64_t id, const std::string& name, const std::string& id_number);
std::string SearchWords(std::string_view query);
// Writes the dossier's search key from its fields, inside the caller's
// transaction.
void WriteSearchKey(Poco::Data::Session& s, const Connection& db, std::int64_t id);

struct Registry::Impl {
  std::mutex mutex;
  std::unique_ptr<Connection> db;
  // The session, opened again first if it broke when the server went away.
  Poco::Data::Session& session() {
    db->Heal();
    return *db->session;
  }
  std::string Sql(std::string_view sql) const { return db->Sql(sql); }

  // A person's change of one dossier in one write transaction under the
  // lock, refused when the dossier changed since they read it (version
  // `expected`, 0: any): `work` runs inside, after the version is bumped, with
  // the time of the change. An error from it, or an exception, rolls back.
  Status Change(std::int64_t id, int expected, const std::string& what,
                const std::function<Status(Poco::Data::Session&, const std::string& at)>& work);

  // One SELECT under the lock, each row mapped to a T; `what` names it in
  // the error.
  template <typename T, typename Map>
  Result<std::vector<T>> Select(const std::string& what, std::string_view sql, const Binder& bind, Map map) {
    std::lock_guard<std::mutex> lock(mutex);
    std::vector<T> out;
    try {
      WithReconnect(*db, [&] {
        out.clear();
        ForEachRow(session(), *db, sql, bind, [&](Poco::Data::RecordSet& rs) { out.push_back(map(rs)); });
      });
    } catch (const Poco::Exception& e) { return RegistryError(what, e); }
    return out;
  }
};

}  // namespace hoso
