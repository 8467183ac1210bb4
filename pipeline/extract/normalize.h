// Field values as written (and as OCR read them) to the canonical forms the
// registry keeps: ISO dates, male/female, 12-digit IDs, phone digits, names
// in title case with tone marks checked against the common Vietnamese names.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/status.h"

namespace hoso {

// Whether the day exists (leap years included); years 1900-2200.
bool IsValidDate(int year, int month, int day);

// "05/07/2025", "5-7-2025", "05.07.2025", "ngày 05 tháng 7 năm 2025" (any
// case, tone marks optional) -> "2025-07-05"; nullopt when no real date.
std::optional<std::string> NormalizeDate(const std::string& text);

// "Nam" -> "male", "Nữ" / "Nu" -> "female" (also Male/Female); nullopt otherwise.
std::optional<std::string> NormalizeGender(const std::string& text);

struct IdNumber {
  std::string digits;       // as read, spaces and dots gone, O read as 0
  bool citizen_id = false;  // 12 digits (CCCD / personal identification number)
  bool old_id = false;      // 9 digits (CMND, before 2016)
};
IdNumber NormalizeIdNumber(const std::string& text);

// Phone digits, "+84" / "84" read as the leading 0; nullopt unless 10 digits
// starting with 0 come out.
std::optional<std::string> NormalizePhone(const std::string& text);

// The common family, middle and given names (models/names/), for correcting
// tone-mark errors in names: the first word of a name against the family
// names, the others against the middle and given names.
class NameList {
 public:
  enum Part { kFamily = 0, kGiven = 1 };
  static Result<NameList> Load(const std::string& dir);
  // $HOSO_MODELS/names if set, else the source tree's models/names.
  static std::string DefaultDir();
  bool Knows(const std::string& word, Part part) const;
  // The known words of that part with the same bare letters as `word`.
  std::vector<std::string> SameLetters(const std::string& word, Part part) const;
  size_t size() const { return toned_[0].size() + toned_[1].size(); }

 private:
  std::set<std::string> toned_[2];                       // vn Toned() keys
  std::multimap<std::string, std::string> by_ascii_[2];  // ascii -> word as listed
};

// Spaces collapsed, stray punctuation dropped, each word capitalised
// ("NGUYỄN VĂN AN" -> "Nguyễn Văn An"); with `names`, a word OCR misread only
// in its tone marks is replaced by the one common name with those letters.
std::string NormalizeName(const std::string& text, const NameList* names);

// A free text value: leaders, colons and stray edge punctuation trimmed.
std::string CleanValue(const std::string& text);

}  // namespace hoso
