#include "address/address.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

namespace hoso {
namespace {

constexpr const char* kReformDay = "2025-07-01";

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
  int tokens = 0;  // how many tokens the marker spans
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
        return {w.level, w.type, 2};
      // "Thi trấn": one word of the pair with its marks lost or wrong.
      if (marked_input && part_start && t[i].ascii == a1 && t[i + 1].ascii == a2 &&
          (t[i].toned == t1 || t[i + 1].toned == t2))
        return {w.level, w.type, 2};
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
    return {w.level, w.type, 1};
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

std::vector<Component> Components(std::string_view s, const std::vector<Token>& t) {
  bool marked = false;
  for (const Token& tok : t) marked = marked || tok.key.has_marks;
  std::vector<Component> out;
  size_t i = 0;
  while (i < t.size()) {
    Component c;
    c.begin = t[i].begin;
    Marker m = MarkerAt(t, i, marked);
    // A unit word needs a name after it in its segment, and two in a row
    // make the second part of the name ("phuong Quan Hoa").
    if (m.level != Level::kNone && (i + m.tokens >= t.size() || t[i + m.tokens].segment != t[i].segment))
      m = {};
    if (m.level != Level::kNone) {
      c.marker = m;
      i += m.tokens;
    }
    c.first = i;
    const int seg = t[c.first < t.size() ? c.first : t.size() - 1].segment;
    bool first_name_token = true;
    while (i < t.size() && t[i].segment == seg) {
      if (!first_name_token || c.marker.level == Level::kNone) {
        const Marker next = MarkerAt(t, i, marked);
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

// ---------------------------------------------------------------- matching

// Province names people write for the two big cities.
std::string ProvinceAlias(const std::string& ascii) {
  if (ascii == "hcm" || ascii == "tphcm" || ascii == "sai gon" || ascii == "ho chi minh") return "ho chi minh";
  if (ascii == "hn") return "ha noi";
  return ascii;
}

template <typename Unit>
std::vector<const Unit*> BestByMarks(const vn::Key& written, const std::vector<const Unit*>& units) {
  int best = 1 << 20;
  std::vector<const Unit*> out;
  for (const Unit* u : units) {
    const int d = vn::MarkDistance(written, UnitNameKey(u->name));
    if (d < 0) continue;
    if (d < best) {
      best = d;
      out.clear();
    }
    if (d == best) out.push_back(u);
  }
  return out;
}

std::vector<const Province*> MatchProvinces(const Gazetteer& g, const std::string& name) {
  const vn::Key key = vn::MakeKey(name);
  const std::string ascii = ProvinceAlias(key.Ascii());
  auto found = g.ProvincesNamed(ascii);
  if (ascii != key.Ascii()) return found;  // an alias: marks are not comparable
  return BestByMarks(key, found);
}

// Communes (and districts) named so, with OCR's letter errors forgiven
// within a province when nothing matches exactly.
template <typename Unit>
std::vector<const Unit*> MatchUnits(const vn::Key& key, std::vector<const Unit*> exact,
                                    const std::vector<Unit>& all, const std::set<std::string>& provinces) {
  auto in_scope = [&](const Unit* u) { return provinces.empty() || provinces.count(u->province_code); };
  exact.erase(std::remove_if(exact.begin(), exact.end(), [&](const Unit* u) { return !in_scope(u); }), exact.end());
  if (!exact.empty()) {
    auto best = BestByMarks(key, exact);
    if (!best.empty()) return best;
  }
  // Sources and people space highland names differently ("Adơk", "A Dơk"),
  // and OCR gets a letter wrong: within the province, the same letters
  // without spaces, or one letter off in a longer name.
  const std::string ascii = key.Ascii();
  if (provinces.empty()) return {};
  auto compact = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
  };
  const std::string packed = compact(ascii);
  std::vector<const Unit*> same, near;
  for (const Unit& u : all) {
    if (!in_scope(&u)) continue;
    const std::string other = UnitNameKey(u.name).Ascii();
    if (compact(other) == packed) same.push_back(&u);
    else if (ascii.size() >= 6 && vn::AsciiEditDistance(other, ascii) == 1) near.push_back(&u);
  }
  return same.empty() ? near : same;
}

// A unit's name as a key: a Roman numeral alone as digits ("phường IV" is
// Phường 4), and, when the address carries marks anywhere, a name written
// without them means plain letters ("Nga Thanh" is not Nga Thành).
vn::Key NameKey(const std::string& name, bool marked_address) {
  vn::Key key = UnitNameKey(name);
  key.has_marks = key.has_marks || marked_address;
  return key;
}

// ---------------------------------------------------------------- verdict helpers

std::string LowerType(const std::string& type) { return type; }

std::string UnitText(const std::string& type, const std::string& name) {
  return type.empty() ? name : LowerType(type) + " " + name;
}

std::string TrimSeparators(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '-' || s.back() == ';')) s.pop_back();
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == ',')) ++b;
  return s.substr(b);
}

std::string HumanDate(const std::string& iso) {
  if (iso == kReformDay) return "1 July 2025";
  if (iso == "2026-04-30") return "30 April 2026";
  return iso;
}

}  // namespace

std::string Today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

ParsedAddress ParseAddress(std::string_view text, const Gazetteer& g) {
  ParsedAddress p;
  p.input = std::string(text);
  const std::vector<Token> tokens = Tokenise(text);
  std::vector<Component> comps = Components(text, tokens);
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
  std::set<std::string> province_codes;
  if (!p.province.empty())
    for (const Province* pr : MatchProvinces(g, p.province.name)) province_codes.insert(pr->code);

  // District: marked, or an unmarked old district with a commune before it.
  if (!comps.empty()) {
    const Component& c = comps.back();
    const Level l = c.marker.level;
    bool district = l == Level::kDistrict || l == Level::kCity;
    if (l == Level::kNone && comps.size() >= 2) {
      const vn::Key key = NameKey(c.name, marked);
      district = !MatchUnits(key, g.DistrictsNamed(key.Ascii()), g.districts(), province_codes).empty();
    }
    if (district) {
      p.district = unit(c);
      comps.pop_back();
    }
  }
  // Commune: marked, or an unmarked name the gazetteer knows.
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

std::string SpellAddress(std::string_view text, const Gazetteer& g) {
  std::string out(text);
  if (!vn::MakeKey(text).has_marks) return out;
  const ParsedAddress p = ParseAddress(text, g);
  struct Edit {
    size_t begin, end;
    std::string with;
  };
  std::vector<Edit> edits;
  auto name_edit = [&](const WrittenUnit& u, const std::optional<std::string>& name) {
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
  };
  auto word_edit = [&](const WrittenUnit& u) {
    if (u.type.empty() || u.name_begin <= u.begin) return;
    const std::string raw(text.substr(u.begin, u.name_begin - u.begin));
    std::string word = raw;
    while (!word.empty() && word.back() == ' ') word.pop_back();
    const bool dot = !word.empty() && word.back() == '.';  // "thành phố. Hà Nội": OCR's stray dot
    if (dot) word.pop_back();
    if (vn::MakeKey(word).Ascii() != vn::MakeKey(u.type).Ascii()) return;  // an abbreviation
    if (!dot && vn::MakeKey(word).Toned() == vn::MakeKey(u.type).Toned()) return;
    edits.push_back({u.begin, u.begin + word.size() + (dot ? 1 : 0), CaseLike(word, u.type)});
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
  for (const WrittenUnit* u : {&p.commune, &p.district, &p.province}) word_edit(*u);
  // The street part's own words where a part starts: "thon 12" is "thôn 12".
  static const std::vector<std::pair<std::string, std::string>> kStreetWords = {
      {"thon", "thôn"}, {"xom", "xóm"}, {"ap", "ấp"},   {"ban", "bản"},     {"to", "tổ"},   {"ngo", "ngõ"},
      {"ngach", "ngách"}, {"hem", "hẻm"}, {"kiet", "kiệt"}, {"duong", "đường"}, {"pho", "phố"}, {"so", "số"}};
  const size_t street_end = std::min(p.street.size(), out.size());
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
    for (const District* d : g.DistrictsNamed(written.Ascii())) spellings.emplace(vn::MakeKey(d->name).Toned(), d->name);
    if (spellings.size() != 1 || spellings.begin()->first == written.Toned()) continue;
    const std::string& name = spellings.begin()->second;
    if (vn::MakeKey(name).Ascii() == written.Ascii() && OnlyMarksLeftOut(written, vn::MakeKey(name)))
      edits.push_back({b, e, name});
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
  for (const Edit& e : edits) out.replace(e.begin, e.end - e.begin, e.with);
  return out;
}

namespace {

struct Target {
  const Commune* commune = nullptr;
  const UnitLink* link = nullptr;  // the reform's link into it
  std::string basis;               // every resolution on the way
};

// Where an old unit went, followed through later changes up to `date`.
std::vector<Target> Successors(const Gazetteer& g, bool district, const std::string& code,
                               const std::string& valid_to, const std::string& date) {
  std::vector<Target> out;
  for (const UnitLink* l : g.LinksFrom(district, code, valid_to)) {
    if (l->to_valid_from > date) continue;
    const Commune* to = g.CommuneOn(l->to_code, l->to_valid_from);
    if (!to) continue;
    Target t{to, l, l->basis.empty() ? to->basis : l->basis};
    // Changed again since (Đồng Nai, 30 April 2026)?
    while (!t.commune->valid.to.empty() && t.commune->valid.to < date) {
      auto next = g.LinksFrom(false, t.commune->code, t.commune->valid.to);
      if (next.size() != 1) break;
      const Commune* later = g.CommuneOn(next[0]->to_code, next[0]->to_valid_from);
      if (!later) break;
      t.basis += "; " + next[0]->basis;
      t.commune = later;
    }
    out.push_back(t);
  }
  return out;
}

AddressTarget ToTarget(const Gazetteer& g, const Target& t, const std::string& date) {
  AddressTarget a;
  a.ward_code = t.commune->code;
  a.ward = t.commune->FullName();
  a.province_code = t.commune->province_code;
  if (const Province* p = g.ProvinceOn(t.commune->province_code, date)) a.province = p->FullName();
  a.kind = t.link ? t.link->kind : "";
  a.all_population = t.link && t.link->all_population;
  return a;
}

std::string SuggestedText(const ParsedAddress& p, const AddressTarget& t, const Gazetteer& g, const std::string& date) {
  std::string text = p.street;
  const Commune* c = g.CommuneOn(t.ward_code, date);
  const Province* pr = g.ProvinceOn(t.province_code, date);
  if (!c || !pr) return "";
  if (!text.empty()) text += ", ";
  text += UnitText(c->type, c->name) + ", " + UnitText(pr->type, pr->name);
  return text;
}

}  // namespace

AddressVerdict CheckAddress(std::string_view text, const Gazetteer& g, const AddressOptions& options) {
  const std::string date = options.as_of.empty() ? Today() : options.as_of;
  AddressVerdict v;
  v.input = std::string(text);
  const ParsedAddress p = ParseAddress(text, g);
  const bool marked = vn::MakeKey(text).has_marks;
  v.street = p.street;
  v.commune = p.commune.name;
  v.district = p.district.name;
  v.province = p.province.name;
  v.status = "unknown";
  v.severity = Severity::kWarning;
  auto unknown = [&](std::string message) {
    v.status = "unknown";
    v.severity = Severity::kWarning;
    v.message = std::move(message);
    return v;
  };
  if (p.commune.empty() && p.district.empty()) return unknown("no commune or district found in the address");
  if (p.province.empty()) {
    // A commune name alone is not an address: say where it could be.
    std::set<std::string> now, before;
    if (!p.commune.empty()) {
      const vn::Key key = NameKey(p.commune.name, marked);
      for (const Commune* c : MatchUnits(key, g.CommunesNamed(key.Ascii()), g.communes(), {})) {
        const bool current = c->valid.On(date);
        if (const Province* pr = g.ProvinceOn(c->province_code, current ? date : c->valid.to))
          (current ? now : before).insert(pr->FullName());
      }
    }
    auto list = [](const std::set<std::string>& names) {
      std::string out;
      for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
      return out;
    };
    std::string message = "no province written";
    if (!now.empty()) message += "; " + p.commune.name + " is a commune of " + list(now) + " now";
    if (!before.empty()) message += (now.empty() ? "; " : ", ") + std::string("was one of ") + list(before) + " before 1 July 2025";
    return unknown(message);
  }

  const auto provinces = MatchProvinces(g, p.province.name);
  std::set<std::string> old_codes, current_codes;
  const Province* written_current = nullptr;
  for (const Province* pr : provinces) {
    if (pr->valid.to == "2025-06-30") old_codes.insert(pr->code);
    if (pr->valid.On(date)) {
      current_codes.insert(pr->code);
      written_current = pr;
    }
  }
  if (provinces.empty()) return unknown("province '" + p.province.name + "' not found");

  // The old units an address names, when it names any.
  std::string province_note;  // when the district was found in another province
  std::vector<const Commune*> old_communes;
  const District* old_district = nullptr;
  bool pre_reform = date < std::string(kReformDay);
  if (!p.district.empty()) {
    const vn::Key dk = NameKey(p.district.name, marked);
    auto ds = MatchUnits(dk, g.DistrictsNamed(dk.Ascii()), g.districts(), old_codes);
    if (ds.empty() && !p.commune.empty()) {
      // The wrong province written (or the official table's): a district of
      // that name elsewhere holding the commune is taken, and said.
      std::vector<const District*> elsewhere;
      const vn::Key ck = NameKey(p.commune.name, marked);
      for (const District* d : MatchUnits(dk, g.DistrictsNamed(dk.Ascii()), g.districts(), {}))
        for (const Commune* c : g.CommunesNamed(ck.Ascii()))
          if (c->district_code == d->code && c->valid.to == "2025-06-30") {
            elsewhere.push_back(d);
            break;
          }
      if (elsewhere.size() == 1) {
        ds = elsewhere;
        const Province* real = g.ProvinceOn(ds[0]->province_code, "2025-06-30");
        province_note = "; note: " + ds[0]->FullName() + " was in " + (real ? real->FullName() : "?") + ", not " +
                        p.province.name;
      }
    }
    if (ds.empty()) return unknown("district '" + p.district.name + "' not found in " + p.province.name);
    old_district = ds.front();
    if (!p.commune.empty()) {
      const vn::Key ck = NameKey(p.commune.name, marked);
      for (const District* d : ds) {
        std::vector<const Commune*> named;
        for (const Commune* c : g.CommunesNamed(ck.Ascii()))
          if (c->district_code == d->code) named.push_back(c);
        for (const Commune* c : MatchUnits(ck, named, g.communes(), {d->province_code}))
          if (c->district_code == d->code) {
            old_communes.push_back(c);
            old_district = d;
          }
      }
      if (old_communes.empty())
        return unknown("commune '" + p.commune.name + "' not found in " + old_district->FullName());
      // "xã Trạm Tấu" and "thị trấn Trạm Tấu" in one district: the unit word decides.
      std::vector<const Commune*> typed;
      for (const Commune* c : old_communes)
        if (c->type == p.commune.type) typed.push_back(c);
      if (!typed.empty()) old_communes = typed;
    }
  }
  if (pre_reform) {
    // Before the reform the old units were the current ones.
    if (!old_communes.empty() || (old_district && p.commune.empty())) {
      v.status = "current";
      v.severity = Severity::kInfo;
      v.message = "the units existed on " + date;
      return v;
    }
  }

  // No district: a commune that exists on the date is current.
  if (old_communes.empty() && !p.commune.empty()) {
    const vn::Key ck = NameKey(p.commune.name, marked);
    std::vector<const Commune*> now;
    for (const Commune* c : MatchUnits(ck, g.CommunesNamed(ck.Ascii()), g.communes(), current_codes))
      if (c->valid.On(date) && !c->alias) now.push_back(c);
    // A province merged away: its communes now sit in a successor province.
    std::set<std::string> successors;
    for (const std::string& old : old_codes)
      if (!current_codes.count(old) || !written_current)
        for (const std::string& s : g.ProvinceSuccessors(old)) successors.insert(s);
    if (now.empty() && !successors.empty())
      for (const Commune* c : MatchUnits(ck, g.CommunesNamed(ck.Ascii()), g.communes(), successors))
        if (c->valid.On(date) && !c->alias) now.push_back(c);
    if (now.size() == 1) {
      const Commune* c = now.front();
      const Province* pr = g.ProvinceOn(c->province_code, date);
      const bool type_ok = p.commune.type.empty() || p.commune.type == c->type;
      const bool province_ok = written_current && written_current->code == c->province_code &&
                               (p.province.type.empty() || p.province.type == written_current->type);
      if (type_ok && province_ok) {
        v.status = "current";
        v.severity = Severity::kInfo;
        v.message = c->FullName() + ", " + (pr ? pr->FullName() : "") + " exists on " + date;
        return v;
      }
      // Renamed type, or a province merged or changed: the same commune, rewritten.
      // A province renamed or retyped in place (Đồng Nai, 2026) carries its
      // own basis; one merged away, the 2025 resolution on provinces.
      const bool same_province = written_current && written_current->code == c->province_code;
      std::string change = kReformDay;
      Target t{c, nullptr, c->basis};
      if (!province_ok) {
        t.basis = same_province ? written_current->basis : "202/2025/QH15";
        if (same_province) change = written_current->valid.from;
      }
      if (!type_ok) {
        // The link that changed its type (Đồng Nai 2026) gives the basis.
        for (const Commune& older : g.communes())
          if (older.code == c->code && !older.valid.to.empty() && older.valid.to < date)
            for (const UnitLink* l : g.LinksFrom(false, older.code, older.valid.to))
              t.basis = province_ok ? l->basis : l->basis + "; " + t.basis;
      }
      v.suggested = ToTarget(g, t, date);
      v.suggested->kind.clear();
      v.suggested_text = SuggestedText(p, *v.suggested, g, date);
      v.status = "outdated";
      v.legal_basis = t.basis;
      if (!type_ok && c->valid.from > change) change = c->valid.from;
      v.severity = !options.doc_date.empty() && options.doc_date < change ? Severity::kInfo : Severity::kWarning;
      std::string what;
      if (!type_ok) what = "the commune is now a " + c->type;
      if (!province_ok) what += std::string(what.empty() ? "the" : " and the") + " province is now " + (pr ? pr->FullName() : "");
      v.message = what + " (since " + HumanDate(change) + "): " + v.suggested_text;
      return v;
    }
    if (now.size() > 1) {
      v.status = "ambiguous";
      for (const Commune* c : now) v.candidates.push_back(ToTarget(g, Target{c, nullptr, ""}, date));
      v.message = "several communes named " + p.commune.name + " in " + p.province.name;
      return v;
    }
    // Not a commune of today: an old commune of the province, district left out.
    for (const Commune* c : MatchUnits(ck, g.CommunesNamed(ck.Ascii()), g.communes(), old_codes))
      if (c->valid.to == "2025-06-30") old_communes.push_back(c);
    if (old_communes.empty()) return unknown("commune '" + p.commune.name + "' not found in " + p.province.name);
  }

  // Old units: where they went.
  std::vector<Target> targets;
  std::set<std::string> seen_old;
  for (const Commune* oc : old_communes) {
    if (!seen_old.insert(oc->code).second) continue;
    for (const Target& t : Successors(g, false, oc->code, oc->valid.to, date)) targets.push_back(t);
  }
  if (old_communes.empty() && old_district)
    targets = Successors(g, true, old_district->code, "2025-06-30", date);
  if (targets.empty())
    return unknown(old_communes.empty() ? "no commune found, and " + old_district->FullName() +
                                              " alone does not say which commune it is now (districts were abolished "
                                              "on 1 July 2025)"
                                        : "no successor found for the old units");
  std::sort(targets.begin(), targets.end(), [](const Target& a, const Target& b) {
    return a.commune->code < b.commune->code;
  });
  targets.erase(std::unique(targets.begin(), targets.end(),
                            [](const Target& a, const Target& b) { return a.commune == b.commune; }),
                targets.end());
  if (!old_communes.empty()) {
    const Commune* oc = old_communes.front();
    const District* d = g.DistrictByCode(oc->district_code);
    const Province* op = g.ProvinceOn(oc->province_code, "2025-06-30");
    v.old = AddressUnit{oc->code, oc->FullName(), d ? d->FullName() : "", op ? op->FullName() : ""};
  } else if (old_district) {
    const Province* op = g.ProvinceOn(old_district->province_code, "2025-06-30");
    v.old = AddressUnit{"", "", old_district->FullName(), op ? op->FullName() : ""};
  }
  std::set<std::string> bases;
  for (const Target& t : targets) bases.insert(t.basis);
  for (const std::string& b : bases) v.legal_basis += (v.legal_basis.empty() ? "" : "; ") + b;
  v.severity = !options.doc_date.empty() && options.doc_date < std::string(kReformDay) ? Severity::kInfo
                                                                                        : Severity::kWarning;
  const std::string old_name = v.old ? (v.old->commune.empty() ? v.old->district : v.old->commune) : "";
  if (targets.size() == 1) {
    v.status = "outdated";
    v.suggested = ToTarget(g, targets.front(), date);
    v.suggested_text = SuggestedText(p, *v.suggested, g, date);
    const std::string& kind = targets.front().link->kind;
    const std::string now = v.suggested->ward;
    std::string what;
    if (kind == "unchanged")
      what = "districts were abolished on " + HumanDate(kReformDay) + "; " + old_name + " is unchanged";
    else if (kind == "renamed")
      what = old_name + " was renamed " + now + " on " + HumanDate(kReformDay);
    else if (kind == "type_changed")
      what = old_name + " became " + now + " on " + HumanDate(kReformDay);
    else
      what = old_name + " was merged" + (kind == "whole" ? "" : " in part") + " into " + now + " on " +
             HumanDate(kReformDay);
    v.message = what + ": " + v.suggested_text + province_note;
    return v;
  }
  v.status = "ambiguous";
  for (const Target& t : targets) v.candidates.push_back(ToTarget(g, t, date));
  if (seen_old.size() > 1) {
    std::string names;
    for (const Commune* oc : old_communes)
      if (names.find(oc->FullName()) == std::string::npos) names += (names.empty() ? "" : ", ") + oc->FullName();
    v.message = "'" + p.commune.name + "' could be any of " + names + ": choose one";
    return v;
  }
  v.message = old_name + " was divided on " + HumanDate(kReformDay) + " among " + std::to_string(targets.size()) +
              " communes: choose one" + province_note;
  return v;
}

std::optional<AddressVerdict> CheckDossierAddress(const std::map<std::string, FieldValue>& fields,
                                                  const Gazetteer& gazetteer, const AddressOptions& options) {
  auto it = fields.find("permanent_address");
  if (it == fields.end() || it->second.value.empty()) return std::nullopt;
  return CheckAddress(it->second.value, gazetteer, options);
}

}  // namespace hoso
