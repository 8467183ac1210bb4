// Extraction: from the OCR of a dossier's pages to its document type, date
// and fields. Each page is classified by its title (templates in
// models/doctypes); the dossier's type is its main form's, or citizen_id for
// a lone card copy. Fields are read by their labels on the form, and on the
// ID copy, which fills what the form lacks and is compared with it. The
// document date comes from the place-and-date line ("Hà Nội, ngày 05
// tháng 7 năm 2025"). A dossier no form's title matches, whose page
// carries an official document's header (extract/official.h: a công văn,
// a quyết định ...), is that document: its type is the kind's and its
// fields are the archive's (doc_kind, doc_number, doc_symbol, issuer,
// issuer_parent, issue_place, subject, doc_date, signer_name, signer_title).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/ocr_page.h"
#include "core/record.h"
#include "extract/normalize.h"
#include "extract/templates.h"

namespace hoso {

struct ExtractOptions {
  // Flags' messages in English (default Vietnamese).
  bool english = false;
  // Without templates only the document date is found.
  std::shared_ptr<const Templates> templates;
  // Common names, to correct tone-mark errors in names (optional).
  std::shared_ptr<const NameList> names;
  // Labels learnt from reviewers' corrections (optional): a label's bare
  // words, one space apart, → the record key its value fills. Used for
  // labels whose meaning was not understood.
  std::shared_ptr<const std::map<std::string, std::string>> learnt;
  // Whether a text is an address the gazetteer can place (optional): a
  // value under a label nobody understood is then the applicant's
  // permanent address when no label gave one.
  std::function<bool(const std::string&)> is_address;
  // Unit names spelt as the gazetteer spells them, where OCR got only their
  // marks wrong ("tỉnh Cao Băng" -> "tỉnh Cao Bằng"; optional): an official
  // document's issuing bodies are named by their units.
  std::function<std::string(const std::string&)> spell_units;
  // A place's bare name spelt as the gazetteer spells the units of that
  // name (optional): an official document's place ("Cao Lành" -> "Cao Lãnh").
  std::function<std::string(const std::string&)> spell_place;
};

struct DossierDraft {
  std::string doc_type;                 // empty: not classified
  std::optional<std::string> doc_date;  // ISO YYYY-MM-DD
  std::map<std::string, FieldValue> fields;
  std::vector<OtherValue> other;  // labelled values no field took
  std::vector<Flag> flags;
};

// `pages` are in dossier order; blank pages are empty OcrPages.
DossierDraft Extract(const std::vector<OcrPage>& pages, const ExtractOptions& options);

// "ngày 05 tháng 7 năm 2025" (any case, tone marks optional, OCR spacing)
// -> "2025-07-05"; nullopt when absent or not a real date.
std::optional<std::string> FindPlaceDate(const std::string& text);

}  // namespace hoso
