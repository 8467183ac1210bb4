#include "extract/official.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <sstream>
#include <vector>

#include "core/vn_text.h"
#include "extract/extract.h"
#include "extract/reader.h"

namespace hoso {
namespace {

std::string Ascii(const std::string& text) { return vn::MakeKey(text).Ascii(); }
std::string Toned(const std::string& text) { return vn::MakeKey(text).Toned(); }

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Decree 30's kinds of administrative document (Article 7), their symbols'
// abbreviations (Appendix III) and the record's type for each.
struct Kind {
  const char* name;
  const char* abbreviation;  // "" for công văn and thư công
  const char* doc_type;
};
constexpr Kind kKinds[] = {
    {"công văn", "", "official_letter"},
    {"nghị quyết", "NQ", "resolution"},
    {"quyết định", "QĐ", "decision"},
    {"chỉ thị", "CT", "directive"},
    {"quy chế", "QC", "rules"},
    {"quy định", "QyĐ", "regulation"},
    {"thông cáo", "TC", "communique"},
    {"thông báo", "TB", "notice"},
    {"hướng dẫn", "HD", "guidance"},
    {"chương trình", "CTr", "programme"},
    {"kế hoạch", "KH", "plan"},
    {"phương án", "PA", "scheme"},
    {"đề án", "ĐA", "proposal"},
    {"dự án", "DA", "project"},
    {"báo cáo", "BC", "report"},
    {"biên bản", "BB", "minutes"},
    {"tờ trình", "TTr", "submission"},
    {"hợp đồng", "HĐ", "contract"},
    {"công điện", "CĐ", "dispatch"},
    {"bản ghi nhớ", "GN", "memorandum"},
    {"bản thỏa thuận", "TTh", "agreement"},
    {"giấy ủy quyền", "GUQ", "authorisation"},
    {"giấy mời", "GM", "invitation"},
    {"giấy giới thiệu", "GGT", "introduction"},
    {"giấy nghỉ phép", "GNP", "leave"},
    {"phiếu gửi", "PG", "transmittal"},
    {"phiếu chuyển", "PC", "transfer_slip"},
    {"phiếu báo", "PB", "notification_slip"},
    {"thư công", "", "official_letter"},
};

// The kind whose abbreviation `first` is: written so or, where OCR dropped
// a mark ("QD"), the one kind with those bare letters ("HD" and "DA" are
// kinds of their own). Null when none.
const Kind* KindAbbreviated(const std::string& first) {
  const Kind* alike = nullptr;
  int n = 0;
  for (const Kind& k : kKinds) {
    if (!*k.abbreviation) continue;
    if (first == k.abbreviation) return &k;
    if (Ascii(first) == Ascii(k.abbreviation)) {
      alike = &k;
      ++n;
    }
  }
  return n == 1 ? alike : nullptr;
}

const Kind& KindNamed(const std::string& name) {
  for (const Kind& k : kKinds)
    if (name == k.name) return k;
  return kKinds[0];
}

// The kinds of body a header line opens with, longest first, as Decree 30
// spells them in running text.
struct Head {
  const char* ascii;
  const char* written;
};
constexpr Head kHeads[] = {
    {"uy ban mat tran to quoc", "Ủy ban Mặt trận Tổ quốc"},
    {"vien kiem sat nhan dan", "Viện kiểm sát nhân dân"},
    {"bo chi huy quan su", "Bộ Chỉ huy quân sự"},
    {"ban chi huy quan su", "Ban Chỉ huy quân sự"},
    {"hoi dong nhan dan", "Hội đồng nhân dân"},
    {"toa an nhan dan", "Tòa án nhân dân"},
    {"bao hiem xa hoi", "Bảo hiểm xã hội"},
    {"kho bac nha nuoc", "Kho bạc Nhà nước"},
    {"uy ban nhan dan", "Ủy ban nhân dân"},
    {"tong cong ty", "Tổng công ty"},
    {"chi cuc", "Chi cục"},
    {"tong cuc", "Tổng cục"},
    {"benh vien", "Bệnh viện"},
    {"cong an", "Công an"},
    {"dang uy", "Đảng ủy"},
    {"trung tam", "Trung tâm"},
    {"van phong", "Văn phòng"},
    {"thanh tra", "Thanh tra"},
    {"chi nhanh", "Chi nhánh"},
    {"cong ty", "Công ty"},
    {"hoc vien", "Học viện"},
    {"dai hoc", "Đại học"},
    {"chinh phu", "Chính phủ"},
    {"quoc hoi", "Quốc hội"},
    {"ngan hang", "Ngân hàng"},
    {"kho bac", "Kho bạc"},
    {"ubnd", "UBND"},
    {"hdnd", "HĐND"},
    {"so", "Sở"},
    {"phong", "Phòng"},
    {"bo", "Bộ"},
    {"cuc", "Cục"},
    {"vu", "Vụ"},
    {"ban", "Ban"},
    {"truong", "Trường"},
    {"vien", "Viện"},
    {"doan", "Đoàn"},
    {"hoi", "Hội"},
};

// The kinds of administrative unit, lower case before a place's name.
// Compared with their marks where the bare letters are another word in
// agencies' names too ("quận" / "quản", "phường" / "phương"); the others
// also as bare letters (OCR reads TỈNH as "TÍNH").
struct Unit {
  const char* written;
  bool bare_letters_enough;
};
constexpr Unit kUnits[] = {{"thành phố", true}, {"thị trấn", true}, {"đặc khu", true},
                           {"thị xã", false},   {"tỉnh", true},     {"quận", false},
                           {"huyện", false},    {"phường", false},  {"xã", false}};

bool IsSyllable(const std::string& ascii) {
  static const std::regex kSyllable(
      "^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$");
  return std::regex_match(ascii, kSyllable);
}

std::string Recase(const std::string& word, bool capital) {
  std::vector<vn::Glyph> g = vn::Decode(word);
  bool first = true;
  for (vn::Glyph& c : g) {
    if (!c.letter) continue;
    c.upper = capital && first;
    first = false;
  }
  return vn::Encode(g);
}

// How many words from `i` make the phrase `ascii` (bare letters, one space apart).
// A phrase of three words or more may have one letter wrong ("JY BAN NHÂN DÂN").
size_t PhraseAt(const std::vector<std::string>& words, size_t i, const std::string& ascii) {
  const std::vector<std::string> want = Split(ascii);
  if (i + want.size() > words.size()) return 0;
  int wrong = 0;
  for (size_t k = 0; k < want.size(); ++k) {
    const std::string got = Ascii(words[i + k]);
    if (got == want[k]) continue;
    if (want.size() < 3 || ++wrong > 1 || vn::AsciiEditDistance(got, want[k]) > 1) return 0;
  }
  return want.size();
}

size_t UnitAt(const std::vector<std::string>& words, size_t i, std::string* written) {
  for (const Unit& u : kUnits) {
    const std::vector<std::string> want = Split(u.written);
    if (i + want.size() > words.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < want.size() && ok; ++k)
      ok = u.bare_letters_enough ? Ascii(words[i + k]) == Ascii(want[k]) : Toned(words[i + k]) == Toned(want[k]);
    // "xã hội" is society, not a commune.
    if (ok && std::string(u.written) == "xã" && i + 1 < words.size() && Ascii(words[i + 1]) == "hoi") ok = false;
    if (ok) {
      *written = u.written;
      return want.size();
    }
  }
  return 0;
}

size_t HeadAt(const std::vector<std::string>& words, size_t i, std::string* written) {
  for (const Head& h : kHeads)
    if (size_t n = PhraseAt(words, i, h.ascii)) {
      *written = h.written;
      return n;
    }
  return 0;
}

bool HasLetterOrDigit(const std::string& word) {
  for (const vn::Glyph& g : vn::Decode(word))
    if (g.letter || (g.base >= '0' && g.base <= '9')) return true;
  return false;
}

double MeanConfidence(const std::vector<const OcrWord*>& words) {
  if (words.empty()) return 0;
  double sum = 0;
  for (const OcrWord* w : words) sum += w->confidence;
  return sum / static_cast<double>(words.size());
}

HeaderPart PartOf(const std::vector<const OcrWord*>& words, const std::string& value) {
  HeaderPart p;
  p.value = value;
  p.confidence = MeanConfidence(words);
  for (const OcrWord* w : words) p.box = Union(p.box, w->box);
  return p;
}

std::string Joined(const std::vector<const OcrWord*>& words) {
  std::string out;
  for (const OcrWord* w : words) out += (out.empty() ? "" : " ") + w->text;
  return out;
}

std::string TrimPunctuation(std::string s) {
  auto edge = [](char c) { return c == ',' || c == '.' || c == ';' || c == ':' || c == '-' || c == ' ' || c == '_'; };
  while (!s.empty() && edge(s.back())) s.pop_back();
  size_t b = 0;
  while (b < s.size() && edge(s[b])) ++b;
  return s.substr(b);
}

struct Line {
  const OcrLine* line;
  int top, bottom;
};

// The national motto's first word: where the header's right column begins.
std::optional<std::pair<size_t, const OcrWord*>> FindMotto(const std::vector<Line>& lines, int page_height) {
  static const std::vector<std::vector<std::string>> kMottos = {{"cong", "hoa", "xa", "hoi", "chu", "nghia"},
                                                                {"doc", "lap", "tu", "do", "hanh", "phuc"}};
  for (const auto& motto : kMottos)
    for (size_t li = 0; li < lines.size(); ++li) {
      if (lines[li].top > page_height * 2 / 5) continue;
      const auto& words = lines[li].line->words;
      std::vector<std::string> ascii;
      for (const OcrWord& w : words) ascii.push_back(Ascii(w.text));
      for (size_t wi = 0; wi + 3 < words.size(); ++wi) {
        int hits = 0;
        for (size_t k = 0; k < motto.size() && wi + k < words.size(); ++k) hits += ascii[wi + k] == motto[k];
        if (hits >= 4) return std::make_pair(li, &words[wi]);
      }
    }
  return std::nullopt;
}

bool StartsWithUpper(const std::string& s) {
  for (const vn::Glyph& g : vn::Decode(s)) {
    if (g.letter) return g.upper;
    if (g.base == ' ') continue;
    return false;
  }
  return false;
}

// "Số: 1535/SGDĐT-CTrTT": the number (as read) and the symbol's words.
struct NumberLine {
  size_t line = 0;
  std::vector<const OcrWord*> number_words, symbol_words;
  std::string number, symbol;
  size_t after = 0;     // index of the line's first word past the symbol
  bool spaced = false;  // the symbol stands apart from the number, as in a printed blank filled in
};

bool AllDigits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Where, in `text`, a symbol begins: after the first '/' followed by a
// capital letter, or by a year and another '/' ("12/2019/QĐ-UBND").
size_t SymbolStart(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '/') continue;
    size_t j = i + 1;
    while (j < text.size() && text[j] == ' ') ++j;
    if (j >= text.size()) return std::string::npos;
    if (StartsWithUpper(text.substr(j))) return j;
    // A symbol whose first letter OCR read as a digit ("/5TP-QLĐT"): capitals
    // and a hyphen in the run after the slash.
    const std::string run = text.substr(j, text.find_first_of(" /", j) - j);
    bool capital = false;
    for (const vn::Glyph& g : vn::Decode(run)) capital |= g.letter && g.upper;
    if (capital && run.find('-') != std::string::npos) return j;
    if (j + 4 < text.size() && AllDigits(text.substr(j, 4)) && text[j + 4] == '/') return j;
  }
  return std::string::npos;
}

std::optional<NumberLine> FindNumberLine(const std::vector<Line>& lines, int page_height) {
  for (size_t li = 0; li < lines.size(); ++li) {
    if (lines[li].top > page_height / 2) continue;
    const auto& words = lines[li].line->words;
    if (words.empty()) continue;
    std::string first = words[0].text;
    const std::string ascii = Ascii(first);
    if (ascii.rfind("so", 0) != 0) continue;
    // The words after "Số:", one string, each character's word remembered.
    std::string rest;
    std::vector<size_t> owner;
    auto add = [&](const std::string& s, size_t w) {
      for (char c : s) {
        rest += c;
        owner.push_back(w);
      }
    };
    const size_t colon = first.find(':');
    if (colon != std::string::npos)
      add(first.substr(colon + 1), 0);
    else if (ascii != "so")
      continue;
    for (size_t w = 1; w < words.size(); ++w) {
      if (!rest.empty()) add(" ", w);
      add(words[w].text, w);
    }
    const size_t start = SymbolStart(rest);
    if (start == std::string::npos) continue;
    NumberLine n;
    n.line = li;
    size_t slash = start;
    while (slash > 0 && rest[slash - 1] != '/') --slash;
    // The symbol: its word, and those that go on after a hyphen.
    size_t end = rest.find(' ', start);
    while (end != std::string::npos && end + 1 < rest.size() && (rest[end - 1] == '-' || rest[end + 1] == '-'))
      end = rest.find(' ', end + 1);
    if (end == std::string::npos) end = rest.size();
    std::string symbol = rest.substr(start, end - start);
    symbol.erase(std::remove(symbol.begin(), symbol.end(), ' '), symbol.end());
    // OCR reads a bold Đ as "ĐÐ" (U+00D0, a letter Vietnamese never uses).
    for (size_t at; (at = symbol.find("\u00D0")) != std::string::npos;) symbol.replace(at, 2, "\u0110");
    for (size_t at; (at = symbol.find("\u0110\u0110")) != std::string::npos;) symbol.erase(at, 2);
    n.symbol = SpellSymbol(TrimPunctuation(symbol));
    n.number = TrimPunctuation(rest.substr(0, slash - 1));
    n.spaced = slash >= 2 && rest[slash - 2] == ' ';
    auto words_of = [&](size_t from, size_t to, std::vector<const OcrWord*>& into) {
      for (size_t c = from; c < to; ++c)
        if (rest[c] != ' ' && (into.empty() || into.back() != &words[owner[c]])) into.push_back(&words[owner[c]]);
    };
    words_of(start, end, n.symbol_words);
    words_of(0, slash - 1, n.number_words);
    n.after = owner[end - 1] + 1;
    return n;
  }
  return std::nullopt;
}

// "Đà Nẵng, ngày 31 tháng 5 năm 2019" among `words` (from `from`): place,
// date. OCR may glue the day to "ngày" or the year to "năm" ("ngày84").
bool ReadPlaceDate(const std::vector<OcrWord>& line, size_t from, OfficialHeader& h) {
  static const std::regex kYear("(^|[^0-9])[0-9]{4}([^0-9]|$)");
  // "Trạch,ngày": the place's last word and "ngày" glued at the comma.
  std::vector<OcrWord> words;
  for (size_t i = from; i < line.size(); ++i) {
    const std::string& t = line[i].text;
    const size_t comma = t.rfind(',');
    if (comma != std::string::npos && comma > 0 && Ascii(t.substr(comma + 1)).rfind("ngay", 0) == 0) {
      OcrWord place = line[i], rest = line[i];
      place.text = t.substr(0, comma + 1);
      rest.text = t.substr(comma + 1);
      words.push_back(place);
      words.push_back(rest);
    } else {
      words.push_back(line[i]);
    }
  }
  from = 0;
  for (size_t i = from; i < words.size(); ++i) {
    const std::string a = Ascii(words[i].text);
    if (a.rfind("ngay", 0) != 0 || (a.size() > 4 && !std::isdigit(static_cast<unsigned char>(a[4])))) continue;
    size_t year = i;
    for (size_t k = i + 1; k < words.size() && k <= i + 8 && year == i; ++k)
      if (std::regex_search(words[k].text, kYear)) year = k;
    if (year == i) continue;
    std::vector<const OcrWord*> place, date;
    for (size_t k = from; k < i; ++k) place.push_back(&words[k]);
    for (size_t k = i; k <= year; ++k) date.push_back(&words[k]);
    h.place = PartOf(place, TrimPunctuation(Joined(place)));
    h.date_line = PartOf(date, Joined(date));
    h.date = FindPlaceDate(h.date_line.value);
    // The day, written into the printed blank: not a day, or read unsurely.
    const OcrWord& day_word = a.size() > 4 ? words[i] : words[i + 1];
    const std::string day = a.size() > 4 ? a.substr(4) : day_word.text;
    const bool day_ok = AllDigits(day) && day.size() <= 2 && std::stoi(day) >= 1 && std::stoi(day) <= 31;
    h.day_by_hand = !h.date || !day_ok || day_word.confidence < 0.85;
    return true;
  }
  return false;
}

bool MostlyCapitals(const std::vector<const OcrWord*>& words) {
  int upper = 0, lower = 0;
  for (const OcrWord* w : words)
    for (const vn::Glyph& g : vn::Decode(w->text))
      if (g.letter) (g.upper ? upper : lower)++;
  return upper > 0 && upper >= 3 * lower;
}

std::vector<const OcrWord*> WordsOf(const OcrLine& line, int right_of = -1, int left_of = 1 << 30) {
  std::vector<const OcrWord*> out;
  for (const OcrWord& w : line.words)
    if (w.box.x >= right_of && w.box.x < left_of) out.push_back(&w);
  return out;
}

std::string Subject(std::string text) {
  text = TrimPunctuation(text);
  for (const char* lead : {"V/v", "V/V", "v/v", "Về việc", "VỀ VIỆC", "Về Việc"}) {
    const std::string l = lead;
    if (text.rfind(l, 0) == 0) return TrimPunctuation(text.substr(l.size()));
  }
  return text;
}

// The lines that carry on a subject from line `li`: in the column of
// [left, right), one under another without a paragraph's gap, until the
// addressees, the legal bases or a line in capitals; lines of scribble
// (read with little confidence) are passed over.
void ContinueSubject(const std::vector<Line>& lines, size_t li, int left, int right, HeaderPart& subject,
                     std::vector<const OcrWord*>& used) {
  int bottom = lines[li].bottom;
  const int pitch = std::max(1, lines[li].bottom - lines[li].top);
  for (size_t k = li + 1, taken = 0; k < lines.size() && taken < 4; ++k) {
    const Line& l = lines[k];
    if (l.top < lines[li].top) break;
    if (l.top - bottom > pitch) break;
    std::vector<const OcrWord*> words = WordsOf(*l.line, left, right);
    if (words.empty()) continue;
    if (MeanConfidence(words) < 0.6) {  // a scribble between the subject's lines
      bottom = l.bottom;
      continue;
    }
    const std::vector<std::string> a = Split(Ascii(Joined(words)));
    if (a.empty()) continue;
    if ((a.size() >= 2 && a[0] == "kinh" && a[1] == "gui") || (a.size() >= 2 && a[0] == "can" && a[1] == "cu") ||
        MostlyCapitals(words) || words.front()->text.back() == '.' || words.back()->text.back() == ':')
      break;
    subject.value += " " + Joined(words);
    for (const OcrWord* w : words) subject.box = Union(subject.box, w->box);
    used.insert(used.end(), words.begin(), words.end());
    bottom = l.bottom;
    ++taken;
  }
}

// The issuing bodies: the left column above `header_bottom`, top to
// bottom; a line opening with a kind of body begins another body. The last
// is the issuer, the one before its parent.
void ReadBodies(const std::vector<Line>& lines, int header_bottom, int column, OfficialHeader& h) {
  std::vector<std::pair<int, std::vector<const OcrWord*>>> left;
  for (const Line& l : lines) {
    if (l.top >= header_bottom) continue;
    // The words from the line's start that begin left of the motto and go
    // on without a column's gap (a long name may pass the motto's edge on
    // its own line), up to where the motto begins (a column OCR did not
    // see apart); a dash or rule before the first word is no part of it.
    std::vector<const OcrWord*> words;
    const std::vector<const OcrWord*> all = WordsOf(*l.line);
    const int gap = 2 * std::max(1, l.bottom - l.top);
    for (size_t i = 0; i < all.size(); ++i) {
      const std::string a = Ascii(all[i]->text);
      const std::string next = i + 1 < all.size() ? Ascii(all[i + 1]->text) : "";
      if ((a == "doc" && next == "lap") || (a == "cong" && next == "hoa")) break;
      if (words.empty() ? all[i]->box.x >= column : all[i]->box.x - (words.back()->box.x + words.back()->box.w) > gap)
        break;
      if (words.empty() && !HasLetterOrDigit(all[i]->text)) continue;
      words.push_back(all[i]);
    }
    // A rule under a name, read as marks ("` TA"), is no line of it.
    if (!words.empty() && MeanConfidence(words) >= 0.6) left.push_back({l.top, words});
  }
  std::stable_sort(left.begin(), left.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::vector<const OcrWord*>> bodies;
  for (const auto& [top, words] : left) {
    std::string written;
    if (bodies.empty() || HeadAt(Split(Joined(words)), 0, &written)) bodies.emplace_back();
    bodies.back().insert(bodies.back().end(), words.begin(), words.end());
  }
  if (!bodies.empty()) {
    h.issuer = PartOf(bodies.back(), AgencyName(Joined(bodies.back())));
    if (bodies.size() >= 2)
      h.issuer_parent = PartOf(bodies[bodies.size() - 2], AgencyName(Joined(bodies[bodies.size() - 2])));
  }
}

// The kind and the subject, in the lines from `below` down to `lowest`: a
// công văn's "V/v ..." in the left column (left of `column`), or the kind's
// name in capitals with the subject under it. Gives the kind a title named.
std::string ReadKindAndSubject(const std::vector<Line>& lines, int below, int lowest, int column, OfficialHeader& h) {
  std::string titled;
  for (size_t li = 0; li < lines.size() && titled.empty() && h.subject.value.empty(); ++li) {
    const Line& l = lines[li];
    if (l.top < below || l.top > lowest) continue;
    std::vector<const OcrWord*> words = WordsOf(*l.line);
    const std::string first = words.front()->text;
    if (first.size() >= 3 && (first[0] == 'V' || first[0] == 'v') && first[1] == '/' &&
        (first[2] == 'v' || first[2] == 'V')) {
      std::vector<const OcrWord*> in_column = WordsOf(*l.line, -1, column);
      if (in_column.empty()) continue;
      std::vector<const OcrWord*> used = in_column;
      h.subject = PartOf(in_column, Joined(in_column));
      ContinueSubject(lines, li, -1, column, h.subject, used);
      h.subject.confidence = MeanConfidence(used);
      h.kind = "công văn";
      continue;
    }
    if (!MostlyCapitals(words)) continue;
    const std::vector<std::string> a = Split(Ascii(Joined(words)));
    for (const Kind& k : kKinds) {
      const std::vector<std::string> want = Split(Ascii(k.name));
      if (a.size() != want.size()) continue;
      bool ok = true;
      for (size_t i = 0; i < a.size() && ok; ++i) ok = TokenMatch(a[i], want[i]);
      if (!ok) continue;
      titled = k.name;
      // The subject: the lines under the title, centred, in running case.
      for (size_t k2 = li + 1; k2 < lines.size(); ++k2) {
        std::vector<const OcrWord*> next = WordsOf(*lines[k2].line);
        if (lines[k2].top < l.top) break;
        if (MeanConfidence(next) < 0.6) continue;
        if (MostlyCapitals(next)) break;
        std::vector<const OcrWord*> used = next;
        h.subject = PartOf(next, Joined(next));
        ContinueSubject(lines, k2, -1, 1 << 30, h.subject, used);
        h.subject.confidence = MeanConfidence(used);
        break;
      }
      break;
    }
  }
  return titled;
}

}  // namespace

std::optional<Signer> ReadSigner(const OcrPage& page) {
  std::vector<const OcrLine*> lines;
  for (const OcrBlock& b : page.blocks)
    for (const OcrLine& l : b.lines)
      if (!l.words.empty()) lines.push_back(&l);
  size_t from = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    // "Nơi nhận:", or its second word alone where a stamp's ink or a fold
    // took the first ("A nhận:").
    const auto& w = lines[i]->words;
    if (Ascii(lines[i]->Text()).rfind("noi nhan", 0) == 0 ||
        (w.size() > 1 && Ascii(w[1].text).rfind("nhan", 0) == 0 && w[1].text.find(':') != std::string::npos))
      from = i;
  }
  if (from == lines.size()) return std::nullopt;
  // The right column, from the line of "Nơi nhận:" on (the signer's block
  // stands level with the recipients, read after or beside them).
  const int right = page.width * 2 / 5;
  const int top = lines[from]->box.y - 2 * lines[from]->box.h;
  Signer s;
  std::vector<const OcrWord*> title, title_sure;
  for (const OcrLine* l : lines) {
    if (l->box.y < top) continue;
    std::vector<const OcrWord*> words = WordsOf(*l, right);
    // The signature's and the stamp's strokes read as words: those with no
    // letter or digit, and unsure ones at either end ("C— —¬ TRƯỞNG PHÒNG").
    // The line is judged without them; a title and a name keep their words
    // as read.
    words.erase(std::remove_if(words.begin(), words.end(), [](const OcrWord* w) { return !HasLetterOrDigit(w->text); }),
                words.end());
    auto sure = words.begin(), sure_end = words.end();
    while (sure != sure_end && (*sure)->confidence < 0.3) ++sure;
    while (sure != sure_end && (*(sure_end - 1))->confidence < 0.3) --sure_end;
    if (sure == sure_end || MeanConfidence({sure, sure_end}) < 0.6) continue;
    if (MostlyCapitals({sure, sure_end})) {
      if (s.name.value.empty() && title.size() < 12) {
        title.insert(title.end(), words.begin(), words.end());
        title_sure.insert(title_sure.end(), sure, sure_end);
      }
      continue;
    }
    // A name: two to six words, each a capital and small letters (a stray
    // mark of the signature or stamp aside: "Hoàng 'Thị Lan").
    bool name = words.size() >= 2 && words.size() <= 6 && !title.empty();
    std::string text;
    for (const OcrWord* w : words) {
      std::vector<vn::Glyph> g = vn::Decode(w->text);
      g.erase(std::remove_if(g.begin(), g.end(), [](const vn::Glyph& c) { return !c.letter; }), g.end());
      name = name && !g.empty() && g[0].upper &&
             std::all_of(g.begin() + 1, g.end(), [](const vn::Glyph& c) { return !c.upper; });
      text += (text.empty() ? "" : " ") + vn::Encode(g);
    }
    if (name) s.name = PartOf(words, text);
  }
  if (title.empty() || s.name.value.empty()) return std::nullopt;
  s.title = PartOf(title, Joined(title));
  s.title.confidence = MeanConfidence(title_sure);  // strokes read as words aside
  return s;
}

std::string AgencyName(const std::string& capitals) {
  // A dash OCR glued to a word ("ĐỘNG -THƯƠNG") stands apart; edge
  // punctuation (a rule read as "_") goes.
  std::string spaced;
  for (char c : capitals) spaced += c == '-' ? std::string(" - ") : std::string(1, c);
  std::vector<std::string> words = Split(TrimPunctuation(spaced));
  // A D OCR split in two at the end of an acronym ("UBNI)" for UBND).
  for (std::string& w : words)
    if (w.size() >= 4 && (w.compare(w.size() - 2, 2, "I)") == 0 || w.compare(w.size() - 2, 2, "|)") == 0) &&
        w.find('(') == std::string::npos)
      w.replace(w.size() - 2, 2, "D");
  std::vector<std::string> out;
  bool capital_next = true, place = false;
  for (size_t i = 0; i < words.size();) {
    std::string written;
    if (i == 0)
      if (size_t n = HeadAt(words, i, &written)) {
        out.push_back(written);
        i += n;
        capital_next = true;
        continue;
      }
    if (size_t n = UnitAt(words, i, &written)) {
      out.push_back(written);
      i += n;
      place = true;
      continue;
    }
    const std::string& w = words[i++];
    const std::string a = Ascii(w);
    if (a == "va" || w == "-" || w == "&") {
      out.push_back(a == "va" ? "và" : w);
      capital_next = true;
      place = false;
      continue;
    }
    const bool plain_word = a.find(' ') == std::string::npos && !a.empty() &&
                            std::all_of(a.begin(), a.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    // A unit's name is words, Vietnamese or not ("XÃ ĐẮC PRING": Đắc Pring).
    if (!plain_word || (!IsSyllable(a) && !place)) {  // an acronym, a number: as written
      out.push_back(w);
      capital_next = false;
      continue;
    }
    out.push_back(Recase(w, place || capital_next));
    capital_next = w.back() == ',';
  }
  std::string s;
  for (const std::string& w : out) s += (s.empty() ? "" : " ") + w;
  return s;
}

std::string SpellSymbol(const std::string& symbol) {
  const size_t slash = symbol.rfind('/');
  const size_t from = slash == std::string::npos ? 0 : slash + 1;
  std::vector<std::string> parts;
  std::istringstream in(symbol.substr(from));
  for (std::string part; std::getline(in, part, '-');) parts.push_back(part);
  for (std::string& part : parts) {
    // A digit for the letter it looks like, before capitals ("5TP" -> "STP").
    static const std::map<char, char> kLooksLike = {{'0', 'O'}, {'1', 'I'}, {'5', 'S'}, {'6', 'G'}, {'8', 'B'}};
    const auto look = part.empty() ? kLooksLike.end() : kLooksLike.find(part[0]);
    if (look == kLooksLike.end()) continue;
    bool capitals = part.size() > 1, digits = false;
    for (const vn::Glyph& g : vn::Decode(part.substr(1))) {
      capitals &= g.letter && g.upper;
      digits |= !g.letter;
    }
    if (capitals && !digits) part[0] = look->second;
  }
  // A kind's abbreviation OCR took a mark from ("QD-UBND").
  if (parts.size() > 1)
    if (const Kind* k = KindAbbreviated(parts[0])) parts[0] = k->abbreviation;
  std::string out = symbol.substr(0, from);
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "-" : "") + parts[i];
  return out;
}

std::string KindOfSymbol(const std::string& symbol) {
  std::string last = symbol.substr(symbol.rfind('/') == std::string::npos ? 0 : symbol.rfind('/') + 1);
  const std::string first = last.substr(0, last.find('-'));
  const Kind* k = KindAbbreviated(first);
  // Bare letters alone are no kind's ("QD" with no agency after it).
  return k && (first == k->abbreviation || last.find('-') != std::string::npos) ? k->name : "công văn";
}

std::optional<OfficialHeader> ReadOfficialHeader(const OcrPage& page) {
  std::vector<Line> lines;
  for (const OcrBlock& b : page.blocks)
    for (const OcrLine& l : b.lines)
      if (!l.words.empty()) lines.push_back({&l, l.box.y, l.box.y + l.box.h});
  const auto motto = FindMotto(lines, page.height);
  if (!motto) return std::nullopt;
  const int column = motto->second->box.x;  // the right column's left edge
  const int slack = page.width / 100;

  OfficialHeader h;
  const auto number = FindNumberLine(lines, page.height);
  const int header_bottom =
      number ? lines[number->line].top - (lines[number->line].bottom - lines[number->line].top) / 3
             : lines[motto->first].bottom + 3 * (lines[motto->first].bottom - lines[motto->first].top);
  if (number) {
    h.symbol = PartOf(number->symbol_words, number->symbol);
    h.number = PartOf(number->number_words, number->number);
    // Nothing read before the symbol: a blank left for the number, written
    // in by hand where OCR does not see it (blue ink is read through, as a
    // signature is) or never filled in; a person looks either way.
    h.number_by_hand =
        h.number.value.empty() || !AllDigits(h.number.value) || h.number.confidence < 0.85 || number->spaced;
    ReadPlaceDate(lines[number->line].line->words, number->after, h);
  }
  if (!h.date_line.value.size())
    for (size_t li = 0; li < lines.size(); ++li) {
      if (lines[li].top > header_bottom + 4 * (lines[li].bottom - lines[li].top) ||
          lines[li].top < lines[motto->first].top)
        continue;
      const auto& words = lines[li].line->words;
      size_t from = 0;
      while (from < words.size() && words[from].box.x < column - page.width / 6) ++from;
      if (ReadPlaceDate(words, from, h)) break;
    }

  ReadBodies(lines, header_bottom, column - slack, h);
  // The kind and the subject, under the number.
  const std::string titled = ReadKindAndSubject(lines, number ? lines[number->line].bottom - slack : header_bottom,
                                                page.height / 2, column - slack, h);
  h.subject.value = Subject(h.subject.value);
  if (!titled.empty()) h.kind = titled;
  if (h.kind.empty() && number) h.kind = KindOfSymbol(h.symbol.value);
  if (h.kind.empty())
    return std::nullopt;  // a motto, but neither a number line nor a kind: not a document of this kind
  h.doc_type = KindNamed(h.kind).doc_type;
  return h;
}

}  // namespace hoso
