#include "address_styles.h"

#include "core/vn_text.h"

namespace samplegen {

using hoso::vn::Glyph;
using hoso::vn::Shape;
using hoso::vn::Tone;

const std::vector<AddressStyle>& AllAddressStyles() {
  static const std::vector<AddressStyle> kAll = {
      AddressStyle::kAsIs,        AddressStyle::kLower,    AddressStyle::kUpper,      AddressStyle::kNoMarks,
      AddressStyle::kAbbreviated, AddressStyle::kNoCommas, AddressStyle::kDecomposed, AddressStyle::kOldTonePlacement,
      AddressStyle::kOcrMarks};
  return kAll;
}

const char* AddressStyleName(AddressStyle style) {
  switch (style) {
    case AddressStyle::kAsIs: return "as_written";
    case AddressStyle::kLower: return "lower_case";
    case AddressStyle::kUpper: return "upper_case";
    case AddressStyle::kNoMarks: return "no_tone_marks";
    case AddressStyle::kAbbreviated: return "abbreviated";
    case AddressStyle::kNoCommas: return "no_commas";
    case AddressStyle::kDecomposed: return "nfd";
    case AddressStyle::kOldTonePlacement: return "old_tone_placement";
    case AddressStyle::kOcrMarks: return "ocr_mark_errors";
  }
  return "?";
}

namespace {

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
  return s;
}

// One code point as UTF-8.
void Encode(char32_t cp, std::string& out) {
  Glyph g;
  g.base = cp;
  out += hoso::vn::Encode({g});
}

// NFD: base letter, then the shape mark, then the tone mark.
std::string Decomposed(const std::string& text) {
  std::string out;
  for (const Glyph& g : hoso::vn::Decode(text)) {
    if (!g.letter || g.shape == Shape::kStroke) {
      out += hoso::vn::Encode({g});
      continue;
    }
    Glyph bare = g;
    bare.shape = Shape::kPlain;
    bare.tone = Tone::kLevel;
    out += hoso::vn::Encode({bare});
    static constexpr char32_t kShape[] = {0, 0x0302, 0x0306, 0x031B, 0};
    static constexpr char32_t kTone[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
    if (kShape[static_cast<int>(g.shape)]) Encode(kShape[static_cast<int>(g.shape)], out);
    if (kTone[static_cast<int>(g.tone)]) Encode(kTone[static_cast<int>(g.tone)], out);
  }
  return out;
}

// "hòa" -> "hoà", "thủy" -> "thuỷ": the tone on the second vowel of oa, oe, uy.
std::string OldTonePlacement(const std::string& text) {
  std::vector<Glyph> g = hoso::vn::Decode(text);
  for (size_t i = 0; i + 1 < g.size(); ++i) {
    const bool end = i + 2 >= g.size() || !g[i + 2].letter;
    const char32_t a = g[i].base, b = g[i + 1].base;
    const bool pair = (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
    if (end && pair && g[i].letter && g[i + 1].letter && g[i].shape == Shape::kPlain &&
        g[i + 1].shape == Shape::kPlain && g[i].tone != Tone::kLevel && g[i + 1].tone == Tone::kLevel) {
      g[i + 1].tone = g[i].tone;
      g[i].tone = Tone::kLevel;
    }
  }
  return hoso::vn::Encode(g);
}

}  // namespace

std::string Restyle(const std::string& text, AddressStyle style, Rng& rng) {
  switch (style) {
    case AddressStyle::kAsIs: return text;
    case AddressStyle::kLower: return hoso::vn::Lower(text);
    case AddressStyle::kUpper: {
      auto g = hoso::vn::Decode(text);
      for (auto& x : g)
        if (x.letter) x.upper = true;
      return hoso::vn::Encode(g);
    }
    case AddressStyle::kNoMarks: {
      auto g = hoso::vn::Decode(text);
      for (auto& x : g)
        if (x.letter) {
          x.shape = Shape::kPlain;
          x.tone = Tone::kLevel;
        }
      return hoso::vn::Encode(g);
    }
    case AddressStyle::kAbbreviated: {
      std::string s = text;
      for (const auto& [from, to] :
           std::vector<std::pair<std::string, std::string>>{{"thành phố Hồ Chí Minh", "TP.HCM"},
                                                            {"thành phố ", "TP. "},
                                                            {"phường ", "P. "},
                                                            {"quận ", "Q."},
                                                            {"huyện ", "H. "},
                                                            {"thị xã ", "TX. "},
                                                            {"thị trấn ", "TT. "},
                                                            {"xã ", "X. "},
                                                            {"tỉnh ", ""}})
        s = ReplaceAll(s, from, to);
      return s;
    }
    case AddressStyle::kNoCommas: return ReplaceAll(text, ", ", " ");
    case AddressStyle::kDecomposed: return Decomposed(text);
    case AddressStyle::kOldTonePlacement: return OldTonePlacement(text);
    case AddressStyle::kOcrMarks: {
      // One or two of OCR's confusions: the tone on a circumflex letter,
      // đ read as d, a horn lost.
      auto g = hoso::vn::Decode(text);
      const int changes = rng.Int(1, 2);
      for (int c = 0; c < changes; ++c) {
        std::vector<size_t> marked;
        for (size_t i = 0; i < g.size(); ++i)
          if (g[i].letter && (g[i].shape != Shape::kPlain || g[i].tone != Tone::kLevel)) marked.push_back(i);
        if (marked.empty()) break;
        Glyph& x = g[marked[rng.Next() % marked.size()]];
        if (x.shape == Shape::kCircumflex && x.tone != Tone::kLevel)
          x.tone = x.tone == Tone::kAcute ? Tone::kHook : Tone::kAcute;  // ế <-> ể
        else if (x.shape == Shape::kStroke || x.shape == Shape::kHorn)
          x.shape = Shape::kPlain;  // đ -> d, ư -> u, ơ -> o
        else if (x.tone != Tone::kLevel)
          x.tone = x.tone == Tone::kTilde ? Tone::kHook : Tone::kTilde;  // ã <-> ả
        else
          x.shape = Shape::kPlain;
      }
      return hoso::vn::Encode(g);
    }
  }
  return text;
}

}  // namespace samplegen
