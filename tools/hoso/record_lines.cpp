#include "record_lines.h"

#include "core/log.h"
#include "core/record_json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
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

Say TerminalLanguage(bool english_flag) {
  if (english_flag) return Say{true};
  for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (!value || !*value) continue;
    const std::string v = value;
    const bool vietnamese = v.rfind("vi", 0) == 0 || v == "C" || v.rfind("C.", 0) == 0 || v == "POSIX";
    return Say{!vietnamese};
  }
  return Say{false};
}

namespace {

// Padded to `width` letters (not bytes: Vietnamese letters take two or three).
std::string Pad(const std::string& s, size_t width) {
  size_t letters = 0;
  for (unsigned char c : s) letters += (c & 0xC0) != 0x80;
  return s + std::string(letters < width ? width - letters : 0, ' ');
}

std::string StatusWord(DossierStatus status, const Say& say) {
  switch (status) {
    case DossierStatus::kRegistered: return say("registered", "đã đăng ký");
    case DossierStatus::kNeedsReview: return say("needs_review", "chờ duyệt");
    case DossierStatus::kRejected: return say("rejected", "từ chối");
  }
  return "";
}

std::string AddressWord(const std::string& status, const Say& say) {
  if (status == "current") return say("address current", "địa chỉ đúng");
  if (status == "outdated") return say("address outdated", "địa chỉ cũ");
  if (status == "ambiguous") return say("address ambiguous", "địa chỉ chưa rõ");
  if (status == "unknown") return say("address unknown", "không nhận ra địa chỉ");
  return say("address ", "địa chỉ ") + status;
}

}  // namespace

std::string HumanLine(const DossierRecord& r, const Say& say) {
  std::ostringstream o;
  const bool duplicate = r.HasFlag("DUPLICATE");
  o << Pad(duplicate ? say("already known", "đã có") : StatusWord(r.status, say), 13) << ' ' << r.source;
  if (r.status == DossierStatus::kRejected && r.error) {
    o << "  " << RejectionWords(r.error->code, r.error->message, say);
    return o.str();
  }
  o << "  #" << r.dossier_id;
  if (duplicate) {
    o << " (" << StatusWord(r.status, say) << ")";
    return o.str();
  }
  int blank = 0;
  for (const auto& p : r.pages) blank += p.blank;
  o << "  " << r.pages.size() << (say.english ? (r.pages.size() == 1 ? " page" : " pages") : " trang");
  if (blank) o << " (" << blank << say(" blank", " trắng") << ")";
  if (!r.doc_type.empty()) o << "  " << r.doc_type;
  if (auto it = r.fields.find("full_name"); it != r.fields.end()) o << "  " << ShortName(it->second.value);
  if (auto it = r.fields.find("id_number"); it != r.fields.end())
    o << say("  ID ", "  CCCD ") << Mask(it->second.value);
  if (r.address) {
    o << "  " << AddressWord(r.address->status, say);
    if (r.address->status == "outdated" && r.address->suggested)
      o << " → " << r.address->suggested->ward << ", " << r.address->suggested->province;
  }
  if (r.status == DossierStatus::kNeedsReview) {
    const std::string why = WhyReview(r);
    if (!why.empty()) o << "\n              " << say("why: ", "lý do: ") << why;
  }
  for (const auto& f : r.flags)
    if (f.code == "ID_SEEN_BEFORE") o << "\n              " << f.message;
  return o.str();
}

std::string RejectionWords(const std::string& code, const std::string& message, const Say& say) {
  static const std::map<std::string, std::string> kVietnamese = {
      {"INPUT_NOT_FOUND", "không tìm thấy tệp"},
      {"INPUT_EMPTY", "tệp rỗng"},
      {"INPUT_UNSUPPORTED", "không phải tệp PDF, TIFF, JPEG hay PNG"},
      {"INPUT_TRUNCATED", "tệp không trọn vẹn (bị cắt khi chép hoặc gửi): chép hoặc quét lại"},
      {"INPUT_UNREADABLE", "không đọc được tệp: quét lại"},
      {"INPUT_TOO_LARGE", "tệp quá lớn"},
      {"INPUT_TOO_SMALL", "ảnh quá nhỏ để đọc: quét lại với độ phân giải cao hơn"},
      {"INPUT_TOO_MANY_PAGES", "tệp có quá nhiều trang: tách thành nhiều tệp"},
      {"INPUT_ENCRYPTED", "PDF có mật khẩu: cần bản không khóa"},
      {"OCR_FAILED", "không nhận dạng được chữ"},
      {"OCR_TIMEOUT", "đọc quá thời gian cho phép"},
      {"REGISTRY_FAILED", "không ghi được vào sổ đăng ký"},
      {"REVIEW_REJECTED", "người duyệt đã từ chối"},
      {"INTERNAL", "lỗi nội bộ của hoso"},
  };
  auto it = kVietnamese.find(code);
  if (say.english || it == kVietnamese.end()) return code + ": " + message;
  // A reviewer's reason is already the reviewer's own words.
  if (code == "REVIEW_REJECTED") return code + ": " + it->second + ": " + message;
  return code + ": " + it->second + " (" + message + ")";
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

bool RecordSink::Open(const std::string& json_path, bool append, bool quiet, const Say& say) {
  quiet_ = quiet;
  say_ = say;
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
  if (!quiet_) (json_on_stdout() ? std::cerr : std::cout) << HumanLine(r, say_) << std::endl;
}

void RecordBatchRun(Registry& registry, const std::string& command, const BatchSummary& summary) {
  if (summary.pages <= 0) return;
  (void)registry.RecordBatch({"", command, summary.registered + summary.needs_review + summary.rejected, summary.pages,
                              summary.elapsed_seconds});
}

std::string SummaryCounts(const std::string& command, const BatchSummary& s, const Say& say) {
  return command + ": " + std::to_string(s.registered) + say(" registered, ", " đã đăng ký, ") +
         std::to_string(s.needs_review) + say(" needs review, ", " chờ duyệt, ") + std::to_string(s.rejected) +
         say(" rejected, ", " từ chối, ") + std::to_string(s.duplicates) + say(" already known", " đã có từ trước");
}

std::string PagesAndSpeed(const BatchSummary& s, const Say& say) {
  char line[128];
  std::snprintf(line, sizeof line,
                say("%d pages in %.1f s (%.2f pages/s)", "%d trang trong %.1f s (%.2f trang/s)").c_str(), s.pages,
                s.elapsed_seconds, s.elapsed_seconds > 0 ? s.pages / s.elapsed_seconds : 0.0);
  return line;
}

}  // namespace hoso::cli
