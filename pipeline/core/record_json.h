// The JSON form of a DossierRecord — the contract of `hoso process --json`
// (one object per line) — and its reverse, used by the scorer and the tests.
#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "core/record.h"
#include "core/status.h"

namespace hoso {

// One line of JSON (no trailing newline), UTF-8, keys in contract order.
std::string RecordToJson(const DossierRecord& record);
std::string AddressVerdictToJson(const AddressVerdict& verdict);
// The same as an object, for a caller that adds to it (the review station
// adds the version and the audit trail) before writing it once.
Poco::JSON::Object::Ptr RecordToJsonObject(const DossierRecord& record);

Result<DossierRecord> RecordFromJson(const std::string& json);
Result<AddressVerdict> AddressVerdictFromJson(const std::string& json);
// A record's `other` list as a JSON array, and back (the registry keeps it so).
std::string OtherValuesToJson(const std::vector<OtherValue>& other);
Result<std::vector<OtherValue>> OtherValuesFromJson(const std::string& json);

}  // namespace hoso
