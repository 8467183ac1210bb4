// Official documents as Decree 30/2020/NĐ-CP lays them out — what archive
// teams digitise most (samplegen --letter-rate P): công văn, quyết định,
// thông báo, kế hoạch, tờ trình, báo cáo, giấy mời, from a ward's People's
// Committee, a district office (before the 1 July 2025 reform) or a
// provincial department. The header in two columns (issuing body under its
// parent | the national motto; "Số: 1535/SGDĐT-VP" | place and date), the
// subject (a công văn's "V/v" under its number, or under the kind's name in
// capitals), the body, then "Nơi nhận:" beside the signer's authority,
// signature, red stamp and name. The number and the day are sometimes
// written in by hand, in blue ink, into the blanks left for them.
#pragma once

#include <string>
#include <vector>

#include "people.h"

namespace samplegen {

struct Letter {
  std::string kind;      // "công văn", "quyết định", ... (Decree 30's names)
  std::string doc_type;  // the record's type hoso should give: official_letter, decision, ...
  // As printed, top left: the parent body's line (empty: none) and the
  // issuing body's lines (a long name over two).
  std::string parent_line;
  std::vector<std::string> issuer_lines;
  // As an archive records them (names as written in running text).
  std::string issuer, issuer_parent;
  std::string number, symbol, place, date;  // date ISO
  std::string subject;                      // without "V/v" / "Về việc"
  std::string subject_lead;                 // "V/v" (công văn), "Về việc" or "" (the others)
  std::string authority;                    // "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HỒNG HÀ" (decisions)
  std::vector<std::string> recipients;      // "Kính gửi:" list (công văn)
  std::vector<std::string> body;            // paragraphs
  std::vector<std::string> signer;          // "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"
  std::string signer_name;
  std::string stamp;  // the body's name on its stamp, capitals
  bool number_by_hand = false, day_by_hand = false;
};

Letter MakeLetter(Rng& rng, const UnitTable& units);

}  // namespace samplegen
