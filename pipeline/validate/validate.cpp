#include "validate/validate.h"

#include "core/say.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace hoso {

bool IsIdProvinceCode(const std::string& d) {
  static const std::set<std::string> kCodes = {
      "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
      "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
      "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
      "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096"};
  return kCodes.count(d) > 0;
}

namespace {

const FieldValue* Get(const DossierRecord& r, const std::string& key) {
  auto it = r.fields.find(key);
  return it == r.fields.end() || it->second.value.empty() ? nullptr : &it->second;
}

bool IsIsoDate(const std::string& s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && std::all_of(s.begin(), s.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) || c == '-';
         });
}

// The ID against itself and against the date of birth and gender.
void CheckIdNumber(const DossierRecord& r, const Say& say, std::vector<Flag>& flags) {
  const FieldValue* id = Get(r, "id_number");
  if (!id) return;
  const std::string& d = id->value;
  if (d.size() == 9) {
    flags.push_back({"ID_NUMBER_OLD", Severity::kInfo, "id_number",
                     say("a 9-digit identity card number (CMND)", "số chứng minh nhân dân 9 chữ số (CMND)")});
    return;
  }
  if (d.size() != 12) {
    flags.push_back({"ID_NUMBER_INVALID", Severity::kError, "id_number",
                     say("the citizen ID has " + std::to_string(d.size()) + " digits, not 12",
                         "số định danh có " + std::to_string(d.size()) + " chữ số, không phải 12")});
    return;
  }
  if (!IsIdProvinceCode(d.substr(0, 3))) {
    flags.push_back({"ID_NUMBER_INVALID", Severity::kError, "id_number",
                     say("the citizen ID starts with " + d.substr(0, 3) + ", which is no province code",
                         "số định danh bắt đầu bằng " + d.substr(0, 3) + ", không phải mã tỉnh nào")});
    return;
  }
  const int century_gender = d[3] - '0';
  const int yy = std::stoi(d.substr(4, 2));
  const FieldValue* dob = Get(r, "date_of_birth");
  const FieldValue* gender = Get(r, "gender");
  if (century_gender > 5) {
    flags.push_back({"ID_NUMBER_INVALID", Severity::kError, "id_number",
                     say("the citizen ID's 4th digit must be 0-5", "chữ số thứ 4 của số định danh phải từ 0 đến 5")});
    return;
  }
  std::vector<std::string> wrong;
  if (gender && (gender->value == "male" || gender->value == "female")) {
    const bool female = century_gender % 2 == 1;
    if (female != (gender->value == "female"))
      wrong.push_back(
          say(std::string("its 4th digit says ") + (female ? "female" : "male") + ", the form " + gender->value,
              std::string("chữ số thứ 4 ghi ") + (female ? "nữ" : "nam") + ", tờ khai ghi " +
                  (gender->value == "female" ? "nữ" : "nam")));
  }
  if (dob && IsIsoDate(dob->value)) {
    const int year = std::stoi(dob->value.substr(0, 4));
    const int century = 1900 + 100 * (century_gender / 2);
    if (year < century || year >= century + 100)
      wrong.push_back(say("its 4th digit says born " + std::to_string(century) + "-" + std::to_string(century + 99) +
                              ", the form " + std::to_string(year),
                          "chữ số thứ 4 ghi sinh trong " + std::to_string(century) + "-" +
                              std::to_string(century + 99) + ", tờ khai ghi " + std::to_string(year)));
    if (year % 100 != yy)
      wrong.push_back(say("its birth year digits say " + d.substr(4, 2) + ", the form " + std::to_string(year),
                          "hai chữ số năm sinh ghi " + d.substr(4, 2) + ", tờ khai ghi " + std::to_string(year)));
  }
  if (!wrong.empty()) {
    std::string msg = say("the citizen ID disagrees with the form: ", "số định danh không khớp với tờ khai: ");
    for (size_t i = 0; i < wrong.size(); ++i) msg += (i ? "; " : "") + wrong[i];
    flags.push_back({"ID_NUMBER_MISMATCH", Severity::kError, "id_number", msg});
  }
}

}  // namespace

const std::set<std::string>& ValidateCodes() {
  static const std::set<std::string> kCodes = {"ID_NUMBER_INVALID", "ID_NUMBER_MISMATCH", "ID_NUMBER_OLD",
                                               "DATE_INVALID",      "LOW_CONFIDENCE",     "NO_TEXT",
                                               "ADDRESS_OUTDATED",  "ADDRESS_AMBIGUOUS",  "ADDRESS_UNKNOWN"};
  return kCodes;
}

std::vector<Flag> Validate(const DossierRecord& record, const ValidateOptions& options) {
  std::vector<Flag> flags;
  const Say say{options.english};
  CheckIdNumber(record, say, flags);
  if (const FieldValue* dob = Get(record, "date_of_birth"); dob && IsIsoDate(dob->value)) {
    if (record.doc_date && dob->value > *record.doc_date)
      flags.push_back({"DATE_INVALID", Severity::kWarning, "date_of_birth",
                       say("born " + dob->value + ", after the document's date " + *record.doc_date,
                           "ngày sinh " + dob->value + " sau ngày của văn bản " + *record.doc_date)});
  }
  for (const auto& [key, f] : record.fields)
    if (!f.value.empty() && f.confidence < options.min_field_confidence) {
      char numbers[128];
      std::snprintf(numbers, sizeof numbers, "%.2f (%s %.2f)", f.confidence, options.english ? "below" : "dưới",
                    options.min_field_confidence);
      flags.push_back(
          {"LOW_CONFIDENCE", Severity::kWarning, key,
           say(key + " was read with confidence ", say.Field(key) + " đọc được với độ tin cậy ") + numbers});
    }
  bool any_text = false;
  for (const auto& page : record.pages) {
    if (page.blank) continue;
    any_text = any_text || !page.text.empty();
    if (page.ocr_confidence < options.min_page_confidence) {
      char numbers[128];
      std::snprintf(numbers, sizeof numbers, " %d %s %.2f (%s %.2f)", page.index + 1,
                    options.english ? "was read with confidence" : "đọc được với độ tin cậy", page.ocr_confidence,
                    options.english ? "below" : "dưới", options.min_page_confidence);
      flags.push_back({"LOW_CONFIDENCE", Severity::kWarning, "", say("page", "trang") + numbers});
    }
  }
  if (!record.pages.empty() && !any_text)
    flags.push_back({"NO_TEXT", Severity::kWarning, "",
                     say("no text was found on any page", "không đọc được chữ nào trên các trang")});
  if (record.address && record.address->status != "current") {
    static const char* kCodes[][2] = {
        {"outdated", "ADDRESS_OUTDATED"}, {"ambiguous", "ADDRESS_AMBIGUOUS"}, {"unknown", "ADDRESS_UNKNOWN"}};
    for (auto& c : kCodes)
      if (record.address->status == c[0])
        flags.push_back({c[1], record.address->severity, "permanent_address", record.address->message});
  }
  return flags;
}

DossierStatus Decide(const std::vector<Flag>& flags, const ValidateOptions& options) {
  for (const auto& f : flags) {
    if (f.severity == Severity::kInfo) continue;
    if (!options.address_flags_need_review && f.code.rfind("ADDRESS_", 0) == 0) continue;
    return DossierStatus::kNeedsReview;
  }
  return DossierStatus::kRegistered;
}

}  // namespace hoso
