#include "registry/schema.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

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
  };
  return kMigrations;
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

int CurrentSchemaVersion(Poco::Data::Session& s) {
  int version = 0;
  s << "SELECT COALESCE(MAX(version), 0) FROM schema_version", into(version), now;
  return version;
}

Status Migrate(Poco::Data::Session& s) {
  s << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)", now;
  const int current = CurrentSchemaVersion(s);
  if (current > LatestSchemaVersion())
    return Status::Error(ErrorCode::kRegistryFailed,
                         "the registry has schema version " + std::to_string(current) +
                             ", newer than this hoso knows (" + std::to_string(LatestSchemaVersion()) + ")");
  for (int v = current; v < LatestSchemaVersion(); ++v) {
    s.begin();
    try {
      for (const char* sql : Migrations()[v]) s << sql, now;
      int next = v + 1;
      s << "INSERT INTO schema_version(version, applied_at) VALUES(?, datetime('now'))", bind(next), now;
      s.commit();
    } catch (...) {
      s.rollback();
      throw;
    }
  }
  return Status::Ok();
}

}  // namespace hoso
