// DossierRecord: what hoso knows about one input file once it has been
// through the pipeline — the value written as one JSON line by
// `hoso process`, stored by the registry and shown to reviewers. Fields that
// later stages fill (doc_type, fields, address) stay empty until they do.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ocr_page.h"

namespace hoso {

enum class Severity { kInfo, kWarning, kError };
const char* SeverityName(Severity s);
std::optional<Severity> ParseSeverity(const std::string& s);

// A finding a person may need to look at. `code` is from the vocabulary of
// the issues (DUPLICATE, LOW_CONFIDENCE, ADDRESS_OUTDATED, ...).
struct Flag {
  std::string code;
  Severity severity = Severity::kInfo;
  std::string field;  // canonical field key, or empty for the dossier
  std::string message;
  bool operator==(const Flag&) const = default;
};

struct FieldValue {
  std::string value;
  double confidence = 0;  // 0..1
  int page = 0;           // index of the page it was read on
  Box bbox;               // on that page's cleaned image
  bool operator==(const FieldValue&) const = default;
};

// A "label: value" read on a page that filled no field: kept with the
// label as printed, so nothing read is lost (a form hoso does not know, an
// office's own line).
struct OtherValue {
  std::string label;
  std::string value;
  double confidence = 0;
  int page = 0;
  Box bbox;
  bool operator==(const OtherValue&) const = default;
};

struct PageRecord {
  int index = 0;
  int width = 0;  // of the cleaned, upright page
  int height = 0;
  int dpi = 0;                         // the working resolution (of width x height)
  std::string dpi_source = "file";     // "file" | "estimated" (from the text's size); "" unknown
                                       // (a page registered before hoso kept it)
  int file_dpi = 0;                    // the file's own value (0: it states none)
  bool perspective_corrected = false;  // a photo's sheet found and made rectangular
  int rotation = 0;                    // 0, 90, 180 or 270: clockwise turn applied to make it upright
  double skew_deg = 0;
  bool blank = false;
  double ocr_confidence = 0;  // 0..1
  std::string text;
};

// Parsed address and its old→new verdict (filled by pipeline/address).
struct AddressUnit {
  std::string commune_code;
  std::string commune;
  std::string district;
  std::string province;
};
struct AddressTarget {
  std::string ward_code;
  std::string ward;
  std::string province_code;
  std::string province;
  std::string kind;  // candidates only: whole, part, ...
  bool all_population = false;
  std::string basis;       // candidates only: the resolution's clause that made it ("1656/NQ-UBTVQH15, khoản 14")
  std::string basis_text;  // candidates only: that clause's words (which part of what went where)
};
struct AddressVerdict {
  std::string input;
  std::string status;                               // current | outdated | ambiguous | unknown
  std::string street, commune, district, province;  // "parsed"
  std::optional<AddressUnit> old;
  std::optional<AddressTarget> suggested;
  std::string suggested_text;
  std::vector<AddressTarget> candidates;
  std::string legal_basis;
  Severity severity = Severity::kInfo;
  std::string message;
  // How a unit written without its unit word was read, for a person to
  // confirm ("'Tứ Liên' at the end of the street part taken as the commune").
  std::string matched;
};

enum class DossierStatus { kRegistered, kNeedsReview, kRejected };
const char* DossierStatusName(DossierStatus s);
std::optional<DossierStatus> ParseDossierStatus(const std::string& s);

struct ErrorInfo {
  std::string code;
  std::string message;
};

struct DossierRecord {
  std::string source;           // the path as given on the command line
  std::string sha256;           // of the file's bytes, lower-case hex
  std::int64_t dossier_id = 0;  // 0 until registered
  DossierStatus status = DossierStatus::kRejected;
  std::optional<ErrorInfo> error;       // only when rejected
  std::string doc_type;                 // empty until classified
  std::string intake_point;             // the service point it was taken in at (--intake-point); may be empty
  std::string received_at;              // when first registered (UTC, ISO 8601); set by the registry
  std::optional<std::string> doc_date;  // YYYY-MM-DD
  std::vector<PageRecord> pages;
  std::map<std::string, FieldValue> fields;
  std::vector<OtherValue> other;  // labelled values no field took
  std::optional<AddressVerdict> address;
  std::vector<Flag> flags;

  bool HasFlag(const std::string& code) const;
};

}  // namespace hoso
