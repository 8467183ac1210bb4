#include "extract/extract.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <regex>
#include <sstream>

#include "core/say.h"
#include "core/vn_text.h"
#include "extract/labels.h"
#include "extract/meaning.h"
#include "extract/official.h"
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
    case FieldType::kName: out->value = NormalizeName(text, names); return !out->value.empty();
    case FieldType::kNumber: {
      std::string digits;
      for (char c : text)
        if (std::isdigit(static_cast<unsigned char>(c)))
          digits += c;
        else if (!digits.empty())
          break;  // the first number
      out->value = digits;
      return !digits.empty();
    }
    case FieldType::kAddress:
    case FieldType::kText: return !text.empty();
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
    if (vn::MakeKey(a[i]).Toned() == vn::MakeKey(b[i]).Toned())
      w = a[i];
    else if (names->Knows(a[i], part) && !names->Knows(b[i], part))
      w = a[i];
    else if (names->Knows(b[i], part) && !names->Knows(a[i], part))
      w = b[i];
    else
      return std::nullopt;
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

}  // namespace

namespace {

std::optional<std::string> FirstPlaceDate(const std::vector<OcrPage>& pages) {
  for (const auto& page : pages)
    if (auto date = FindPlaceDate(page.text)) return date;
  return std::nullopt;
}

// Which page is what: every written page classified; the first form is the
// main document (or, with none, the first ID copy), the other ID copies
// are read to check it.
struct Pages {
  std::vector<std::vector<LineView>> lines;
  int main_page = -1;
  const DocTemplate* main = nullptr;
  std::vector<int> card_pages;
};

Pages ClassifyPages(const std::vector<OcrPage>& pages, const Templates& templates) {
  Pages out;
  out.lines.resize(pages.size());
  std::vector<Classification> kinds(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    out.lines[i] = PageLines(pages[i]);
    kinds[i] = ClassifyPage(out.lines[i], templates);
    const DocTemplate* t = templates.Find(kinds[i].type);
    if (!t) continue;
    if (t->id_card)
      out.card_pages.push_back(static_cast<int>(i));
    else if (out.main_page < 0)
      out.main_page = static_cast<int>(i);
  }
  out.main = out.main_page >= 0 ? templates.Find(kinds[out.main_page].type) : nullptr;
  if (!out.main && !out.card_pages.empty()) {
    out.main = templates.Find("citizen_id");
    out.main_page = out.card_pages.front();
    out.card_pages.erase(out.card_pages.begin());
  }
  return out;
}

// One raw value of a type to its field value; a date that is not one is
// kept as written and flagged; false when nothing usable is left.
bool TakeValue(const std::string& key, FieldType type, const RawField& raw, const NameList* names, const Say& say,
               std::map<std::string, FieldValue>& into, DossierDraft& draft) {
  FieldValue v;
  if (Normalise(type, raw, names, &v)) {
    into[key] = v;
    return true;
  }
  if (type != FieldType::kDate || CleanValue(raw.text).empty()) return false;
  // Another person's year of birth ("Năm sinh: 1965") is all the form asks.
  const std::string text = CleanValue(raw.text);
  if (key.find('_') != std::string::npos && key != "date_of_birth" && text.size() == 4 &&
      std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    v.value = text;
    into[key] = v;
    return true;
  }
  into[key] = v;  // kept as written, for a person to read
  draft.flags.push_back({"DATE_INVALID", Severity::kWarning, key,
                         say("'" + v.value + "' is not a date", "'" + v.value + "' không phải ngày tháng")});
  return true;
}

// A page's fields by `doc`'s labels, normalised.
void ReadPageFields(const std::vector<LineView>& lines, int page, const DocTemplate& doc, const NameList* names,
                    const Say& say, std::map<std::string, FieldValue>& into, DossierDraft& draft) {
  for (const auto& [key, raw] : ReadFields(lines, page, doc)) {
    const FieldSpec* spec = nullptr;
    for (const auto& f : doc.fields)
      if (f.key == key) spec = &f;
    TakeValue(key, spec->type, raw, names, say, into, draft);
  }
}

// The template's own reading of the form, where the labels' meaning gave
// nothing: the fields only this form has (a parcel, a business name), and
// a person's field whose label had no colon. A name that opens with words
// naming a person ("người đề nghị Vũ…") was read from a longer label: the
// applicant's loses those words, another person's is not the applicant's.
void FillFromTemplate(const std::vector<LineView>& lines, int page, const DocTemplate& doc, const NameList* names,
                      const Say& say, const std::vector<Box>& understood, DossierDraft& draft) {
  for (auto [key, raw] : ReadFields(lines, page, doc)) {
    if (draft.fields.count(key)) continue;
    // A line whose label was understood is someone's already (another
    // person's date of birth is not the applicant's).
    const int y = raw.box.y + raw.box.h / 2;
    if (std::any_of(understood.begin(), understood.end(), [&](const Box& b) { return y >= b.y && y < b.y + b.h; }))
      continue;
    const FieldSpec* spec = nullptr;
    for (const auto& f : doc.fields)
      if (f.key == key) spec = &f;
    if (spec->type == FieldType::kName) {
      const std::vector<std::string> words = AsciiTokens(raw.text);
      size_t n = 0;
      if (auto whose = LeadingPerson(words, 2, &n)) {
        if (*whose != Whose::kApplicant) continue;
        std::istringstream in(raw.text);
        std::string rest, w;
        for (size_t i = 0; in >> w;)
          if (AsciiTokens(w).empty() || i++ >= n) rest += (rest.empty() ? "" : " ") + w;
        raw.text = rest;
      }
    }
    TakeValue(key, spec->type, raw, names, say, draft.fields, draft);
  }
}

// Whether the template reads the value of a line with this label (so it is
// no "other" value).
bool TemplateLabel(const std::vector<std::string>& tokens, const DocTemplate& doc) {
  for (const FieldSpec& f : doc.fields)
    for (const std::string& l : f.labels)
      if (AsciiTokens(l) == tokens) return true;
  return false;
}

// The ID copy's fields: they fill what the form lacks, and must agree with
// it (a name OCR slipped on is mended, not flagged).
void CheckAgainstCard(const std::map<std::string, FieldValue>& from_card, int card_page, const NameList* names,
                      const Say& say, DossierDraft& draft) {
  for (const auto& [key, v] : from_card) {
    if (key == "permanent_address") continue;  // a form may give another residence
    auto it = draft.fields.find(key);
    if (it == draft.fields.end()) {
      draft.fields[key] = v;
      continue;
    }
    if (SameValue(key, it->second.value, v.value)) continue;
    if (key == "full_name")
      if (auto name = ReconcileNames(it->second.value, v.value, names)) {
        it->second.value = *name;  // OCR slips, not a disagreement
        continue;
      }
    draft.flags.push_back({"FIELD_CONFLICT", Severity::kWarning, key,
                           say("the form and the ID copy (page " + std::to_string(card_page + 1) + ") disagree",
                               "tờ khai và bản sao căn cước (trang " + std::to_string(card_page + 1) + ") khác nhau")});
  }
}

// An ID number whose label OCR garbled ("S50 CGCD:"): the one run of 12
// digits, in groups or not, on the main page.
std::optional<FieldValue> IdNumberByShape(const std::vector<LineView>& lines, int page) {
  static const std::regex kTwelve(R"((?:^|[^\d])(\d{3}[ .]?\d{3}[ .]?\d{3}[ .]?\d{3})(?:[^\d]|$))");
  std::vector<const OcrLine*> hits;
  std::string digits;
  for (const LineView& l : lines) {
    std::smatch m;
    if (std::regex_search(l.text, m, kTwelve)) {
      hits.push_back(l.line);
      digits = m[1].str();
    }
  }
  if (hits.size() != 1) return std::nullopt;
  FieldValue v;
  v.value = NormalizeIdNumber(digits).digits;
  v.page = page;
  for (const OcrWord& w : hits[0]->words)
    if (NormalizeIdNumber(w.text).digits.size() >= 3 &&
        digits.find(NormalizeIdNumber(w.text).digits) != std::string::npos) {
      v.bbox = Union(v.bbox, w.box);
      v.confidence = std::max(v.confidence, w.confidence);
    }
  v.confidence *= 0.8;  // found by its shape, not its label
  return v;
}

// An office, not a person's home: the addressee ("Kính gửi: Công an
// phường …") or a value that names an authority.
bool AnOffice(const LabelledValue& v) {
  const std::vector<std::string> label = AsciiTokens(v.label), value = AsciiTokens(v.value.text);
  auto starts = [](const std::vector<std::string>& t, std::initializer_list<const char*> words) {
    size_t i = 0;
    for (const char* w : words)
      if (i >= t.size() || t[i++] != w) return false;
    return true;
  };
  return starts(label, {"kinh", "gui"}) || starts(value, {"uy", "ban"}) || starts(value, {"ubnd"}) ||
         starts(value, {"cong", "an"}) || starts(value, {"toa", "an"});
}

// A value whose label was not understood, or whose label's field would
// not take it, placed by its shape where the applicant's field is still
// missing: twelve digits are a citizen ID, ten from 0 a phone, an address
// the gazetteer places (not an office's) the permanent address. A name is
// not placed by its shape: the person it names is not known (a witness, a
// neighbour), and the signature gives the applicant's. Taken values leave
// `unused`.
// A request that names the address it is about: "Đăng ký thường trú tại
// số 5 …", "Xác nhận thông tin về cư trú, nơi thường trú: …" (the residence
// form CT01 of Circular 66/2023 has no address line; its item 10, "Nội
// dung đề nghị", carries it). The address after the words, and whose kind
// it is; nullopt when no such words.
std::optional<std::pair<std::string, std::string>> IntroducedAddress(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  auto bare = [&](size_t i) {
    std::string a = vn::MakeKey(words[i]).Ascii();
    while (!a.empty() && !std::isalpha(static_cast<unsigned char>(a.back()))) a.pop_back();
    return a;
  };
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    const std::string kind = bare(i);
    if ((kind != "thuong" && kind != "tam") || bare(i + 1) != "tru") continue;
    size_t j = i + 2;
    // "tại", "ở", "vào hộ gia đình ở": the words between the kind and the address.
    static const std::vector<std::string> kJoin = {"tai", "o", "vao", "ho", "gia", "dinh", "cua"};
    while (j < words.size() && std::find(kJoin.begin(), kJoin.end(), bare(j)) != kJoin.end()) ++j;
    if (j == i + 2 && words[i + 1].back() != ':') continue;  // "thường trú" with nothing after: not a request
    std::string rest;
    for (size_t k = j; k < words.size(); ++k) rest += (rest.empty() ? "" : " ") + words[k];
    if (rest.empty()) continue;
    return std::make_pair(std::string(kind == "tam" ? "temporary_address" : "permanent_address"), rest);
  }
  return std::nullopt;
}

void PlaceByShape(std::vector<LabelledValue>& unused, const ExtractOptions& options, DossierDraft& draft) {
  for (auto it = unused.begin(); it != unused.end();) {
    const std::string text = CleanValue(it->value.text);
    std::string key, value;
    if (auto named = IntroducedAddress(text);
        named && options.is_address && !draft.fields.count(named->first) && options.is_address(named->second)) {
      FieldValue v{CleanValue(named->second), it->value.confidence, it->value.page, it->value.box};
      draft.fields[named->first] = v;
      ++it;  // the request itself stays among the other lines
      continue;
    }
    if (const IdNumber id = NormalizeIdNumber(text); id.citizen_id && !draft.fields.count("id_number")) {
      key = "id_number";
      value = id.digits;
    } else if (auto phone = NormalizePhone(text); phone && !draft.fields.count("phone")) {
      key = "phone";
      value = *phone;
    } else if (options.is_address && !draft.fields.count("permanent_address") && !AnOffice(*it) &&
               options.is_address(text)) {
      key = "permanent_address";
      value = text;
    }
    if (key.empty()) {
      ++it;
      continue;
    }
    FieldValue v{value, it->value.confidence * 0.8, it->value.page, it->value.box};  // by shape, not label
    draft.fields[key] = v;
    it = unused.erase(it);
  }
}

// The name under the applicant's signature must be the applicant's: it
// fills a name the form's label did not give, and disagreeing (beyond an
// OCR slip) is a conflict for a person to settle.
void CheckSignature(const std::vector<LineView>& lines, int page, const NameList* names, const Say& say,
                    DossierDraft& draft) {
  const std::optional<RawField> signed_name = SignedName(lines, page);
  if (!signed_name) return;
  FieldValue v;
  if (!Normalise(FieldType::kName, *signed_name, names, &v)) return;
  auto it = draft.fields.find("full_name");
  if (it == draft.fields.end()) {
    v.confidence *= 0.8;  // read from the signature, not a label
    draft.fields["full_name"] = v;
    return;
  }
  if (SameValue("full_name", it->second.value, v.value) || ReconcileNames(it->second.value, v.value, names)) return;
  // One letter in ten may be OCR's (a stamp over the signature).
  const std::string a = vn::MakeKey(it->second.value).Ascii(), b = vn::MakeKey(v.value).Ascii();
  if (vn::AsciiEditDistance(a, b) * 10 <= static_cast<int>(std::max(a.size(), b.size()))) return;
  draft.flags.push_back(
      {"FIELD_CONFLICT", Severity::kWarning, "full_name",
       say("the name under the signature (page " + std::to_string(page + 1) + ") is not the one on the form",
           "tên dưới chữ ký (trang " + std::to_string(page + 1) + ") không phải tên trên tờ khai")});
}

// Where an issuing body's unit begins ("UBND tỉnh Cao Băng": at "tỉnh"),
// and its word; npos when the body names no unit.
size_t UnitWordAt(const std::string& body, std::string* word = nullptr) {
  size_t at = std::string::npos;
  for (const char* unit :
       {"thành phố ", "tỉnh ", "quận ", "huyện ", "thị xã ", "phường ", "xã ", "thị trấn ", "đặc khu "}) {
    const size_t p = body.find(unit);
    if (p != std::string::npos && (p == 0 || body[p - 1] == ' ') && p < at) {
      at = p;
      if (word) *word = unit;
    }
  }
  return at;
}

// "UBND tỉnh Cao Băng": the unit from its word on, spelt by `spell`.
std::string SpellBodyUnits(const std::string& body, const std::function<std::string(const std::string&)>& spell) {
  if (!spell) return body;
  const size_t at = UnitWordAt(body);
  return at == std::string::npos ? body : body.substr(0, at) + spell(body.substr(at));
}

// The place under the motto is the unit where the issuing body sits
// (Decree 30), which the body's name mostly names: spelt as the body spells
// it where OCR read it a letter or a mark apart ("Xuân Chỉnh" beside "Ủy ban
// nhân dân xã Xuân Chinh"; "Phường T1" beside "UBND phường 1").
std::string PlaceAsTheBodiesSpellIt(const std::string& place, const std::vector<std::string>& bodies) {
  const std::string key = vn::MakeKey(place).Ascii();
  for (const std::string& body : bodies) {
    std::string unit;
    const size_t at = UnitWordAt(body, &unit);
    if (at == std::string::npos) continue;
    const std::string name = body.substr(at + unit.size());
    std::vector<vn::Glyph> unit_first = vn::Decode(body.substr(at));  // "phường 1" -> "Phường 1"
    unit_first.front().upper = true;
    const std::string titled = vn::Encode(unit_first);
    // A name left in capitals (an acronym's letters) is no spelling to copy.
    bool capitals = false;
    std::istringstream words(name);
    for (std::string w; words >> w;) {
      int letters = 0, upper = 0;
      for (const vn::Glyph& g : vn::Decode(w)) {
        letters += g.letter;
        upper += g.letter && g.upper;
      }
      capitals |= letters >= 2 && upper == letters;
    }
    if (capitals) continue;
    for (const std::string& c : {name, titled}) {
      const std::string a = vn::MakeKey(c).Ascii();
      if (a == key || (key.size() >= 6 && vn::AsciiEditDistance(a, key) <= 1)) return c;
    }
  }
  return place;
}

// An official document's header as the archive records it (Circular
// 02/2019/TT-BNV): kind, number and symbol, issuing bodies, place, date and
// subject. A number written in by hand is kept as read and flagged for a
// person to key from the page; a date that is none is flagged, not kept.
DossierDraft OfficialDraft(OfficialHeader h, int page, const ExtractOptions& options, const Say& say) {
  h.issuer.value = SpellBodyUnits(h.issuer.value, options.spell_units);
  h.issuer_parent.value = SpellBodyUnits(h.issuer_parent.value, options.spell_units);
  if (!h.place.value.empty()) {
    const std::string by_bodies = PlaceAsTheBodiesSpellIt(h.place.value, {h.issuer.value, h.issuer_parent.value});
    if (by_bodies != h.place.value)
      h.place.value = by_bodies;
    else if (options.spell_place)
      h.place.value = options.spell_place(h.place.value);
  }
  DossierDraft d;
  d.doc_type = h.doc_type;
  d.doc_date = h.date;
  // A body read up to its unit's word and no further ("UBND huyện"): its
  // name is not kept cut short; the flag says what was read.
  for (auto [key, part] : {std::pair{"issuer", &h.issuer}, std::pair{"issuer_parent", &h.issuer_parent}}) {
    std::string unit;
    const std::string body = part->value + " ";
    const size_t at = UnitWordAt(body, &unit);
    if (at == std::string::npos || at + unit.size() < body.size()) continue;
    d.flags.push_back(
        {"FIELD_MISSING", Severity::kWarning, key,
         say("the body was read as \"" + part->value + "\", without its unit's name: key it from the page",
             "chỉ đọc được \"" + part->value + "\", thiếu tên đơn vị hành chính: hãy nhập theo ảnh")});
    *part = {};
  }
  auto put = [&](const char* key, const HeaderPart& part) {
    if (!part.value.empty()) d.fields[key] = {part.value, part.confidence, page, part.box};
  };
  put("doc_kind", {h.kind, 1.0, h.subject.box.empty() ? h.symbol.box : h.subject.box});
  put("doc_number", h.number);
  put("doc_symbol", h.symbol);
  put("issuer", h.issuer);
  put("issuer_parent", h.issuer_parent);
  put("issue_place", h.place);
  put("subject", h.subject);
  // A date that is none (a day written in by hand) is not kept as one: the
  // reviewer keys it; the flag says what was read.
  if (h.date) put("doc_date", {*h.date, h.date_line.confidence, h.date_line.box});
  if (h.number_by_hand && h.number.value.empty()) {
    d.flags.push_back({"HANDWRITTEN", Severity::kWarning, "doc_number",
                       say("nothing was read before the symbol: the number is written in by hand or left blank; "
                           "key it from the page",
                           "không đọc được số trước ký hiệu: số văn bản viết tay hoặc để trống, hãy nhập theo ảnh")});
  } else if (h.number_by_hand) {
    d.flags.push_back({"HANDWRITTEN", Severity::kWarning, "doc_number",
                       say("the number \"" + h.number.value + "\" looks written in by hand: key it from the page",
                           "số văn bản \"" + h.number.value + "\" có vẻ được viết tay: hãy nhập lại theo ảnh")});
  }
  if (h.day_by_hand && !h.date_line.value.empty()) {
    d.flags.push_back({"HANDWRITTEN", Severity::kWarning, "doc_date",
                       say("the date \"" + h.date_line.value + "\" looks written in by hand: key it from the page",
                           "ngày văn bản \"" + h.date_line.value + "\" có vẻ được viết tay: hãy nhập lại theo ảnh")});
  }
  auto flagged = [&](const std::string& key) {
    return std::any_of(d.flags.begin(), d.flags.end(), [&](const Flag& f) { return f.field == key; });
  };
  auto missing = [&](const char* key, const HeaderPart& part, const std::string& en, const std::string& vi) {
    if (part.value.empty() && !flagged(key)) d.flags.push_back({"FIELD_MISSING", Severity::kWarning, key, say(en, vi)});
  };
  if (!h.number_by_hand) missing("doc_number", h.number, "no document number was read", "không đọc được số văn bản");
  missing("doc_date", h.date_line, "no date was read under the motto", "không đọc được ngày tháng năm ban hành");
  missing("issuer", h.issuer, "no issuing body was read", "không đọc được tên cơ quan ban hành");
  // A department, an office, a centre has a body above it, which Decree 30
  // writes over its name: none read is a line OCR lost.
  if (h.issuer_parent.value.empty())
    for (const char* head : {"Sở ", "Phòng ", "Chi cục ", "Cục ", "Vụ ", "Ban ", "Trung tâm ", "Văn phòng "})
      if (h.issuer.value.rfind(head, 0) == 0) {
        missing("issuer_parent", h.issuer_parent,
                "no body above the issuing one was read (" + h.issuer.value + " has one)",
                "không đọc được tên cơ quan chủ quản (" + h.issuer.value + " có cơ quan chủ quản)");
        break;
      }
  return d;
}

}  // namespace

DossierDraft Extract(const std::vector<OcrPage>& pages, const ExtractOptions& options) {
  DossierDraft draft;
  if (!options.templates) {
    draft.doc_date = FirstPlaceDate(pages);
    return draft;
  }
  const Templates& templates = *options.templates;
  const Pages p = ClassifyPages(pages, templates);
  draft.doc_type = p.main ? p.main->type : "unknown";
  if (p.main_page >= 0) draft.doc_date = FindPlaceDate(pages[p.main_page].text);
  if (!draft.doc_date) draft.doc_date = FirstPlaceDate(pages);
  const NameList* names = options.names.get();
  const Say say{options.english};
  // The form page, read by what its labels mean; with no known form, the
  // first page that has labelled values (a form hoso has not seen).
  int form_page = p.main && !p.main->id_card ? p.main_page : -1;
  if (!p.main)
    for (size_t i = 0; i < pages.size(); ++i)
      if (auto header = ReadOfficialHeader(pages[i])) {
        DossierDraft official = OfficialDraft(*header, static_cast<int>(i), options, say);
        // Who signed: on the last page from the header's on that has "Nơi nhận:".
        for (size_t k = pages.size(); k-- > i;)
          if (auto signer = ReadSigner(pages[k])) {
            official.fields["signer_name"] = {NormalizeName(signer->name.value, options.names.get()),
                                              signer->name.confidence, static_cast<int>(k), signer->name.box};
            official.fields["signer_title"] = {signer->title.value, signer->title.confidence, static_cast<int>(k),
                                               signer->title.box};
            break;
          }
        // The page's other labelled lines ("Kính gửi: ..."), the number's aside.
        for (const LabelledValue& v : ReadLabelledValues(p.lines[i], static_cast<int>(i)))
          if (v.tokens != std::vector<std::string>{"so"})
            official.other.push_back(
                {v.label, CleanValue(v.value.text), v.value.confidence, v.value.page, v.value.box});
        return official;
      }
  if (!p.main) {
    draft.flags.push_back({"DOC_TYPE_UNKNOWN", Severity::kWarning, "",
                           say("no known form title was found on any page",
                               "không thấy tiêu đề của mẫu đơn nào đã biết trên các trang")});
    for (size_t i = 0; i < pages.size() && form_page < 0; ++i)
      if (!ReadLabelledValues(p.lines[i], static_cast<int>(i)).empty()) form_page = static_cast<int>(i);
  }
  std::vector<LabelledValue> unused;
  std::vector<Box> understood;
  if (form_page >= 0) {
    PageByMeaning read = ReadByMeaning(p.lines[form_page], form_page, options.learnt.get());
    understood = read.understood;
    for (auto& [key, f] : read.fields)
      if (!TakeValue(key, f.type, f.raw, names, say, draft.fields, draft)) {
        LabelledValue kept;
        kept.label = f.label;
        kept.value = f.raw;
        unused.push_back(kept);
      }
    for (auto& u : read.unused) unused.push_back(std::move(u));
  }
  if (!p.main) {
    PlaceByShape(unused, options, draft);
    for (auto& u : unused)
      draft.other.push_back({u.label, CleanValue(u.value.text), u.value.confidence, u.value.page, u.value.box});
    return draft;
  }
  FillFromTemplate(p.lines[p.main_page], p.main_page, *p.main, names, say,
                   p.main_page == form_page ? understood : std::vector<Box>{}, draft);
  PlaceByShape(unused, options, draft);
  for (auto& u : unused)
    if (!TemplateLabel(u.tokens, *p.main))
      draft.other.push_back({u.label, CleanValue(u.value.text), u.value.confidence, u.value.page, u.value.box});
  const DocTemplate* card = templates.Find("citizen_id");
  if (card && p.main != card)
    for (int page : p.card_pages) {
      std::map<std::string, FieldValue> from_card;
      ReadPageFields(p.lines[page], page, *card, names, say, from_card, draft);
      CheckAgainstCard(from_card, page, names, say, draft);
    }
  if (!draft.fields.count("id_number"))
    if (auto id = IdNumberByShape(p.lines[p.main_page], p.main_page)) draft.fields["id_number"] = *id;
  if (form_page >= 0) CheckSignature(p.lines[form_page], form_page, names, say, draft);
  for (const FieldSpec& f : p.main->fields)
    if (f.required && !draft.fields.count(f.key))
      draft.flags.push_back({"FIELD_MISSING", Severity::kWarning, f.key,
                             say("no " + f.key + " found", "không tìm thấy " + say.Field(f.key))});
  return draft;
}

}  // namespace hoso
