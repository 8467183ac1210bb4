#include "core/vn_text.h"

#include "core/utf8.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace hoso::vn {
namespace {

struct Form {
  char32_t base;
  Shape shape;
  bool upper;
};

// Each row: the letter in its six tones (level, grave, acute, hook, tilde, dot).
constexpr std::pair<const char*, Form> kRows[] = {
    {"aàáảãạ", {'a', Shape::kPlain, false}},      {"ăằắẳẵặ", {'a', Shape::kBreve, false}},
    {"âầấẩẫậ", {'a', Shape::kCircumflex, false}}, {"eèéẻẽẹ", {'e', Shape::kPlain, false}},
    {"êềếểễệ", {'e', Shape::kCircumflex, false}}, {"iìíỉĩị", {'i', Shape::kPlain, false}},
    {"oòóỏõọ", {'o', Shape::kPlain, false}},      {"ôồốổỗộ", {'o', Shape::kCircumflex, false}},
    {"ơờớởỡợ", {'o', Shape::kHorn, false}},       {"uùúủũụ", {'u', Shape::kPlain, false}},
    {"ưừứửữự", {'u', Shape::kHorn, false}},       {"yỳýỷỹỵ", {'y', Shape::kPlain, false}},
    {"AÀÁẢÃẠ", {'a', Shape::kPlain, true}},       {"ĂẰẮẲẴẶ", {'a', Shape::kBreve, true}},
    {"ÂẦẤẨẪẬ", {'a', Shape::kCircumflex, true}},  {"EÈÉẺẼẸ", {'e', Shape::kPlain, true}},
    {"ÊỀẾỂỄỆ", {'e', Shape::kCircumflex, true}},  {"IÌÍỈĨỊ", {'i', Shape::kPlain, true}},
    {"OÒÓỎÕỌ", {'o', Shape::kPlain, true}},       {"ÔỒỐỔỖỘ", {'o', Shape::kCircumflex, true}},
    {"ƠỜỚỞỠỢ", {'o', Shape::kHorn, true}},        {"UÙÚỦŨỤ", {'u', Shape::kPlain, true}},
    {"ƯỪỨỬỮỰ", {'u', Shape::kHorn, true}},        {"YỲÝỶỸỴ", {'y', Shape::kPlain, true}},
};

char32_t DecodeOne(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc >> 6) != 2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

void EncodeOne(char32_t cp, std::string& out) { AppendUtf8(cp, out); }

struct Tables {
  std::unordered_map<char32_t, Glyph> decompose;
  std::map<std::tuple<char32_t, Shape, Tone, bool>, char32_t> compose;
  Tables() {
    for (const auto& [row, form] : kRows) {
      std::string_view s(row);
      size_t i = 0;
      for (int tone = 0; tone < 6; ++tone) {
        const char32_t cp = DecodeOne(s, i);
        Add(cp, form.base, form.shape, static_cast<Tone>(tone), form.upper);
      }
    }
    Add(U'đ', 'd', Shape::kStroke, Tone::kLevel, false);
    Add(U'Đ', 'd', Shape::kStroke, Tone::kLevel, true);
    for (char32_t c = 'a'; c <= 'z'; ++c) {
      Add(c, c, Shape::kPlain, Tone::kLevel, false);
      Add(c - 'a' + 'A', c, Shape::kPlain, Tone::kLevel, true);
    }
  }
  void Add(char32_t cp, char32_t base, Shape shape, Tone tone, bool upper) {
    decompose[cp] = Glyph{base, true, upper, shape, tone};
    compose.emplace(std::make_tuple(base, shape, tone, upper), cp);
  }
};

const Tables& T() {
  static const Tables tables;
  return tables;
}

// A combining mark's effect on the letter before it; false if `cp` is none.
bool ApplyMark(char32_t cp, Glyph& g) {
  switch (cp) {
    case 0x0300:
    case 0x0340: g.tone = Tone::kGrave; return true;
    case 0x0301:
    case 0x0341: g.tone = Tone::kAcute; return true;
    case 0x0309: g.tone = Tone::kHook; return true;
    case 0x0303: g.tone = Tone::kTilde; return true;
    case 0x0323: g.tone = Tone::kDot; return true;
    case 0x0302: g.shape = Shape::kCircumflex; return true;
    case 0x0306: g.shape = Shape::kBreve; return true;
    case 0x031B: g.shape = Shape::kHorn; return true;
    default: return false;
  }
}

bool IsDigit(const Glyph& g) { return !g.letter && g.base >= '0' && g.base <= '9'; }

}  // namespace

std::vector<Glyph> Decode(std::string_view utf8) {
  std::vector<Glyph> out;
  out.reserve(utf8.size());
  const Tables& t = T();
  size_t i = 0;
  while (i < utf8.size()) {
    const char32_t cp = DecodeOne(utf8, i);
    if (!out.empty() && out.back().letter) {
      Glyph marked = out.back();
      if (ApplyMark(cp, marked)) {
        out.back() = marked;
        continue;
      }
    }
    if (auto it = t.decompose.find(cp); it != t.decompose.end()) {
      out.push_back(it->second);
    } else {
      Glyph g;
      g.base = cp;
      out.push_back(g);
    }
  }
  return out;
}

std::string Encode(const std::vector<Glyph>& glyphs) {
  const Tables& t = T();
  std::string out;
  out.reserve(glyphs.size() + glyphs.size() / 2);
  for (const Glyph& g : glyphs) {
    if (!g.letter) {
      EncodeOne(g.base, out);
      continue;
    }
    if (auto it = t.compose.find({g.base, g.shape, g.tone, g.upper}); it != t.compose.end()) {
      EncodeOne(it->second, out);
      continue;
    }
    // A mark no composed letter carries (e.g. a horn on "a"): base + marks.
    EncodeOne(g.upper ? g.base - 'a' + 'A' : g.base, out);
    static constexpr char32_t kShapeMark[] = {0, 0x0302, 0x0306, 0x031B, 0};
    static constexpr char32_t kToneMark[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
    if (kShapeMark[static_cast<int>(g.shape)]) EncodeOne(kShapeMark[static_cast<int>(g.shape)], out);
    if (kToneMark[static_cast<int>(g.tone)]) EncodeOne(kToneMark[static_cast<int>(g.tone)], out);
  }
  return out;
}

std::string Nfc(std::string_view utf8) { return Encode(Decode(utf8)); }

std::string Lower(std::string_view utf8) {
  std::vector<Glyph> g = Decode(utf8);
  for (Glyph& x : g) x.upper = false;
  return Encode(g);
}

Key MakeKey(std::string_view utf8) {
  Key key;
  const std::vector<Glyph> in = Decode(utf8);
  bool pending_space = false;
  for (size_t i = 0; i < in.size(); ++i) {
    const Glyph& g = in[i];
    if (!g.letter && !IsDigit(g)) {
      pending_space = !key.glyphs.empty();
      continue;
    }
    const bool starts_word = key.glyphs.empty() || pending_space;
    if (pending_space) {
      Glyph space;
      space.base = ' ';
      key.glyphs.push_back(space);
      pending_space = false;
    }
    // Leading zeros of a number go ("05" is "5"), unless the number is 0.
    if (IsDigit(g) && g.base == '0' && (starts_word || !IsDigit(key.glyphs.back())) && i + 1 < in.size() &&
        IsDigit(in[i + 1]))
      continue;
    Glyph k = g;
    k.upper = false;
    if (k.letter && (k.shape != Shape::kPlain || k.tone != Tone::kLevel)) key.has_marks = true;
    key.glyphs.push_back(k);
  }
  return key;
}

std::string Key::Ascii() const {
  std::string out;
  out.reserve(glyphs.size());
  for (const Glyph& g : glyphs) out += static_cast<char>(g.base < 0x80 ? g.base : '?');
  return out;
}

std::string Key::Toned() const {
  std::string out;
  std::vector<Glyph> word;
  auto flush = [&] {
    Tone tone = Tone::kLevel;
    for (Glyph g : word) {
      if (g.tone != Tone::kLevel && tone == Tone::kLevel) tone = g.tone;
      g.tone = Tone::kLevel;
      out += Encode({g});
    }
    if (tone != Tone::kLevel) out += static_cast<char>('0' + static_cast<int>(tone));
    word.clear();
  };
  for (const Glyph& g : glyphs) {
    if (g.base == ' ' && !g.letter) {
      flush();
      out += ' ';
    } else {
      word.push_back(g);
    }
  }
  flush();
  return out;
}

size_t Key::words() const {
  if (glyphs.empty()) return 0;
  return 1 + static_cast<size_t>(std::count_if(glyphs.begin(), glyphs.end(),
                                               [](const Glyph& g) { return !g.letter && g.base == ' '; }));
}

int MarkDistance(const Key& written, const Key& name) {
  if (written.glyphs.size() != name.glyphs.size()) return -1;
  int cost = 0;
  Tone wt = Tone::kLevel, nt = Tone::kLevel;
  auto end_word = [&] {
    if (written.has_marks && wt != nt) ++cost;
    wt = nt = Tone::kLevel;
  };
  for (size_t i = 0; i < written.glyphs.size(); ++i) {
    const Glyph &a = written.glyphs[i], &b = name.glyphs[i];
    if (a.base != b.base || a.letter != b.letter) return -1;
    if (!a.letter && a.base == ' ') {
      end_word();
      continue;
    }
    if (written.has_marks && a.shape != b.shape) ++cost;
    if (a.tone != Tone::kLevel && wt == Tone::kLevel) wt = a.tone;
    if (b.tone != Tone::kLevel && nt == Tone::kLevel) nt = b.tone;
  }
  end_word();
  return cost;
}

int AsciiEditDistance(std::string_view a, std::string_view b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace hoso::vn
