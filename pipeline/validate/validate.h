// Validation: the rules that turn what the pipeline found into flags, and
// the decision between registered and needs_review. Rules see only hoso's
// own types, so they are tested without images.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/record.h"

namespace hoso {

struct ValidateOptions {
  // A non-blank page whose mean word confidence is below this is flagged
  // LOW_CONFIDENCE (warning): a person should look at it.
  double min_page_confidence = 0.60;
  // A field read with a mean word confidence below this is flagged
  // LOW_CONFIDENCE (warning) with its key.
  double min_field_confidence = 0.50;
  // Messages in English (default Vietnamese).
  bool english = false;
  // Whether address flags (ADDRESS_OUTDATED / _AMBIGUOUS / _UNKNOWN) send a
  // dossier to review. Archive teams digitising pre-merger paper may turn
  // this off: the dossier is registered with its flags, to correct later.
  bool address_flags_need_review = true;
};

// The first three digits of a citizen ID: the province (of the 63 before
// 2025) where the birth was registered, with a leading 0.
bool IsIdProvinceCode(const std::string& three_digits);

// Flags for a record whose pages, fields and address are filled in:
// LOW_CONFIDENCE, NO_TEXT, ID_NUMBER_INVALID (not 12 digits, unknown
// province), ID_NUMBER_OLD (a 9-digit CMND, info), ID_NUMBER_MISMATCH (the
// century-and-gender digit or the birth year disagree with the date of
// birth or gender), DATE_INVALID (a birth date in the future or after the
// document), and the address flags.
std::vector<Flag> Validate(const DossierRecord& record, const ValidateOptions& options);
// Every code Validate can give: what checking a record again replaces.
const std::set<std::string>& ValidateCodes();

// needs_review when any flag is a warning or an error (address flags only
// if options.address_flags_need_review), else registered.
DossierStatus Decide(const std::vector<Flag>& flags, const ValidateOptions& options = {});

}  // namespace hoso
