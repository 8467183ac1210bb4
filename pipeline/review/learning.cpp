#include "review/learning.h"

#include <algorithm>

#include "core/vn_text.h"
#include "extract/labels.h"
#include "extract/learnt.h"
#include "extract/normalize.h"
#include "extract/reader.h"

namespace hoso {

namespace {

std::string Digits(const std::string& s) {
  std::string d;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) d += c;
  return d;
}

bool SameValue(FieldType type, const std::string& written, const std::string& given) {
  switch (type) {
    case FieldType::kDate: {
      // The station sends dates as the record keeps them (ISO) or as typed.
      const auto a = NormalizeDate(written);
      const bool iso = given.size() == 10 && given[4] == '-' && given[7] == '-';
      const auto b = iso ? std::optional<std::string>(given) : NormalizeDate(given);
      return a && b && *a == *b;
    }
    case FieldType::kGender: {
      const auto a = NormalizeGender(written), b = NormalizeGender(given);
      return a && b && *a == *b;
    }
    case FieldType::kIdNumber:
    case FieldType::kPhone:
    case FieldType::kNumber: return Digits(written).size() >= 3 && Digits(written) == Digits(given);
    default: {
      const std::string a = vn::MakeKey(written).Ascii(), b = vn::MakeKey(given).Ascii();
      if (a.empty() || b.empty()) return false;
      return vn::AsciiEditDistance(a, b) * 5 <= static_cast<int>(std::max(a.size(), b.size()));
    }
  }
}

}  // namespace

std::optional<Registry::LearntLabel> LabelToLearn(const DossierRecord& record, const std::string& key,
                                                  const std::string& value) {
  const FieldType type = TypeOfKey(key);
  std::optional<Registry::LearntLabel> found;
  for (const OtherValue& o : record.other) {
    const std::vector<std::string> tokens = AsciiTokens(o.label);
    if (tokens.empty() || !UnderstandLabel(tokens).field.empty()) continue;
    if (!SameValue(type, CleanValue(o.value), value)) continue;
    if (found) return std::nullopt;  // two labels hold it: which one is meant is not known
    found = Registry::LearntLabel{};
    found->label_key = LabelKey(tokens);
    found->label = o.label;
    found->field = key;
    found->dossier_id = record.dossier_id;
  }
  return found;
}

}  // namespace hoso
