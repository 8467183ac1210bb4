// Official documents in the archive: công văn, quyết định, thông báo ...
// Decree 30/2020/NĐ-CP fixes where each part of their header stands, so it
// is read by position and wording: the issuing body under its parent (top
// left, beside the national motto), "Số: 1535/SGDĐT-CTrTT" under it, the
// place and date under the motto, then the kind — a công văn's "V/v ..."
// line, or the kind's name in capitals (QUYẾT ĐỊNH) with the subject under
// it. That is the metadata Circular 02/2019/TT-BNV asks of a digitised
// document. The number and the day are often written in by hand after
// printing: where they read as handwriting would (not a number, not a day,
// read unsurely), they are marked for a person to key.
#pragma once

#include <optional>
#include <string>

#include "core/ocr_page.h"

namespace hoso {

struct HeaderPart {
  std::string value;  // as the archive records it; empty: not found
  double confidence = 0;
  Box box;
};

struct OfficialHeader {
  std::string kind;                 // "công văn", "quyết định", ... (Decree 30's names)
  std::string doc_type;             // the record's type: official_letter, decision, ...
  HeaderPart number;                // "1535"; as read when it is not a number
  HeaderPart symbol;                // "SGDĐT-CTrTT"
  HeaderPart issuer;                // "Sở Giáo dục và Đào tạo"
  HeaderPart issuer_parent;         // "UBND thành phố Đà Nẵng"; empty when none
  HeaderPart place;                 // "Đà Nẵng"
  HeaderPart date_line;             // "ngày 31 tháng 5 năm 2019" as read
  std::optional<std::string> date;  // ISO; nullopt when the line is no real date
  HeaderPart subject;               // without "V/v" / "Về việc"
  // Written in by hand, or unreadable as printed text would be.
  bool number_by_hand = false;
  bool day_by_hand = false;
};

// The header of an official document on `page`, or nullopt when the page
// is not one (no national motto, or neither a number-and-symbol line nor a
// kind's name under it).
std::optional<OfficialHeader> ReadOfficialHeader(const OcrPage& page);

// Who signed: the authority and title in capitals on the right of the
// last page, beside "Nơi nhận:" ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), and the
// name under the signature ("Trần Nguyễn Minh Thành"). nullopt when the
// page has no "Nơi nhận:" or no name under an authority.
struct Signer {
  HeaderPart title;  // the authority's lines as read, one space apart
  HeaderPart name;   // as printed (capitalised by the caller)
};
std::optional<Signer> ReadSigner(const OcrPage& page);

// An agency's name as Decree 30 writes it in running text, from the
// capitals of a header: "SỞ GIÁO DỤC VÀ ĐÀO TẠO" -> "Sở Giáo dục và Đào
// tạo", "UBND THÀNH PHỐ ĐÀ NẴNG" -> "UBND thành phố Đà Nẵng". Acronyms stay
// as written; the kind of body and the kinds of unit are spelt as they
// should be whatever OCR did to their marks.
std::string AgencyName(const std::string& capitals);

// The kind a symbol names by its first part ("QĐ-UBND" -> "quyết định");
// "công văn" when it names none (a công văn's symbol is the agency's).
std::string KindOfSymbol(const std::string& symbol);

// A symbol's capitals mended where OCR read them as something else: a
// digit before capitals read for the letter it looks like ("5TP-QLĐT" ->
// "STP-QLĐT"), a kind's abbreviation that lost its mark ("QD-SNV" ->
// "QĐ-SNV", where no other kind has those letters).
std::string SpellSymbol(const std::string& symbol);

}  // namespace hoso
