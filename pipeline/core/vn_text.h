// Vietnamese text as people and OCR write it: composed or decomposed
// (NFC / NFD), the tone mark on either vowel ("hòa" / "hoà"), upper or lower
// case, with or without tone marks, and with OCR's confusions of the marks
// (ế/ể/ễ, đ/d, ơ/o, ư/u). Names are compared letter by letter on three
// layers: the bare letters, the vowel shapes (â ă ê ô ơ ư đ) and the tones.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hoso::vn {

enum class Shape : unsigned char { kPlain, kCircumflex, kBreve, kHorn, kStroke };
enum class Tone : unsigned char { kLevel, kGrave, kAcute, kHook, kTilde, kDot };

// One written unit of text: a letter with its marks, or any other code point.
struct Glyph {
  char32_t base = 0;  // lower-case ASCII letter for Vietnamese letters; else the code point
  bool letter = false;
  bool upper = false;
  Shape shape = Shape::kPlain;
  Tone tone = Tone::kLevel;
};

// Decodes UTF-8 (composed or decomposed marks) into glyphs; invalid bytes
// become U+FFFD.
std::vector<Glyph> Decode(std::string_view utf8);
// Encodes glyphs as composed UTF-8 (NFC for Vietnamese).
std::string Encode(const std::vector<Glyph>& glyphs);
// NFC for Vietnamese text: decomposed marks composed, nothing else changed.
std::string Nfc(std::string_view utf8);
// Lower case (Vietnamese letters and ASCII), composed.
std::string Lower(std::string_view utf8);

// A name reduced for comparison: words of lower-case letters and digits,
// one space apart, punctuation dropped, numbers without leading zeros
// ("Phường 05" and "phường 5" agree).
struct Key {
  std::vector<Glyph> glyphs;  // letters/digits and single spaces
  bool has_marks = false;     // any shape or tone written at all
  // Bare letters only ("hoa binh", "dong da"): the index key.
  std::string Ascii() const;
  // Letters with shapes, tone of each word as a trailing digit, so both
  // tone placements agree ("hoa2 binh2"). Exact comparison.
  std::string Toned() const;
  size_t words() const;
};
Key MakeKey(std::string_view utf8);

// How far a written name is from a gazetteer name with the same bare
// letters (Ascii() equal): each word whose tone differs costs 1, each
// letter whose shape differs costs 1; marks the writer left out entirely
// (no marks anywhere) cost nothing. -1 when the bare letters differ.
int MarkDistance(const Key& written, const Key& name);

// Levenshtein distance between the bare-letter forms (for OCR letter errors).
int AsciiEditDistance(std::string_view a, std::string_view b);

}  // namespace hoso::vn
