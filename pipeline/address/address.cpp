#include "address/address.h"

namespace hoso {

std::optional<AddressVerdict> CheckDossierAddress(const std::map<std::string, FieldValue>& fields,
                                                  const AddressOptions&) {
  auto it = fields.find("permanent_address");
  if (it == fields.end() || it->second.value.empty()) return std::nullopt;
  // Until the gazetteer lands every address is unknown, and says so.
  AddressVerdict v;
  v.input = it->second.value;
  v.status = "unknown";
  v.severity = Severity::kWarning;
  v.message = "address checking is not available in this build";
  return v;
}

}  // namespace hoso
