#include "review/recheck.h"

#include <algorithm>

#include "address/address.h"
#include "extract/learnt.h"
#include "extract/normalize.h"
#include "validate/validate.h"

namespace hoso {

namespace {

bool IsIso(const std::string& s) { return s.size() == 10 && s[4] == '-' && s[7] == '-'; }

bool IsYear(const std::string& s) {
  return s.size() == 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::string CanonicalValue(const std::string& key, const std::string& typed, const Gazetteer* gazetteer) {
  const std::string text = CleanValue(typed);
  switch (TypeOfKey(key)) {
    case FieldType::kDate:
      if (IsIso(text) || IsYear(text)) return text;
      return NormalizeDate(text).value_or(text);
    case FieldType::kGender: return NormalizeGender(text).value_or(text);
    case FieldType::kIdNumber: {
      const IdNumber id = NormalizeIdNumber(text);
      return id.digits.empty() ? text : id.digits;  // 11 digits stay 11: the ID check says so
    }
    case FieldType::kPhone: return NormalizePhone(text).value_or(text);
    case FieldType::kName: return NormalizeName(text, nullptr);
    case FieldType::kAddress: return gazetteer ? SpellAddress(text, *gazetteer) : text;
    default: return text;
  }
}

void Recheck(DossierRecord& r, const std::string& key, const Gazetteer* gazetteer, const std::string& as_of) {
  // What the checks below give again (DATE_INVALID for every date field
  // too), and what the person settled.
  const std::string before = r.address ? r.address->status : "";
  const bool address_edited = TypeOfKey(key) == FieldType::kAddress;
  std::vector<Flag> kept;
  for (const Flag& f : r.flags) {
    if (ValidateCodes().count(f.code)) continue;
    if (f.code == "ADDRESS_UPDATED" && address_edited) continue;  // said again below if still so
    if (f.code == "FIELD_MISSING" && r.fields.count(f.field) && !r.fields.at(f.field).value.empty()) continue;
    if (f.code == "FIELD_CONFLICT" && f.field == key) continue;
    if (f.code == "HANDWRITTEN" && f.field == key) continue;  // a person keyed it from the page
    kept.push_back(f);
  }
  r.flags = std::move(kept);
  // Every date field, read or typed, must be a date.
  for (const auto& [k, f] : r.fields)
    if (TypeOfKey(k) == FieldType::kDate && !f.value.empty() && !IsIso(f.value) && !IsYear(f.value))
      r.flags.push_back(
          {"DATE_INVALID", Severity::kWarning, k, "'" + f.value + "' không phải ngày tháng (dd/mm/yyyy)"});
  if (gazetteer) {
    AddressOptions options;
    if (!as_of.empty()) options.as_of = as_of;
    options.doc_date = r.doc_date.value_or("");
    r.address = CheckDossierAddress(r.fields, *gazetteer, options);
  }
  for (Flag& f : Validate(r, ValidateOptions{})) r.flags.push_back(std::move(f));
  // An address written with old units, now written with today's: the flag
  // it had is resolved, and the record says by what (info).
  if (address_edited && (before == "outdated" || before == "ambiguous") && r.address &&
      r.address->status == "current" && r.fields.count(key))
    r.flags.push_back({"ADDRESS_UPDATED", Severity::kInfo, key, "đã cập nhật → " + r.fields.at(key).value});
}

}  // namespace hoso
