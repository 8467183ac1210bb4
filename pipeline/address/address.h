// Addresses: the parser, the versioned gazetteer and the old→new verdict
// for addresses written with units abolished on 1 July 2025. This first
// version only defines the stage's entry point; the gazetteer and the parser
// come with their own issue and return the same AddressVerdict.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/record.h"

namespace hoso {

struct AddressOptions {
  std::string as_of;  // YYYY-MM-DD; empty means today
};

// The verdict on the dossier's address field, or nullopt when the dossier
// has no address field.
std::optional<AddressVerdict> CheckDossierAddress(const std::map<std::string, FieldValue>& fields,
                                                  const AddressOptions& options);

}  // namespace hoso
