// A dossier checked again after a person's change, as the pipeline checks
// what it read: the value typed put in the record's form (dates ISO,
// male/female, the ID's and phone's digits, names capitalised, addresses
// spelt as the gazetteer spells them), then the ID rules, the dates, the
// address verdict and its flags computed again. What the person settled
// goes (the edited field's FIELD_MISSING, FIELD_CONFLICT, HANDWRITTEN); what only
// reading the pages could tell stays (DOC_TYPE_UNKNOWN, a page's
// LOW_CONFIDENCE).
#pragma once

#include <memory>
#include <string>

#include "address/gazetteer.h"
#include "core/record.h"

namespace hoso {

// `typed` in the form the record keeps for `key` (as typed when it does not
// read as one: the checks then say so).
std::string CanonicalValue(const std::string& key, const std::string& typed, const Gazetteer* gazetteer);

// `record`'s flags and address verdict computed again, after `key` changed.
// `as_of`: the address checks' date (empty: today).
void Recheck(DossierRecord& record, const std::string& key, const Gazetteer* gazetteer, const std::string& as_of);

}  // namespace hoso
