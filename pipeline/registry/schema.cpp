#include "registry/schema.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>

#include <vector>

namespace hoso {

using namespace Poco::Data::Keywords;

namespace {

// Never edit a migration that has shipped: add a new one.
const std::vector<std::vector<const char*>>& Migrations() {
  static const std::vector<std::vector<const char*>> kMigrations = {
      // 1: dossiers, pages, fields, flags.
      {
          "CREATE TABLE dossiers ("
          " id INTEGER PRIMARY KEY AUTOINCREMENT,"
          " sha256 TEXT NOT NULL UNIQUE,"
          " source TEXT NOT NULL,"
          " status TEXT NOT NULL CHECK (status IN ('registered','needs_review','rejected')),"
          " doc_type TEXT NOT NULL DEFAULT '',"
          " doc_date TEXT,"
          " error_code TEXT,"
          " error_message TEXT,"
          " page_count INTEGER NOT NULL DEFAULT 0,"
          " address_json TEXT,"
          " created_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)",
          "CREATE INDEX dossiers_status ON dossiers(status, created_at)",
          "CREATE TABLE pages ("
          " dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,"
          " idx INTEGER NOT NULL,"
          " width INTEGER NOT NULL, height INTEGER NOT NULL, dpi INTEGER NOT NULL,"
          " rotation INTEGER NOT NULL, skew_deg REAL NOT NULL, blank INTEGER NOT NULL,"
          " ocr_confidence REAL NOT NULL, text TEXT NOT NULL,"
          " PRIMARY KEY (dossier_id, idx))",
          "CREATE TABLE fields ("
          " dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,"
          " key TEXT NOT NULL, value TEXT NOT NULL, confidence REAL NOT NULL,"
          " page INTEGER NOT NULL,"
          " bbox_x INTEGER NOT NULL, bbox_y INTEGER NOT NULL, bbox_w INTEGER NOT NULL, bbox_h INTEGER NOT NULL,"
          " set_by TEXT NOT NULL DEFAULT 'machine',"  // 'machine' or a reviewer's name
          " updated_at TEXT NOT NULL,"
          " PRIMARY KEY (dossier_id, key))",
          "CREATE TABLE flags ("
          " id INTEGER PRIMARY KEY AUTOINCREMENT,"
          " dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,"
          " code TEXT NOT NULL, severity TEXT NOT NULL, field TEXT NOT NULL, message TEXT NOT NULL)",
          "CREATE INDEX flags_code ON flags(code)",
      },
      // 2: the job queue shared by workers, and the audit trail.
      {
          "CREATE TABLE jobs ("
          " id INTEGER PRIMARY KEY AUTOINCREMENT,"
          " path TEXT NOT NULL,"
          " status TEXT NOT NULL CHECK (status IN ('pending','running','done','failed')),"
          " worker TEXT NOT NULL DEFAULT '',"
          " lease_until BIGINT NOT NULL DEFAULT 0,"  // seconds since 1970, the database's clock
          " attempts INTEGER NOT NULL DEFAULT 0,"
          " dossier_id BIGINT,"
          " error TEXT NOT NULL DEFAULT '',"
          " enqueued_at TEXT NOT NULL,"
          " updated_at TEXT NOT NULL)",
          "CREATE INDEX jobs_status ON jobs(status, id)",
          "CREATE TABLE audit ("
          " id INTEGER PRIMARY KEY AUTOINCREMENT,"
          " dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,"
          " at TEXT NOT NULL,"
          " actor TEXT NOT NULL,"  // 'hoso' or a reviewer's name
          " what TEXT NOT NULL,"   // 'status' or 'field:KEY'
          " before_value TEXT,"
          " after_value TEXT)",
          "CREATE INDEX audit_dossier ON audit(dossier_id, id)",
      },
      // 3: the review station: users, their sessions, and a version per
      // dossier so that two reviewers never overwrite each other silently.
      {
          "ALTER TABLE dossiers ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
          "CREATE TABLE users ("
          " name TEXT PRIMARY KEY,"
          " role TEXT NOT NULL CHECK (role IN ('reviewer','admin')),"
          " salt TEXT NOT NULL,"
          " hash TEXT NOT NULL,"  // PBKDF2-HMAC-SHA256, hex
          " iterations INTEGER NOT NULL,"
          " created_at TEXT NOT NULL)",
          "CREATE TABLE sessions ("
          " token_hash TEXT PRIMARY KEY,"  // SHA-256 of the cookie's token: a stolen table opens nothing
          " user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,"
          " csrf TEXT NOT NULL,"
          " expires_at BIGINT NOT NULL)",
      },
      // 4: batches run against this registry, for the dashboard's throughput.
      {
          "CREATE TABLE batches ("
          " id INTEGER PRIMARY KEY AUTOINCREMENT,"
          " finished_at TEXT NOT NULL,"
          " command TEXT NOT NULL,"  // process | worker | watch
          " dossiers INTEGER NOT NULL,"
          " pages INTEGER NOT NULL,"
          " seconds REAL NOT NULL)",
      },
      // 5: sessions end after a while unused; every sign-in, right or
      // wrong, is kept (never the password).
      {
          "ALTER TABLE sessions ADD COLUMN last_seen BIGINT NOT NULL DEFAULT 0",
          "CREATE TABLE sign_ins ("
          " id INTEGER PRIMARY KEY AUTOINCREMENT,"
          " at TEXT NOT NULL,"
          " user_name TEXT NOT NULL,"  // as typed: it may name no user
          " address TEXT NOT NULL,"
          " outcome TEXT NOT NULL)",  // ok | wrong | throttled
      },
      // 6: labelled values no field took (DossierRecord::other), as JSON.
      {
          "ALTER TABLE dossiers ADD COLUMN other_json TEXT",
      },
      // 7: labels learnt from reviewers' corrections: a label hoso did not
      // understand, and the field a reviewer filled with its value.
      {
          "CREATE TABLE learnt_labels ("
          " id INTEGER PRIMARY KEY AUTOINCREMENT,"
          " label_key TEXT NOT NULL UNIQUE,"  // the label's bare words
          " label TEXT NOT NULL,"             // as printed
          " field TEXT NOT NULL,"
          " dossier_id BIGINT NOT NULL,"  // learnt on it (kept if it goes)
          " learnt_by TEXT NOT NULL,"
          " learnt_at TEXT NOT NULL)",
      },
      // 8: fields by value (an ID number in other dossiers: ID_SEEN_BEFORE).
      {
          "CREATE INDEX fields_key_value ON fields(key, value)",
      },
      // 9: the queue a reviewer works through: where each dossier was taken
      // in, when it was decided, the words it is found by (the applicant's
      // name without marks, the ID's digits: SearchKey), and the language
      // each user reads the station in.
      {
          "ALTER TABLE dossiers ADD COLUMN intake_point TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE dossiers ADD COLUMN decided_at TEXT",
          "ALTER TABLE dossiers ADD COLUMN search_key TEXT NOT NULL DEFAULT ''",
          "CREATE INDEX dossiers_intake ON dossiers(intake_point, created_at)",
          "ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'vi'",
      },
      // 10: how each page's resolution was found: the file's own value
      // (0: none), where the working one came from ('file' or 'estimated'
      // from the text's size; '' on pages registered before), and whether
      // a photo's sheet was made rectangular.
      {
          "ALTER TABLE pages ADD COLUMN file_dpi INTEGER NOT NULL DEFAULT 0",
          "ALTER TABLE pages ADD COLUMN dpi_source TEXT NOT NULL DEFAULT ''",
          "ALTER TABLE pages ADD COLUMN perspective_corrected INTEGER NOT NULL DEFAULT 0",
      },
  };
  return kMigrations;
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

int CurrentSchemaVersion(Connection& c) {
  int version = 0;
  *c.session << "SELECT COALESCE(MAX(version), 0) FROM schema_version", into(version), now;
  return version;
}

namespace {

// SQLite's DDL in PostgreSQL's words.
std::string ForDialect(std::string sql, Dialect d) {
  if (d == Dialect::kSqlite) return sql;
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (size_t at = sql.find(from); at != std::string::npos; at = sql.find(from, at + to.size()))
      sql.replace(at, from.size(), to);
  };
  replace_all("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY");
  replace_all("dossier_id INTEGER", "dossier_id BIGINT");
  replace_all(" REAL", " DOUBLE PRECISION");
  return sql;
}

}  // namespace

Status Migrate(Connection& c) {
  Poco::Data::Session& s = *c.session;
  // One process migrates at a time; the others then find it done.
  if (c.dialect == Dialect::kPostgres) s << "SELECT pg_advisory_lock(7242001)", now;
  struct Unlock {
    Connection& c;
    ~Unlock() {
      try {
        if (c.dialect == Dialect::kPostgres) *c.session << "SELECT pg_advisory_unlock(7242001)", now;
      } catch (...) {}
    }
  } unlock{c};
  s << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)", now;
  const int current = CurrentSchemaVersion(c);
  if (current > LatestSchemaVersion())
    return Status::Error(ErrorCode::kRegistryFailed, "the registry has schema version " + std::to_string(current) +
                                                         ", newer than this hoso knows (" +
                                                         std::to_string(LatestSchemaVersion()) + ")");
  // Each step re-reads the version inside its write transaction: another
  // process opening the same new SQLite file may have taken it meanwhile.
  for (;;) {
    c.Begin();
    try {
      const int v = CurrentSchemaVersion(c);
      if (v >= LatestSchemaVersion()) {
        c.Rollback();
        break;
      }
      for (const char* sql : Migrations()[v]) s << ForDialect(sql, c.dialect), now;
      int next = v + 1;
      const std::string at = Poco::DateTimeFormatter::format(Poco::DateTime(), "%Y-%m-%dT%H:%M:%SZ");
      s << c.Sql("INSERT INTO schema_version(version, applied_at) VALUES(?, ?)"), bind(next), bind(at), now;
      c.Commit();
    } catch (...) {
      c.Rollback();
      throw;
    }
  }
  return Status::Ok();
}

}  // namespace hoso
