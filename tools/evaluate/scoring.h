// Scoring hoso (and other OCR engines) against generated ground truth: the
// pure part of tools/evaluate, with no files or processes, so every metric
// is tested on hand-made cases.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/record.h"
#include "core/status.h"

namespace evaluate {

struct TruthPage {
  int index = 0;
  std::string kind;  // form | id_copy | blank
  std::string text;  // lines joined by newlines
  int rotation = 0;
  double skew_deg = 0;
  bool blank = false;
  double strength = 0;  // strongest damage on the page, 0..1
};

struct TruthAddress {
  std::string status;  // current | outdated | ambiguous
  std::string ward_code;
  std::vector<std::string> candidates;
  std::string style;  // how it is written: in_full or a transition style (samplegen)
};

// An official document's header as an archive records it (a real page's
// NAME.truth.json: doc_kind, number, symbol, issuer, issuer_parent, place,
// date, subject, and which of them were written by hand).
struct TruthHeader {
  std::map<std::string, std::string> values;  // by the truth's keys
  std::vector<std::string> handwritten;       // "number", "date.day", ...
};
// nullopt when the JSON is no document header (no doc_kind).
std::optional<TruthHeader> ParseTruthHeader(const std::string& json);

struct TruthDossier {
  std::optional<TruthHeader> header;
  std::string file;
  std::string doc_type;
  std::optional<std::string> doc_date;
  std::map<std::string, std::string> fields;
  bool id_consistent = true;
  TruthAddress address;
  std::vector<TruthPage> pages;
};

hoso::Result<TruthDossier> ParseTruth(const std::string& json_line);

// Truth that is plain text (real pages, transcribed by hand): the file's
// pages separated by form feeds ('\f'), each page's lines as written. Only
// the text is known: no fields, no address, upright, never blank.
TruthDossier TruthFromText(const std::string& file, const std::string& text);

// Which truth text an input file has among `truth_files` (file names): its
// own, NAME.gt.txt, or else that of the longest prefix of its name that
// ends before a '-' (a degraded copy, "letter-photo-blur.jpg", shares its
// original's truth, "letter-photo.gt.txt"). nullopt when there is none.
std::optional<std::string> TruthTextFor(const std::string& file, const std::vector<std::string>& truth_files);

// "none" (0), "light" (< 0.34), "medium" (< 0.67), "heavy".
std::string StrengthBucket(double strength);

struct TextStats {
  int pages = 0;
  double cer = 0;          // mean page CER
  double word_recall = 0;  // mean page word recall
};
struct TextScore {
  TextStats all;
  std::map<std::string, TextStats> by_strength;
  struct Page {
    std::string file;
    int index = 0;
    double cer = 0;
    double strength = 0;
  };
  std::vector<Page> pages;  // every scored page, for the worst cases
};

// Page texts per file (in page order; missing pages read as empty). Blank
// truth pages are not scored.
using PageTexts = std::map<std::string, std::vector<std::string>>;
TextScore ScoreText(const std::vector<TruthDossier>& truth, const PageTexts& texts);

struct PageScore {
  int pages = 0;
  double rotation_accuracy = 0;  // pages whose rotation is right
  double blank_accuracy = 0;     // pages whose blank verdict is right
  int skew_pages = 0;            // non-blank pages with the right rotation
  double skew_median_error = 0;  // degrees
  double skew_p90_error = 0;
};
// `records` by file name.
PageScore ScorePages(const std::vector<TruthDossier>& truth, const std::map<std::string, hoso::DossierRecord>& records);

struct FieldScore {
  int dossiers = 0;
  double doc_type_accuracy = 0;
  double doc_date_accuracy = 0;                  // over dossiers with a date
  std::map<std::string, double> field_accuracy;  // exact match, per canonical key
  std::map<std::string, int> field_counts;
  int forms = 0;                        // dossiers with an applicant (not official documents)
  double all_core_fields_accuracy = 0;  // forms with every core field right
  // The same over dossiers whose every page is undamaged or lightly damaged.
  int light_dossiers = 0;
  double all_core_fields_light_accuracy = 0;
  // ID checks: deliberately inconsistent IDs caught (ID_NUMBER_MISMATCH or
  // _INVALID), and consistent ones flagged all the same.
  int inconsistent_ids = 0, inconsistent_caught = 0;
  int consistent_ids = 0, consistent_flagged = 0;
};
FieldScore ScoreFields(const std::vector<TruthDossier>& truth,
                       const std::map<std::string, hoso::DossierRecord>& records);

struct AddressScore {
  int dossiers = 0;
  double status_accuracy = 0;
  int outdated = 0;
  double suggestion_accuracy = 0;  // outdated: the suggested ward's code
  int ambiguous = 0;
  double candidates_accuracy = 0;  // ambiguous: the same set of candidates
  // The whole verdict right (status, and the ward or the candidates), by the
  // way the address is written: (right, of).
  std::map<std::string, std::pair<int, int>> by_style;
};
AddressScore ScoreAddresses(const std::vector<TruthDossier>& truth,
                            const std::map<std::string, hoso::DossierRecord>& records);

// Official documents' headers, each value: right (the subject within 5%
// CER, the others equal without regard to case), flagged (wrong or missing,
// with a HANDWRITTEN or FIELD_MISSING flag on its field: a person is asked),
// or wrong (a wrong value nobody is asked to look at — the failure that
// matters), or missing (not read, not flagged).
struct HeaderScore {
  int documents = 0;
  struct Counts {
    int right = 0, flagged = 0, wrong = 0, missing = 0;
  };
  std::map<std::string, Counts> by_key;  // the truth's keys
  int handwritten = 0, handwritten_flagged = 0;
};
HeaderScore ScoreHeaders(const std::vector<TruthDossier>& truth,
                         const std::map<std::string, hoso::DossierRecord>& records);

// The canonical fields every dossier's truth carries.
const std::vector<std::string>& CoreFields();

}  // namespace evaluate
