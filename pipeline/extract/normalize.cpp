#include "extract/normalize.h"
#include "core/data_dir.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/vn_text.h"

namespace hoso {
namespace {

std::optional<std::string> Iso(int y, int m, int d) {
  if (!IsValidDate(y, m, d)) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

// Digits OCR misreads as letters, next to digits: O o D -> 0, l I | -> 1,
// G b -> 6, S -> 5, B -> 8, Z -> 2.
std::string DigitsFixed(const std::string& s) {
  std::string out = s;
  for (size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    const bool digit_near = (i > 0 && std::isdigit(static_cast<unsigned char>(out[i - 1]))) ||
                            (i + 1 < out.size() && std::isdigit(static_cast<unsigned char>(out[i + 1])));
    if (!digit_near) continue;
    if (c == 'O' || c == 'o' || c == 'D') out[i] = '0';
    if (c == 'l' || c == 'I' || c == '|') out[i] = '1';
    if (c == 'G' || c == 'b') out[i] = '6';
    if (c == 'S') out[i] = '5';
    if (c == 'B') out[i] = '8';
    if (c == 'Z') out[i] = '2';
  }
  return out;
}

std::string OnlyDigits(const std::string& s) {
  std::string out;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) out += c;
  return out;
}

}  // namespace

bool IsValidDate(int y, int m, int d) {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<std::string> NormalizeDate(const std::string& text) {
  // Words first ("ngày 05 tháng 7 năm 2025"), on the bare letters.
  const std::string ascii = vn::MakeKey(DigitsFixed(text)).Ascii();
  static const std::regex kWords(R"((?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4}))");
  std::smatch m;
  if (std::regex_search(ascii, m, kWords)) return Iso(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]));
  // Then numbers: day, month, four-digit year, any separators.
  static const std::regex kNumbers(R"((\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4}))");
  const std::string fixed = DigitsFixed(text);
  if (std::regex_search(fixed, m, kNumbers)) return Iso(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]));
  // OCR dropped the separators: "05072025" or spaces "05 07 2025".
  static const std::regex kRun(R"((?:^|\D)(\d{2})\s?(\d{2})\s?((?:19|20)\d{2})(?:\D|$))");
  if (std::regex_search(fixed, m, kRun)) return Iso(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]));
  return std::nullopt;
}

std::optional<std::string> NormalizeGender(const std::string& text) {
  const vn::Key key = vn::MakeKey(text);
  const std::string ascii = key.Ascii();
  if (ascii.empty()) return std::nullopt;
  const std::string first = ascii.substr(0, ascii.find(' '));
  if (first == "nam" || first == "male" || first == "m") return std::string("male");
  if (first == "nu" || first == "female" || first == "f") return std::string("female");
  // One of two words, misread: the nearer one, when it is clearly nearer
  // ("NY" for "Nữ", "Narn" for "Nam").
  if (first.size() > 4) return std::nullopt;
  const int to_nam = vn::AsciiEditDistance(first, "nam"), to_nu = vn::AsciiEditDistance(first, "nu");
  if (to_nu == 1 && to_nam >= 2) return std::string("female");
  if (to_nam == 1 && to_nu >= 2) return std::string("male");
  return std::nullopt;
}

IdNumber NormalizeIdNumber(const std::string& text) {
  IdNumber id;
  const std::string fixed = DigitsFixed(text);
  id.digits = OnlyDigits(fixed);
  // Digits are written in groups ("038 177 040 664", "038.177.040.664"): one
  // space, dot or hyphen between digits joins them. Anything longer (a run
  // of leader dots, a stray mark) ends the number, so a speck read as a
  // digit after the leaders is not taken for a 13th digit.
  // A value may hold other numbers too: a footnote's "(3)" before it, the
  // date of issue after it ("Căn cước số 038 177 040 664, cấp ngày
  // 12/03/2022"). The first group of 12 digits is the number (of 9, an old
  // ID card's).
  if (id.digits.size() != 12 && id.digits.size() != 9) {
    std::vector<std::string> groups(1);
    size_t gap = 0;
    for (char c : fixed) {
      if (std::isdigit(static_cast<unsigned char>(c))) {
        if (gap > 1 && !groups.back().empty()) groups.emplace_back();
        groups.back() += c;
        gap = 0;
      } else if (!groups.back().empty()) {
        gap += (c == ' ' || c == '.' || c == '-') ? 1 : 2;
      }
    }
    for (size_t want : {size_t{12}, size_t{9}}) {
      auto it = std::find_if(groups.begin(), groups.end(), [&](const std::string& g) { return g.size() == want; });
      if (it != groups.end()) {
        id.digits = *it;
        break;
      }
    }
  }
  id.citizen_id = id.digits.size() == 12;
  id.old_id = id.digits.size() == 9;
  return id;
}

std::optional<std::string> NormalizePhone(const std::string& text) {
  std::string t = DigitsFixed(text);
  const bool plus = t.find('+') != std::string::npos;
  std::string d = OnlyDigits(t);
  if ((plus || d.size() == 11) && d.rfind("84", 0) == 0) d = "0" + d.substr(2);
  if (d.size() == 10 && d[0] == '0') return d;
  return std::nullopt;
}

std::string NameList::DefaultDir() {
  return (std::filesystem::path(DataDir("models", "HOSO_MODELS")) / "names").string();
}

Result<NameList> NameList::Load(const std::string& dir) {
  NameList list;
  const std::pair<const char*, Part> files[] = {{"family.txt", kFamily}, {"middle_and_given.txt", kGiven}};
  for (const auto& [file, part] : files) {
    const auto path = std::filesystem::path(dir) / file;
    std::ifstream in(path);
    if (!in) return Status::Error(ErrorCode::kInputNotFound, "names: cannot read " + path.string());
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::istringstream words(line);
      for (std::string w; words >> w;) {
        const vn::Key key = vn::MakeKey(w);
        if (list.toned_[part].insert(key.Toned()).second) list.by_ascii_[part].emplace(key.Ascii(), vn::Nfc(w));
      }
    }
  }
  return list;
}

bool NameList::Knows(const std::string& word, Part part) const {
  return toned_[part].count(vn::MakeKey(word).Toned()) > 0;
}

std::vector<std::string> NameList::SameLetters(const std::string& word, Part part) const {
  std::vector<std::string> out;
  auto [a, b] = by_ascii_[part].equal_range(vn::MakeKey(word).Ascii());
  for (auto it = a; it != b; ++it) out.push_back(it->second);
  return out;
}

std::string CleanValue(const std::string& text) {
  std::string s = text;
  // Dotted leaders and underscores, wherever they are.
  static const std::regex kLeaders(R"((?:[.…_]\s*){3,})");
  s = std::regex_replace(s, kLeaders, " ");
  // A footnote's mark the form prints after its label ("Nơi cư trú: (2)").
  static const std::regex kFootnote(R"(^[\s:]*\(\d{1,2}\)\s*)");
  s = std::regex_replace(s, kFootnote, "");
  // Edges: spaces, colons, stray punctuation OCR adds.
  auto edge = [](char c) {
    return c == ' ' || c == ':' || c == ';' || c == ',' || c == '.' || c == '-' || c == '|' || c == '_' || c == '\'' ||
           c == '"' || c == '`';
  };
  size_t b = 0, e = s.size();
  while (b < e && edge(s[b])) ++b;
  while (e > b && edge(s[e - 1])) --e;
  s = s.substr(b, e - b);
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return vn::Nfc(out);
}

namespace {

// Latin letters with marks Vietnamese never writes, which OCR puts on a
// Vietnamese letter now and then ("Ñguyễn"), back to the bare letter; the
// name list then restores the right marks.
std::string FoldForeignLetters(const std::string& text) {
  static const std::pair<std::string_view, std::string_view> kFold[] = {
      {"Ä", "A"}, {"Å", "A"}, {"Ā", "A"}, {"ä", "a"}, {"å", "a"}, {"ā", "a"}, {"Ç", "C"}, {"Č", "C"},
      {"Ć", "C"}, {"ç", "c"}, {"č", "c"}, {"ć", "c"}, {"Ë", "E"}, {"Ē", "E"}, {"ë", "e"}, {"ē", "e"},
      {"Î", "I"}, {"Ï", "I"}, {"Ī", "I"}, {"î", "i"}, {"ï", "i"}, {"ī", "i"}, {"Ñ", "N"}, {"Ń", "N"},
      {"Ň", "N"}, {"ñ", "n"}, {"ń", "n"}, {"ň", "n"}, {"Ö", "O"}, {"Ø", "O"}, {"Ō", "O"}, {"ö", "o"},
      {"ø", "o"}, {"ō", "o"}, {"Š", "S"}, {"Ś", "S"}, {"š", "s"}, {"ś", "s"}, {"Û", "U"}, {"Ü", "U"},
      {"Ū", "U"}, {"û", "u"}, {"ü", "u"}, {"ū", "u"}, {"Ÿ", "Y"}, {"ÿ", "y"}, {"Ž", "Z"}, {"ž", "z"},
  };
  std::string out = text;
  for (const auto& [from, to] : kFold)
    for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size()))
      out.replace(at, from.size(), to);
  return out;
}

}  // namespace

std::string NormalizeName(const std::string& text, const NameList* names) {
  const std::string clean = CleanValue(FoldForeignLetters(text));
  std::istringstream in(clean);
  std::string out;
  for (std::string word; in >> word;) {
    // Letters only: OCR's stray marks on a name are not part of it.
    std::vector<vn::Glyph> g = vn::Decode(word);
    g.erase(std::remove_if(g.begin(), g.end(), [](const vn::Glyph& x) { return !x.letter; }), g.end());
    if (g.empty()) continue;
    for (size_t i = 0; i < g.size(); ++i) g[i].upper = i == 0;
    std::string w = vn::Encode(g);
    const NameList::Part part = out.empty() ? NameList::kFamily : NameList::kGiven;
    // A family name after the first word is one too ("Trần Nguyễn Minh
    // Thành": a double family name), not a given name's marks misread.
    if (names && !names->Knows(w, part) && !(part == NameList::kGiven && names->Knows(w, NameList::kFamily))) {
      // Only the marks wrong: the one common name with these letters, or the
      // nearest in marks when several (Thanh / Thành / Thạnh) are listed.
      const std::vector<std::string> same = names->SameLetters(w, part);
      const vn::Key key = vn::MakeKey(w);
      int best = 1 << 20, count = 0;
      std::string pick;
      for (const std::string& s : same) {
        const int d = vn::MarkDistance(key, vn::MakeKey(s));
        if (d < 0) continue;
        if (d < best) {
          best = d;
          count = 0;
          pick = s;
        }
        if (d == best) ++count;
      }
      if (count == 1) w = pick;
    }
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

}  // namespace hoso
