#include "validate/validate.h"

#include <cstdio>

namespace hoso {

std::vector<Flag> Validate(const DossierRecord& record, const ValidateOptions& options) {
  std::vector<Flag> flags;
  bool any_text = false;
  for (const auto& page : record.pages) {
    if (page.blank) continue;
    any_text = any_text || !page.text.empty();
    if (page.ocr_confidence < options.min_page_confidence) {
      char msg[160];
      std::snprintf(msg, sizeof msg, "page %d was read with confidence %.2f (below %.2f)",
                    page.index + 1, page.ocr_confidence, options.min_page_confidence);
      flags.push_back({"LOW_CONFIDENCE", Severity::kWarning, "", msg});
    }
  }
  if (!record.pages.empty() && !any_text)
    flags.push_back({"NO_TEXT", Severity::kWarning, "", "no text was found on any page"});
  if (record.address && record.address->status != "current") {
    static const char* kCodes[][2] = {
        {"outdated", "ADDRESS_OUTDATED"}, {"ambiguous", "ADDRESS_AMBIGUOUS"}, {"unknown", "ADDRESS_UNKNOWN"}};
    for (auto& c : kCodes)
      if (record.address->status == c[0])
        flags.push_back({c[1], record.address->severity, "permanent_address", record.address->message});
  }
  return flags;
}

DossierStatus Decide(const std::vector<Flag>& flags, const ValidateOptions& options) {
  for (const auto& f : flags) {
    if (f.severity == Severity::kInfo) continue;
    if (!options.address_flags_need_review && f.code.rfind("ADDRESS_", 0) == 0) continue;
    return DossierStatus::kNeedsReview;
  }
  return DossierStatus::kRegistered;
}

}  // namespace hoso
