#include "core/record.h"

#include <algorithm>

namespace hoso {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "info";
}

std::optional<Severity> ParseSeverity(const std::string& s) {
  if (s == "info") return Severity::kInfo;
  if (s == "warning") return Severity::kWarning;
  if (s == "error") return Severity::kError;
  return std::nullopt;
}

const char* DossierStatusName(DossierStatus s) {
  switch (s) {
    case DossierStatus::kRegistered: return "registered";
    case DossierStatus::kNeedsReview: return "needs_review";
    case DossierStatus::kRejected: return "rejected";
  }
  return "rejected";
}

std::optional<DossierStatus> ParseDossierStatus(const std::string& s) {
  if (s == "registered") return DossierStatus::kRegistered;
  if (s == "needs_review") return DossierStatus::kNeedsReview;
  if (s == "rejected") return DossierStatus::kRejected;
  return std::nullopt;
}

bool DossierRecord::HasFlag(const std::string& code) const {
  return std::any_of(flags.begin(), flags.end(), [&](const Flag& f) { return f.code == code; });
}

}  // namespace hoso
