// Addresses: the parser and the old→new verdict for addresses written with
// units abolished on 1 July 2025 (or changed on 30 April 2026), resolved
// against the versioned gazetteer as of a date.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "address/gazetteer.h"
#include "core/record.h"

namespace hoso {

// One unit as written: its unit word (canonical, lower case: "phường",
// "xã", "thị trấn", "đặc khu", "quận", "huyện", "thị xã", "thành phố",
// "tỉnh"; empty when none was written) and its name, with byte offsets.
struct WrittenUnit {
  std::string type;
  std::string name;
  size_t begin = 0, end = 0;  // the unit word included
  size_t name_begin = 0;
  // Read off the end of the street part: no unit word, no comma before it
  // ("12 Tứ Liên, Tây Hồ"), a name the written district holds.
  bool from_street = false;
  bool empty() const { return name.empty(); }
};

struct ParsedAddress {
  std::string input;
  std::string street;  // everything before the commune, exactly as written
  WrittenUnit commune, district, province;
};

// Splits an address into street part, commune, district and province. The
// gazetteer decides unmarked parts ("18 Phúc Xá, Ba Đình, Hà Nội").
ParsedAddress ParseAddress(std::string_view text, const Gazetteer& gazetteer);

// The address with its unit names spelt as the gazetteer spells them where
// OCR got only their marks (or one letter of a long name) wrong and the
// gazetteer leaves no doubt ("tỉnh Khanh Hòa" -> "tỉnh Khánh Hòa"), and its
// full unit words' marks mended ("tinh" -> "tỉnh"). The street part, and
// any address written without marks, are left as they are.
std::string SpellAddress(std::string_view text, const Gazetteer& gazetteer);

// A place's bare name, as an official document's date line writes it ("Cao
// Lãnh, ngày ..."): Decree 30 makes it the name of the unit where the
// issuing body sits, so a name that is no unit's but has the letters of
// units all spelt one way is spelt that way ("Cao Lành" -> "Cao Lãnh").
// A unit's own name, a name of no unit, and letters that units spell in
// more than one way are left as they are.
std::string SpellPlaceName(std::string_view name, const Gazetteer& gazetteer);

struct AddressOptions {
  std::string as_of;     // YYYY-MM-DD; empty means today
  std::string doc_date;  // the document's date, if known: before a change, a flag is info
  bool english = false;  // the verdict's message in English (default Vietnamese)
};

// The verdict on one address as of options.as_of.
AddressVerdict CheckAddress(std::string_view text, const Gazetteer& gazetteer, const AddressOptions& options);

// The verdict on the dossier's address field, or nullopt when the dossier
// has no address field.
std::optional<AddressVerdict> CheckDossierAddress(const std::map<std::string, FieldValue>& fields,
                                                  const Gazetteer& gazetteer, const AddressOptions& options);

// Today's date, YYYY-MM-DD (local time).
std::string Today();

}  // namespace hoso
