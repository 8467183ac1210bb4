#include "record_lines.h"

#include "core/log.h"
#include "core/record_json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace hoso::cli {

namespace {

// The applicant as a clerk's screen shows them, not in full (a terminal's
// output ends up in logs): the family name and the initials, "Đỗ C. H.".
std::string ShortName(const std::string& name) {
  std::istringstream in(name);
  std::string out, word;
  for (bool first = true; in >> word; first = false) {
    if (first) {
      out = word;
      continue;
    }
    const unsigned char c = word[0];
    const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    out += " " + word.substr(0, std::min(len, word.size())) + ".";
  }
  return out;
}

// Why a dossier waits for a person: its flags that are not for information,
// the address's suggestion beside its flag.
std::string WhyReview(const DossierRecord& r) {
  std::string why;
  for (const auto& f : r.flags) {
    if (f.severity == Severity::kInfo) continue;
    std::string item = f.code;
    if (!f.field.empty() && f.code.rfind("ADDRESS_", 0) != 0) item += " " + f.field;
    if (why.find(item) == std::string::npos) why += (why.empty() ? "" : "; ") + item;
  }
  return why;
}

}  // namespace

std::string HumanLine(const DossierRecord& r) {
  std::ostringstream o;
  const bool duplicate = r.HasFlag("DUPLICATE");
  char status[16];
  std::snprintf(status, sizeof status, "%-13s", duplicate ? "already known" : DossierStatusName(r.status));
  o << status << ' ' << r.source;
  if (r.status == DossierStatus::kRejected && r.error) {
    o << "  " << r.error->code << ": " << r.error->message;
    return o.str();
  }
  o << "  #" << r.dossier_id;
  if (duplicate) {
    o << " (" << DossierStatusName(r.status) << ")";
    return o.str();
  }
  int blank = 0;
  for (const auto& p : r.pages) blank += p.blank;
  o << "  " << r.pages.size() << (r.pages.size() == 1 ? " page" : " pages");
  if (blank) o << " (" << blank << " blank)";
  if (!r.doc_type.empty()) o << "  " << r.doc_type;
  if (auto it = r.fields.find("full_name"); it != r.fields.end()) o << "  " << ShortName(it->second.value);
  if (auto it = r.fields.find("id_number"); it != r.fields.end()) o << "  ID " << Mask(it->second.value);
  if (r.address) {
    o << "  address " << r.address->status;
    if (r.address->status == "outdated" && r.address->suggested)
      o << " → " << r.address->suggested->ward << ", " << r.address->suggested->province;
  }
  if (r.status == DossierStatus::kNeedsReview) {
    const std::string why = WhyReview(r);
    if (!why.empty()) o << "\n              why: " << why;
  }
  for (const auto& f : r.flags)
    if (f.code == "ID_SEEN_BEFORE") o << "\n              " << f.message;
  return o.str();
}

std::string Duration(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

bool RecordSink::Open(const std::string& json_path, bool append, bool quiet) {
  quiet_ = quiet;
  if (json_path == "-") {
    json_ = &std::cout;
  } else if (!json_path.empty()) {
    file_.open(json_path, std::ios::out | (append ? std::ios::app : std::ios::trunc));
    if (!file_) return false;
    json_ = &file_;
  }
  return true;
}

void RecordSink::Write(const DossierRecord& r) {
  if (json_) *json_ << RecordToJson(r) << '\n' << std::flush;
  if (!quiet_) (json_on_stdout() ? std::cerr : std::cout) << HumanLine(r) << std::endl;
}

void RecordBatchRun(Registry& registry, const std::string& command, const BatchSummary& summary) {
  if (summary.pages <= 0) return;
  (void)registry.RecordBatch({"", command, summary.registered + summary.needs_review + summary.rejected, summary.pages,
                              summary.elapsed_seconds});
}

std::string SummaryCounts(const std::string& command, const BatchSummary& s) {
  return command + ": " + std::to_string(s.registered) + " registered, " + std::to_string(s.needs_review) +
         " needs review, " + std::to_string(s.rejected) + " rejected, " + std::to_string(s.duplicates) +
         " already known";
}

}  // namespace hoso::cli
