// The parser: an address split into its street part and the units it
// names (tokens, unit words, components; the gazetteer decides where no
// unit word is written), and unit names spelt as the gazetteer spells them.
#include "address/address.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "address/matching.h"

namespace hoso {

using address::MatchProvinces;
using address::MatchUnits;
using address::NameKey;
using address::ProvinceAlias;
using address::ProvinceScope;

namespace {

// ---------------------------------------------------------------- tokens

struct Token {
  size_t begin = 0, end = 0;  // bytes in the input
  vn::Key key;
  std::string ascii, toned;
  bool dot_after = false;
  bool digits = false;
  bool lower = false;  // begins with a lower-case ASCII letter
  int segment = 0;     // commas split segments
};

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '\''; }

std::vector<Token> Tokenise(std::string_view s) {
  std::vector<Token> out;
  int segment = 0;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ',' || c == ';' || c == '\n') {
      ++segment;
      ++i;
      continue;
    }
    // Punctuation that is not a letter: U+2019 and friends count as word bytes
    // (apostrophes in highland names), other ASCII punctuation separates.
    if (!IsWordByte(c)) {
      if (c == '.' && !out.empty() && out.back().end == i) out.back().dot_after = true;
      ++i;
      continue;
    }
    size_t j = i;
    const bool digit = std::isdigit(c);
    // A word; letters and digits are split apart ("P5" is "P" "5").
    while (j < s.size() && IsWordByte(static_cast<unsigned char>(s[j])) &&
           (std::isdigit(static_cast<unsigned char>(s[j])) != 0) == digit)
      ++j;
    Token t;
    t.begin = i;
    t.end = j;
    t.key = vn::MakeKey(s.substr(i, j - i));
    t.ascii = t.key.Ascii();
    t.toned = t.key.Toned();
    t.digits = digit;
    t.lower = std::islower(c) != 0;
    t.segment = segment;
    if (!t.ascii.empty()) out.push_back(std::move(t));
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------- markers

enum class Level { kNone, kCommune, kDistrict, kCity, kProvince };

struct Marker {
  Level level = Level::kNone;
  std::string type;
  int tokens = 0;        // how many tokens the marker spans
  bool lenient = false;  // a full word with its marks wrong or lost in a marked address
};

// The unit word starting at token i, if any. With marks anywhere in the
// address, full words must carry theirs ("Quan Hoa" is a name, "quận" a
// word); single-letter abbreviations need a dot or a number after them.
Marker MarkerAt(const std::vector<Token>& t, size_t i, bool marked_input) {
  struct Word {
    const char* toned;  // vn::Key::Toned() form (tone digits in vn::Tone order: grave 1 ... dot 5)
    const char* ascii;
    Level level;
    const char* type;
  };
  static const Word kTwo[] = {{"thi5 trân2", "thi tran", Level::kCommune, "thị trấn"},
                              {"đăc5 khu", "dac khu", Level::kCommune, "đặc khu"},
                              {"thi5 xa4", "thi xa", Level::kDistrict, "thị xã"},
                              {"thanh1 phô2", "thanh pho", Level::kCity, "thành phố"}};
  static const Word kOne[] = {{"phương1", "phuong", Level::kCommune, "phường"},
                              {"xa4", "xa", Level::kCommune, "xã"},
                              {"quân5", "quan", Level::kDistrict, "quận"},
                              {"huyên5", "huyen", Level::kDistrict, "huyện"},
                              {"tinh3", "tinh", Level::kProvince, "tỉnh"}};
  // At the start of a part, a unit word with OCR's mark errors ("phưòng",
  // "huyến", "tĩnh") still counts: same letters, some marks written.
  const bool part_start = i == 0 || t[i - 1].segment != t[i].segment;
  auto matches = [&](const Token& tok, const char* toned, const char* ascii) {
    if (!marked_input) return tok.ascii == ascii;
    if (tok.toned == toned) return true;
    // OCR also drops a unit word's marks altogether ("tinh Đồng Tháp"); for
    // words that begin few names that is still the unit word, and so is any
    // unit word in lower case ("quan Bac Từ Liêm": names are capitalised,
    // "Quan Sơn" is one).
    const std::string a(ascii);
    const bool rarely_a_name = a == "tinh" || a == "huyen" || a == "phuong" || a == "xa";
    return part_start && (tok.key.has_marks || rarely_a_name || tok.lower) && tok.ascii == ascii;
  };
  if (i + 1 < t.size() && t[i].segment == t[i + 1].segment) {
    for (const Word& w : kTwo) {
      const std::string ascii(w.ascii), toned(w.toned);
      const size_t sa = ascii.find(' '), st = toned.find(' ');
      const std::string t1 = toned.substr(0, st), t2 = toned.substr(st + 1);
      const std::string a1 = ascii.substr(0, sa), a2 = ascii.substr(sa + 1);
      if (matches(t[i], t1.c_str(), a1.c_str()) && matches(t[i + 1], t2.c_str(), a2.c_str()))
        return {w.level, w.type, 2, marked_input && (t[i].toned != t1 || t[i + 1].toned != t2)};
      // "Thi trấn": one word of the pair with its marks lost or wrong.
      if (marked_input && part_start && t[i].ascii == a1 && t[i + 1].ascii == a2 &&
          (t[i].toned == t1 || t[i + 1].toned == t2))
        return {w.level, w.type, 2, true};
    }
    // "T.P" for thành phố.
    if (t[i].ascii == "t" && t[i].dot_after && t[i + 1].ascii == "p") return {Level::kCity, "thành phố", 2};
  }
  for (const Word& w : kOne) {
    if (!matches(t[i], w.toned, w.ascii)) continue;
    // Without marks "xa" is also the end of many names ("Phuc Xa"): a unit
    // word only where a part starts.
    if (!marked_input && w.level == Level::kCommune && std::string(w.ascii) == "xa" && i > 0 &&
        t[i - 1].segment == t[i].segment)
      continue;
    return {w.level, w.type, 1, marked_input && t[i].toned != w.toned};
  }
  // Abbreviations: "P.", "F.", "Q.", "H.", "X." need a dot or a number
  // right after; "TP", "TT", "TX" stand alone too.
  const bool number_next = i + 1 < t.size() && t[i + 1].digits && t[i + 1].begin == t[i].end;
  const std::string& a = t[i].ascii;
  if (a == "tp") return {Level::kCity, "thành phố", 1};
  if (a == "tt") return {Level::kCommune, "thị trấn", 1};
  if (a == "tx") return {Level::kDistrict, "thị xã", 1};
  if (t[i].dot_after || number_next) {
    if (a == "p" || a == "f") return {Level::kCommune, "phường", 1};
    if (a == "x") return {Level::kCommune, "xã", 1};
    if (a == "q") return {Level::kDistrict, "quận", 1};
    if (a == "h") return {Level::kDistrict, "huyện", 1};
  }
  return {};
}

struct Component {
  Marker marker;
  size_t first = 0, last = 0;  // name tokens [first, last)
  size_t begin = 0, end = 0;   // bytes, marker included
  std::string name;            // as written
};

// `known_name` says whether a text is a unit's name: a unit word read with
// its marks forgiven is none when its part is a name ("Quản Bạ", "Tịnh
// Biên", "Phương Liên - Trung Tự" written without their unit words).
std::vector<Component> Components(std::string_view s, const std::vector<Token>& t,
                                  const std::function<bool(std::string_view)>& known_name) {
  bool marked = false;
  for (const Token& tok : t) marked = marked || tok.key.has_marks;
  auto marker_at = [&](size_t i) {
    Marker m = MarkerAt(t, i, marked);
    if (m.lenient) {
      size_t last = i;
      while (last + 1 < t.size() && t[last + 1].segment == t[i].segment) ++last;
      if (known_name(s.substr(t[i].begin, t[last].end - t[i].begin))) return Marker{};
    }
    return m;
  };
  std::vector<Component> out;
  size_t i = 0;
  while (i < t.size()) {
    Component c;
    c.begin = t[i].begin;
    Marker m = marker_at(i);
    // A unit word needs a name after it in its segment, and two in a row
    // make the second part of the name ("phuong Quan Hoa").
    if (m.level != Level::kNone && (i + m.tokens >= t.size() || t[i + m.tokens].segment != t[i].segment)) m = {};
    if (m.level != Level::kNone) {
      c.marker = m;
      i += m.tokens;
    }
    c.first = i;
    const int seg = t[c.first < t.size() ? c.first : t.size() - 1].segment;
    bool first_name_token = true;
    while (i < t.size() && t[i].segment == seg) {
      if (!first_name_token || c.marker.level == Level::kNone) {
        const Marker next = marker_at(i);
        if (next.level != Level::kNone && i + next.tokens < t.size() && t[i + next.tokens].segment == seg) break;
      }
      first_name_token = false;
      ++i;
    }
    c.last = i;
    if (c.last == c.first) continue;
    c.end = t[c.last - 1].end;
    c.name = std::string(s.substr(t[c.first].begin, c.end - t[c.first].begin));
    out.push_back(c);
  }
  return out;
}

std::string TrimSeparators(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '-' || s.back() == ';')) s.pop_back();
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == ',')) ++b;
  return s.substr(b);
}

// Words that begin a street part's own names: a name right after one is the
// street's, lane's or hamlet's ("phố Phúc Xá"), not the commune's. Compared
// with their marks where the address has marks ("Dương" is no "đường").
bool IsStreetWord(const Token& t, bool marked) {
  static const std::vector<std::string> kWords = {"thôn", "xóm",   "ấp",  "bản", "tổ",  "ngõ", "ngách", "hẻm",
                                                  "kiệt", "đường", "phố", "số",  "khu", "kp",  "đ",     "tòa"};
  static const auto kKeys = [] {
    std::set<std::string> toned, ascii;
    for (const std::string& w : kWords) {
      toned.insert(vn::MakeKey(w).Toned());
      ascii.insert(vn::MakeKey(w).Ascii());
    }
    return std::make_pair(toned, ascii);
  }();
  return marked ? kKeys.first.count(t.toned) > 0 : kKeys.second.count(t.ascii) > 0;
}

// "12 Tứ Liên", "Số 5 ngõ 12 Phúc Xá": the first token of the longest name
// (up to six words) ending the part that is a commune of one of the written
// `districts`, old or new (one that took land from it), written after a
// number or a name, not after a street word.
std::optional<size_t> CommuneAtTheEnd(std::string_view s, const std::vector<Token>& t, const Component& c,
                                      const std::vector<const District*>& districts, const Gazetteer& g, bool marked) {
  for (size_t k = std::min<size_t>(6, c.last - c.first - 1); k >= 1; --k) {
    const size_t split = c.last - k;
    bool words = true;
    for (size_t i = split; i < c.last; ++i) words = words && !t[i].digits;
    if (!words || IsStreetWord(t[split - 1], marked)) continue;
    const vn::Key key = NameKey(std::string(s.substr(t[split].begin, c.end - t[split].begin)), marked);
    std::vector<const Commune*> named;
    for (const Commune* cm : g.CommunesNamed(key.Ascii()))
      for (const District* d : districts)
        if (cm->district_code == d->code || (cm->district_code.empty() && g.TookLandFrom(cm->code, d->code))) {
          named.push_back(cm);
          break;
        }
    if (!address::BestByMarks(key, named).empty()) return split;
  }
  return std::nullopt;
}

}  // namespace

ParsedAddress ParseAddress(std::string_view text, const Gazetteer& g) {
  ParsedAddress p;
  p.input = std::string(text);
  const std::vector<Token> tokens = Tokenise(text);
  auto known_name = [&](std::string_view name) {
    const vn::Key key = NameKey(std::string(name), true);
    return !address::BestByMarks(key, g.CommunesNamed(key.Ascii())).empty() ||
           !address::BestByMarks(key, g.DistrictsNamed(key.Ascii())).empty();
  };
  std::vector<Component> comps = Components(text, tokens, known_name);
  bool marked = false;
  for (const Token& t : tokens) marked = marked || t.key.has_marks;
  if (comps.empty()) {
    p.street = TrimSeparators(p.input);
    return p;
  }
  auto unit = [&](const Component& c) {
    return WrittenUnit{c.marker.type, c.name, c.begin, c.end, tokens[c.first].begin};
  };
  // Province: the last part, or the tail of it when no comma came before it
  // ("quận Ba Đình Hà Nội").
  Component last = comps.back();
  const bool province_word = last.marker.level == Level::kProvince;
  if (province_word || (last.marker.level == Level::kCity || last.marker.level == Level::kNone)) {
    if (province_word || !MatchProvinces(g, last.name).empty()) {
      p.province = unit(last);
      comps.pop_back();
    }
  }
  if (p.province.empty() && last.last - last.first >= 2) {
    for (size_t k = std::min<size_t>(4, last.last - last.first - 1); k >= 1; --k) {
      const size_t split = last.last - k;
      const std::string tail(text.substr(tokens[split].begin, last.end - tokens[split].begin));
      if (MatchProvinces(g, tail).empty()) continue;
      p.province = WrittenUnit{"", tail, tokens[split].begin, last.end, tokens[split].begin};
      Component head = last;
      head.last = split;
      head.end = tokens[split - 1].end;
      head.name = std::string(text.substr(tokens[head.first].begin, head.end - tokens[head.first].begin));
      comps.back() = head;
      break;
    }
  }
  const std::set<std::string> province_codes =
      p.province.empty() ? std::set<std::string>{} : ProvinceScope(g, MatchProvinces(g, p.province.name));

  // District: marked, or an unmarked old district with a commune before it.
  std::vector<const District*> districts;
  if (!comps.empty()) {
    const Component& c = comps.back();
    const Level l = c.marker.level;
    const vn::Key key = NameKey(c.name, marked);
    if (l == Level::kDistrict || l == Level::kCity || (l == Level::kNone && comps.size() >= 2))
      districts = MatchUnits(key, g.DistrictsNamed(key.Ascii()), g.districts(), province_codes);
    if (l == Level::kDistrict || l == Level::kCity || !districts.empty()) {
      p.district = unit(c);
      comps.pop_back();
    }
  }
  // Commune: marked, or an unmarked name the gazetteer knows, or (the
  // district written) a name of that district's at the end of the street part.
  if (!comps.empty()) {
    const Component& c = comps.back();
    bool commune = c.marker.level == Level::kCommune;
    if (c.marker.level == Level::kNone) {
      const vn::Key key = NameKey(c.name, marked);
      commune = !MatchUnits(key, g.CommunesNamed(key.Ascii()), g.communes(), province_codes).empty();
    }
    if (commune) {
      p.commune = unit(c);
      comps.pop_back();
    } else if (c.marker.level == Level::kNone && !districts.empty()) {
      if (auto split = CommuneAtTheEnd(text, tokens, c, districts, g, marked)) {
        p.commune = WrittenUnit{"", std::string(text.substr(tokens[*split].begin, c.end - tokens[*split].begin)),
                                tokens[*split].begin, c.end, tokens[*split].begin};
        p.commune.from_street = true;
      }
    }
  }
  const size_t street_end = !p.commune.empty()    ? p.commune.begin
                            : !p.district.empty() ? p.district.begin
                            : !p.province.empty() ? p.province.begin
                                                  : text.size();
  // Whatever parts are left belong to the street ("thôn 3", "tổ 5").
  p.street = TrimSeparators(std::string(text.substr(0, street_end)));
  return p;
}

namespace {

// `canonical` written with the capitals of `written`, word by word (all
// capitals stay all capitals).
std::string CaseLike(const std::string& written, const std::string& canonical) {
  std::vector<vn::Glyph> w = vn::Decode(written), c = vn::Decode(canonical);
  bool any_lower = false, any_letter = false;
  for (const auto& g : w)
    if (g.letter) {
      any_letter = true;
      any_lower = any_lower || !g.upper;
    }
  if (any_letter && !any_lower) {
    for (auto& g : c) g.upper = g.letter;
    return vn::Encode(c);
  }
  // Word starts of the written text, in order.
  std::vector<bool> starts;
  bool at_start = true;
  for (const auto& g : w) {
    if (!g.letter && !(g.base >= '0' && g.base <= '9')) {
      at_start = true;
      continue;
    }
    if (at_start) starts.push_back(g.letter && g.upper);
    at_start = false;
  }
  size_t word = 0;
  at_start = true;
  for (auto& g : c) {
    if (!g.letter && !(g.base >= '0' && g.base <= '9')) {
      at_start = true;
      continue;
    }
    if (at_start) {
      if (g.letter) g.upper = word < starts.size() ? starts[word] : g.upper;
      ++word;
    } else if (g.letter) {
      g.upper = false;
    }
    at_start = false;
  }
  return vn::Encode(c);
}

// Whether `written` is `name` with some marks left out and none wrong.
bool OnlyMarksLeftOut(const vn::Key& written, const vn::Key& name) {
  if (written.glyphs.size() != name.glyphs.size()) return false;
  for (size_t i = 0; i < written.glyphs.size(); ++i) {
    const vn::Glyph &w = written.glyphs[i], &n = name.glyphs[i];
    if (w.base != n.base) return false;
    if (w.shape != n.shape && w.shape != vn::Shape::kPlain) return false;
    if (w.tone != n.tone && w.tone != vn::Tone::kLevel) return false;
  }
  return true;
}

// The one spelling the candidates share, if they share one.
template <typename Unit>
std::optional<std::string> OneName(const std::vector<const Unit*>& units) {
  if (units.empty()) return std::nullopt;
  for (const Unit* u : units)
    if (vn::MakeKey(u->name).Toned() != vn::MakeKey(units.front()->name).Toned()) return std::nullopt;
  return units.front()->name;
}

}  // namespace

namespace {

// One change to the address: the bytes [begin, end) become `with`.
struct Edit {
  size_t begin, end;
  std::string with;
};

// A unit's name spelt as the gazetteer's one `name` where only its marks,
// or one letter of a long name, differ.
void NameEdit(std::string_view text, const WrittenUnit& u, const std::optional<std::string>& name,
              std::vector<Edit>& edits) {
  if (!name || u.empty()) return;
  const std::string written(text.substr(u.name_begin, u.end - u.name_begin));
  if (vn::MakeKey(written).Toned() == vn::MakeKey(*name).Toned()) return;
  // Same letters (marks wrong), or one letter off in a name of six or more.
  const std::string a = vn::MakeKey(written).Ascii(), b = vn::MakeKey(*name).Ascii();
  if (a != b && (a.size() < 6 || vn::AsciiEditDistance(a, b) > 1)) return;
  // Names keep the gazetteer's capitals, unless all were written in capitals.
  bool all_upper = true;
  for (const vn::Glyph& x : vn::Decode(written)) all_upper = all_upper && (!x.letter || x.upper);
  edits.push_back({u.name_begin, u.end, all_upper ? CaseLike(written, *name) : *name});
}

// A unit word's marks mended ("tinh" -> "tỉnh"); abbreviations are left.
void UnitWordEdit(std::string_view text, const WrittenUnit& u, std::vector<Edit>& edits) {
  if (u.type.empty() || u.name_begin <= u.begin) return;
  const std::string raw(text.substr(u.begin, u.name_begin - u.begin));
  std::string word = raw;
  while (!word.empty() && word.back() == ' ') word.pop_back();
  const bool dot = !word.empty() && word.back() == '.';  // "thành phố. Hà Nội": OCR's stray dot
  if (dot) word.pop_back();
  if (vn::MakeKey(word).Ascii() != vn::MakeKey(u.type).Ascii()) return;  // an abbreviation
  if (!dot && vn::MakeKey(word).Toned() == vn::MakeKey(u.type).Toned()) return;
  edits.push_back({u.begin, u.begin + word.size() + (dot ? 1 : 0), CaseLike(word, u.type)});
}

// The province's, the district's and the commune's names, each matched
// within the units above it.
void UnitNameEdits(std::string_view text, const ParsedAddress& p, const Gazetteer& g, std::vector<Edit>& edits) {
  auto name_edit = [&](const WrittenUnit& u, const std::optional<std::string>& name) {
    NameEdit(text, u, name, edits);
  };
  std::set<std::string> province_codes;
  if (!p.province.empty()) {
    const auto provinces = MatchProvinces(g, p.province.name);
    for (const Province* pr : provinces) province_codes.insert(pr->code);
    if (ProvinceAlias(vn::MakeKey(p.province.name).Ascii()) == vn::MakeKey(p.province.name).Ascii())
      name_edit(p.province, OneName(provinces));
  }
  std::set<std::string> district_codes;
  if (!p.district.empty()) {
    const vn::Key k = NameKey(p.district.name, true);
    const auto ds = MatchUnits(k, g.DistrictsNamed(k.Ascii()), g.districts(), province_codes);
    for (const District* d : ds) district_codes.insert(d->code);
    name_edit(p.district, OneName(ds));
  }
  if (!p.commune.empty() && !province_codes.empty()) {
    const vn::Key k = NameKey(p.commune.name, true);
    auto cs = MatchUnits(k, g.CommunesNamed(k.Ascii()), g.communes(), province_codes);
    // With a district written, the commune is one of that district's.
    if (!district_codes.empty()) {
      std::vector<const Commune*> in_district;
      for (const Commune* c : cs)
        if (district_codes.count(c->district_code)) in_district.push_back(c);
      if (!in_district.empty()) cs = in_district;
    }
    name_edit(p.commune, OneName(cs));
  }
}

void StreetWordEdits(const std::string& out, size_t street_end, std::vector<Edit>& edits) {
  // The street part's own words where a part starts: "thon 12" is "thôn 12".
  static const std::vector<std::pair<std::string, std::string>> kStreetWords = {
      {"thon", "thôn"},   {"xom", "xóm"}, {"ap", "ấp"},     {"ban", "bản"},     {"to", "tổ"},   {"ngo", "ngõ"},
      {"ngach", "ngách"}, {"hem", "hẻm"}, {"kiet", "kiệt"}, {"duong", "đường"}, {"pho", "phố"}, {"so", "số"}};
  for (size_t at = 0; at < street_end;) {
    while (at < street_end && (out[at] == ' ' || out[at] == ',')) ++at;
    size_t end = at;
    while (end < street_end && out[end] != ' ' && out[end] != ',') ++end;
    const std::string word = out.substr(at, end - at);
    for (const auto& [ascii, canonical] : kStreetWords)
      if (vn::MakeKey(word).Ascii() == ascii && vn::MakeKey(word).Toned() != vn::MakeKey(canonical).Toned())
        edits.push_back({at, end, CaseLike(word, canonical)});
    // Only the first word of each part.
    at = out.find(',', end);
    if (at == std::string::npos) break;
  }
}

void StreetNameEdits(const std::string& out, size_t street_end, const Gazetteer& g, std::vector<Edit>& edits) {
  // Streets named after places ("đường Phuc Xá"): the capitalised words
  // after "đường" or "phố" whose bare letters spell exactly one commune or
  // district name, written with only some of its marks, take its marks.
  const std::vector<Token> street = Tokenise(std::string_view(out).substr(0, street_end));
  for (size_t i = 0; i + 2 < street.size(); ++i) {
    if (street[i].ascii != "duong" && street[i].ascii != "pho") continue;
    size_t j = i + 1;
    while (j < street.size() && street[j].segment == street[i].segment && !street[j].digits && !street[j].lower) ++j;
    if (j - i - 1 < 2) continue;  // one word matches too many names
    const size_t b = street[i + 1].begin, e = street[j - 1].end;
    const vn::Key written = vn::MakeKey(std::string_view(out).substr(b, e - b));
    std::map<std::string, std::string> spellings;  // toned -> name
    for (const Commune* c : g.CommunesNamed(written.Ascii())) spellings.emplace(vn::MakeKey(c->name).Toned(), c->name);
    for (const District* d : g.DistrictsNamed(written.Ascii()))
      spellings.emplace(vn::MakeKey(d->name).Toned(), d->name);
    if (spellings.size() != 1 || spellings.begin()->first == written.Toned()) continue;
    const std::string& name = spellings.begin()->second;
    if (vn::MakeKey(name).Ascii() == written.Ascii() && OnlyMarksLeftOut(written, vn::MakeKey(name)))
      edits.push_back({b, e, name});
  }
}

}  // namespace

std::string SpellAddress(std::string_view text, const Gazetteer& g) {
  std::string out(text);
  if (!vn::MakeKey(text).has_marks) return out;
  const ParsedAddress p = ParseAddress(text, g);
  std::vector<Edit> edits;
  UnitNameEdits(text, p, g, edits);
  for (const WrittenUnit* u : {&p.commune, &p.district, &p.province}) UnitWordEdit(text, *u, edits);
  const size_t street_end = std::min(p.street.size(), out.size());
  StreetWordEdits(out, street_end, edits);
  StreetNameEdits(out, street_end, g, edits);
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
  for (const Edit& e : edits) out.replace(e.begin, e.end - e.begin, e.with);
  return out;
}

std::string SpellPlaceName(std::string_view name, const Gazetteer& g) {
  const std::string read(name);
  const vn::Key key = UnitNameKey(read);
  if (!key.has_marks) return read;  // written without marks: nothing to mend
  std::set<std::string> spellings;
  for (const Province* u : g.ProvincesNamed(key.Ascii())) spellings.insert(u->name);
  for (const District* u : g.DistrictsNamed(key.Ascii())) spellings.insert(u->name);
  for (const Commune* u : g.CommunesNamed(key.Ascii())) spellings.insert(u->name);
  if (spellings.size() != 1 || spellings.count(read)) return read;
  return *spellings.begin();
}

}  // namespace hoso
