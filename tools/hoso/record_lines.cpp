#include "record_lines.h"

#include "core/record_json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace hoso::cli {

namespace {

std::string FirstLines(const DossierRecord& r, size_t max_chars) {
  for (const auto& p : r.pages) {
    if (p.blank) continue;
    std::istringstream in(p.text);
    std::string line, out;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      if (!out.empty()) out += " / ";
      out += line;
      if (out.size() >= max_chars) break;
    }
    if (out.size() > max_chars) {
      size_t cut = max_chars;
      while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
      out = out.substr(0, cut) + "…";
    }
    return out;
  }
  return {};
}

}  // namespace

std::string HumanLine(const DossierRecord& r) {
  std::ostringstream o;
  char status[16];
  std::snprintf(status, sizeof status, "%-12s", DossierStatusName(r.status));
  o << status << ' ' << r.source;
  if (r.status == DossierStatus::kRejected && r.error) {
    o << "  " << r.error->code << ": " << r.error->message;
    return o.str();
  }
  int blank = 0;
  for (const auto& p : r.pages) blank += p.blank;
  o << "  #" << r.dossier_id << "  " << r.pages.size() << (r.pages.size() == 1 ? " page" : " pages");
  if (blank) o << " (" << blank << " blank)";
  if (!r.doc_type.empty()) o << "  " << r.doc_type;
  if (r.doc_date) o << "  dated " << *r.doc_date;
  for (const auto& f : r.flags) o << "  [" << f.code << "]";
  const std::string text = FirstLines(r, 70);
  if (!text.empty()) o << "\n             “" << text << "”";
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
         " needs review, " + std::to_string(s.rejected) + " rejected (" + std::to_string(s.duplicates) +
         " already known)";
}

}  // namespace hoso::cli
