// The registry's schema and its migrations. Each migration is a list of
// statements applied in one transaction; schema_version records the last
// one applied, so an old registry file is brought up to date on open.
#pragma once

#include <Poco/Data/Session.h>

#include "core/status.h"

namespace hoso {

Status Migrate(Poco::Data::Session& session);
int CurrentSchemaVersion(Poco::Data::Session& session);
int LatestSchemaVersion();

}  // namespace hoso
