#include "extract/extract.h"

#include <cstdio>
#include <regex>
#include <sstream>

#include "core/vn_text.h"
#include "extract/reader.h"

namespace hoso {

std::optional<std::string> FindPlaceDate(const std::string& text) {
  // "ngày" / "ngay" / "Ngày", then day, "tháng"/"thang", month, "năm"/"nam", year.
  // UTF-8 letters are several bytes, so accented variants are alternations,
  // not character classes.
  static const std::regex kDate(
      "(?:[Nn]g(?:a|\u00E0)y|NG(?:A|\u00C0)Y)\\s*(\\d{1,2})\\s*(?:[Tt]h(?:a|\u00E1)ng|TH(?:A|\u00C1)NG)\\s*"
      "(\\d{1,2})\\s*(?:[Nn](?:a|\u0103)m|N(?:A|\u0102)M)\\s*(\\d{4})");
  std::smatch m;
  std::string::const_iterator from = text.begin();
  std::optional<std::string> last;
  // The place-and-date line is near the end of a form: take the last match.
  while (std::regex_search(from, text.end(), m, kDate)) {
    const int d = std::stoi(m[1]), mo = std::stoi(m[2]), y = std::stoi(m[3]);
    if (IsValidDate(y, mo, d)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
      last = buf;
    }
    from = m[0].second;
  }
  return last;
}

namespace {

// A raw value to its canonical form; false when it does not parse.
bool Normalise(FieldType type, const RawField& raw, const NameList* names, FieldValue* out) {
  out->confidence = raw.confidence;
  out->page = raw.page;
  out->bbox = raw.box;
  const std::string text = CleanValue(raw.text);
  out->value = text;
  switch (type) {
    case FieldType::kDate: {
      auto d = NormalizeDate(text);
      if (!d) return false;
      out->value = *d;
      return true;
    }
    case FieldType::kGender: {
      auto g = NormalizeGender(text);
      if (!g) return false;
      out->value = *g;
      return true;
    }
    case FieldType::kIdNumber: {
      const IdNumber id = NormalizeIdNumber(text);
      if (id.digits.empty()) return false;
      out->value = id.digits;  // checked in validate (length, province, century)
      return true;
    }
    case FieldType::kPhone: {
      auto p = NormalizePhone(text);
      if (!p) return false;
      out->value = *p;
      return true;
    }
    case FieldType::kName:
      out->value = NormalizeName(text, names);
      return !out->value.empty();
    case FieldType::kNumber: {
      std::string digits;
      for (char c : text)
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        else if (!digits.empty()) break;  // the first number
      out->value = digits;
      return !digits.empty();
    }
    case FieldType::kAddress:
    case FieldType::kText:
      return !text.empty();
  }
  return false;
}

// Form and card agree? Names compared on their letters and marks, not case.
bool SameValue(const std::string& key, const std::string& a, const std::string& b) {
  if (key == "full_name") return vn::MakeKey(a).Toned() == vn::MakeKey(b).Toned();
  return a == b;
}

// The same name read twice (form and card) with OCR damage in one of them:
// word by word, where one reading is a common name and the other is not,
// the common one. Nullopt when they really differ.
std::optional<std::string> ReconcileNames(const std::string& form, const std::string& card, const NameList* names) {
  if (!names) return std::nullopt;
  std::vector<std::string> a, b;
  std::istringstream sa(form), sb(card);
  for (std::string w; sa >> w;) a.push_back(w);
  for (std::string w; sb >> w;) b.push_back(w);
  if (a.size() != b.size() || a.empty()) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < a.size(); ++i) {
    const NameList::Part part = i == 0 ? NameList::kFamily : NameList::kGiven;
    std::string w;
    if (vn::MakeKey(a[i]).Toned() == vn::MakeKey(b[i]).Toned()) w = a[i];
    else if (names->Knows(a[i], part) && !names->Knows(b[i], part)) w = a[i];
    else if (names->Knows(b[i], part) && !names->Knows(a[i], part)) w = b[i];
    else return std::nullopt;
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

}  // namespace

DossierDraft Extract(const std::vector<OcrPage>& pages, const ExtractOptions& options) {
  DossierDraft draft;
  if (!options.templates) {
    for (const auto& page : pages)
      if (auto date = FindPlaceDate(page.text)) {
        draft.doc_date = date;
        break;
      }
    return draft;
  }
  const Templates& templates = *options.templates;
  // Classify every written page; the first form is the main document.
  std::vector<std::vector<LineView>> lines(pages.size());
  std::vector<Classification> kinds(pages.size());
  int main_page = -1;
  std::vector<int> card_pages;
  for (size_t i = 0; i < pages.size(); ++i) {
    lines[i] = PageLines(pages[i]);
    kinds[i] = ClassifyPage(lines[i], templates);
    const DocTemplate* t = templates.Find(kinds[i].type);
    if (!t) continue;
    if (t->id_card) card_pages.push_back(static_cast<int>(i));
    else if (main_page < 0) main_page = static_cast<int>(i);
  }
  const DocTemplate* main = main_page >= 0 ? templates.Find(kinds[main_page].type) : nullptr;
  const DocTemplate* card = templates.Find("citizen_id");
  if (main) {
    draft.doc_type = main->type;
  } else if (!card_pages.empty()) {
    draft.doc_type = "citizen_id";
    main = card;
    main_page = card_pages.front();
    card_pages.erase(card_pages.begin());
  } else {
    draft.doc_type = "unknown";
  }
  if (main_page >= 0) draft.doc_date = FindPlaceDate(pages[main_page].text);
  if (!draft.doc_date)
    for (const auto& page : pages)
      if (auto date = FindPlaceDate(page.text)) {
        draft.doc_date = date;
        break;
      }
  if (!main) {
    draft.flags.push_back({"DOC_TYPE_UNKNOWN", Severity::kWarning, "", "no known form title was found on any page"});
    return draft;
  }
  const NameList* names = options.names.get();
  auto read = [&](const DocTemplate& doc, int page, std::map<std::string, FieldValue>& into) {
    for (const auto& [key, raw] : ReadFields(lines[page], page, doc)) {
      const FieldSpec* spec = nullptr;
      for (const auto& f : doc.fields)
        if (f.key == key) spec = &f;
      FieldValue v;
      if (Normalise(spec->type, raw, names, &v)) {
        into[key] = v;
      } else if (spec->type == FieldType::kDate && !CleanValue(raw.text).empty()) {
        into[key] = v;  // kept as written, for a person to read
        draft.flags.push_back({"DATE_INVALID", Severity::kWarning, key, "'" + v.value + "' is not a date"});
      }
    }
  };
  read(*main, main_page, draft.fields);
  // The ID copy: fills what the form lacks, and must agree with it.
  if (card && main != card) {
    for (int p : card_pages) {
      std::map<std::string, FieldValue> from_card;
      read(*card, p, from_card);
      for (const auto& [key, v] : from_card) {
        if (key == "permanent_address") continue;  // a form may give another residence
        auto it = draft.fields.find(key);
        if (it == draft.fields.end()) {
          draft.fields[key] = v;
        } else if (key == "full_name" && !SameValue(key, it->second.value, v.value)) {
          if (auto name = ReconcileNames(it->second.value, v.value, names)) {
            it->second.value = *name;  // OCR slips, not a disagreement
          } else {
            draft.flags.push_back({"FIELD_CONFLICT", Severity::kWarning, key,
                                   "the form and the ID copy (page " + std::to_string(p + 1) + ") disagree"});
          }
        } else if (!SameValue(key, it->second.value, v.value)) {
          draft.flags.push_back({"FIELD_CONFLICT", Severity::kWarning, key,
                                 "the form and the ID copy (page " + std::to_string(p + 1) + ") disagree"});
        }
      }
    }
  }
  // An ID number whose label OCR garbled ("S50 CGCD:"): the one run of 12
  // digits, in groups or not, on the main page.
  if (!draft.fields.count("id_number")) {
    static const std::regex kTwelve(R"((?:^|[^\d])(\d{3}[ .]?\d{3}[ .]?\d{3}[ .]?\d{3})(?:[^\d]|$))");
    std::vector<const OcrLine*> hits;
    std::string digits;
    for (const LineView& l : lines[main_page]) {
      std::smatch m;
      if (std::regex_search(l.text, m, kTwelve)) {
        hits.push_back(l.line);
        digits = m[1].str();
      }
    }
    if (hits.size() == 1) {
      FieldValue v;
      v.value = NormalizeIdNumber(digits).digits;
      v.page = main_page;
      for (const OcrWord& w : hits[0]->words)
        if (NormalizeIdNumber(w.text).digits.size() >= 3 && digits.find(NormalizeIdNumber(w.text).digits) != std::string::npos) {
          v.bbox = Union(v.bbox, w.box);
          v.confidence = std::max(v.confidence, w.confidence);
        }
      v.confidence *= 0.8;  // found by its shape, not its label
      draft.fields["id_number"] = v;
    }
  }
  for (const FieldSpec& f : main->fields)
    if (f.required && !draft.fields.count(f.key))
      draft.flags.push_back({"FIELD_MISSING", Severity::kWarning, f.key, "no " + f.key + " found"});
  return draft;
}

}  // namespace hoso
