#include "batch_report.h"

#include "record_lines.h"

#include "core/html.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hoso::cli {

namespace {

std::string Fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

void BatchReport::Add(const DossierRecord& r, double seconds, int pages) {
  ++inputs_;
  done_.push_back({r.source, seconds, pages});
  for (const auto& f : r.flags) ++flags_[f.code];
  for (const PageRecord& p : r.pages)
    if (p.blank) blank_.push_back({r.source, p.index + 1, BlankPagePicture(r, p.index)});
  if (r.status == DossierStatus::kRejected)
    rejected_.emplace_back(r.source, r.error.value_or(ErrorInfo{"UNKNOWN", ""}));
}

std::vector<BatchReport::Done> BatchReport::Slowest(size_t n) const {
  std::vector<Done> out = done_;
  std::sort(out.begin(), out.end(), [](const Done& a, const Done& b) { return a.seconds > b.seconds; });
  if (out.size() > n) out.resize(n);
  return out;
}

std::string BatchReport::Json(const BatchSummary& s, const std::string& pictures) const {
  Poco::JSON::Object o;
  o.set("inputs", inputs_);
  o.set("registered", s.registered);
  o.set("needs_review", s.needs_review);
  o.set("rejected", s.rejected);
  o.set("duplicates", s.duplicates);
  o.set("pages", s.pages);
  o.set("seconds", s.elapsed_seconds);
  o.set("pages_per_second", s.elapsed_seconds > 0 ? s.pages / s.elapsed_seconds : 0.0);
  Poco::JSON::Object flags;
  for (const auto& [code, n] : flags_) flags.set(code, n);
  o.set("flags", flags);
  Poco::JSON::Array slowest;
  for (const Done& d : Slowest(10)) {
    Poco::JSON::Object x;
    x.set("source", d.source);
    x.set("seconds", d.seconds);
    x.set("pages", d.pages);
    slowest.add(x);
  }
  o.set("slowest", slowest);
  Poco::JSON::Array rejected;
  for (const auto& [source, error] : rejected_) {
    Poco::JSON::Object x;
    x.set("source", source);
    x.set("code", error.code);
    x.set("message", error.message);
    rejected.add(x);
  }
  o.set("rejected_files", rejected);
  Poco::JSON::Array blank;
  for (const BlankPage& b : blank_) {
    Poco::JSON::Object x;
    x.set("source", b.source);
    x.set("page", b.page);
    x.set("picture", pictures + "/" + b.picture);
    blank.add(x);
  }
  o.set("blank_pages", blank);
  std::ostringstream out;
  o.stringify(out, 2);
  return out.str();
}

std::string BatchReport::Html(const BatchSummary& s, const std::string& pictures) const {
  std::ostringstream h;
  h << "<!doctype html><meta charset=utf-8><title>hoso batch report</title>"
       "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
       "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}td.n{text-align:right}</style>"
       "<h1>Batch report</h1><table>"
    << "<tr><th>inputs<td class=n>" << inputs_ << "<tr><th>registered<td class=n>" << s.registered
    << "<tr><th>needs review<td class=n>" << s.needs_review << "<tr><th>rejected<td class=n>" << s.rejected
    << "<tr><th>already known<td class=n>" << s.duplicates << "<tr><th>pages<td class=n>" << s.pages
    << "<tr><th>seconds<td class=n>" << Fixed(s.elapsed_seconds, 1) << "<tr><th>pages per second<td class=n>"
    << Fixed(s.elapsed_seconds > 0 ? s.pages / s.elapsed_seconds : 0, 2) << "</table><h2>Flags</h2><table>"
    << "<tr><th>flag<th>dossiers";
  for (const auto& [code, n] : flags_) h << "<tr><td>" << HtmlEscape(code) << "<td class=n>" << n;
  h << "</table><h2>Slowest files</h2><table><tr><th>file<th>seconds<th>pages";
  for (const Done& d : Slowest(10))
    h << "<tr><td>" << HtmlEscape(d.source) << "<td class=n>" << Fixed(d.seconds, 1) << "<td class=n>" << d.pages;
  h << "</table><h2>Rejected files</h2><table><tr><th>file<th>error<th>why";
  for (const auto& [source, e] : rejected_)
    h << "<tr><td>" << HtmlEscape(source) << "<td>" << HtmlEscape(e.code) << "<td>" << HtmlEscape(e.message);
  h << "</table><h2>Pages called blank (not read)</h2>";
  if (blank_.empty()) h << "<p>none";
  for (const BlankPage& b : blank_) {
    const std::string picture = HtmlEscape(pictures + "/" + b.picture);
    h << "<figure style=\"display:inline-block;margin:0 1em 1em 0\"><a href=\"" << picture << "\"><img src=\""
      << picture << "\" alt=\"\" style=\"max-height:240px;border:1px solid #999\"></a><figcaption>"
      << HtmlEscape(b.source) << ", page " << b.page << "</figcaption></figure>";
  }
  h << "\n";
  return h.str();
}

std::string BatchReport::Terminal(const Say& say) const {
  std::ostringstream t;
  if (!flags_.empty()) {
    t << say("flags:", "cảnh báo:");
    for (const auto& [code, n] : flags_) t << "  " << code << " " << n;
    t << "\n";
  }
  if (done_.size() > 1) {
    t << say("slowest:", "lâu nhất:");
    for (const Done& d : Slowest(3)) t << "  " << d.source << " (" << Fixed(d.seconds, 1) << " s)";
    t << "\n";
  }
  if (!blank_.empty()) {
    t << say("blank, not read:", "trang trắng, không đọc:");
    for (size_t i = 0; i < blank_.size() && i < 5; ++i)
      t << "  " << blank_[i].source << say(" p", " tr.") << blank_[i].page;
    if (blank_.size() > 5)
      t << say("  and ", "  và ") << blank_.size() - 5 << say(" more (see --report)", " trang nữa (xem --report)");
    t << "\n";
  }
  for (const auto& [source, e] : rejected_)
    t << say("rejected: ", "từ chối: ") << source << "  " << RejectionWords(e.code, e.message, say) << "\n";
  return t.str();
}

std::string BatchReport::Prefix(const std::string& path) {
  std::string prefix = path;
  for (const std::string ext : {".json", ".html"})
    if (prefix.size() > ext.size() && prefix.compare(prefix.size() - ext.size(), std::string::npos, ext) == 0)
      prefix.resize(prefix.size() - ext.size());
  return prefix;
}

std::string BatchReport::BlankPicturesDir(const std::string& path) { return Prefix(path) + "-blank"; }

Status BatchReport::Write(const std::string& path, const BatchSummary& summary) const {
  const std::string prefix = Prefix(path);
  // The pictures as the report's own folder sees them.
  const std::string pictures = std::filesystem::path(BlankPicturesDir(path)).filename().string();
  std::ofstream json(prefix + ".json"), html(prefix + ".html");
  json << Json(summary, pictures) << "\n";
  html << Html(summary, pictures);
  if (!json || !html) return Status::Error(ErrorCode::kInvalidArgument, "cannot write the report at " + prefix);
  return Status::Ok();
}

}  // namespace hoso::cli
