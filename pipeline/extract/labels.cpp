#include "extract/labels.h"

#include <algorithm>

#include "core/vn_text.h"

namespace hoso {

namespace {

using Words = std::vector<std::string>;

// Same word despite OCR: equal bare letters, or one letter off in a word of
// six letters or more (short words differ by one letter: chung/chồng, me/mê
// are told apart by their place, never forgiven).
bool Same(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (std::min(a.size(), b.size()) < 6) return false;
  return vn::AsciiEditDistance(a, b) <= 1;
}

// Where `phrase` starts in `t` (from `from`), or npos.
size_t Find(const Words& t, const Words& phrase, size_t from = 0) {
  if (phrase.empty() || t.size() < phrase.size()) return std::string::npos;
  for (size_t i = from; i + phrase.size() <= t.size(); ++i) {
    bool ok = true;
    for (size_t k = 0; k < phrase.size() && ok; ++k) ok = Same(t[i + k], phrase[k]);
    if (ok) return i;
  }
  return std::string::npos;
}
bool Has(const Words& t, const Words& phrase) { return Find(t, phrase) != std::string::npos; }
bool HasAny(const Words& t, const std::vector<Words>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(), [&](const Words& p) { return Has(t, p); });
}

struct PersonPhrase {
  Words words;
  Whose whose;
};

// The words that name a person, longest first. Representation by
// authorisation (người được ủy quyền) is representation in law (đại diện
// theo ủy quyền), so it fills the representative's keys.
const std::vector<PersonPhrase>& PersonPhrases() {
  static const std::vector<PersonPhrase> kPhrases = [] {
    std::vector<PersonPhrase> p = {
        {{"nguoi", "duoc", "khai", "sinh"}, Whose::kChild},
        {{"nguoi", "duoc", "uy", "quyen"}, Whose::kRepresentative},
        {{"nguoi", "dai", "dien"}, Whose::kRepresentative},
        {{"nguoi", "de", "nghi"}, Whose::kApplicant},
        {{"nguoi", "ke", "khai"}, Whose::kApplicant},
        {{"nguoi", "yeu", "cau"}, Whose::kApplicant},
        {{"nguoi", "viet", "don"}, Whose::kApplicant},
        {{"nguoi", "lam", "don"}, Whose::kApplicant},
        {{"nguoi", "dung", "don"}, Whose::kApplicant},
        {{"nguoi", "dang", "ky"}, Whose::kApplicant},
        {{"nguoi", "nop"}, Whose::kApplicant},
        {{"nguoi", "khai"}, Whose::kApplicant},
        {{"nguoi", "cha"}, Whose::kFather},
        {{"nguoi", "me"}, Whose::kMother},
        {{"khai", "sinh", "cho"}, Whose::kChild},
        {{"chu", "ho"}, Whose::kHouseholdHead},
        {{"dai", "dien"}, Whose::kRepresentative},
        {{"uy", "quyen"}, Whose::kRepresentative},
        {{"cong", "dan"}, Whose::kApplicant},
        {{"tre", "em"}, Whose::kChild},
        {{"toi"}, Whose::kApplicant},
        {{"cha"}, Whose::kFather},
        {{"bo"}, Whose::kFather},
        {{"me"}, Whose::kMother},
        {{"vo"}, Whose::kSpouse},
        {{"chong"}, Whose::kSpouse},
    };
    std::stable_sort(p.begin(), p.end(),
                     [](const PersonPhrase& a, const PersonPhrase& b) { return a.words.size() > b.words.size(); });
    return p;
  }();
  return kPhrases;
}

// The person a label names, anywhere in it.
std::optional<Whose> NamedPerson(const Words& t) {
  for (const auto& p : PersonPhrases())
    if (Has(t, p.words)) return p.whose;
  return std::nullopt;
}

// Only the words of a person (and the law's qualifiers of one): "Chủ hộ",
// "Người đại diện theo pháp luật". The value is that person's name.
bool OnlyAPerson(const Words& t) {
  size_t words = 0;
  if (!LeadingPerson(t, 1, &words)) return false;
  static const Words kQualifiers = {"theo", "phap", "luat", "hop", "le", "cua", "ho", "gia", "dinh"};
  for (size_t i = words; i < t.size(); ++i)
    if (std::find(kQualifiers.begin(), kQualifiers.end(), t[i]) == kQualifiers.end()) return false;
  return true;
}

bool IsNameLabel(const Words& t) {
  // họ … tên, in that order: "Họ và tên", "Họ, chữ đệm và tên", "Họ tên
  // chủ hộ" ("Tên hộ kinh doanh" has them the other way round).
  const size_t ho = Find(t, {"ho"});
  if (ho != std::string::npos && Find(t, {"ten"}, ho + 1) != std::string::npos) return true;
  // "Tên" with a person and nothing else: "Tên tôi là", "Tên người đề nghị".
  if (Has(t, {"ten"}) && NamedPerson(t)) {
    static const std::vector<Words> kThings = {
        {"kinh", "doanh"}, {"doanh", "nghiep"}, {"co", "quan"}, {"to", "chuc"}, {"duong"}, {"pho"}, {"thon"},
        {"giay"},          {"goi", "khac"}};
    return !HasAny(t, kThings);
  }
  return OnlyAPerson(t);
}

LabelMeaning Meaning(const std::string& field, FieldType type) { return {field, type, std::nullopt}; }

LabelMeaning FieldOf(const Words& t) {
  if (Has(t, {"quan", "he"})) return Meaning("relationship", FieldType::kText);
  if (Has(t, {"ngay", "cap"})) return Meaning("id_issue_date", FieldType::kDate);
  if (Has(t, {"noi", "cap"})) return Meaning("id_issue_place", FieldType::kText);
  if (Has(t, {"email"}) || Has(t, {"e", "mail"}) || Has(t, {"thu", "dien", "tu"}))
    return Meaning("email", FieldType::kText);
  if (HasAny(t, {{"dien", "thoai"}, {"sdt"}, {"dt"}, {"dtdd"}})) return Meaning("phone", FieldType::kPhone);
  if (IsNameLabel(t)) return Meaning("name", FieldType::kName);
  if (Has(t, {"noi", "sinh"})) return Meaning("birth_place", FieldType::kText);
  if (Has(t, {"sinh"}) && HasAny(t, {{"ngay"}, {"thang"}, {"nam"}}) && !HasAny(t, {{"khai", "sinh"}, {"giay"}}))
    return Meaning("date_of_birth", FieldType::kDate);
  if (Has(t, {"que", "quan"})) return Meaning("hometown", FieldType::kText);
  if (Has(t, {"gioi", "tinh"})) return Meaning("gender", FieldType::kGender);
  if (Has(t, {"dan", "toc"})) return Meaning("ethnicity", FieldType::kText);
  if (Has(t, {"quoc", "tich"})) return Meaning("nationality", FieldType::kText);
  if (Has(t, {"ton", "giao"})) return Meaning("religion", FieldType::kText);
  if (Has(t, {"nghe", "nghiep"})) return Meaning("occupation", FieldType::kText);
  if (HasAny(t, {{"dinh", "danh"},
                 {"cccd"},
                 {"cmnd"},
                 {"cmt"},
                 {"can", "cuoc"},
                 {"chung", "minh"},
                 {"ho", "chieu"},
                 {"giay", "to", "tuy", "than"}}))
    return Meaning("id_number", FieldType::kIdNumber);
  // The household book's number ("Số sổ hộ khẩu") is no address.
  if (HasAny(t, {{"so", "ho", "khau"}, {"so", "so", "ho"}})) return {};
  // Addresses: which one, by its qualifier; a bare "Địa chỉ" is the
  // permanent one, as on the forms that print only that.
  if (Has(t, {"tam", "tru"})) return Meaning("temporary_address", FieldType::kAddress);
  if (HasAny(t, {{"thuong", "tru"}, {"ho", "khau"}})) return Meaning("permanent_address", FieldType::kAddress);
  if (HasAny(t, {{"hien", "tai"}, {"hien", "nay"}, {"noi", "o"}, {"cho", "o"}, {"dang", "o"}}))
    return Meaning("current_address", FieldType::kAddress);
  if (Has(t, {"cu", "tru"})) return Meaning("permanent_address", FieldType::kAddress);
  if (Has(t, {"dia", "chi"}))
    return Has(t, {"lien", "he"})                          ? Meaning("contact_address", FieldType::kAddress)
           : HasAny(t, {{"tru", "so"}, {"kinh", "doanh"}}) ? Meaning("business_address", FieldType::kAddress)
                                                           : Meaning("permanent_address", FieldType::kAddress);
  return {};
}

}  // namespace

const char* WhosePrefix(Whose w) {
  switch (w) {
    case Whose::kApplicant: return "";
    case Whose::kHouseholdHead: return "household_head";
    case Whose::kChild: return "child";
    case Whose::kFather: return "father";
    case Whose::kMother: return "mother";
    case Whose::kRepresentative: return "representative";
    case Whose::kSpouse: return "spouse";
  }
  return "";
}

LabelMeaning UnderstandLabel(const std::vector<std::string>& tokens) {
  if (tokens.empty() || tokens.size() > 12) return {};
  LabelMeaning m = FieldOf(tokens);
  if (m.field.empty()) return m;
  // A relationship is the applicant's, whoever it is with ("Quan hệ với
  // chủ hộ"); so are where and when an ID was issued unless a person is named.
  if (m.field != "relationship") m.whose = NamedPerson(tokens);
  return m;
}

std::optional<Whose> HeadingPerson(const std::vector<std::string>& tokens) {
  if (tokens.empty() || tokens.size() > 14) return std::nullopt;
  for (const auto& p : PersonPhrases())
    if (p.words.size() >= 2 && Has(tokens, p.words)) return p.whose;
  // "Thông tin về cha", "PHẦN KÊ KHAI VỀ MẸ": a one-word person after "về".
  for (size_t i = 0; i + 1 < tokens.size(); ++i)
    if (tokens[i] == "ve")
      for (const auto& p : PersonPhrases())
        if (p.words.size() == 1 && tokens[i + 1] == p.words[0] && p.words[0] != "toi") return p.whose;
  return std::nullopt;
}

std::string FieldKey(const std::string& field, Whose whose) {
  if (whose == Whose::kApplicant) return field == "name" ? "full_name" : field;
  return std::string(WhosePrefix(whose)) + "_" + field;
}

std::optional<Whose> LeadingPerson(const std::vector<std::string>& tokens, size_t min_words, size_t* words) {
  for (const auto& p : PersonPhrases()) {
    if (p.words.size() > tokens.size() || p.words.size() < min_words) continue;
    bool ok = true;
    for (size_t k = 0; k < p.words.size() && ok; ++k) ok = Same(tokens[k], p.words[k]);
    if (ok) {
      if (words) *words = p.words.size();
      return p.whose;
    }
  }
  return std::nullopt;
}

}  // namespace hoso
