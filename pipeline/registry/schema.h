// The registry's schema and its migrations. Each migration is a list of
// statements applied in one transaction; schema_version records the last
// one applied, so an old registry file is brought up to date on open. The
// statements are SQLite's; for PostgreSQL a few type names are translated.
#pragma once

#include "core/status.h"
#include "registry/connection.h"

namespace hoso {

// Throws Poco::Exception on a database error.
Status Migrate(Connection& connection);
int CurrentSchemaVersion(Connection& connection);
int LatestSchemaVersion();

}  // namespace hoso
