// Extraction: from the OCR of a dossier's pages to its document type, date
// and fields. This first version finds the document date on the
// place-and-date line ("Hà Nội, ngày 05 tháng 7 năm 2025"); classification
// and label-anchored fields arrive with their own issue and fill the same
// DossierDraft.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ocr_page.h"
#include "core/record.h"

namespace hoso {

struct ExtractOptions {};

struct DossierDraft {
  std::string doc_type;  // empty: not classified
  std::optional<std::string> doc_date;  // ISO YYYY-MM-DD
  std::map<std::string, FieldValue> fields;
  std::vector<Flag> flags;
};

// `pages` are in dossier order; blank pages are empty OcrPages.
DossierDraft Extract(const std::vector<OcrPage>& pages, const ExtractOptions& options);

// "ngày 05 tháng 7 năm 2025" (any case, tone marks optional, OCR spacing)
// -> "2025-07-05"; nullopt when absent or not a real date.
std::optional<std::string> FindPlaceDate(const std::string& text);

}  // namespace hoso
